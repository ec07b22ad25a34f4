"""Notifications in the app and e-mail through the outbox: queued after commit, sent once,
failures recorded and retried, nothing sent for generated data."""

from datetime import timedelta
from smtplib import SMTPException

import pytest

from django.conf import settings
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from core.accounts.factories import UserFactory
from core.notifications.models import Notification, OutboundEmail, subject_key
from core.notifications.services import (
    MAX_ATTEMPTS,
    deliver_email,
    emails_suppressed,
    mark_read,
    mark_read_about,
    notify,
    notify_each,
    queue_email,
)
from core.notifications.tasks import retry_pending_emails_task

pytestmark = pytest.mark.django_db

TEMPLATE = "notifications/email/notification"
LINK_ONLY_TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "OPTIONS": {
            "loaders": [
                (
                    "django.template.loaders.locmem.Loader",
                    {"link_subject.txt": "News", "link_body.txt": "{{ link }}"},
                )
            ]
        },
    }
]
FAILING_BACKEND = "core.notifications.tests.backends.FailingEmailBackend"


def queued(to="reader@example.org", message="An artefact was published.") -> OutboundEmail:
    return queue_email(to=to, template=TEMPLATE, context={"message": message})


def test_notify_shows_the_message_in_the_app(django_capture_on_commit_callbacks):
    person = UserFactory()

    notify(recipient=person, message="Your artefact was approved.", url="/artefacts/1/")

    assert Notification.objects.get(recipient=person).message == "Your artefact was approved."


def test_notify_with_a_template_sends_the_e_mail_after_commit(django_capture_on_commit_callbacks):
    person = UserFactory(email="teacher@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        notify(
            recipient=person,
            message="Your artefact was approved.",
            url="/artefacts/1/",
            email_template=TEMPLATE,
        )

    assert [message.to for message in mail.outbox] == [["teacher@example.org"]]
    assert "/artefacts/1/" in mail.outbox[0].body
    assert OutboundEmail.objects.get().status == OutboundEmail.Status.SENT


def test_nothing_is_sent_before_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        queued()

    assert len(callbacks) == 1
    assert mail.outbox == []


def test_delivering_twice_sends_once():
    email = queued()

    assert deliver_email(email_id=email.pk) is True
    assert deliver_email(email_id=email.pk) is False
    assert len(mail.outbox) == 1


def test_delivering_an_unknown_message_does_nothing():
    assert deliver_email(email_id=987654) is False


@override_settings(EMAIL_BACKEND=FAILING_BACKEND)
def test_a_failed_attempt_is_recorded_and_the_error_raised_for_a_retry():
    email = queued()

    with pytest.raises(SMTPException):
        deliver_email(email_id=email.pk)

    email.refresh_from_db()
    assert (email.status, email.attempts) == (OutboundEmail.Status.PENDING, 1)
    assert "mail server refused" in email.last_error


@override_settings(EMAIL_BACKEND=FAILING_BACKEND)
def test_a_message_is_marked_failed_after_the_last_attempt():
    email = queued()

    for _ in range(MAX_ATTEMPTS):
        with pytest.raises(SMTPException):
            deliver_email(email_id=email.pk)

    email.refresh_from_db()
    assert (email.status, email.attempts) == (OutboundEmail.Status.FAILED, MAX_ATTEMPTS)


def test_the_retry_task_resends_only_messages_pending_for_a_while():
    stale, fresh, sent = queued(to="stale@example.org"), queued(to="fresh@example.org"), queued()
    OutboundEmail.objects.filter(pk__in=[stale.pk, sent.pk]).update(
        created_at=timezone.now() - timedelta(hours=1)
    )
    OutboundEmail.objects.filter(pk=sent.pk).update(status=OutboundEmail.Status.SENT)

    assert retry_pending_emails_task() == 1
    assert [message.to for message in mail.outbox] == [["stale@example.org"]]
    fresh.refresh_from_db()
    assert fresh.status == OutboundEmail.Status.PENDING


