"""Review reminders go once through a real Celery worker, even when beat fires twice.

A throw-away development database under tmp_path, the configured broker (the embedded
filesystem broker locally; Redis in CI when CELERY_BROKER_URL names it) and a worker process,
as in visits/tests/test_reminder_worker.py.
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

# A cycle in planning whose deadline is 7 days away: both co-leaders owe the next step.
SETUP = """
from datetime import timedelta
from django.utils import timezone
from peer_review.factories import cycle_for, deadlines_from
from peer_review.models import Phase
from peer_review.tests.world import build_world
world = build_world()
cycle = cycle_for(
    world.network, world.co_leader, version=world.version,
    deadlines=deadlines_from(timezone.localdate() - timedelta(days=14)),
)
assert (cycle.deadlines.get(phase=Phase.PLANNING).due_on - timezone.localdate()).days == 7
print(world.co_leader.email, world.second_co_leader.email)
"""
FIRE_TWICE = """
from peer_review.tasks import send_review_reminders_task
first, second = send_review_reminders_task.delay(), send_review_reminders_task.delay()
print(first.get(timeout=90), second.get(timeout=90))
"""
# The outbox rows of the reminder per person, once the worker has sent them all.
COUNT = """
import time
from core.notifications.models import OutboundEmail
from peer_review.models import ReminderSent
reminders = OutboundEmail.objects.filter(body_text__contains="is due in 7 days")
for _ in range(120):
    if not reminders.exclude(status="sent").exists():
        break
    time.sleep(0.5)
print(ReminderSent.objects.count(), reminders.filter(status="sent").count())
for to in sorted(reminders.values_list("to", flat=True)):
    print(to)
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
def test_a_review_reminder_goes_once_per_person_through_a_real_worker_when_beat_fires_twice(
    migrated_data_dir, development_env
):
    tmp_path = migrated_data_dir
    env = development_env(tmp_path)
    co_leaders = sorted(manage(env, "shell", "-c", SETUP).splitlines()[-1].split())
    log = tmp_path / "worker.log"
    with log.open("w") as log_file:
        worker = subprocess.Popen(
            WORKER, cwd=REPO_ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT
        )
        try:
            sent = manage(env, "shell", "-c", FIRE_TWICE, timeout=180)
            counted = manage(env, "shell", "-c", COUNT, timeout=120).splitlines()
        finally:
            worker.terminate()
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait(timeout=10)

    assert sorted(sent.splitlines()[-1].split()) == ["0", "2"], log.read_text()
    assert counted[-3] == "2 2", log.read_text()
    assert counted[-2:] == co_leaders
    mail_files = [path.read_text() for path in (tmp_path / "mail").glob("*")]
    for email in co_leaders:
        assert sum(email in text and "is due in 7 days" in text for text in mail_files) == 1
