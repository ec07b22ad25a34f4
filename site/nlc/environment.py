"""Choose the settings module from DJANGO_ENV, the one switch between embedded and real services."""

import os
import sys
from pathlib import Path

PROJECT_FOLDER = Path(__file__).resolve().parents[1]  # site/
REPOSITORY_ROOT = PROJECT_FOLDER.parent  # networks/, artefacts/, peer_review/, search/

SETTINGS_BY_ENVIRONMENT = {
    "dev": "nlc.settings.dev",
    "test": "nlc.settings.test",
    "production": "nlc.settings.production",
}


def ensure_import_paths() -> None:
    """Both folders importable, whichever of them gunicorn, Celery or manage.py started in."""
    for folder in (str(PROJECT_FOLDER), str(REPOSITORY_ROOT)):
        if folder not in sys.path:
            sys.path.insert(0, folder)


def select_settings_module() -> str:
    ensure_import_paths()
    environment = os.environ.get("DJANGO_ENV", "dev")
    if environment not in SETTINGS_BY_ENVIRONMENT:
        choices = ", ".join(SETTINGS_BY_ENVIRONMENT)
        raise SystemExit(f"DJANGO_ENV={environment!r} is not one of: {choices}")
    return os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_BY_ENVIRONMENT[environment])
