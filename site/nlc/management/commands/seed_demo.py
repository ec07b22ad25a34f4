"""Load the demo data. Safe to run any number of times: a second run adds nothing.

Each app that has demo data provides `<app>.demo.seed(log)`; they run in INSTALLED_APPS order,
so later apps can build on what earlier ones made.

`--scale national` (or `regional`, a tenth of it, or `test`, a few dozen rows of each kind)
builds on an empty database the demo data and then a country's worth of networks, schools,
people and artefacts written in bulk (see nlc.seeding); on a database that holds anything it
refuses and adds nothing.
"""

import importlib
import random
import time

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.errors import ActionRefused
from core.notifications.services import emails_suppressed
from nlc.seeding import SCALES, seed_at_scale
from nlc.seeding.progress import Bar

DEMO_SEED = 2001  # the year the programme began; fixed so every run makes the same data


class Command(BaseCommand):
    help = "Create demo people, networks and artefacts (idempotent), or national-size data."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            choices=["demo", *SCALES],
            default="demo",
            help="demo (the default): the demo data only. national, regional (a tenth) or "
            "test: the demo data and bulk data on top, on an empty database.",
        )
        parser.add_argument("--no-progress", action="store_true", help="do not show progress bars")

    def handle(self, *args, scale="demo", no_progress=False, **options):
        if scale == "demo":
            self.seed_demo_data()
            return
        started, cpu_started = time.perf_counter(), time.process_time()

        def progress(label: str, total: int) -> Bar:
            # The wrapped stream: OutputWrapper would end every redraw with a newline.
            return Bar(label, total, stream=self.stderr._out, enabled=not no_progress)

        try:
            timings = seed_at_scale(
                SCALES[scale],
                seed_demo_data=self.seed_demo_data,
                progress=progress,
                log=self.stdout.write,
            )
        except ActionRefused as refusal:
            raise CommandError(refusal.message) from None
        for name, (wall, cpu) in timings.items():
            self.stdout.write(f"  {name}: {wall:.1f} s (CPU {cpu:.1f} s)")
        self.stdout.write(
            self.style.SUCCESS(
                f"{scale.capitalize()} data is ready in {time.perf_counter() - started:.0f} s "
                f"(CPU {time.process_time() - cpu_started:.0f} s)."
            )
        )

    def seed_demo_data(self):
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
