"""Two-key decisions: one co-leader proposes, a different co-leader confirms.

Kinds: appoint a co-leader, a co-leader steps down (or is asked to), close the network. Both
steps are written to Wagtail's audit log. A decision can be withdrawn by any co-leader while it
waits, and it expires after settings.NETWORK_DECISION_DAYS.

An appointment confirmed by both keys then waits for the person appointed to agree (they are
asked, and have NETWORK_DECISION_DAYS again to answer): agreeing makes them co-leader,
declining closes it as declined and tells the co-leaders.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from core.errors import refuse_invalid_fields, refuse_unless
from core.notifications.services import mark_read_about, notify_each

from ..models import (
    MINIMUM_CO_LEADERS,
    OPEN_STATUSES,
    Decision,
    DecisionKind,
    DecisionStatus,
    Membership,
    Role,
)
from ..permissions import (
    can_answer_appointment,
    can_confirm_decision,
    can_propose_decision,
    can_withdraw_decision,
    why_not_answer_appointment,
    why_not_confirm_decision,
    why_not_propose_decision,
    why_not_withdraw_decision,
)
from . import actions
from ._common import (
    UPDATE_EMAIL,
    appointment_subject,
    audit,
    co_leader_users,
    current_co_leader_count,
    decision_subject,
    ensure_open,
    lock_network,
    manage_path,
)
from .errors import ActionRefused, CoLeadershipRule
from .lifecycle import close_network_now
from .memberships import check_co_leaders_remain, set_role

DECISIONS_ANCHOR = "#decisions-heading"


def _target_membership(network, target) -> Membership:
    if target is None:
        raise ActionRefused("Choose the person this decision is about.")
    membership = (
        Membership.objects.current()
        .select_for_update(of=("self",))
        .select_related("user")
        .filter(pk=getattr(target, "pk", target), network_id=network.pk)
        .first()
    )
    if membership is None:
        raise ActionRefused("That person is not a current member of this network.")
    return membership


def _check_still_applies(network, decision) -> None:
    """The rules a decision must meet both when proposed and when confirmed."""
    if decision.kind == DecisionKind.APPOINT_CO_LEADER:
        if decision.target.role == Role.CO_LEADER:
            raise ActionRefused(f"{decision.target.user.display_name} is already a co-leader.")
    elif decision.kind == DecisionKind.STEP_DOWN_CO_LEADER:
        if decision.target.role != Role.CO_LEADER:
            raise ActionRefused(f"{decision.target.user.display_name} is not a co-leader.")
        check_co_leaders_remain(network)


@transaction.atomic
def propose_decision(*, network, kind: str, target=None, reason: str = "", by) -> Decision:
    """The first key. `target` is the Membership (or its id) for co-leadership decisions;
    `reason` (optional) says why, for the co-leaders and the person it is about."""
    reason = (reason or "").strip()
    refuse_invalid_fields(Decision, reason=reason)
    network = lock_network(network)
    ensure_open(network)
    refuse_unless(can_propose_decision(by, network), why_not_propose_decision(by, network))
    if kind not in DecisionKind.values:
        raise ActionRefused("Choose what to decide.")
    if current_co_leader_count(network) < MINIMUM_CO_LEADERS:
        raise CoLeadershipRule(
            "A two-key decision needs a second co-leader to confirm it: invite a second "
            "co-leader first."
        )
    decision = Decision(
        network=network,
        kind=kind,
        proposed_by=by,
        reason=reason,
        expires_at=timezone.now() + timedelta(days=settings.NETWORK_DECISION_DAYS),
    )
    if kind == DecisionKind.CLOSE_NETWORK:
        target_user = None
    else:
        decision.target = _target_membership(network, target)
        target_user = decision.target.user
    _check_still_applies(network, decision)
    try:
        with transaction.atomic():
            decision.save()
    except IntegrityError:
        raise ActionRefused(
            "This is already proposed and still waiting, for a second co-leader or for the "
            "person's agreement."
        ) from None
    audit(
        network,
        actions.DECISION_PROPOSED,
        by=by,
        decision=decision.pk,
        kind=kind,
        target_user_id=getattr(target_user, "pk", None),
    )
    notify_each(
        [*co_leader_users(network, exclude=[by]), target_user if target_user != by else None],
        message=f"{by.display_name} proposed: {decision.describe()}. A second co-leader confirms.",
        url=manage_path(network) + DECISIONS_ANCHOR,
        subject=decision_subject(decision),
        email_template="networks/email/decision_proposed",
        context={"network": network, "decision": decision, "proposer": by},
    )
    return decision


def _lock_decision(decision, network, *, statuses=(DecisionStatus.PENDING,)) -> Decision:
    decision = (
        Decision.objects.select_for_update(of=("self",))
        .select_related("target__user", "proposed_by")
        .get(pk=decision.pk)
    )
    if decision.network_id != network.pk:
        raise ActionRefused("That decision belongs to another network.")
    if decision.status not in statuses:
        raise ActionRefused(
            f"This decision is no longer waiting: it was {decision.get_status_display().lower()}."
        )
    if decision.expires_at <= timezone.now():
        raise ActionRefused(
            "This proposal expired on "
            f"{date_format(timezone.localtime(decision.expires_at), 'j F Y')}: propose it again."
        )
    return decision


@transaction.atomic
def confirm_decision(*, decision, by) -> Decision:
    """The second key: a different co-leader confirms, and the change is made (an appointment
    then waits for the person's agreement)."""
    network = lock_network(decision.network)
    ensure_open(network)
    decision = _lock_decision(decision, network)
    refuse_unless(can_confirm_decision(by, decision), why_not_confirm_decision(by, decision))
    if decision.target_id is not None and decision.target.left_at is not None:
        raise ActionRefused("That person is no longer a member of the network.")
    _check_still_applies(network, decision)
    if decision.kind == DecisionKind.APPOINT_CO_LEADER:
        return _ask_for_consent(network, decision, by=by)

    decision.status = DecisionStatus.CONFIRMED
    decision.confirmed_by = by
    decision.decided_at = timezone.now()
    decision.save(update_fields=["status", "confirmed_by", "decided_at"])
    audit(
        network,
        actions.DECISION_CONFIRMED,
        by=by,
        decision=decision.pk,
        kind=decision.kind,
        proposed_by=decision.proposed_by_id,
        target_user_id=decision.target.user_id if decision.target_id else None,
    )
    if decision.kind == DecisionKind.STEP_DOWN_CO_LEADER:
        set_role(network, decision.target, Role.MEMBER, by=by)
    elif decision.kind == DecisionKind.CLOSE_NETWORK:
        close_network_now(network=network, by=by)
    mark_read_about(subject=decision_subject(decision))
    people = [*co_leader_users(network, exclude=[by])]
    if decision.target_id:
        people.append(decision.target.user)
    notify_each(
        people,
        message=f"Confirmed by {by.display_name}: {decision.describe()}.",
        url=manage_path(network) if not network.is_closed else network.get_url() or "/",
        subject=decision_subject(decision),
        email_template="networks/email/decision_confirmed",
        context={"network": network, "decision": decision, "confirmer": by},
    )
    return decision


@transaction.atomic
def withdraw_decision(*, decision, by) -> Decision:
    """The proposer withdraws it, or another co-leader turns it down."""
    network = lock_network(decision.network)
    ensure_open(network)
    decision = _lock_decision(decision, network, statuses=OPEN_STATUSES)
    refuse_unless(can_withdraw_decision(by, decision), why_not_withdraw_decision(by, decision))
    decision.status = DecisionStatus.WITHDRAWN
    decision.decided_at = timezone.now()
    decision.save(update_fields=["status", "decided_at"])
    audit(network, actions.DECISION_WITHDRAWN, by=by, decision=decision.pk, kind=decision.kind)
    mark_read_about(subject=decision_subject(decision))
    mark_read_about(subject=appointment_subject(decision))
    if decision.proposed_by_id != by.pk and decision.proposed_by is not None:
        notify_each(
            [decision.proposed_by],
            message=f"{by.display_name} turned down your proposal: {decision.describe()}.",
            url=manage_path(network),
            subject=decision_subject(decision),
            email_template=UPDATE_EMAIL,
            context={"network": network},
        )
    return decision


def expire_decisions(*, now=None) -> int:
    """Mark open decisions (waiting for a key or for the appointee) past their date as expired.
    Running it twice changes nothing."""
    now = now or timezone.now()
    return Decision.objects.filter(status__in=OPEN_STATUSES, expires_at__lte=now).update(
        status=DecisionStatus.EXPIRED, decided_at=now
    )


def _ask_for_consent(network, decision, *, by) -> Decision:
    """Both keys have turned on an appointment: ask the person, who has the usual time to answer."""
    decision.status = DecisionStatus.AWAITING_CONSENT
    decision.confirmed_by = by
    decision.expires_at = timezone.now() + timedelta(days=settings.NETWORK_DECISION_DAYS)
    decision.save(update_fields=["status", "confirmed_by", "expires_at"])
    audit(
        network,
        actions.DECISION_CONFIRMED,
        by=by,
        decision=decision.pk,
        kind=decision.kind,
        proposed_by=decision.proposed_by_id,
        target_user_id=decision.target.user_id,
    )
    mark_read_about(subject=decision_subject(decision))
    appointee = decision.target.user
    notify_each(
        co_leader_users(network, exclude=[by]),
        message=f"Confirmed by {by.display_name}: {decision.describe()}. "
        f"Awaiting {appointee.display_name}'s agreement.",
        url=manage_path(network) + DECISIONS_ANCHOR,
        subject=decision_subject(decision),
        email_template=UPDATE_EMAIL,
        context={"network": network},
    )
    notify_each(
        [appointee],
        message=f"The co-leaders of {network.title} would like you to be a co-leader: "
        "agree or decline.",
        url=appointment_path(decision),
        subject=appointment_subject(decision),
        email_template=UPDATE_EMAIL,
        context={"network": network},
    )
    return decision


def appointment_path(decision) -> str:
    return reverse(
        "networks:appointment",
        kwargs={"network_slug": decision.network.slug, "decision_id": decision.pk},
    )


def _lock_answerable(decision, by):
    network = lock_network(decision.network)
    ensure_open(network)
    locked = (
        Decision.objects.select_for_update(of=("self",))
        .select_related("target__user", "proposed_by")
        .get(pk=decision.pk)
    )
    locked.network = network
    refuse_unless(can_answer_appointment(by, locked), why_not_answer_appointment(by, locked))
    if locked.target.left_at is not None:
        raise ActionRefused("You are no longer a member of the network.")
    return network, locked


@transaction.atomic
def agree_to_appointment(*, decision, by) -> Decision:
    """The person appointed agrees: they become a co-leader."""
    network, decision = _lock_answerable(decision, by)
    _check_still_applies(network, decision)
    decision.status = DecisionStatus.CONFIRMED
    decision.decided_at = timezone.now()
    decision.save(update_fields=["status", "decided_at"])
    set_role(network, decision.target, Role.CO_LEADER, by=by)
    audit(network, actions.APPOINTMENT_AGREED, by=by, decision=decision.pk)
    mark_read_about(subject=appointment_subject(decision), user=by)
    notify_each(
        co_leader_users(network, exclude=[by]),
        message=f"{by.display_name} agreed and is now a co-leader.",
        url=manage_path(network),
        subject=decision_subject(decision),
        email_template=UPDATE_EMAIL,
        context={"network": network},
    )
    return decision


@transaction.atomic
def decline_appointment(*, decision, reason: str = "", by) -> Decision:
    """The person appointed declines (optionally saying why): roles stay as they are, and the
    co-leaders are told."""
    reason = (reason or "").strip()
    refuse_invalid_fields(Decision, answer_reason=reason)
    network, decision = _lock_answerable(decision, by)
    decision.status = DecisionStatus.DECLINED
    decision.decided_at = timezone.now()
    decision.answer_reason = reason
    decision.save(update_fields=["status", "decided_at", "answer_reason"])
    audit(network, actions.APPOINTMENT_DECLINED, by=by, decision=decision.pk)
    mark_read_about(subject=appointment_subject(decision), user=by)
    notify_each(
        co_leader_users(network),
        message=f"{by.display_name} declined to become a co-leader"
        + (f": {reason}" if reason else "."),
        url=manage_path(network),
        subject=decision_subject(decision),
        email_template=UPDATE_EMAIL,
        context={"network": network},
    )
    return decision
