"""Settings shared by every environment.

Every value that differs between a laptop and production is read from the environment schema
below. Embedded defaults need no server: SQLite, the database search backend, a filesystem
Celery broker and e-mail written to files.
"""

from pathlib import Path

from .env import BASE_DIR, DATA_DIR, SITE_DIR, SITE_URL, env  # noqa: F401

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "nlc",
    "core.accounts",
    "home",
    "core.notifications",
    "core.schools",
    "core.pagecache",
    "networks",
    "networks.funding",
    "networks.baselining",
    "networks.engagement",
    "artefacts",
    "visits",
    "peer_review",
    "search",
    "broker",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rest_framework",
    "drf_spectacular",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "nlc.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous visitors' pages from the cache, before any session or database work.
    "core.pagecache.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "nlc.urls"
WSGI_APPLICATION = "nlc.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.notifications.context_processors.notifications",
                "core.context_processors.roles",
            ],
        },
    },
]


def sqlite_database(path: Path) -> dict:
    """SQLite tuned for a web server, a worker and a scheduler writing at once."""
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
        # Kept open between requests, as PostgreSQL's are: opening one runs the PRAGMAs and
        # makes SQLite read the whole schema again, several ms on every signed-in page.
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }


if env("DATABASE_URL"):
    DATABASES = {"default": env.db_url_config(env("DATABASE_URL"))}
    DATABASES["default"]["CONN_MAX_AGE"] = 60
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    DATABASES = {"default": sqlite_database(DATA_DIR / "db.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
CACHES = {"default": env.cache_url_config(env("CACHE_URL"))}
# The full-page cache for anonymous visitors (core.pagecache) must be one store for every
# process, or a purge made by one (a web worker, the Celery worker) would leave the others
# serving the old page: Redis when CACHE_URL names it, otherwise files under DATA_DIR.
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_SECONDS = 300  # pages that change with time alone (dates on /visits/) renew by then
CACHES["pages"] = (
    env.cache_url_config(env("CACHE_URL"))
    if CACHES["default"]["BACKEND"] != "django.core.cache.backends.locmem.LocMemCache"
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache" / "pages"),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
)

AUTH_USER_MODEL = "accounts.User"
# The first records new sessions; the other two stay so that sessions recorded under them still
# load (Django checks a session's backend path against this list).
AUTHENTICATION_BACKENDS = [
    "core.accounts.backends.AccountBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [SITE_DIR / "static"]
# Uploads are served only through permission-checked views (artefacts.views.files at MEDIA_URL,
# core.files): nothing serves MEDIA_ROOT directly. Behind the production proxy the views answer
# with X-Accel-Redirect to PROTECTED_FILES_ACCEL_REDIRECT_PREFIX, an internal nginx location
# aliasing MEDIA_ROOT (deploy/nginx.conf); unset, they stream the file themselves.
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "protected"
PROTECTED_FILES_ACCEL_REDIRECT_PREFIX = env("PROTECTED_FILES_ACCEL_REDIRECT_PREFIX")
# Where uploads were kept when the proxy served them publicly: migration
# artefacts.0005_move_uploads_to_protected_storage moves what is left there into MEDIA_ROOT.
LEGACY_MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
UPLOAD_MAX_BYTES = env("UPLOAD_MAX_MEGABYTES") * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# E-mail: written to files under data/mail/ and echoed to the console unless SMTP is configured.
EMAIL_FILE_PATH = DATA_DIR / "mail"
if env("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env("EMAIL_HOST")
    EMAIL_PORT = env("EMAIL_PORT")
    EMAIL_HOST_USER = env("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env("EMAIL_USE_TLS")
else:
    EMAIL_BACKEND = "nlc.mail.FileAndConsoleEmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL


# Networks: how long an invitation link and an unconfirmed two-key decision stay open.
NETWORK_INVITATION_DAYS = env("NETWORK_INVITATION_DAYS")
NETWORK_DECISION_DAYS = env("NETWORK_DECISION_DAYS")

from .integrations.allauth import *  # noqa: E402,F403
from .integrations.celery import *  # noqa: E402,F403
from .integrations.csp import *  # noqa: E402,F403
from .integrations.search import *  # noqa: E402,F403
from .integrations.wagtail import *  # noqa: E402,F403

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One line per background task and per page save drowns what people need to read;
        # Wagtail's audit log keeps the page history in the database.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
