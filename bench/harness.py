"""What every benchmark shares: Django on a fresh SQLite database in a temporary DATA_DIR."""

import logging
import os
import statistics
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def say(text: str) -> None:
    sys.stdout.write(f"{text}\n")
    sys.stdout.flush()


def configure_django(data_dir: Path) -> None:
    """Development settings with DEBUG off, never the developer's data/ or services."""
    os.environ["DJANGO_ENV"] = "dev"
    os.environ["DATA_DIR"] = str(data_dir)
    os.environ["DEBUG"] = "false"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    for name in ("DATABASE_URL", "ELASTICSEARCH_URL", "DJANGO_SETTINGS_MODULE"):
        os.environ.pop(name, None)
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    from nlc.environment import select_settings_module

    select_settings_module()
    import django

    django.setup()
    logging.disable(logging.INFO)  # page creation and task logs would drown the figures
    warnings.filterwarnings("ignore", message="No directory at")


def percentile(values: list[float], fraction: float) -> float:
    """The inclusive (linearly interpolated) percentile, as statistics.quantiles computes it."""
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[round(fraction * 100) - 1]
