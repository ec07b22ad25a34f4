"""The weekly digest: what is new in what a person follows that they may read, once a week,
with a one-click unsubscribe that works without signing in."""

from datetime import timedelta

import pytest

from django.core import mail
from django.utils import timezone

from artefacts.models import Visibility
from broker.factories import CollectionFactory
from broker.models import DigestPreference, DigestSent
from broker.services.collections import add_artefact
from broker.services.digests import send_digest, send_weekly_digests, week_of
from broker.services.follows import follow
from broker.tokens import unsubscribe_token
from core.notifications.models import OutboundEmail


@pytest.fixture
def week():
    return week_of(timezone.localdate())


@pytest.fixture
def followed(world, make_artefact):
    """The other network's member follows Mersey, which published one artefact of each
    visibility this week, and one public artefact a month ago."""
    follow(user=world.other_member, kind="network", target=world.network)
    for visibility in Visibility.values:
        make_artefact(title=f"New {visibility} artefact", visibility=visibility)
    make_artefact(title="Old news", first_published_at=timezone.now() - timedelta(days=30))


def _send_all(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return send_weekly_digests()


def test_the_digest_holds_only_what_the_recipient_may_read(
    world, followed, django_capture_on_commit_callbacks
):
    _send_all(django_capture_on_commit_callbacks)

    (message,) = mail.outbox
    assert message.to == [world.other_member.email]
    assert "New public artefact" in message.body
    assert "New members artefact" in message.body
    assert "New network artefact" not in message.body
    assert "Old news" not in message.body


def test_the_digest_goes_once_a_week_even_if_beat_fires_twice(
    world, followed, django_capture_on_commit_callbacks
):
    _send_all(django_capture_on_commit_callbacks)
    _send_all(django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    assert DigestSent.objects.count() == 1


def test_sending_the_same_persons_digest_again_sends_nothing(world, followed, week):
    assert send_digest(user_id=world.other_member.pk, week=week)
    assert not send_digest(user_id=world.other_member.pk, week=week)

    assert OutboundEmail.objects.count() == 1


def test_the_digest_carries_rfc_8058_one_click_unsubscribe_headers(
    world, followed, django_capture_on_commit_callbacks
):
    _send_all(django_capture_on_commit_callbacks)

    headers = mail.outbox[0].extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert headers["List-Unsubscribe"].startswith("<http")
    assert "/unsubscribe/" in headers["List-Unsubscribe"]
    assert headers["List-Unsubscribe"][1:-1] in mail.outbox[0].body


def test_nothing_new_sends_nothing_but_the_week_is_recorded(world, week):
    follow(user=world.outsider, kind="network", target=world.network)

    assert not send_digest(user_id=world.outsider.pk, week=week)
    assert DigestSent.objects.get(user=world.outsider).items == 0
    assert not OutboundEmail.objects.exists()


def test_people_who_turned_the_digest_off_get_none(
    world, followed, django_capture_on_commit_callbacks
):
    DigestPreference.objects.create(user=world.other_member, weekly_digest=False)

    assert _send_all(django_capture_on_commit_callbacks) == 0
    assert not mail.outbox


def test_a_followed_collections_new_items_are_in_the_digest_if_readable(world, week, make_artefact):
    collection = CollectionFactory(title="Feedback")
    follow(user=world.outsider, kind="collection", target=collection)
    add_artefact(
        collection=collection, by=world.broker, artefact=make_artefact(title="Open"), note="N"
    )
    add_artefact(
        collection=collection,
        by=world.broker,
        artefact=make_artefact(title="Closed", visibility=Visibility.NETWORK),
        note="N",
    )

    send_digest(user_id=world.outsider.pk, week=week)

    body = OutboundEmail.objects.get().body_text
    assert "Open, in “Feedback”" in body
    assert "Closed" not in body


def test_one_click_unsubscribe_works_without_signing_in(client, world):
    response = client.post(
        f"/unsubscribe/{unsubscribe_token(world.outsider)}/",
        {"List-Unsubscribe": "One-Click"},
    )

    assert response.status_code == 200
    assert not DigestPreference.objects.get(user=world.outsider).weekly_digest


def test_opening_the_unsubscribe_link_asks_before_changing_anything(client, world):
    response = client.get(f"/unsubscribe/{unsubscribe_token(world.outsider)}/")

    assert "Stop the weekly digest" in response.content.decode()
    assert not DigestPreference.objects.exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_bad_unsubscribe_token_gets_a_clear_page_and_changes_nothing(client, world, method):
    token = unsubscribe_token(world.outsider)[:-3] + "abc"

    response = getattr(client, method)(f"/unsubscribe/{token}/")

    assert response.status_code == 400
    assert "This unsubscribe link is not valid" in response.content.decode()
    assert not DigestPreference.objects.exists()
