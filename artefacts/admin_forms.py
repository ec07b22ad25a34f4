"""The Wagtail admin's document and image upload forms, with the site's upload checks.

Set as WAGTAILDOCS_DOCUMENT_FORM_BASE and WAGTAILIMAGES_IMAGE_FORM_BASE, so a file uploaded in
the admin (singly or through the multiple uploader) passes the same type, size and content
checks as one uploaded with the artefact form: a renamed program is refused everywhere.
"""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .uploads import DOCUMENT, IMAGE, check_upload


def _checked(file, kind: str, label: str):
    if not isinstance(file, UploadedFile):  # editing without a new file
        return file
    upload = check_upload(file)
    if upload.kind != kind:
        raise ValidationError(
            f"“{upload.name}” is not {label}: upload it as {'an image' if kind == DOCUMENT else 'a document'} instead."
        )
    return file


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        return _checked(self.cleaned_data.get("file"), DOCUMENT, "a document")


class CheckedImageForm(BaseImageForm):
    def clean_file(self):
        return _checked(self.cleaned_data.get("file"), IMAGE, "an image")
