"""Start the web server, a Celery worker and the Celery beat scheduler together.

Ctrl-C stops all three; if one of them dies, the others are stopped too.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from core.accounts.demo import DEMO_LOGINS, DEMO_PASSWORD
from home.sites import align_default_site


class Command(BaseCommand):
    help = "Run web, Celery worker and Celery beat on this machine (Ctrl-C stops all)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))

    def handle(self, *args, host, port, **options):
        if unapplied_migrations():
            raise CommandError(
                "The database is not migrated yet: run `make run`, which migrates and loads the "
                "demo data first, or `python manage.py migrate`."
            )
        site_dir = Path(settings.SITE_DIR)
        site_url = os.environ.get("SITE_URL") or f"http://{host}:{port}"
        align_default_site(site_url=site_url, force="SITE_URL" not in os.environ)
        env = {
            **os.environ,
            "SITE_URL": site_url,  # links in e-mails name the port this server really uses
            "PYTHONPATH": os.pathsep.join(
                filter(None, [str(site_dir), os.environ.get("PYTHONPATH")])
            ),
        }
        python = sys.executable
        celery = [python, "-m", "celery", "--workdir", str(site_dir), "-A", "nlc"]
        commands = {
            "web": [
                python,
                str(settings.BASE_DIR / "manage.py"),
                "runserver",
                f"{host}:{port}",
                "--noreload",
            ],
            "worker": [*celery, "worker", "--loglevel", "INFO", "--concurrency", "2"],
            "beat": [
                *celery,
                "beat",
                "--loglevel",
                "INFO",
                "--schedule",
                settings.CELERY_BEAT_SCHEDULE_FILENAME,
            ],
        }
        Path(settings.CELERY_BEAT_SCHEDULE_FILENAME).parent.mkdir(parents=True, exist_ok=True)
        signal.signal(signal.SIGTERM, stop_on_sigterm)
        # A shell starts a background job (`make run &`) with SIGINT ignored, and Python keeps
        # it ignored: the children would stop on a Ctrl-C to the group, and this would not.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        processes = {name: subprocess.Popen(command, env=env) for name, command in commands.items()}
        self.print_welcome(host, port)
        exit_code = 0
        try:
            while True:
                for name, process in processes.items():
                    if process.poll() is not None:
                        self.stderr.write(
                            f"{name} stopped (exit code {process.returncode}); stopping the others."
                        )
                        exit_code = process.returncode or 1
                        raise KeyboardInterrupt
                time.sleep(0.5)
        except KeyboardInterrupt:
            self.stdout.write("\nStopping web, worker and beat…")
        finally:
            # A second Ctrl-C or SIGTERM (make and the terminal both pass them on) must not
            # interrupt the shutdown and leave a worker behind.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            stop_all(processes.values())
        if exit_code:
            sys.exit(exit_code)

    def print_welcome(self, host, port):
        lines = [
            "",
            "Networked Learning Communities is running:",
            f"  Site:  http://{host}:{port}/",
            f"  Admin: http://{host}:{port}/admin/",
            f"  E-mail is written to {settings.EMAIL_FILE_PATH} and echoed here.",
            "",
            f"Demo logins (password for all: {DEMO_PASSWORD}):",
            *[f"  {login.role:<18} {login.email}" for login in DEMO_LOGINS],
            "",
            "Press Ctrl-C to stop the web server, the Celery worker and the scheduler.",
            "",
        ]
        self.stdout.write(self.style.SUCCESS("\n".join(lines)))


def unapplied_migrations() -> list:
    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def stop_on_sigterm(signum, frame):
    raise KeyboardInterrupt


def stop_all(processes, timeout: float = 10.0) -> None:
    running = [p for p in processes if p.poll() is None]
    for process in running:
        process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + timeout
    for process in running:
        try:
            process.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
