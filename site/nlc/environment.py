"""Choose the settings module from DJANGO_ENV, the one switch between embedded and real services."""

import os

SETTINGS_BY_ENVIRONMENT = {
    "dev": "nlc.settings.dev",
    "test": "nlc.settings.test",
    "production": "nlc.settings.production",
}


def select_settings_module() -> str:
    environment = os.environ.get("DJANGO_ENV", "dev")
    if environment not in SETTINGS_BY_ENVIRONMENT:
        choices = ", ".join(SETTINGS_BY_ENVIRONMENT)
        raise SystemExit(f"DJANGO_ENV={environment!r} is not one of: {choices}")
    return os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_BY_ENVIRONMENT[environment])
