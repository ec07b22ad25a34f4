"""The database backend's rows: the fields of a document's rows as it writes them, the
vocabulary it remembers, and the values it reads back (dates, snippets)."""

from collections.abc import Iterable, Sequence
from datetime import UTC

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from core.visibility import Visibility

from ..models import SearchTerm
from ..query import HIGHLIGHT_START, highlight_to_html
from ..vocabulary import vocabulary_of
from .base import IndexDocument


def as_datetime(value):
    """SQLite gives datetimes from raw SQL as naive UTC (text, or parsed by the column's declared
    type); PostgreSQL as aware datetimes."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, UTC)
    return value


def choose_snippet(snippets: Sequence[str | None], *, fallback: str) -> str:
    """The first body snippet (SNIPPET_FIELDS) with a highlighted word, else the start of the
    summary."""
    for snippet in snippets:
        if snippet and HIGHLIGHT_START in snippet:
            return highlight_to_html(snippet)
    text = fallback if len(fallback) <= 240 else fallback[:240].rsplit(" ", 1)[0] + "…"
    return highlight_to_html(text)


def text_fields(document: IndexDocument) -> dict:
    return {
        "title": document.title,
        "summary": document.summary,
        "body": document.body,
        "attachments": document.attachments,
        "keywords": document.keywords,
    }


def document_fields(document: IndexDocument) -> dict:
    return {
        "kind": document.kind,
        "title": document.title,
        "url": document.url,
        "type": document.type,
        "themes": list(document.themes),
        "phases": list(document.phases),
        "regions": list(document.regions),
        "network_id": document.network_id,
        "network_title": document.network_title,
        "year": document.year,
        "evidence_strength": document.evidence_strength,
        "visibility": document.visibility,
        "published_at": document.published_at,
        "content_hash": document.content_hash,
    }


def remember_vocabulary(documents: Iterable[IndexDocument], *, using: str = "default") -> None:
    """Add the words of public documents to the "did you mean" vocabulary.

    Only public text is used, so a suggestion can never reveal a word from a document the
    person may not see.
    """
    terms: set[str] = set()
    for document in documents:
        if document.visibility == Visibility.PUBLIC:
            terms |= vocabulary_of(document)
    if terms:
        SearchTerm.objects.using(using).bulk_create(
            [SearchTerm(term=term) for term in sorted(terms)],
            ignore_conflicts=True,
            batch_size=500,
        )
