"""Load the demo data. Safe to run any number of times: a second run adds nothing.

Each app that has demo data provides `<app>.demo.seed(log)`; they run in INSTALLED_APPS order,
so later apps can build on what earlier ones made.
"""

import importlib
import random

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from core.notifications.services import emails_suppressed

DEMO_SEED = 2001  # the year the programme began; fixed so every run makes the same data


class Command(BaseCommand):
    help = "Create demo people, networks and artefacts (idempotent)."

    def handle(self, *args, **options):
        random.seed(DEMO_SEED)
        try:
            import factory.random

            factory.random.reseed_random(DEMO_SEED)
        except ImportError:  # pragma: no cover - factory_boy is a dependency
            pass
        # The demo people are made up: their notifications appear in the app, but nobody is
        # e-mailed (nor does the first `make run` print a screenful of demo e-mails).
        with transaction.atomic(), emails_suppressed():
            for app_config in apps.get_app_configs():
                module = demo_module(app_config.name)
                if module is not None:
                    module.seed(
                        lambda message, app=app_config.label: self.stdout.write(
                            f"  {app}: {message}"
                        )
                    )
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))


def demo_module(app_name: str):
    try:
        return importlib.import_module(f"{app_name}.demo")
    except ModuleNotFoundError as error:
        if error.name == f"{app_name}.demo":
            return None
        raise
