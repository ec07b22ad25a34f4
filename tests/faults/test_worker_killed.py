"""A worker killed in the middle of a task (SIGKILL: the OOM killer, a host going away) loses
nothing and doubles nothing. What the task was doing is recorded in the database before it is
enqueued (an outbox row, the pages themselves), so a new worker and beat's sweepers finish it.

Each test runs a real worker process on a throw-away development database under tmp_path and the
configured broker (the embedded filesystem broker locally; Redis in CI when CELERY_BROKER_URL
names it). The filesystem broker forgets a message once a worker has taken it, and Redis gives an
unacknowledged one back only after its visibility time-out (an hour), so in both the killed task
is lost for the new worker: only the sweepers bring its work back.
"""

import json
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from email import message_from_string
from email.policy import default as default_policy
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
WORKER = [
    sys.executable, "-m", "celery", "--workdir", "site", "-A", "nlc",
    "worker", "--pool", "solo", "-l", "INFO",
]  # fmt: skip
MAIL_SEPARATOR = "\n" + "-" * 79 + "\n"  # between messages in the file e-mail backend's files

# An author submits an artefact and a co-leader approves it: each step e-mails the other
# co-leader and the author (through the outbox), and the approval indexes the artefact.
SUBMIT_AN_ARTEFACT = """
from contextlib import nullcontext
from artefacts.factories import DraftArtefactFactory
from artefacts.services import submit_artefact
from core.notifications.services import emails_suppressed
from networks.factories import ActiveNetworkFactory, CoLeaderFactory, MembershipFactory
network = ActiveNetworkFactory()
approver, other_co_leader = (CoLeaderFactory(network=network).user for _ in range(2))
author = MembershipFactory(network=network).user
with emails_suppressed() if {quiet} else nullcontext():
    artefact = DraftArtefactFactory(network=network, owner=author)
    submit_artefact(artefact=artefact, by=author)
print(artefact.pk, approver.pk)
"""
APPROVE = """
from contextlib import nullcontext
from core.accounts.models import User
from artefacts.models import ArtefactPage
from artefacts.services import approve_artefact
from core.notifications.services import emails_suppressed
artefact = ArtefactPage.objects.get(pk={artefact_id})
with emails_suppressed() if {quiet} else nullcontext():
    approve_artefact(artefact=artefact, by=User.objects.get(pk={approver_id}))
print(artefact.pk)
"""
DRAIN_THE_QUEUE = """
from nlc.tasks import ping_task
print(ping_task.delay().get(timeout=240))
"""
PENDING_EMAILS = """
from core.notifications.models import OutboundEmail
print(sorted(OutboundEmail.objects.filter(status="pending").values_list("to", flat=True)))
"""
# Beat's e-mail sweeper leaves a message ten minutes for its own task; those minutes have passed.
SWEEP_EMAILS = """
from datetime import timedelta
from django.utils import timezone
from core.notifications.models import OutboundEmail
from core.notifications.tasks import retry_pending_emails_task
OutboundEmail.objects.update(created_at=timezone.now() - timedelta(hours=1))
print(retry_pending_emails_task.delay().get(timeout=240))
"""
OUTBOX = """
import json
from core.notifications.models import OutboundEmail
print(json.dumps(list(OutboundEmail.objects.order_by("pk").values_list("status", "to", "subject"))))
"""
IS_INDEXED = """
from search.models import SearchDocument
print(SearchDocument.objects.filter(page_id={page_id}).exists())
"""
REPAIR_SEARCH_INDEX = """
from search.tasks import repair_index_task
print(repair_index_task.delay().get(timeout=240))
"""


