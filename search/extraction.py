"""Text from uploaded PDF (pypdf) and Word .docx (python-docx) files, for the search index.

Extraction is slow and only ever runs inside Celery tasks (and the `search_index` command);
its result is cached per file version in `DocumentText`, so indexing a page again reads the
cached text.
"""

import io
import logging

from django.db import transaction

from .models import DOCUMENT_TEXT_MAX_LENGTH, DocumentText

logger = logging.getLogger(__name__)

MAX_BYTES = 50 * 1024 * 1024
MAX_PAGES = 300
MAX_CHARACTERS = DOCUMENT_TEXT_MAX_LENGTH


def file_version(document) -> str:
    return document.file_hash or f"{document.file_size}:{document.file.name}"


def extract_pdf(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    parts = []
    for page in reader.pages[:MAX_PAGES]:
        parts.append(page.extract_text() or "")
        if sum(len(part) for part in parts) > MAX_CHARACTERS:
            break
    return "\n".join(parts)


def extract_docx(data: bytes) -> str:
    import docx

    word = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in word.paragraphs]
    for table in word.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(part for part in parts if part.strip())


def extract_plain(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


EXTRACTORS = {"pdf": extract_pdf, "docx": extract_docx, "txt": extract_plain}


def extract_text(document) -> str:
    """The text of one Wagtail document; raises on unreadable files."""
    extension = (document.file_extension or "").lower()
    extractor = EXTRACTORS.get(extension)
    if extractor is None:
        return ""
    with document.open_file() as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValueError("The file is too large to extract text from.")
    return " ".join(extractor(data).split())[:MAX_CHARACTERS]


def cached_document_text(document) -> str:
    """The document's text, extracting it (and caching it) when the file is new or changed.

    A file that cannot be read is cached with its error and an empty text, so a broken
    upload is not retried on every index update (a new upload has a new hash).
    """
    version = file_version(document)
    cached = DocumentText.objects.filter(document=document).first()
    if cached is not None and cached.file_hash == version:
        return cached.text
    text, error = "", ""
    try:
        text = extract_text(document)
    except Exception as exc:  # noqa: BLE001 - any parser failure on an upload is data, not a bug
        logger.warning("Could not extract text from document %s: %s", document.pk, exc)
        error = str(exc)[:255]
    with transaction.atomic():
        DocumentText.objects.update_or_create(
            document=document, defaults={"file_hash": version, "text": text, "error": error}
        )
    return text
