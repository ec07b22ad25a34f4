"""Hand work to the Celery worker after the current transaction commits, by task name.

Services enqueue through here, so `services.py` never imports `tasks.py` (tasks import services).
What must not be lost is recorded in the database by the service first (the e-mail outbox, the
search index's pending updates): enqueueing is only a nudge. If the broker cannot be reached the
failure is logged and the person still sees the success they earned; beat's sweepers pick the
recorded work up again when the broker is back.
"""

import contextlib
import importlib
import logging

from celery import current_app
from celery.exceptions import NotRegistered
from kombu.exceptions import OperationalError

from django.db import transaction

logger = logging.getLogger(__name__)


def _task(task_name: str):
    # A web process never imports the tasks modules (only the worker autodiscovers them): import
    # the task's own module, which registers it with the Celery app.
    with contextlib.suppress(ImportError):  # an unknown module: NotRegistered just below
        importlib.import_module(task_name.rpartition(".")[0])
    return current_app.tasks[task_name]


def send_now(task_name: str, *args) -> bool:
    """Send one task message at once. Returns False, logging why, when the broker is away."""
    try:
        _task(task_name).apply_async(args=args, retry=False)
    except NotRegistered:
        logger.error("No task %s: %r not sent; its sweeper will retry", task_name, args)
        return False
    except (OperationalError, OSError):
        # The broker is down or refused us: the recorded work waits for the sweeper.
        logger.warning(
            "Could not enqueue %s%r; its sweeper will retry", task_name, args, exc_info=True
        )
        return False
    return True


def enqueue_after_commit(task_name: str, *args) -> None:
    """Send `task_name(*args)` once the surrounding transaction has committed (at once outside
    one). Never raises into the request."""
    transaction.on_commit(lambda: send_now(task_name, *args))
