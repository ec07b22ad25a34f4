"""Requests: network A asks network B for a visit; B's co-leaders propose sessions or decline
with a reason; A's co-leaders pick a proposal, which becomes a confirmed visit for A's named
visitors. Every step tells the other side in the app and by e-mail."""

from django.db import transaction
from django.utils import timezone

from core.errors import ActionRefused, field_problems
from core.notifications.services import mark_read_about, notify_each
from networks.permissions import current_role

from .. import permissions
from ..models import (
    MAX_VISITORS,
    Booking,
    BookingStatus,
    OfferStatus,
    ProposedSlot,
    RequestStatus,
    VisitOffer,
    VisitRequest,
    VisitSession,
)
from ._common import (
    check_times,
    co_leader_users,
    current_school_ids,
    local,
    refuse,
    request_subject,
    session_subject,
)
from .bookings import refresh_fullness
from .offers import SessionTimes

REQUEST_EMAIL = "visits/email/request"


def _lock(visit_request) -> VisitRequest:
    return (
        VisitRequest.objects.select_for_update(of=("self",))
        .select_related("from_network", "to_network")
        .get(pk=visit_request.pk)
    )


def _tell_network(network, visit_request, *, message: str, exclude=()) -> None:
    """Each step answers the one before: everyone's notifications of it are read."""
    mark_read_about(subject=request_subject(visit_request))
    notify_each(
        co_leader_users(network, exclude=exclude),
        message=message,
        url=visit_request.get_absolute_url(),
        subject=request_subject(visit_request),
        email_template=REQUEST_EMAIL,
        context={"visit_request": visit_request},
    )


@transaction.atomic
def request_visit(
    *,
    from_network,
    to_network,
    by,
    focus_question: str,
    hoping_to_learn: str,
    preferred_weeks: str,
    visitors: int,
    theme=None,
) -> VisitRequest:
    refuse(permissions.why_not_request_visit(by, from_network, to_network))
    errors = field_problems(
        VisitRequest,
        focus_question=(focus_question or "").strip(),
        hoping_to_learn=(hoping_to_learn or "").strip(),
        preferred_weeks=(preferred_weeks or "").strip(),
    )
    if not (focus_question or "").strip():
        errors["focus_question"] = "Say what question the visit would help you with."
    if not (hoping_to_learn or "").strip():
        errors["hoping_to_learn"] = "Say what you hope to learn."
    if not (preferred_weeks or "").strip():
        errors["preferred_weeks"] = "Say which weeks would suit you."
    if visitors is None or visitors < 1:
        errors["visitors"] = "At least one person visits."
    elif visitors > MAX_VISITORS:
        errors["visitors"] = f"At most {MAX_VISITORS} visitors: ask for two visits instead."
    if errors:
        raise ActionRefused(field_errors=errors)
    visit_request = VisitRequest.objects.create(
        from_network=from_network,
        to_network=to_network,
        requested_by=by,
        focus_question=focus_question.strip(),
        hoping_to_learn=hoping_to_learn.strip(),
        preferred_weeks=preferred_weeks.strip(),
        visitors=visitors,
        theme=theme,
    )
    _tell_network(
        to_network,
        visit_request,
        message=f"{from_network.title} would like to visit {to_network.title}: "
        f"“{visit_request.focus_question}”.",
    )
    return visit_request


@transaction.atomic
def propose_sessions(*, visit_request, by, slots: list[SessionTimes], note: str = ""):
    """The hosts offer one or more sessions; the asking network picks one."""
    visit_request = _lock(visit_request)
    refuse(permissions.why_not_answer_request(by, visit_request))
    if not slots:
        raise ActionRefused(field_errors={"starts_at": "Propose at least one session."})
    school_ids = current_school_ids(visit_request.to_network)
    for times in slots:
        check_times(times.starts_at, times.ends_at)
        if times.host_school is not None and times.host_school.pk not in school_ids:
            raise ActionRefused(
                field_errors={"host_school": "Choose one of the network's current schools."}
            )
    created = [
        ProposedSlot.objects.create(
            request=visit_request,
            starts_at=times.starts_at,
            ends_at=times.ends_at,
            host_school=times.host_school,
            note=(note or "").strip()[:300],
            proposed_by=by,
        )
        for times in slots
    ]
    visit_request.status = RequestStatus.PROPOSED
    visit_request.answered_by, visit_request.answered_at = by, timezone.now()
    visit_request.save(update_fields=["status", "answered_by", "answered_at", "updated_at"])
    dates = "; ".join(local(slot.starts_at) for slot in created)
    _tell_network(
        visit_request.from_network,
        visit_request,
        message=f"{visit_request.to_network.title} proposed {dates} for your visit: pick one.",
    )
    return created


