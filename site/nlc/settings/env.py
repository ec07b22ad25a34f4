"""The environment schema: every setting that differs between a laptop and production.

Settings modules and their integrations read values from here, never from each other.
"""

from pathlib import Path

import environ

SITE_DIR = Path(__file__).resolve().parents[2]
BASE_DIR = SITE_DIR.parent

env = environ.Env(
    DEBUG=(bool, False),
    SECRET_KEY=(str, None),
    ALLOWED_HOSTS=(list, []),
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATA_DIR=(str, str(BASE_DIR / "data")),
    DATABASE_URL=(str, None),
    CACHE_URL=(str, "locmemcache://"),
    CELERY_BROKER_URL=(str, "filesystem://localhost/"),
    CELERY_RESULT_BACKEND=(str, None),
    CELERY_TASK_DEFAULT_QUEUE=(str, "celery"),
    ELASTICSEARCH_URL=(str, ""),
    ELASTICSEARCH_INDEX_PREFIX=(str, "nlc"),
    EMAIL_HOST=(str, ""),
    EMAIL_PORT=(int, 587),
    EMAIL_HOST_USER=(str, ""),
    EMAIL_HOST_PASSWORD=(str, ""),
    EMAIL_USE_TLS=(bool, True),
    DEFAULT_FROM_EMAIL=(str, "Networked Learning <no-reply@localhost>"),
    SITE_URL=(str, "http://127.0.0.1:8000"),
    LOGIN_FAILURES_ALLOWED=(str, "5/5m/key,10/m/ip"),
    TRUSTED_PROXY_COUNT=(int, 0),
    UPLOAD_MAX_MEGABYTES=(int, 20),
    PROTECTED_FILES_ACCEL_REDIRECT_PREFIX=(str, ""),
    NETWORK_INVITATION_DAYS=(int, 14),
    NETWORK_DECISION_DAYS=(int, 14),
)

DATA_DIR = Path(env("DATA_DIR"))
SITE_URL = env("SITE_URL").rstrip("/")
