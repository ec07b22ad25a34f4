"""Production: real services only. SECRET_KEY and ALLOWED_HOSTS have no default, so that a
missing value stops the process at start-up instead of running insecurely."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env


def required(name: str):
    value = env(name)
    if not value:
        raise ImproperlyConfigured(f"{name} must be set when DJANGO_ENV=production.")
    return value


DEBUG = False
SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = required("ALLOWED_HOSTS")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# The site runs behind a reverse proxy (deploy/README.md): set TRUSTED_PROXY_COUNT to the number
# of proxies that append to X-Forwarded-For (1 for the recipe in deploy/), or sign-in rate limits
# count every visitor as the proxy's one address.
ALLAUTH_TRUSTED_PROXY_COUNT = env("TRUSTED_PROXY_COUNT")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
