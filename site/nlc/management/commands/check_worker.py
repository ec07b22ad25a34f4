"""Send a ping task through the configured broker and wait for a worker's answer."""

from django.core.management.base import BaseCommand, CommandError

from nlc.tasks import ping_task


class Command(BaseCommand):
    help = "Check that a Celery worker is consuming from the configured broker."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=30.0)

    def handle(self, *args, timeout, **options):
        try:
            answer = ping_task.apply_async().get(timeout=timeout)
        except Exception as error:
            raise CommandError(f"No worker answered within {timeout:.0f} s: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"Worker answered: {answer}"))
