"""Plain text for the index: what every document's fields become before any backend sees them."""

import hashlib
import html
import json

from django.utils.html import strip_tags

from .backends.base import IndexDocument
from .models import MAX_ATTACHMENT_CHARACTERS, MAX_BODY_CHARACTERS, MAX_TITLE_CHARACTERS
from .query import strip_highlight_marks


def clean_text(value) -> str:
    """Plain text from a string, rich text or HTML: tags stripped, whitespace collapsed."""
    if value is None:
        return ""
    text = html.unescape(strip_tags(str(value)))
    return " ".join(strip_highlight_marks(text).split())


def content_hash(fields: dict) -> str:
    encoded = json.dumps(fields, sort_keys=True, default=str).encode()
    return hashlib.sha1(encoded, usedforsecurity=False).hexdigest()


def make_document(**fields) -> IndexDocument:
    """An `IndexDocument` from raw field values: text cleaned and bounded, multi-valued facets
    deduplicated and sorted, and the content hash drift checks compare."""
    fields["title"] = clean_text(fields["title"])[:MAX_TITLE_CHARACTERS]
    for name in ("summary", "body", "keywords"):
        fields[name] = clean_text(fields[name])[:MAX_BODY_CHARACTERS]
    fields["attachments"] = clean_text(fields["attachments"])[:MAX_ATTACHMENT_CHARACTERS]
    for name in ("themes", "phases", "regions"):
        fields[name] = tuple(sorted({str(value) for value in fields[name] if value}))
    fields["content_hash"] = content_hash(fields)
    return IndexDocument(**fields)
