"""The test suite: the same services as dev unless DATABASE_URL, CELERY_BROKER_URL or CACHE_URL
say otherwise."""

import os

from .base import *  # noqa: F403
from .base import DATABASES
from .env import env

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The live test server speaks plain HTTP: links in e-mails must work when a browser test opens them.
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
# A per-process memory cache unless CACHE_URL names a real one (CI runs the suite on Redis too).
CACHES = {
    "default": env.cache_url_config(env("CACHE_URL"))
    if os.environ.get("CACHE_URL")
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
# Parallel test processes (pytest-xdist) each clear the cache between tests: on Redis each takes a
# database of its own, so one process's clear does not empty another's rate-limit counters.
_xdist_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if _xdist_worker.startswith("gw") and CACHES["default"]["BACKEND"].endswith("RedisCache"):
    _location = CACHES["default"]["LOCATION"]
    _base, _, _db = _location.rpartition("/")
    CACHES["default"]["LOCATION"] = f"{_base}/{int(_db or 0) + int(_xdist_worker[2:])}"
CACHES["pages"] = (
    {**CACHES["default"], "KEY_PREFIX": "pages"}
    if os.environ.get("CACHE_URL")
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}
)
# Static files come from the source folders, as in development: the suite needs no collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Creating the test database must not move the developer's uploads (migration artefacts.0005).
LEGACY_MEDIA_ROOT = None

# Tasks run in the test process; serialisation is still exercised.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": env("TEST_SQLITE_NAME", default=None)}
