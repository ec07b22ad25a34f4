"""With the Celery broker down, a committed action still answers with its success, and what it
had to send goes exactly once when the broker is back (the outbox rows are the record; beat's
sweeper re-sends them)."""

import time
from datetime import timedelta

import pytest
from celery import current_app

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core import queue
from core.notifications.models import OutboundEmail
from core.notifications.tasks import retry_pending_emails_task
from core.queue import send_now
from networks.factories import ActiveNetworkFactory, CoLeaderFactory

UNREACHABLE_BROKER = "redis://127.0.0.1:9/0"  # the discard port: nothing listens there


def _reset_connections(app) -> None:
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def broker_down(monkeypatch):
    # Restored at teardown, so the process's memory of the outage ends with the test.
    monkeypatch.setattr(queue, "_broker_down_until", 0.0)
    # Celery reads these environment variables before its configuration (the PostgreSQL+Redis
    # run sets CELERY_BROKER_URL), so they would hide the unreachable broker.
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)
    monkeypatch.delenv("CELERY_BROKER_WRITE_URL", raising=False)
    app = current_app
    saved = {key: app.conf[key] for key in ("task_always_eager", "broker_url")}
    app.conf.update(task_always_eager=False, broker_url=UNREACHABLE_BROKER)
    _reset_connections(app)
    yield
    app.conf.update(saved)
    _reset_connections(app)


@pytest.fixture
def co_leader_client(client, db):
    network = ActiveNetworkFactory()
    co_leader = CoLeaderFactory(network=network).user
    CoLeaderFactory(network=network)
    client.force_login(co_leader)
    client.network = network
    return client


def invite(client, django_capture_on_commit_callbacks, email="new.teacher@example.org"):
    url = reverse("networks:invite", kwargs={"network_slug": client.network.slug})
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(url, {"email": email, "role": "critical_friend", "school": ""})


def test_sending_to_an_unreachable_broker_gives_up_without_raising(broker_down):
    assert send_now("nlc.tasks.ping_task") is False


def test_after_one_failure_further_sends_do_not_wait_for_the_broker(broker_down):
    send_now("nlc.tasks.ping_task")

    started = time.monotonic()
    assert send_now("nlc.tasks.ping_task") is False
    assert time.monotonic() - started < 0.5


def test_an_invitation_succeeds_quickly_while_the_broker_is_down(
    broker_down, co_leader_client, django_capture_on_commit_callbacks
):
    started = time.monotonic()
    response = invite(co_leader_client, django_capture_on_commit_callbacks)
    elapsed = time.monotonic() - started

    assert response.status_code == 302
    assert elapsed < 5
    assert OutboundEmail.objects.filter(
        to="new.teacher@example.org", status=OutboundEmail.Status.PENDING
    ).exists()
    assert mail.outbox == []


def test_the_held_invitation_goes_exactly_once_when_the_broker_is_back(
    co_leader_client, django_capture_on_commit_callbacks, broker_down
):
    invite(co_leader_client, django_capture_on_commit_callbacks)
    current_app.conf.task_always_eager = True  # the broker is back (tasks run in the test)
    OutboundEmail.objects.update(created_at=timezone.now() - timedelta(hours=1))

    retry_pending_emails_task()
    retry_pending_emails_task()

    assert [message.to for message in mail.outbox] == [["new.teacher@example.org"]]
    assert OutboundEmail.objects.get().status == OutboundEmail.Status.SENT
