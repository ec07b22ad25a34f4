"""Offers and their sessions: created, edited, published, closed and cancelled by the host
network's co-leaders. Rescheduling or cancelling a session tells every booked and waitlisted
person; every change a calendar must pick up raises the session's SEQUENCE."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from core.errors import ActionRefused, field_problems
from core.notifications.services import mark_read_about, notify_each
from search.services import follow_object

from .. import permissions
from ..models import (
    MAX_PLACES,
    Booking,
    OfferStatus,
    SessionStatus,
    VisitOffer,
    VisitSession,
)
from ._common import (
    check_times,
    current_school_ids,
    local,
    lock_offer,
    lock_session,
    refuse,
    session_subject,
)
from .bookings import promote_waiting, refresh_fullness

# The offer's own fields a form sets, as it cleans them.
OFFER_FIELDS = (
    "title",
    "summary",
    "question",
    "theme",
    "places",
    "waitlist",
    "open_to_all_networks",
    "booking_deadline",
    "practical_info",
    "access_info",
    "visibility",
)


OFFER_TEXT_FIELDS = ("title", "summary", "question", "practical_info", "access_info")


@dataclass
class SessionTimes:
    starts_at: object
    ends_at: object
    host_school: object = None


def _check_offer(network, fields: dict, *, host_schools, artefacts, allowed_networks) -> None:
    """Refuse, saving nothing, an offer that breaks a rule; each message beside its field."""
    texts = {name: fields[name] for name in OFFER_TEXT_FIELDS if fields.get(name)}
    errors = field_problems(VisitOffer, **texts)
    if not (fields.get("title") or "").strip():
        errors["title"] = "Give the offer a title."
    places = fields.get("places")
    if places is None or places < 1:
        errors["places"] = "Offer at least one place per session."
    elif places > MAX_PLACES:
        errors["places"] = f"Offer at most {MAX_PLACES} places per session."
    if not host_schools:
        errors["host_schools"] = "Choose at least one of the network's schools to host the visit."
    elif {school.pk for school in host_schools} - current_school_ids(network):
        errors["host_schools"] = "Host schools must be current schools of the network."
    if artefacts and any(artefact.network_id != network.pk for artefact in artefacts):
        errors["artefacts"] = "Link only the network's own artefacts."
    if not fields.get("open_to_all_networks", True):
        if not allowed_networks:
            errors["allowed_networks"] = "Name the networks that may book, or let any network book."
        elif any(other.pk == network.pk for other in allowed_networks):
            errors["allowed_networks"] = "The host network does not book its own visit."
    deadline = fields.get("booking_deadline")
    if deadline is not None and deadline <= timezone.now():
        errors["booking_deadline"] = "The booking deadline cannot be in the past."
    if errors:
        raise ActionRefused(field_errors=errors)


def _session_school(host_school, host_schools):
    if host_school is not None:
        if host_school.pk not in {school.pk for school in host_schools}:
            raise ActionRefused(
                field_errors={"host_school": "Choose one of the offer's host schools."}
            )
        return host_school
    return host_schools[0] if host_schools else None


@transaction.atomic
def create_offer(
    *,
    network,
    by,
    fields: dict,
    host_schools,
    sessions: list[SessionTimes],
    artefacts=(),
    allowed_networks=(),
    publish: bool = False,
) -> VisitOffer:
    """A new offer with its sessions: a draft, or open for booking when `publish`."""
    refuse(permissions.why_not_create_offer(by, network))
    host_schools, artefacts = list(host_schools), list(artefacts)
    allowed_networks = list(allowed_networks)
    _check_offer(
        network,
        fields,
        host_schools=host_schools,
        artefacts=artefacts,
        allowed_networks=allowed_networks,
    )
    if not sessions:
        raise ActionRefused(field_errors={"starts_at": "Give at least one session."})
    for times in sessions:
        check_times(times.starts_at, times.ends_at)
    offer = VisitOffer(network=network, created_by=by, status=OfferStatus.DRAFT)
    for name in OFFER_FIELDS:
        if name in fields:
            setattr(offer, name, fields[name])
    offer.title = offer.title.strip()
    if publish:
        offer.status = OfferStatus.OPEN
    offer.save()
    offer.host_schools.set(host_schools)
    offer.artefacts.set(artefacts)
    offer.allowed_networks.set([] if offer.open_to_all_networks else allowed_networks)
    for times in sessions:
        VisitSession.objects.create(
            offer=offer,
            starts_at=times.starts_at,
            ends_at=times.ends_at,
            host_school=_session_school(times.host_school, host_schools),
        )
    refresh_fullness(offer)
    return offer


@transaction.atomic
def update_offer(
    *, offer, by, fields: dict, host_schools, artefacts=(), allowed_networks=()
) -> VisitOffer:
    """Change an offer. Cutting places below what a session has booked is refused; adding
    places gives them to the people waiting, first come first served."""
    offer = lock_offer(offer)
    refuse(permissions.why_not_edit_offer(by, offer))
    host_schools, artefacts = list(host_schools), list(artefacts)
    allowed_networks = list(allowed_networks)
    _check_offer(
        offer.network,
        fields,
        host_schools=host_schools,
        artefacts=artefacts,
        allowed_networks=allowed_networks,
    )
    places = fields.get("places", offer.places)
    busiest = (
        VisitSession.objects.filter(offer=offer, status=SessionStatus.SCHEDULED)
        .with_counts()
        .order_by("-booked_count", "starts_at")
        .first()
    )
    if busiest is not None and busiest.booked_count > places:
        raise ActionRefused(
            field_errors={
                "places": f"{busiest.booked_count} places are already booked for "
                f"{local(busiest.starts_at)}: offer at least that many, or ask people to "
                "cancel first."
            }
        )
    for name in OFFER_FIELDS:
        if name in fields:
            setattr(offer, name, fields[name])
    offer.title = offer.title.strip()
    offer.save()
    offer.host_schools.set(host_schools)
    offer.artefacts.set(artefacts)
    offer.allowed_networks.set([] if offer.open_to_all_networks else allowed_networks)
    sessions = VisitSession.objects.filter(offer=offer, status=SessionStatus.SCHEDULED)
    sessions.update(sequence=F("sequence") + 1, updated_at=timezone.now())
    for session in sessions.filter(starts_at__gt=timezone.now()):
        promote_waiting(lock_session(session))
    refresh_fullness(offer)
    return offer


@transaction.atomic
def add_session(*, offer, by, starts_at, ends_at, host_school=None) -> VisitSession:
    offer = lock_offer(offer)
    refuse(permissions.why_not_edit_offer(by, offer))
    check_times(starts_at, ends_at)
    session = VisitSession.objects.create(
        offer=offer,
        starts_at=starts_at,
        ends_at=ends_at,
        host_school=_session_school(host_school, list(offer.host_schools.all())),
    )
    refresh_fullness(offer)
    return session


def _people_of(session) -> list:
    return [
        booking.person
        for booking in Booking.objects.active().filter(session=session).select_related("person")
    ]


@transaction.atomic
def reschedule_session(*, session, by, starts_at, ends_at, host_school=None) -> VisitSession:
    """Move a session; everyone booked or waiting is told the new time."""
    session = lock_session(session)
    refuse(permissions.why_not_change_session(by, session))
    check_times(starts_at, ends_at)
    before = session.starts_at
    session.starts_at, session.ends_at = starts_at, ends_at
    if host_school is not None:
        session.host_school = _session_school(host_school, list(session.offer.host_schools.all()))
    session.sequence += 1
    session.save(update_fields=["starts_at", "ends_at", "host_school", "sequence", "updated_at"])
    mark_read_about(subject=session_subject(session))  # the old time is news no longer
    notify_each(
        _people_of(session),
        message=f"“{session.offer.title}” has moved from {local(before)} to "
        f"{local(session.starts_at)}.",
        url=session.offer.get_url(),
        subject=session_subject(session),
        email_template="visits/email/session_changed",
        context={
            "session": session,
            "offer": session.offer,
            "before": local(before),
            "when": local(session.starts_at),
            "until": local(session.ends_at),
        },
    )
    refresh_fullness(session.offer)
    return session


@transaction.atomic
def cancel_session(*, session, by, reason: str) -> VisitSession:
    """Cancel one session; everyone booked or waiting is told why. Their bookings stay, so
    their calendars show the visit as cancelled."""
    session = lock_session(session)
    refuse(permissions.why_not_change_session(by, session))
    reason = (reason or "").strip()
    if not reason:
        raise ActionRefused(field_errors={"reason": "Say why, for the people who booked."})
    _cancel(session, reason)
    refresh_fullness(session.offer)
    return session


def _cancel(session, reason: str) -> None:
    session.status = SessionStatus.CANCELLED
    session.cancelled_reason = reason[:300]
    session.sequence += 1
    session.save(update_fields=["status", "cancelled_reason", "sequence", "updated_at"])
    mark_read_about(subject=session_subject(session))
    notify_each(
        _people_of(session),
        message=f"The visit “{session.offer.title}” on {local(session.starts_at)} is cancelled: "
        f"{reason}",
        url=session.offer.get_url(),
        subject=session_subject(session),
        email_template="visits/email/session_cancelled",
        context={
            "session": session,
            "offer": session.offer,
            "when": local(session.starts_at),
            "reason": reason,
        },
    )


@transaction.atomic
def cancel_offer(*, offer, by, reason: str) -> VisitOffer:
    """Cancel the offer and every session still to come."""
    offer = lock_offer(offer)
    refuse(permissions.why_not_edit_offer(by, offer))
    reason = (reason or "").strip()
    if not reason:
        raise ActionRefused(field_errors={"reason": "Say why, for the people who booked."})
    for session in VisitSession.objects.filter(
        offer=offer, status=SessionStatus.SCHEDULED, ends_at__gt=timezone.now()
    ):
        _cancel(lock_session(session), reason)
    offer.status = OfferStatus.CANCELLED
    offer.save(update_fields=["status", "updated_at"])
    refresh_fullness(offer)
    return offer


def _set_status(offer, by, status: str, *, allowed_from, message: str) -> VisitOffer:
    offer = lock_offer(offer)
    refuse(permissions.why_not_edit_offer(by, offer))
    if offer.status not in allowed_from:
        raise ActionRefused(message)
    offer.status = status
    offer.save(update_fields=["status", "updated_at"])
    return offer


@transaction.atomic
def publish_offer(*, offer, by) -> VisitOffer:
    """A draft opens for booking: it needs a session still to come."""
    if not VisitSession.objects.filter(
        offer=offer, status=SessionStatus.SCHEDULED, starts_at__gt=timezone.now()
    ).exists():
        raise ActionRefused("Add a session still to come before opening the offer for booking.")
    offer = _set_status(
        offer,
        by,
        OfferStatus.OPEN,
        allowed_from=(OfferStatus.DRAFT, OfferStatus.CLOSED),
        message="Only a draft or closed offer can be opened for booking.",
    )
    refresh_fullness(offer)
    return offer


@transaction.atomic
def close_offer(*, offer, by) -> VisitOffer:
    """No more bookings; those made stand."""
    return _set_status(
        offer,
        by,
        OfferStatus.CLOSED,
        allowed_from=(OfferStatus.OPEN, OfferStatus.FULL),
        message="Only an open or full offer can be closed to booking.",
    )


@transaction.atomic
def complete_past_offers(*, now=None) -> int:
    """Mark offers whose sessions have all ended as completed (beat). Idempotent."""
    now = now or timezone.now()
    candidates = (
        VisitOffer.objects.filter(
            status__in=(OfferStatus.OPEN, OfferStatus.FULL, OfferStatus.CLOSED),
            sessions__status=SessionStatus.SCHEDULED,
        )
        .annotate(last_end=Max("sessions__ends_at"))
        .filter(last_end__lte=now)
    )
    completed = VisitOffer.objects.filter(pk__in=list(candidates.values_list("pk", flat=True)))
    offers = list(completed)
    count = completed.update(status=OfferStatus.COMPLETED, updated_at=now)
    for offer in offers:
        offer.status = OfferStatus.COMPLETED
        follow_object(obj=offer)  # update() sends no signal: leave the search results now
    return count


def refresh_listings(*, now=None, everything: bool = False) -> int:
    """Work out again the listing columns that time alone has made stale (a session started
    since), or, with `everything`, every offer's (after rows were written around the services).
    Idempotent: a second run changes nothing. Returns how many offers changed."""
    now = now or timezone.now()
    offers = VisitOffer.objects.all() if everything else VisitOffer.objects.stale_listing(now)
    return offers.refresh_listing(now=now)
