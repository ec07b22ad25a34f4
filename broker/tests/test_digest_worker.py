"""The weekly digest through a real Celery worker and the configured broker: beat's task fired
twice sends one digest, and the outbox delivers it once.

Runs with development settings on a fresh database under tmp_path (as
tests/foundation/test_celery_worker.py does), so the worker and this test share the data.
"""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
WORKER = [
    sys.executable, "-m", "celery", "--workdir", "site", "-A", "nlc",
    "worker", "--pool", "solo", "-l", "INFO",
]  # fmt: skip

SETUP = """
from django.utils import timezone
from artefacts.factories import ArtefactPageFactory
from broker.services.follows import follow
from networks.factories import ActiveNetworkFactory, MembershipFactory
network = ActiveNetworkFactory(title="Mersey Feedback Network")
author = MembershipFactory(network=network).user
reader = MembershipFactory(network=ActiveNetworkFactory()).user
follow(user=reader, kind="network", target=network)
ArtefactPageFactory(network=network, owner=author, title="Live marking in Year 5")
ArtefactPageFactory(network=network, owner=author, title="Only for Mersey", visibility="network")
print(reader.email)
"""

FIRE_TWICE = """
from broker.tasks import send_weekly_digests_task
send_weekly_digests_task.delay()
send_weekly_digests_task.delay()
"""

STATE = """
import json
from broker.models import DigestSent
from core.notifications.models import OutboundEmail
print(json.dumps({
    "digests": DigestSent.objects.count(),
    "emails": list(OutboundEmail.objects.values("to", "status", "body_text", "headers")),
}))
"""


@pytest.fixture
def worker_env(migrated_data_dir, development_env) -> dict[str, str]:
    return development_env(migrated_data_dir)


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
    return result.stdout


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@pytest.mark.worker
def test_beat_firing_twice_sends_one_digest_through_a_real_worker(worker_env, tmp_path):
    reader_email = manage(worker_env, "shell", "-c", SETUP).strip().splitlines()[-1]
    log = tmp_path / "worker.log"
    with log.open("w") as log_file:
        worker = subprocess.Popen(
            WORKER, cwd=REPO_ROOT, env=worker_env, stdout=log_file, stderr=subprocess.STDOUT
        )
        try:
            manage(worker_env, "shell", "-c", FIRE_TWICE)
            deadline = time.monotonic() + 120
            while True:
                state = json.loads(manage(worker_env, "shell", "-c", STATE).splitlines()[-1])
                sent = [e for e in state["emails"] if e["status"] == "sent"]
                if sent or time.monotonic() > deadline:
                    break
                time.sleep(2)
            time.sleep(5)  # anything sent twice would have arrived by now
            state = json.loads(manage(worker_env, "shell", "-c", STATE).splitlines()[-1])
        finally:
            stop(worker)

    worker_log = log.read_text()
    assert state["digests"] == 1, worker_log
    (email,) = state["emails"]
    assert (email["to"], email["status"]) == (reader_email, "sent"), worker_log
    assert "Live marking in Year 5" in email["body_text"]
    assert "Only for Mersey" not in email["body_text"]
    assert email["headers"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert len(list((tmp_path / "mail").iterdir())) == 1
