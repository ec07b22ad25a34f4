"""Factories for search's models and for index documents (used by tests, demo data and the
benchmark). `IndexDocumentFactory` builds the backend-neutral document; `SearchDocumentFactory`
writes a database-index row directly (the FTS index follows through the database triggers)."""

from datetime import UTC, datetime

import factory

from core.visibility import Visibility

from .backends.base import IndexDocument
from .models import (
    SearchDocument,
    SearchFacet,
    SearchIndexState,
    SearchQueryLog,
    SearchText,
    Synonym,
    facet_rows,
)
from .text import content_hash


class SynonymFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Synonym
        django_get_or_create = ("terms",)

    terms = "afl, assessment for learning"


class IndexDocumentFactory(factory.Factory):
    class Meta:
        model = IndexDocument

    page_id = factory.Sequence(lambda n: 100_000 + n)
    kind = "artefact"
    title = factory.Sequence(lambda n: f"Artefact {n}")
    summary = "What a group of schools tried together."
    body = "Context, what we did, what worked and what did not work."
    attachments = ""
    keywords = ""
    url = factory.LazyAttribute(lambda d: f"/networks/example/artefact-{d.page_id}/")
    type = "case_study"
    themes = ()
    phases = ()
    regions = ()
    network_id = 1
    network_title = "Example network"
    year = 2024
    evidence_strength = 3
    visibility = Visibility.PUBLIC.value
    published_at = factory.Sequence(
        lambda n: datetime(2024, 1, 1, tzinfo=UTC).replace(day=1 + n % 28)
    )
    content_hash = factory.LazyAttribute(
        lambda d: content_hash({"page_id": d.page_id, "title": d.title})
    )


class SearchDocumentFactory(factory.django.DjangoModelFactory):
    """A database-index row with its text: `SearchDocumentFactory(title=..., body=...)`."""

    class Meta:
        model = SearchDocument

    page_id = factory.Sequence(lambda n: 200_000 + n)
    kind = "artefact"
    title = factory.Sequence(lambda n: f"Artefact {n}")
    url = factory.LazyAttribute(lambda d: f"/networks/example/artefact-{d.page_id}/")
    type = "case_study"
    themes = factory.LazyFunction(list)
    phases = factory.LazyFunction(list)
    regions = factory.LazyFunction(list)
    network_id = 1
    network_title = "Example network"
    year = 2024
    evidence_strength = 3
    visibility = Visibility.PUBLIC.value
    published_at = factory.LazyFunction(lambda: datetime(2024, 3, 1, tzinfo=UTC))
    content_hash = factory.Sequence(lambda n: f"{n:040d}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        text = {
            "summary": kwargs.pop("summary", "What a group of schools tried together."),
            "body": kwargs.pop("body", "Context, what we did, what worked and what did not work."),
            "attachments": kwargs.pop("attachments", ""),
            "keywords": kwargs.pop("keywords", ""),
        }
        document = super()._create(model_class, *args, **kwargs)
        SearchText.objects.create(document=document, title=document.title, **text)
        SearchFacet.objects.bulk_create(facet_rows(document))
        # As every write to the index does, so that nothing derived from it is served stale.
        SearchIndexState.bump()
        return document


class SearchQueryLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SearchQueryLog

    week = factory.LazyFunction(lambda: datetime.now(UTC).date())
    query = factory.Sequence(lambda n: f"query {n}")
    filters = ""
    searches = 1
    zero_result_searches = 0
    last_result_count = 5
