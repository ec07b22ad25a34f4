from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from .importers import Register, SchoolImportError

# The real GIAS export is about 60 MB; the limit leaves room for it to grow.
DEFAULT_MAX_UPLOAD_BYTES = 100 * 1024 * 1024
ACCEPTED_EXTENSIONS = (".csv", ".txt")


def max_upload_bytes() -> int:
    return getattr(settings, "SCHOOLS_IMPORT_MAX_BYTES", DEFAULT_MAX_UPLOAD_BYTES)


class SchoolImportForm(forms.Form):
    """The GIAS CSV to import. Its encoding and columns are checked before it is stored."""

    file = forms.FileField(label="GIAS establishments CSV")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["file"]
        field.help_text = (
            "The “all establishment data” CSV downloaded from Get Information about Schools "
            f"(edubasealldata….csv), Windows-1252 or UTF-8, at most "
            f"{filesizeformat(max_upload_bytes())}."
        )
        field.widget.attrs["accept"] = ",".join(ACCEPTED_EXTENSIONS)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(ACCEPTED_EXTENSIONS):
            raise forms.ValidationError(
                "Choose a CSV file (ending .csv). The establishments export from Get Information "
                "about Schools is a CSV file."
            )
        limit = max_upload_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                f"The file is {filesizeformat(upload.size)}; the largest file you can import is "
                f"{filesizeformat(limit)}."
            )
        try:
            Register(upload)
        except SchoolImportError as error:
            raise forms.ValidationError(str(error)) from None
        upload.seek(0)
        return upload
