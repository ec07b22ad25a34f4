"""Import England's schools register from the GIAS establishments CSV ("edubasealldata").

    python manage.py import_schools edubasealldata20260101.csv

Exits with status 1 only when the whole file is refused (unreadable, wrong encoding, required
columns missing); bad rows are listed and skipped while the good rows import.
"""

from pathlib import Path

from tqdm import tqdm

from django.core.management.base import BaseCommand, CommandError

from core.schools.importers import SchoolImportError
from core.schools.services import import_schools


class Command(BaseCommand):
    help = "Create and update schools from a Get Information about Schools (GIAS) CSV export."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the GIAS establishments CSV file")
        parser.add_argument(
            "--no-progress", action="store_true", help="do not show the progress bar"
        )

    def handle(self, *args, file: Path, no_progress: bool, **options):
        bars = []  # made on the first report, so a refused file shows no empty bar

        def progress(done: int, total: int) -> None:
            if not bars:
                bars.append(
                    tqdm(
                        total=total,
                        unit=" rows",
                        desc="Importing schools",
                        # The wrapped stream: OutputWrapper would end every redraw with a newline.
                        file=self.stderr._out,
                        disable=no_progress,
                        dynamic_ncols=True,
                    )
                )
            bar = bars[0]
            bar.total = max(total, done)
            bar.update(done - bar.n)

        try:
            with file.open("rb") as stream:
                result = import_schools(file=stream, progress=progress)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror or error}.") from None
        except SchoolImportError as error:
            raise CommandError(f"{file}: {error}") from None
        finally:
            for bar in bars:
                bar.close()

        for error in result.errors:
            self.stdout.write(str(error))
        style = self.style.WARNING if result.errors else self.style.SUCCESS
        self.stdout.write(style(result.summary()))
