"""How a page becomes a search document, whatever app it belongs to.

`build_document(page)` returns the `IndexDocument` every backend indexes, or None when the page
must not be findable (not live, behind a Wagtail view restriction, or of a type no app has
registered). Documents read the published page (the page row holds the live content, drafts
live in revisions), so a draft never reaches the index. What a page's document holds is declared
by its app (see `search.registry`).
"""

from collections.abc import Iterator

from wagtail.models import Page, PageViewRestriction

from . import registry
from .backends.base import IndexDocument


def is_restricted(page: Page) -> bool:
    """Pages behind a Wagtail privacy setting (password, groups, login) are never indexed."""
    return PageViewRestriction.objects.filter(
        page__in=Page.objects.ancestor_of(page, inclusive=True)
    ).exists()


def build_document(page: Page) -> IndexDocument | None:
    """The page as a search document, or None when it must not be findable."""
    page = page.specific
    document = registry.document_for(page)
    if document is None or not page.live or is_restricted(page):
        return None
    return document.build(page)


def indexable_pages() -> Iterator[Page]:
    """Every live, unrestricted page of a registered type (specific instances, with what their
    documents need loaded in bulk), for rebuilds and drift checks."""
    for document in registry.registered():
        yield from document.get_queryset().iterator(chunk_size=200)


def indexable_page_count() -> int:
    return sum(document.get_queryset().count() for document in registry.registered())