@transaction.atomic
def decline_request(*, visit_request, by, reason: str) -> VisitRequest:
    visit_request = _lock(visit_request)
    refuse(permissions.why_not_answer_request(by, visit_request))
    reason = (reason or "").strip()
    if not reason:
        raise ActionRefused(
            field_errors={"reason": "Say why, so the other network can plan something else."}
        )
    if problems := field_problems(VisitRequest, decline_reason=reason):
        raise ActionRefused(field_errors={"reason": problems["decline_reason"]})
    visit_request.status = RequestStatus.DECLINED
    visit_request.decline_reason = reason
    visit_request.answered_by, visit_request.answered_at = by, timezone.now()
    visit_request.save(
        update_fields=["status", "decline_reason", "answered_by", "answered_at", "updated_at"]
    )
    _tell_network(
        visit_request.from_network,
        visit_request,
        message=f"{visit_request.to_network.title} cannot host your visit: {reason}",
    )
    return visit_request


@transaction.atomic
def withdraw_request(*, visit_request, by) -> VisitRequest:
    visit_request = _lock(visit_request)
    refuse(permissions.why_not_withdraw_request(by, visit_request))
    visit_request.status = RequestStatus.WITHDRAWN
    visit_request.save(update_fields=["status", "updated_at"])
    _tell_network(
        visit_request.to_network,
        visit_request,
        message=f"{visit_request.from_network.title} withdrew its request to visit.",
    )
    return visit_request


@transaction.atomic
def accept_proposal(*, visit_request, slot, by, visitors) -> VisitSession:
    """Pick a proposed session: it becomes a confirmed visit for the named visitors."""
    visit_request = _lock(visit_request)
    refuse(permissions.why_not_accept_proposal(by, visit_request))
    slot = ProposedSlot.objects.filter(pk=getattr(slot, "pk", slot), request=visit_request).first()
    if slot is None:
        raise ActionRefused(field_errors={"slot": "Pick one of the proposed sessions."})
    if slot.starts_at <= timezone.now():
        raise ActionRefused(
            field_errors={"slot": "That session has passed: ask the hosts for another."}
        )
    visitors = list({person.pk: person for person in visitors}.values())
    if not visitors:
        raise ActionRefused(field_errors={"visitors": "Name at least one visitor."})
    if len(visitors) > MAX_VISITORS:
        raise ActionRefused(field_errors={"visitors": f"Name at most {MAX_VISITORS} visitors."})
    network = visit_request.from_network
    strangers = [p.display_name for p in visitors if current_role(p, network) is None]
    if strangers:
        raise ActionRefused(
            field_errors={
                "visitors": f"Not current members of {network.title}: {', '.join(strangers)}."
            }
        )
    host = visit_request.to_network
    offer = VisitOffer.objects.create(
        network=host,
        title=f"Visit from {network.title}"[:200],
        summary=visit_request.hoping_to_learn,
        question=visit_request.focus_question[:500],
        theme=visit_request.theme,
        places=len(visitors),
        waitlist=False,
        open_to_all_networks=False,
        status=OfferStatus.CLOSED,
        from_request=visit_request,
        created_by=by,
    )
    offer.allowed_networks.set([network])
    if slot.host_school_id:
        offer.host_schools.set([slot.host_school_id])
    session = VisitSession.objects.create(
        offer=offer, starts_at=slot.starts_at, ends_at=slot.ends_at, host_school=slot.host_school
    )
    now = timezone.now()
    Booking.objects.bulk_create(
        Booking(
            session=session,
            person=person,
            network=network,
            booked_by=by,
            status=BookingStatus.BOOKED,
            confirmed_at=now,
        )
        for person in visitors
    )
    refresh_fullness(offer)
    visit_request.status = RequestStatus.CONFIRMED
    visit_request.save(update_fields=["status", "updated_at"])
    message = f"Confirmed: {network.title} visits {host.title} on {local(session.starts_at)}."
    mark_read_about(subject=request_subject(visit_request))
    notify_each(
        [*co_leader_users(host), *co_leader_users(network, exclude=[by]), *visitors],
        message=message,
        url=offer.get_url(),
        subject=session_subject(session),
        email_template="visits/email/confirmed",
        context={
            "visit_request": visit_request,
            "session": session,
            "offer": offer,
            "when": local(session.starts_at),
            "until": local(session.ends_at),
        },
    )
    return session
