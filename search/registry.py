"""The document registry: what each content app puts in the search index.

Search is an engine: it knows backends, the query language, facets and the audience filter, but
no content app. Each app declares, next to its models, how its pages become search documents and
registers that declaration from its `AppConfig.ready()`; search indexes, re-indexes and labels
facets from whatever is registered. Making a new kind of page searchable (study-visit offers,
say) needs no change here:

    # visits/search.py
    from core.visibility import Visibility
    from search.registry import PageDocument, register

    from .models import VisitOfferPage


    class VisitOfferDocument(PageDocument):
        model = VisitOfferPage
        kind = "visit_offer"           # also its value of the "type" facet...
        kind_label = "Study visit"     # ...with this label
        access_fields = ("visibility",)  # saving a change to these re-indexes the live page

        def get_queryset(self):
            return super().get_queryset().select_related("network")

        def prepare_summary(self, page):
            return page.summary

        def prepare_body(self, page):
            return page.programme  # rich text is stripped to plain text

        def prepare_network_id(self, page):
            return page.network_id

        def prepare_network_title(self, page):
            return page.network.title

        def prepare_visibility(self, page):
            return page.visibility  # a core.visibility.Visibility value


    # visits/apps.py, in VisitsConfig.ready():
    from search.registry import register
    from .search import VisitOfferDocument
    register(VisitOfferDocument)

A document's *audience* is its `visibility` (a `core.visibility.Visibility` value) and its
`network_id`: who may find it is decided by the reader's audience (`search.audience`), which the
app owning the visibility rule registers once for every document.

Publishing, unpublishing, moving and deleting a registered page re-index it (see
`search.signals`); `subtree = True` also re-indexes the pages below it when it is published (a
network's title appears on its artefacts' documents); `access_fields` are model fields that
change who may find a live page, re-indexed whenever they are saved.

Objects that are not pages (any model with a stable primary key and a `get_absolute_url`)
register a `ModelDocument` the same way; saving one re-indexes it (removed at once when
`is_findable` turns false), deleting one removes it. Their documents are keyed apart from pages
(see `search.documents.key_of`). A change their model's `save()` does not make (a queryset
`update()`, a many-to-many change) is followed by calling `search.services.follow_object`.
"""

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet

from wagtail.models import Page

from core.visibility import Visibility
from core.vocabulary import Phase, Region

from .backends.base import IndexDocument
from .keys import key_of
from .text import make_document

# Facets whose values and labels are core.vocabulary's lists: every app's documents share them.
VOCABULARY_FACETS = {"phase": Phase, "region": Region}

FIELDS = (
    "title",
    "summary",
    "body",
    "attachments",
    "keywords",
    "url",
    "type",
    "themes",
    "phases",
    "regions",
    "network_id",
    "network_title",
    "year",
    "evidence_strength",
    "visibility",
    "published_at",
)


class PageDocument:
    """How one page model becomes an `IndexDocument`: override `prepare_<field>` as needed.

    Every field has a sensible default (a public document titled like the page, typed by its
    kind, with no facets beyond type and year), so a document declares only what it adds.
    """

    model: type[Page]
    is_page: bool = True
    kind: str = ""
    kind_label: str = ""
    subtree: bool = False
    access_fields: tuple[str, ...] = ()

    # What it is ---------------------------------------------------------------------------

    def type_labels(self) -> dict[str, str]:
        """The values this document gives the "type" facet, with their labels."""
        return {self.kind: self.kind_label or self.kind.replace("_", " ").capitalize()}

    def facet_labels(self, facet: str, values: list[str]) -> dict[str, str]:
        """Labels for values of a facet this app owns (theme slugs to names, ...). At most one
        query per facet across every registered document: answer only for your own."""
        return {}

    # Which pages --------------------------------------------------------------------------

    def get_queryset(self) -> QuerySet:
        """Every page that may be findable, with what `build` reads loaded in bulk."""
        return self.model.objects.live().public().order_by("pk")

    def is_findable(self, page) -> bool:
        """Whether the (live, unrestricted) page belongs in the index at all."""
        return True

    # Its fields ---------------------------------------------------------------------------

    def key(self, page) -> int:
        """The document's key in the index."""
        return page.pk

    def build(self, page) -> IndexDocument | None:
        if not self.is_findable(page):
            return None
        fields = {name: getattr(self, f"prepare_{name}")(page) for name in FIELDS}
        return make_document(page_id=self.key(page), kind=self.kind, **fields)

    def audience_of(self, page) -> tuple[str, int | None]:
        """(visibility, network_id): who may find the page, compared with the index to decide
        whether a saved change must reach it at once."""
        return self.prepare_visibility(page), self.prepare_network_id(page)

    def prepare_title(self, page) -> str:
        return page.title

    def prepare_summary(self, page) -> str:
        return page.search_description or ""

    def prepare_body(self, page) -> str:
        return ""

    def prepare_attachments(self, page) -> str:
        return ""

    def prepare_keywords(self, page) -> str:
        return ""

    def prepare_url(self, page) -> str:
        return page.get_url() or page.url_path

    def prepare_type(self, page) -> str:
        return self.kind

    def prepare_themes(self, page) -> Iterable[str]:
        return ()

    def prepare_phases(self, page) -> Iterable[str]:
        return ()

    def prepare_regions(self, page) -> Iterable[str]:
        return ()

    def prepare_network_id(self, page) -> int | None:
        return None

    def prepare_network_title(self, page) -> str:
        return ""

    def prepare_year(self, page) -> int | None:
        published = self.prepare_published_at(page)
        return published.year if published else None

    def prepare_evidence_strength(self, page) -> int | None:
        return None

    def prepare_visibility(self, page) -> str:
        return Visibility.PUBLIC.value

    def prepare_published_at(self, page) -> datetime | None:
        return page.first_published_at or page.last_published_at


