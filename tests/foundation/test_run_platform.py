"""`run_platform` (what `make run` ends with) starts web, worker and beat, and stops them all."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def children_of(pid: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            children.append(int(entry.name))
    return children


def is_running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def assert_all_stopped(pids: list[int], timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while any(is_running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in pids if is_running(pid)]


def wait_for_web(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "run_platform stopped before the web server answered"
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)  # noqa: S310
            return
        except urllib.error.HTTPError:
            return  # it answered, if only with an error page
        except OSError:
            time.sleep(0.3)
    raise AssertionError("the web server did not answer within a minute")


@pytest.fixture
def platform_env(migrated_data_dir, development_env) -> dict[str, str]:
    """Development settings on a migrated SQLite database of their own."""
    return development_env(migrated_data_dir)


def ignore_sigint():
    """What a shell does for a background job (`make run &`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@pytest.fixture
def platform(platform_env):
    env = platform_env
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "run_platform", "--port", str(port)],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        preexec_fn=ignore_sigint,
    )
    try:
        wait_for_web(port, process)
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@pytest.mark.worker
def test_run_platform_starts_web_worker_and_beat(platform):
    assert len(children_of(platform.pid)) == 3


@pytest.mark.worker
def test_repeated_stop_signals_still_stop_every_process(platform):
    children = children_of(platform.pid)

    platform.send_signal(signal.SIGTERM)
    time.sleep(0.05)
    platform.send_signal(signal.SIGTERM)  # as when make and the terminal both pass one on
    platform.wait(timeout=30)

    assert_all_stopped(children)


def test_run_platform_refuses_an_unmigrated_database_with_what_to_do(tmp_path, development_env):
    env = development_env(tmp_path)

    result = subprocess.run(
        [sys.executable, "manage.py", "run_platform"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode != 0
    assert "The database is not migrated yet: run `make run`" in result.stderr


@pytest.mark.worker
def test_ctrl_c_stops_every_process_even_when_started_in_the_background(platform):
    children = children_of(platform.pid)

    os.killpg(platform.pid, signal.SIGINT)  # what a terminal's Ctrl-C sends
    platform.wait(timeout=30)

    assert platform.returncode == 0
    assert_all_stopped(children)
