"""A laptop: embedded services, debug pages, a fixed development secret."""

from .base import *  # noqa: F403
from .env import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY") or "dev-only-secret-key-never-used-in-production"  # noqa: S105
ALLOWED_HOSTS = env("ALLOWED_HOSTS") or ["127.0.0.1", "localhost", "[::1]"]
# runserver speaks plain HTTP, so links in e-mails (confirm your address, reset your password)
# must too.
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"

# The embedded SQLite database, uploads and mail live under data/ (git-ignored).
DATA_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405
