"""Load the default review framework (or one from a JSON file of the same shape)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from peer_review.framework_data import DEFAULT_FRAMEWORK_FILE, load_framework, read_framework
from peer_review.models import Criterion, Domain, Framework, FrameworkVersion, RubricLevel


class Command(BaseCommand):
    help = "Load a review framework from a JSON file (the default framework unless given)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(DEFAULT_FRAMEWORK_FILE))

    def handle(self, *args, path, **options):
        models = {
            "Framework": Framework,
            "FrameworkVersion": FrameworkVersion,
            "Domain": Domain,
            "Criterion": Criterion,
            "RubricLevel": RubricLevel,
        }
        with transaction.atomic():
            framework, created = load_framework(read_framework(path), models=models)
        verb = "Loaded" if created else "Already loaded:"
        self.stdout.write(f"{verb} {framework.name}")