class ModelDocument(PageDocument):
    """How objects of a model that is not a page become documents. `get_queryset` and
    `is_findable` decide which are findable (nothing is "live" or "public" by itself here)."""

    model: type
    is_page = False

    def get_queryset(self) -> QuerySet:
        return self.model._default_manager.order_by("pk")

    def key(self, obj) -> int:
        return key_of(obj)

    def prepare_summary(self, obj) -> str:
        return ""

    def prepare_url(self, obj) -> str:
        return obj.get_absolute_url()

    def prepare_published_at(self, obj) -> datetime | None:
        return None


_documents: dict[type, PageDocument] = {}


def register(document_class: type[PageDocument]) -> type[PageDocument]:
    """Make the document's pages searchable (call from the app's `ready()`; idempotent).
    Usable as a class decorator."""
    model = getattr(document_class, "model", None)
    if model is None or not document_class.kind:
        raise ImproperlyConfigured(f"{document_class.__name__} needs a page `model` and a `kind`.")
    kinds = {document.kind: m for m, document in _documents.items()}
    if kinds.get(document_class.kind, model) is not model:
        raise ImproperlyConfigured(f"The search kind {document_class.kind!r} is registered twice.")
    _documents[model] = document_class()
    return document_class


def unregister(document_class: type[PageDocument]) -> None:
    """Stop indexing the document's pages from now on (idempotent); `search_index --fix`
    removes what is already indexed."""
    if isinstance(_documents.get(document_class.model), document_class):
        del _documents[document_class.model]


def registered() -> list[PageDocument]:
    return list(_documents.values())


def indexed_models() -> list[type]:
    return list(_documents)


def indexed_page_models() -> list[type[Page]]:
    return [model for model, document in _documents.items() if document.is_page]


def document_for_model(model) -> PageDocument | None:
    """The document of this page class (or of the nearest registered class it inherits from)."""
    for klass in getattr(model, "__mro__", ()):
        if klass in _documents:
            return _documents[klass]
    return None


def document_for(page) -> PageDocument | None:
    return document_for_model(type(page))


def type_labels() -> dict[str, str]:
    """Every registered value of the "type" facet with its label."""
    labels: dict[str, str] = {}
    for document in _documents.values():
        labels.update(document.type_labels())
    return labels


def facet_labels(facet: str, values: list[str]) -> dict[str, str]:
    """Labels the registered documents give these facet values (unknown values are left out)."""
    if not values:
        return {}
    if facet == "type":
        return {value: label for value, label in type_labels().items() if value in values}
    if facet in VOCABULARY_FACETS:
        known = dict(VOCABULARY_FACETS[facet].choices)
        return {value: str(known[value]) for value in values if value in known}
    labels: dict[str, str] = {}
    for document in _documents.values():
        missing = [value for value in values if value not in labels]
        if not missing:
            break
        labels.update(document.facet_labels(facet, missing))
    return labels