def test_within_emails_suppressed_notifications_are_made_but_nothing_is_queued():
    person = UserFactory()

    with emails_suppressed():
        notify(recipient=person, message="Demo news.", email_template=TEMPLATE)

    assert Notification.objects.filter(recipient=person).count() == 1
    assert not OutboundEmail.objects.exists()


def test_e_mail_is_queued_again_after_the_suppressed_block():
    with emails_suppressed():
        queued()

    queued()

    assert OutboundEmail.objects.count() == 1


def test_mark_read_marks_only_that_persons_unread_notifications():
    person, other = UserFactory(), UserFactory()
    for recipient in (person, person, other):
        notify(recipient=recipient, message="News.")

    assert mark_read(user=person) == 2
    assert Notification.objects.filter(recipient=other, read_at__isnull=True).count() == 1


def test_mark_read_about_marks_everyones_notifications_about_that_subject():
    first, second = UserFactory(), UserFactory()
    for person in (first, second):
        notify(recipient=person, message="Waiting for you.", subject="tests.thing:1")

    assert mark_read_about(subject="tests.thing:1") == 2
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_mark_read_about_for_one_person_leaves_the_others_unread():
    person, other = UserFactory(), UserFactory()
    for recipient in (person, other):
        notify(recipient=recipient, message="Waiting for you.", subject="tests.thing:1")

    assert mark_read_about(subject="tests.thing:1", user=person) == 1
    assert Notification.objects.get(read_at__isnull=True).recipient == other


def test_mark_read_about_leaves_other_subjects_unread():
    person = UserFactory()
    notify(recipient=person, message="About one.", subject="tests.thing:1")
    notify(recipient=person, message="About eleven.", subject="tests.thing:11")

    mark_read_about(subject="tests.thing:1")

    assert Notification.objects.get(read_at__isnull=True).message == "About eleven."


def test_mark_read_about_a_blank_subject_marks_nothing():
    person = UserFactory()
    notify(recipient=person, message="About nothing in particular.")

    assert mark_read_about(subject="") == 0
    assert Notification.objects.filter(read_at__isnull=True).count() == 1


def test_subject_key_names_the_kind_and_the_id():
    assert subject_key("artefacts.moderation", 42) == "artefacts.moderation:42"


def test_notify_each_tells_each_person_once_however_often_listed():
    first, second = UserFactory(), UserFactory()

    notify_each([first, second, first], message="News for you both.")

    assert sorted(Notification.objects.values_list("recipient_id", flat=True)) == sorted(
        [first.pk, second.pk]
    )


def test_notify_each_skips_none_in_the_list():
    person = UserFactory()

    notify_each([None, person, None], message="News.")

    assert list(Notification.objects.values_list("recipient_id", flat=True)) == [person.pk]


def test_notify_each_without_a_template_sends_no_e_mail():
    notify_each([UserFactory(), UserFactory()], message="Only in the app.", url="/visits/1/")

    assert Notification.objects.count() == 2
    assert not OutboundEmail.objects.exists()


def test_notify_each_with_a_template_queues_one_e_mail_per_person():
    first = UserFactory(email="first@example.org")
    second = UserFactory(email="second@example.org")

    notify_each([first, second, second], message="News.", url="/a/", email_template=TEMPLATE)

    assert sorted(OutboundEmail.objects.values_list("to", flat=True)) == [
        "first@example.org",
        "second@example.org",
    ]


def test_notify_each_records_the_subject_on_every_notification():
    notify_each([UserFactory(), UserFactory()], message="News.", subject="tests.thing:7")

    assert set(Notification.objects.values_list("subject", flat=True)) == {"tests.thing:7"}


@override_settings(TEMPLATES=LINK_ONLY_TEMPLATES)
def test_notify_each_gives_the_e_mail_the_absolute_link_to_the_url():
    notify_each([UserFactory()], message="News.", url="/networks/x/", email_template="link")

    assert OutboundEmail.objects.get().body_text == f"{settings.SITE_URL}/networks/x/"
