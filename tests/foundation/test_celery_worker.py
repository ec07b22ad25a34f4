"""A task makes the round trip through a real Celery worker process and the configured broker.

Locally that is the embedded filesystem broker under a temporary DATA_DIR; in CI, where
CELERY_BROKER_URL and CELERY_RESULT_BACKEND name a Redis server, the same test runs through Redis.
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
CHECK_WORKER = [sys.executable, "manage.py", "check_worker", "--timeout", "30"]


@pytest.fixture
def worker_env(tmp_path, development_env) -> dict[str, str]:
    """Development settings with their data under tmp_path; broker variables pass through."""
    return development_env(tmp_path)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@pytest.mark.worker
def test_check_worker_gets_pong_back_from_a_real_worker(worker_env, tmp_path):
    log = tmp_path / "worker.log"
    with log.open("w") as log_file:
        worker = subprocess.Popen(
            WORKER, cwd=REPO_ROOT, env=worker_env, stdout=log_file, stderr=subprocess.STDOUT
        )
        try:
            result = subprocess.run(
                CHECK_WORKER,
                cwd=REPO_ROOT,
                env=worker_env,
                capture_output=True,
                text=True,
                timeout=90,
            )
        finally:
            stop(worker)

    worker_log = log.read_text()
    assert result.returncode == 0, result.stdout + result.stderr + worker_log
    assert "Worker answered: pong" in result.stdout
    assert "nlc.tasks.ping_task" in worker_log


@pytest.mark.worker
def test_check_worker_fails_clearly_when_no_worker_is_running(worker_env):
    result = subprocess.run(
        [*CHECK_WORKER[:-1], "2"],
        cwd=REPO_ROOT,
        env=worker_env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode != 0
    assert "No worker answered within 2 s" in result.stderr
