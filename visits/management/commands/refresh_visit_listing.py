"""Work out again the study-visit listing's columns on the offers (`VisitOffer.refresh_listing`)."""

from django.core.management.base import BaseCommand

from visits.services import refresh_listings


class Command(BaseCommand):
    help = (
        "Refresh the study-visit listing columns that time has made stale (a session started), "
        "or every offer's with --all (after rows were written around the services). Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", dest="everything")

    def handle(self, *args, everything=False, **options):
        changed = refresh_listings(everything=everything)
        self.stdout.write(f"{changed} offer(s) refreshed.")
