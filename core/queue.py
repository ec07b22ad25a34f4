"""Hand work to the Celery worker after the current transaction commits, by task name.

Services enqueue through here, so `services.py` never imports `tasks.py` (tasks import services).
What must not be lost is recorded in the database by the service first (the e-mail outbox, the
search index's pending updates): enqueueing is only a nudge. If the broker cannot be reached the
failure is logged and the person still sees the success they earned; beat's sweepers pick the
recorded work up again when the broker is back.
"""

import importlib
import logging

from celery import current_app
from kombu.exceptions import OperationalError

from django.db import transaction

logger = logging.getLogger(__name__)


def send_now(task_name: str, *args) -> bool:
    """Send one task message at once. Returns False, logging why, when the broker is away."""
    # Celery registers a task when its module is imported, and a web process imports a tasks
    # module only if something asks for it: import it here, so sending by name always works.
    importlib.import_module(task_name.rpartition(".")[0])
    try:
        current_app.tasks[task_name].apply_async(args=args, retry=False)
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
