"""How a page (or another registered object) becomes a search document, whatever app it belongs to.

`build_document(obj)` returns the `IndexDocument` every backend indexes, or None when it must not
be findable (a page not live or behind a Wagtail view restriction, an object its document says
is not findable, or of a type no app has registered). Documents read the published page (the
page row holds the live content, drafts live in revisions), so a draft never reaches the index.
What a document holds is declared by its app (see `search.registry`).
"""

from collections.abc import Iterator

from wagtail.models import Page, PageViewRestriction

from . import registry
from .backends.base import IndexDocument
from .keys import object_reference


def is_restricted(page: Page) -> bool:
    """Pages behind a Wagtail privacy setting (password, groups, login) are never indexed."""
    return PageViewRestriction.objects.filter(
        page__in=Page.objects.ancestor_of(page, inclusive=True)
    ).exists()


def build_document(obj) -> IndexDocument | None:
    """The page or object as a search document, or None when it must not be findable."""
    if isinstance(obj, Page):
        obj = obj.specific
        document = registry.document_for(obj)
        if document is None or not obj.live or is_restricted(obj):
            return None
        return document.build(obj)
    document = registry.document_for(obj)
    return document.build(obj) if document is not None else None


def load(key: int):
    """The page or registered object a document key stands for (None when it is gone)."""
    reference = object_reference(key)
    if reference is None:
        return Page.objects.filter(pk=key).first() if key > 0 else None
    model, object_id = reference
    document = registry.document_for_model(model)
    if document is None:
        return None
    return document.get_queryset().filter(pk=object_id).first()


def indexable_objects() -> Iterator:
    """Every page and object of a registered type that may be findable (with what their
    documents need loaded in bulk), for rebuilds and drift checks."""
    for document in registry.registered():
        yield from document.get_queryset().iterator(chunk_size=200)


def indexable_count() -> int:
    return sum(document.get_queryset().count() for document in registry.registered())
