"""What may be uploaded to an artefact: checked by name, by size and by content.

A file must have one of the expected extensions, be no larger than settings.UPLOAD_MAX_BYTES,
and its first bytes must match that type (a renamed program is refused). Office files are ZIP
or OLE containers, so their insides are checked too: a .docx must hold word/document.xml, an
OpenDocument file must declare its own type.
"""

import os
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

DOCUMENT = "document"
IMAGE = "image"

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"

# extension: (kind, label)
KINDS = {
    "pdf": (DOCUMENT, "PDF"),
    "doc": (DOCUMENT, "Word"),
    "docx": (DOCUMENT, "Word"),
    "ppt": (DOCUMENT, "PowerPoint"),
    "pptx": (DOCUMENT, "PowerPoint"),
    "xls": (DOCUMENT, "Excel"),
    "xlsx": (DOCUMENT, "Excel"),
    "odt": (DOCUMENT, "OpenDocument text"),
    "odp": (DOCUMENT, "OpenDocument presentation"),
    "ods": (DOCUMENT, "OpenDocument spreadsheet"),
    "txt": (DOCUMENT, "plain text"),
    "png": (IMAGE, "PNG"),
    "jpg": (IMAGE, "JPEG"),
    "jpeg": (IMAGE, "JPEG"),
    "gif": (IMAGE, "GIF"),
    "webp": (IMAGE, "WebP"),
}

OOXML_PART = {
    "docx": "word/document.xml",
    "pptx": "ppt/presentation.xml",
    "xlsx": "xl/workbook.xml",
}
ODF_MIMETYPE = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "odp": b"application/vnd.oasis.opendocument.presentation",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}

ACCEPTED = (
    "a PDF, Word, PowerPoint, Excel, OpenDocument or plain text document, "
    "or a PNG, JPEG, GIF or WebP image"
)
ACCEPT_ATTRIBUTE = ",".join(f".{extension}" for extension in KINDS)


@dataclass(frozen=True)
class CheckedUpload:
    """An upload that passed every check."""

    file: object
    name: str
    extension: str
    kind: str  # DOCUMENT or IMAGE
    size: int


def _head(file, length: int = 8192) -> bytes:
    file.seek(0)
    data = file.read(length)
    file.seek(0)
    return data


def _zip_names(file) -> tuple[zipfile.ZipFile, set[str]] | None:
    try:
        file.seek(0)
        archive = zipfile.ZipFile(file)
        return archive, set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _is_plain_text(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        # The sample may end inside a multi-byte character.
        if error.start < len(data) - 3:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                return False
        else:
            text = data[: error.start].decode("utf-8")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls == 0


def content_matches(file, extension: str) -> bool:
    """Whether the file's content is what its extension says."""
    head = _head(file)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension in ("doc", "ppt", "xls"):
        return head.startswith(OLE)
    if extension in OOXML_PART or extension in ODF_MIMETYPE:
        if not head.startswith(ZIP):
            return False
        opened = _zip_names(file)
        file.seek(0)
        if opened is None:
            return False
        archive, names = opened
        if extension in OOXML_PART:
            return OOXML_PART[extension] in names and "[Content_Types].xml" in names
        if "mimetype" not in names or archive.getinfo("mimetype").file_size > 200:
            return False
        return archive.read("mimetype").strip() == ODF_MIMETYPE[extension]
    if extension == "txt":
        return _is_plain_text(head)
    if extension == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if extension in ("jpg", "jpeg"):
        return head.startswith(b"\xff\xd8\xff")
    if extension == "gif":
        return head.startswith((b"GIF87a", b"GIF89a"))
    if extension == "webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    return False


def _image_opens(file) -> bool:
    from PIL import Image, UnidentifiedImageError

    try:
        file.seek(0)
        with Image.open(file) as image:
            image.verify()
        return True
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False
    finally:
        file.seek(0)


def check_upload(file) -> CheckedUpload:
    """Raise ValidationError with a message for the person, or return the checked upload."""
    name = os.path.basename(getattr(file, "name", "") or "upload")
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    if extension not in KINDS:
        raise ValidationError(
            f"“{name}” is not a type of file we accept. Upload {ACCEPTED}.", code="file_type"
        )
    size = file.size
    limit = settings.UPLOAD_MAX_BYTES
    if size > limit:
        raise ValidationError(
            f"“{name}” is {filesizeformat(size)}; files can be up to {filesizeformat(limit)}. "
            "Make it smaller (for example, compress its images or split it), or link to it instead.",
            code="file_size",
        )
    if size == 0:
        raise ValidationError(f"“{name}” is empty. Choose the file again.", code="file_empty")
    kind, label = KINDS[extension]
    if not content_matches(file, extension) or (kind == IMAGE and not _image_opens(file)):
        raise ValidationError(
            f"“{name}” does not look like a {label} file: its contents do not match its name. "
            f"It may be damaged or renamed. Upload {ACCEPTED}.",
            code="file_content",
        )
    file.seek(0)
    return CheckedUpload(file=file, name=name, extension=extension, kind=kind, size=size)
