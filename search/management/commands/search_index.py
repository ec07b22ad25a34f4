"""Rebuild, check or repair the search indexes.

manage.py search_index --rebuild   database index from the pages, then (when configured)
                                   a new timestamped Elasticsearch index, alias swapped
manage.py search_index --check     report drift: missing, extra and stale documents
manage.py search_index --fix       repair what --check reports
"""

from tqdm import tqdm

from django.core.management.base import BaseCommand, CommandError

from search import services
from search.backends.base import BackendUnavailable


class Command(BaseCommand):
    help = "Rebuild the search indexes, or check and repair drift between pages and indexes."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--rebuild", action="store_true", help="Rebuild every index.")
        group.add_argument("--check", action="store_true", help="Report drift; exit 1 if any.")
        group.add_argument("--fix", action="store_true", help="Repair drift.")
        parser.add_argument("--no-progress", action="store_true", help="Hide progress bars.")

    def handle(self, *args, rebuild=False, check=False, fix=False, no_progress=False, **options):
        if rebuild:
            self.rebuild(show_progress=not no_progress)
        elif check:
            report = self.check_and_report()
            if not report.clean:
                raise CommandError("The search indexes have drifted: run search_index --fix.")
        elif fix:
            report = self.check_and_report()
            if report.clean:
                return
            try:
                services.repair(report)
            except BackendUnavailable as error:
                raise CommandError(f"Elasticsearch is unavailable: {error}") from error
            self.stdout.write("Repaired. Checking again…")
            if not self.check_and_report().clean:
                raise CommandError("Some drift remains; see above.")

    def rebuild(self, *, show_progress: bool):
        bars = []

        def progress_factory(total, label):
            bar = tqdm(
                total=total,
                desc=f"Indexing ({label})",
                unit="doc",
                disable=not show_progress,
                file=self.stderr._out,
            )
            bars.append(bar)
            return bar.update

        try:
            counts = services.rebuild_indexes(progress_factory=progress_factory)
        except services.RebuildAlreadyRunning as error:
            raise CommandError(str(error)) from error
        except BackendUnavailable as error:
            raise CommandError(
                f"Elasticsearch is unavailable ({error}); the database index was rebuilt."
            ) from error
        finally:
            for bar in bars:
                bar.close()
        for name, count in counts.items():
            self.stdout.write(self.style.SUCCESS(f"{name}: {count} documents indexed."))

    def check_and_report(self) -> services.DriftReport:
        report = services.check_drift()
        for name in ("database", "elasticsearch"):
            drift = getattr(report, name)
            if drift is None:
                continue
            if drift.clean:
                self.stdout.write(self.style.SUCCESS(f"{name}: in step."))
                continue
            self.stdout.write(self.style.WARNING(f"{name}: drift"))
            for label, ids in (
                ("missing", drift.missing),
                ("extra", drift.extra),
                ("stale", drift.stale),
            ):
                if ids:
                    shown = ", ".join(str(i) for i in ids[:20])
                    more = f" (+{len(ids) - 20} more)" if len(ids) > 20 else ""
                    self.stdout.write(f"  {label}: {len(ids)} page id(s): {shown}{more}")
        if report.pending:
            self.stdout.write(
                self.style.WARNING(f"{report.pending} Elasticsearch update(s) still pending.")
            )
        if report.unavailable:
            self.stdout.write(self.style.ERROR(f"Elasticsearch unavailable: {report.unavailable}"))
        return report
