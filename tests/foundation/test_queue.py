"""core.queue sends a task by name from any process, and never raises into the request."""

import threading

import pytest
from celery import current_app

from core.queue import send_now

pytestmark = pytest.mark.django_db


def test_a_task_is_sent_by_its_dotted_name():
    assert send_now("core.notifications.tasks.retry_pending_emails_task") is True


def test_an_unknown_task_is_logged_not_raised(caplog):
    assert send_now("core.notifications.tasks.no_such_task") is False
    assert "No task core.notifications.tasks.no_such_task" in caplog.text


def test_another_thread_sends_through_the_configured_app():
    """A live server or web thread must not fall back to Celery's unconfigured default app."""
    seen = []
    thread = threading.Thread(target=lambda: seen.append(current_app.main))
    thread.start()
    thread.join()

    assert seen == ["nlc"]
