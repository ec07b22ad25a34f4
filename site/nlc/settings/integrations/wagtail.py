"""Wagtail: admin, audit log and uploads."""

from ..env import SITE_URL, env

WAGTAIL_SITE_NAME = "Networked Learning Communities"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "ppt",
    "pptx",
    "xls",
    "xlsx",
    "odt",
    "odp",
    "ods",
    "txt",
]
WAGTAILIMAGES_EXTENSIONS = ["png", "jpg", "jpeg", "gif", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env("UPLOAD_MAX_MEGABYTES") * 1024 * 1024
# Admin uploads pass the same type, size and content checks as uploads in the site.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "artefacts.admin_forms.CheckedDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "artefacts.admin_forms.CheckedImageForm"
# Artefacts are moderated in the site (artefacts.services); Wagtail's own workflows are not used.
WAGTAIL_WORKFLOW_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars are uploaded, never fetched from Gravatar: no third-party requests from the admin (and
# none the Content-Security-Policy would have to allow).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Passwords are changed and reset through allauth only, which asks for reauthentication and
# writes the change to the audit log; Wagtail's own forms would do neither.
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = True
