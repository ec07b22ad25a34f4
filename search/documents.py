"""How a page becomes a search document: one builder per indexed page type.

`build_document(page)` returns the `IndexDocument` every backend indexes, or None when the page
must not be findable (not live, behind a Wagtail view restriction, or of a type search does not
index). Builders read the published page (the page row holds the live content, drafts live in
revisions), so a draft never reaches the index.
"""

import hashlib
import json
from collections.abc import Iterator

from django.apps import apps
from django.utils.html import strip_tags
from django.utils.text import slugify

from wagtail.models import Page, PageViewRestriction

from networks.models import NetworkPage

from .backends.base import IndexDocument
from .extraction import cached_document_text
from .models import DocumentKind, Visibility
from .query import strip_highlight_marks

MAX_BODY_CHARACTERS = 200_000
MAX_ATTACHMENT_CHARACTERS = 300_000

NETWORK_TYPE = "network"


def artefact_model():
    try:
        return apps.get_model("artefacts", "ArtefactPage")
    except LookupError:
        return None


def indexed_models() -> list[type[Page]]:
    models = [NetworkPage]
    if artefact_model() is not None:
        models.append(artefact_model())
    return models


def clean_text(value) -> str:
    """Plain text from a string, rich text or HTML: tags stripped, whitespace collapsed."""
    if value is None:
        return ""
    import html

    text = html.unescape(strip_tags(str(value)))
    return " ".join(strip_highlight_marks(text).split())


def phase_value(phase: str) -> str:
    return slugify(phase)


def content_hash(fields: dict) -> str:
    encoded = json.dumps(fields, sort_keys=True, default=str).encode()
    return hashlib.sha1(encoded, usedforsecurity=False).hexdigest()


def make_document(**fields) -> IndexDocument:
    fields["title"] = clean_text(fields["title"])[:255]
    for name in ("summary", "body", "keywords"):
        fields[name] = clean_text(fields[name])[:MAX_BODY_CHARACTERS]
    fields["attachments"] = clean_text(fields["attachments"])[:MAX_ATTACHMENT_CHARACTERS]
    for name in ("themes", "phases", "regions"):
        fields[name] = tuple(sorted({value for value in fields[name] if value}))
    fields["content_hash"] = content_hash(fields)
    return IndexDocument(**fields)


def is_restricted(page: Page) -> bool:
    """Pages behind a Wagtail privacy setting (password, groups, login) are never indexed."""
    return PageViewRestriction.objects.filter(
        page__in=Page.objects.ancestor_of(page, inclusive=True)
    ).exists()


def build_network_document(network: NetworkPage) -> IndexDocument:
    from networks.selectors import current_school_links

    schools = [link.school for link in current_school_links(network)]
    themes = list(network.themes.all())
    published = network.first_published_at or network.last_published_at
    return make_document(
        page_id=network.pk,
        kind=DocumentKind.NETWORK.value,
        title=network.title,
        summary=network.purpose,
        body=network.purpose,
        attachments="",
        keywords=" ".join(
            [theme.name for theme in themes]
            + [school.name for school in schools]
            + [school.town for school in schools]
            + [school.region for school in schools]
        ),
        url=network.get_url() or network.url_path,
        type=NETWORK_TYPE,
        themes=[theme.slug for theme in themes],
        phases=[phase_value(school.phase) for school in schools],
        regions=[school.region for school in schools],
        network_id=network.pk,
        network_title=network.title,
        year=(
            network.started_on.year if network.started_on else published.year if published else None
        ),
        evidence_strength=None,
        visibility=Visibility.PUBLIC.value,
        published_at=published,
    )


def build_artefact_document(artefact) -> IndexDocument | None:
    from . import artefact_adapter as adapter

    network = adapter.network_of(artefact)
    if network is None:  # not readable by anyone (artefacts_visible_to leaves it out)
        return None
    schools = adapter.schools_of(artefact)
    documents = adapter.attached_documents(artefact)
    published = artefact.first_published_at or artefact.last_published_at
    return make_document(
        page_id=artefact.pk,
        kind=DocumentKind.ARTEFACT.value,
        title=artefact.title,
        summary=adapter.summary_of(artefact),
        body=adapter.sections_text(artefact),
        attachments=" ".join(cached_document_text(document) for document in documents),
        keywords=" ".join(
            adapter.theme_names(artefact)
            + adapter.tag_names(artefact)
            + adapter.subject_names(artefact)
            + [school.name for school in schools]
            + [network.title]
        ),
        url=artefact.get_url() or artefact.url_path,
        type=adapter.type_of(artefact),
        themes=adapter.theme_slugs(artefact),
        phases=[phase_value(phase) for phase in adapter.phases_of(artefact)],
        regions=[school.region for school in schools],
        network_id=network.pk,
        network_title=network.title,
        year=published.year if published else None,
        evidence_strength=adapter.evidence_strength_of(artefact),
        visibility=adapter.visibility_of(artefact),
        published_at=published,
    )


def build_document(page: Page) -> IndexDocument | None:
    """The page as a search document, or None when it must not be findable."""
    page = page.specific
    if not page.live or is_restricted(page):
        return None
    if isinstance(page, NetworkPage):
        return build_network_document(page)
    model = artefact_model()
    if model is not None and isinstance(page, model):
        return build_artefact_document(page)
    return None


def indexable_pages() -> Iterator[Page]:
    """Every live, unrestricted page of an indexed type (specific instances, with what their
    documents need loaded in bulk), for rebuilds and drift checks."""
    for model in indexed_models():
        queryset = model.objects.live().public().order_by("pk")
        if model is NetworkPage:
            queryset = queryset.prefetch_related("themes")
        else:
            queryset = queryset.select_related("network").prefetch_related(
                "themes", "tags", "subjects", "phases", "schools"
            )
        yield from queryset.iterator(chunk_size=200)


def indexable_page_count() -> int:
    return sum(model.objects.live().public().count() for model in indexed_models())
