"""Serving an uploaded file to someone a view has just authorised.

Uploads live in MEDIA_ROOT, which nothing serves on its own: every file goes out through a view
that checks who may have it at that request. The view ends with `protected_file_response`:

* behind the production proxy (settings.PROTECTED_FILES_ACCEL_REDIRECT_PREFIX set, e.g.
  "/_protected/"), an empty response whose `X-Accel-Redirect` names the file under that internal
  nginx location (which aliases MEDIA_ROOT), so nginx sends the bytes and keeps this response's
  Content-Type, Content-Disposition and Cache-Control;
* otherwise (the embedded default) a streaming FileResponse.
"""

import mimetypes
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.utils.http import content_disposition_header


def accel_redirect_prefix() -> str:
    return getattr(settings, "PROTECTED_FILES_ACCEL_REDIRECT_PREFIX", "") or ""


def protected_file_response(
    file, *, content_type: str = "", as_attachment: bool = False, filename: str = ""
) -> HttpResponse:
    """The response for a stored file (a FieldFile of MEDIA_ROOT's storage).

    `filename` is what the browser saves it as (by default the stored name's last part).
    """
    filename = filename or file.name.rsplit("/", 1)[-1]
    content_type = content_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    prefix = accel_redirect_prefix()
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = f"{prefix.rstrip('/')}/{quote(file.name)}"
        if disposition := content_disposition_header(as_attachment, filename):
            response["Content-Disposition"] = disposition
    else:
        response = FileResponse(
            file.open("rb"),
            as_attachment=as_attachment,
            filename=filename,
            content_type=content_type,
        )
    response["X-Content-Type-Options"] = "nosniff"
    return response
