"""Enqueueing by task name works in any process, not only in a worker that imported every task."""

import subprocess
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]


def test_a_task_no_module_has_imported_yet_is_found_by_its_name():
    script = (
        "import django; django.setup(); "
        "from core.queue import send_now; "
        "print(send_now('nlc.tasks.ping_task'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPOSITORY,
        env={
            "PYTHONPATH": f"{REPOSITORY}:{REPOSITORY / 'site'}",
            "DJANGO_SETTINGS_MODULE": "nlc.settings.test",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("True")
