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
import time

from celery import current_app
from celery.exceptions import NotRegistered
from kombu.exceptions import OperationalError

from django.db import transaction

logger = logging.getLogger(__name__)

# After one failure, sends from this process wait this long before trying the broker again, so a
# request that enqueues several tasks pays for one connection time-out, not one each.
BROKER_RETRY_AFTER_SECONDS = 30
_broker_down_until = 0.0


def registered_task(task_name: str):
    """The task by name. A web process has not imported the apps' tasks modules (a worker does at
    start-up), so a miss imports the task's own module, which registers it. (Celery's own
    `import_default_modules` would also re-run Django's set-up and reset logging.)"""
    if task_name not in current_app.tasks:
        with contextlib.suppress(ImportError):  # an unknown module: NotRegistered just below
            importlib.import_module(task_name.rpartition(".")[0])
    return current_app.tasks[task_name]


def send_now(task_name: str, *args) -> bool:
    """Send one task message at once. Returns False, logging why, when the broker is away."""
    global _broker_down_until
    if time.monotonic() < _broker_down_until:
        logger.info("Broker recently unreachable: %s%r left for its sweeper", task_name, args)
        return False
    try:
        registered_task(task_name).apply_async(args=args, retry=False)
    except NotRegistered:
        logger.error("No task %s: %r not sent; its sweeper will retry", task_name, args)
        return False
    except (OperationalError, OSError):
        # The broker is down or refused us: the recorded work waits for the sweeper.
        _broker_down_until = time.monotonic() + BROKER_RETRY_AFTER_SECONDS
        logger.warning(
            "Could not enqueue %s%r; its sweeper will retry", task_name, args, exc_info=True
        )
        return False
    _broker_down_until = 0.0
    return True


def enqueue_after_commit(task_name: str, *args) -> None:
    """Send `task_name(*args)` once the surrounding transaction has committed (at once outside
    one). Never raises into the request."""
    transaction.on_commit(lambda: send_now(task_name, *args))
