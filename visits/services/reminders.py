"""Reminders: booked visitors and hosts hear 7 days and 1 day before a session; visitors are
nudged 3 days after it to write their reflection.

Each reminder goes once per person, session and kind: `send_reminder` records a ReminderSent row
(unique) in the same transaction as the notification and the queued e-mail, so a second beat
run, or a worker that restarts mid-run, finds the row and sends nothing. Nothing goes for a
cancelled booking, session or offer.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.notifications.services import notify
from networks.models import Membership

from ..models import (
    Booking,
    BookingStatus,
    OfferStatus,
    Reflection,
    ReminderKind,
    ReminderSent,
    SessionStatus,
    VisitSession,
)
from ._common import absolute, local

# (kind, window start, window end) relative to now: sessions starting (or, for the nudge,
# ending) within the window are due. Beat runs hourly, so each window is seen many times.
WINDOWS = {
    ReminderKind.WEEK_BEFORE: ("starts_at", timedelta(days=6), timedelta(days=7)),
    ReminderKind.DAY_BEFORE: ("starts_at", timedelta(0), timedelta(days=1)),
    ReminderKind.REFLECTION: ("ends_at", -timedelta(days=10), -timedelta(days=3)),
}
HOSTS_TOO = (ReminderKind.WEEK_BEFORE, ReminderKind.DAY_BEFORE)


def _live_sessions():
    return VisitSession.objects.filter(status=SessionStatus.SCHEDULED).exclude(
        offer__status=OfferStatus.CANCELLED
    )


def _sessions_due(kind, now):
    field, start, end = WINDOWS[kind]
    return _live_sessions().filter(**{f"{field}__gt": now + start, f"{field}__lte": now + end})


def _visitor_ids(session_ids, kind) -> set[tuple[int, int]]:
    bookings = Booking.objects.filter(session_id__in=session_ids, status=BookingStatus.BOOKED)
    pairs = set(bookings.values_list("session_id", "person_id"))
    if kind == ReminderKind.REFLECTION:
        written = set(
            Reflection.objects.filter(session_id__in=session_ids).values_list(
                "session_id", "author_id"
            )
        )
        pairs -= written
    return pairs


def _host_ids(sessions) -> set[tuple[int, int]]:
    network_ids = {session.offer.network_id for session in sessions}
    leaders = {}
    for network_id, user_id in (
        Membership.objects.co_leaders()
        .filter(network_id__in=network_ids)
        .values_list("network_id", "user_id")
    ):
        leaders.setdefault(network_id, set()).add(user_id)
    pairs = set()
    for session in sessions:
        for user_id in leaders.get(session.offer.network_id, ()):
            pairs.add((session.pk, user_id))
        if session.host_lead_id:
            pairs.add((session.pk, session.host_lead_id))
    return pairs


def due_reminders(*, now=None) -> list[tuple[int, int, str]]:
    """(session id, person id, kind) for every reminder due and not yet sent."""
    now = now or timezone.now()
    due = []
    for kind in WINDOWS:
        sessions = list(_sessions_due(kind, now).select_related("offer"))
        if not sessions:
            continue
        ids = [session.pk for session in sessions]
        pairs = _visitor_ids(ids, kind)
        if kind in HOSTS_TOO:
            pairs |= _host_ids(sessions)
        sent = set(
            ReminderSent.objects.filter(session_id__in=ids, kind=kind).values_list(
                "session_id", "person_id"
            )
        )
        due += [(sid, pid, kind) for sid, pid in sorted(pairs - sent)]
    return due


def _still_due(session, person, kind, now) -> bool:
    if not _sessions_due(kind, now).filter(pk=session.pk).exists():
        return False
    pairs = _visitor_ids([session.pk], kind)
    if kind in HOSTS_TOO:
        pairs |= _host_ids([session])
    return (session.pk, person.pk) in pairs


@transaction.atomic
def send_reminder(*, session_id: int, person_id: int, kind: str, now=None) -> bool:
    """Send one reminder unless it went already or is no longer due. True when sent."""
    now = now or timezone.now()
    session = (
        VisitSession.objects.select_related("offer__network", "host_school")
        .filter(pk=session_id)
        .first()
    )
    person = get_user_model().objects.filter(pk=person_id, is_active=True).first()
    if session is None or person is None or kind not in WINDOWS:
        return False
    if not _still_due(session, person, kind, now):
        return False
    try:
        with transaction.atomic():
            ReminderSent.objects.create(session=session, person=person, kind=kind)
    except IntegrityError:
        return False  # sent already, by this run's twin
    offer = session.offer
    when = local(session.starts_at)
    if kind == ReminderKind.REFLECTION:
        message = f"How was your visit to {offer.network.title}? Write your reflection on “{offer.title}”."
        url = session.get_absolute_url()
    elif kind == ReminderKind.WEEK_BEFORE:
        message = f"In a week: “{offer.title}”, {when}."
        url = offer.get_url()
    else:
        message = f"Tomorrow: “{offer.title}”, {when}."
        url = offer.get_url()
    notify(
        recipient=person,
        message=message,
        url=url,
        email_template="visits/email/reminder",
        context={
            "link": absolute(url),
            "offer": offer,
            "session": session,
            "when": when,
            "until": local(session.ends_at),
            "kind": kind,
            "calendar_link": absolute(f"/visits/{session.pk}/calendar.ics"),
        },
    )
    return True


def send_due_reminders(*, now=None) -> int:
    """Send every reminder due now, each in its own transaction. Returns how many went."""
    sent = 0
    for session_id, person_id, kind in due_reminders(now=now):
        if send_reminder(session_id=session_id, person_id=person_id, kind=kind, now=now):
            sent += 1
    return sent
