"""What the visit services share: locks, who and what to tell people about, and checking times."""

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format

from core.errors import ActionRefused, NotAllowed
from core.notifications.models import subject_key
from networks.models import Membership
from networks.selectors import current_school_links

from ..models import VisitOffer, VisitSession

UPDATE_EMAIL = "visits/email/update"


def refuse(reason: str | None) -> None:
    """Raise NotAllowed with the permission's own message when it gives a reason."""
    if reason:
        raise NotAllowed(reason)


def lock_session(session) -> VisitSession:
    """The session's row, locked until the transaction ends, freshly read with its offer.

    Every change to a session's bookings takes this lock first and counts inside it: two
    concurrent bookings are serialised (PostgreSQL waits on the row; SQLite's IMMEDIATE
    transactions already serialise writers).
    """
    return (
        VisitSession.objects.select_for_update(of=("self",))
        .select_related("offer__network", "host_school")
        .get(pk=session.pk)
    )


def lock_offer(offer) -> VisitOffer:
    return (
        VisitOffer.objects.select_for_update(of=("self",))
        .select_related("network")
        .get(pk=offer.pk)
    )


def local(moment) -> str:
    """A moment as people read it: in Europe/London, whatever the season."""
    return date_format(timezone.localtime(moment), "l j F Y, H:i")


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def co_leader_users(network, *, exclude=()) -> list:
    exclude_ids = {getattr(person, "pk", person) for person in exclude if person is not None}
    memberships = Membership.objects.co_leaders().filter(network=network).select_related("user")
    return [m.user for m in memberships if m.user_id not in exclude_ids]


def request_subject(visit_request) -> str:
    return subject_key("visits.request", visit_request.pk)


def session_subject(session) -> str:
    return subject_key("visits.session", session.pk)


def check_times(starts_at, ends_at, *, prefix: str = "") -> None:
    """A session must end after it starts and must not start in the past."""
    errors = {}
    if starts_at is None:
        errors[f"{prefix}starts_at"] = "Give the date and time the visit starts."
    if ends_at is None:
        errors[f"{prefix}ends_at"] = "Give the date and time the visit ends."
    if not errors:
        if ends_at <= starts_at:
            errors[f"{prefix}ends_at"] = "The visit must end after it starts."
        elif starts_at <= timezone.now():
            errors[f"{prefix}starts_at"] = "The visit cannot start in the past."
    if errors:
        raise ActionRefused(field_errors=errors)


def current_school_ids(network) -> set[int]:
    return set(current_school_links(network).values_list("school_id", flat=True))