class Platform:
    """The development platform with its data under one folder, driven as an operator would."""

    def __init__(self, data_dir: Path, env: dict[str, str]):
        self.data_dir = data_dir
        self.env = {**env, "DJANGO_SETTINGS_MODULE": "tests.faults.worker_settings"}
        self.workers: list[subprocess.Popen] = []

    def manage(self, *args, timeout=300) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=REPO_ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert result.returncode == 0, result.stdout + result.stderr + self.worker_logs()
        return result.stdout.strip()

    def shell(self, code: str) -> str:
        """The last line the code printed."""
        return self.manage("shell", "-c", code).splitlines()[-1]

    def purge_queue(self) -> None:
        command = [*WORKER[: WORKER.index("worker")], "purge", "-f"]
        subprocess.run(command, cwd=REPO_ROOT, env=self.env, check=True, timeout=120)

    def start_worker(self, **env) -> subprocess.Popen:
        log = self.data_dir / f"worker-{len(self.workers) + 1}.log"
        with log.open("w") as log_file:
            worker = subprocess.Popen(
                WORKER,
                cwd=REPO_ROOT,
                env={**self.env, **env},
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
        worker.log = log
        self.workers.append(worker)
        return worker

    def worker_logs(self) -> str:
        return "".join(
            f"\n--- {worker.log.name}\n{worker.log.read_text()}" for worker in self.workers
        )

    def wait_until(self, condition, what: str, timeout=180) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                pytest.fail(f"Gave up waiting for {what}.{self.worker_logs()}")
            time.sleep(0.2)

    def stop_workers(self) -> None:
        for worker in self.workers:
            if worker.poll() is None:
                worker.terminate()
                try:
                    worker.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    worker.kill()
                    worker.wait(timeout=10)

    def emails_written(self) -> Counter:
        """(recipient, subject) of every message the workers' e-mail backend wrote."""
        written = Counter()
        for path in (self.data_dir / "mail").glob("*.log"):
            for chunk in path.read_text().split(MAIL_SEPARATOR):
                if chunk.strip():
                    message = message_from_string(chunk, policy=default_policy)
                    written[(str(message["To"]), " ".join(str(message["Subject"]).split()))] += 1
        return written


def kill(worker: subprocess.Popen) -> None:
    worker.kill()  # SIGKILL: no clean shutdown, nothing handed back to the broker
    worker.wait(timeout=10)


@pytest.fixture
def platform(migrated_data_dir, development_env):
    platform = Platform(migrated_data_dir, development_env(migrated_data_dir))
    yield platform
    platform.stop_workers()


@pytest.mark.worker
def test_every_email_goes_exactly_once_when_the_worker_is_killed_while_sending(platform):
    artefact_id, approver_id = platform.shell(SUBMIT_AN_ARTEFACT.format(quiet=False)).split()
    platform.shell(APPROVE.format(artefact_id=artefact_id, approver_id=approver_id, quiet=False))
    marker = platform.data_dir / "sending"
    first = platform.start_worker(SLOW_MAIL_SECONDS="600", SLOW_MAIL_MARKER=str(marker))
    platform.wait_until(marker.exists, "the first worker to start sending an e-mail")
    kill(first)

    platform.start_worker()
    platform.shell(DRAIN_THE_QUEUE)
    assert platform.shell(PENDING_EMAILS) == repr([marker.read_text()]), "nothing was in flight"
    assert platform.shell(SWEEP_EMAILS) == "1"
    platform.shell(DRAIN_THE_QUEUE)

    outbox = json.loads(platform.shell(OUTBOX))
    assert len(outbox) >= 4
    assert {status for status, _, _ in outbox} == {"sent"}
    assert platform.emails_written() == Counter((to, subject) for _, to, subject in outbox)


@pytest.mark.worker
def test_the_search_index_matches_the_pages_when_the_worker_is_killed_while_indexing(platform):
    artefact_id, approver_id = platform.shell(SUBMIT_AN_ARTEFACT.format(quiet=True)).split()
    # From here on the queue holds only what the approval asks of the worker.
    platform.manage("search_index", "--fix")
    platform.purge_queue()
    platform.shell(APPROVE.format(artefact_id=artefact_id, approver_id=approver_id, quiet=True))
    # Holding SQLite's write lock keeps the first task waiting inside its transaction.
    database = sqlite3.connect(platform.data_dir / "db.sqlite3", isolation_level=None)
    database.execute("BEGIN IMMEDIATE")
    try:
        first = platform.start_worker()
        platform.wait_until(
            lambda: "search.tasks.index_page_task[" in first.log.read_text(),
            "the first worker to take an index update",
        )
        kill(first)
    finally:
        database.rollback()
        database.close()

    platform.start_worker()
    platform.shell(DRAIN_THE_QUEUE)
    assert platform.shell(IS_INDEXED.format(page_id=artefact_id)) == "False", "nothing was lost"
    assert platform.shell(REPAIR_SEARCH_INDEX) == "True"

    assert platform.shell(IS_INDEXED.format(page_id=artefact_id)) == "True"
    platform.manage("search_index", "--check")
