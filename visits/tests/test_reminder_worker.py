"""Reminders go once through a real Celery worker, even when beat fires twice.

A throw-away development database under tmp_path, the configured broker (the embedded
filesystem broker locally; Redis in CI when CELERY_BROKER_URL names it) and a worker process.
"""

import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
WORKER = [
    sys.executable, "-m", "celery", "--workdir", "site", "-A", "nlc",
    "worker", "--pool", "solo", "-l", "INFO",
]  # fmt: skip

SETUP = """
from datetime import timedelta
from django.utils import timezone
from visits.factories import BookingFactory, VisitSessionFactory
session = VisitSessionFactory(starts_at=timezone.now() + timedelta(hours=20))
booking = BookingFactory(session=session)
print(booking.person_id)
"""
FIRE_TWICE = """
from visits.tasks import send_due_reminders_task
first, second = send_due_reminders_task.delay(), send_due_reminders_task.delay()
print(first.get(timeout=90), second.get(timeout=90))
"""
COUNT = """
from visits.models import ReminderSent
from core.notifications.models import OutboundEmail
print(ReminderSent.objects.count(), OutboundEmail.objects.filter(subject__startswith="Tomorrow").count())
"""


def manage(env, *args, timeout=300) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.strip()


@pytest.mark.worker
def test_a_reminder_goes_once_through_a_real_worker_when_beat_fires_twice(
    migrated_data_dir, development_env
):
    tmp_path = migrated_data_dir
    env = development_env(tmp_path)
    manage(env, "shell", "-c", SETUP)
    log = tmp_path / "worker.log"
    with log.open("w") as log_file:
        worker = subprocess.Popen(
            WORKER, cwd=REPO_ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT
        )
        try:
            sent = manage(env, "shell", "-c", FIRE_TWICE, timeout=180)
        finally:
            worker.terminate()
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait(timeout=10)

    # One run sent the reminder and the other found it sent; the broker may run them either way.
    assert sorted(sent.splitlines()[-1].split()) == ["0", "1"], log.read_text()
    assert manage(env, "shell", "-c", COUNT).splitlines()[-1] == "1 1"
