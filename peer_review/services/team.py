"""The peer team: invitations, answers, the next suggestion, declared conflicts."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from .. import conflicts, permissions
from ..models import MAXIMUM_REVIEWERS, DeclaredConflict, PeerReviewer, Phase, ReviewerStatus
from ._common import (
    REVIEWER_ACCEPTED,
    REVIEWER_DECLINED,
    REVIEWER_INVITED,
    REVIEWER_WITHDRAWN,
    audit,
    co_leaders_of,
    lock_cycle,
    refuse,
    refuse_invalid_text,
    require,
    tell,
)

TEAM_PHASES = (Phase.PLANNING, Phase.SELF_REVIEW, Phase.PEER_REVIEW)


def why_not_invite(person, cycle) -> str | None:
    """Why this person can not be invited to this cycle's team (conflicts, load, team size)."""
    reasons = conflicts.conflicts_of(person, cycle.network)
    if reasons:
        return " ".join(reasons)
    if cycle.reviewers.filter(user_id=person.pk).exists():
        return f"{person.display_name} has already been asked to review this cycle."
    if load := conflicts.over_cap(person):
        return load
    if cycle.reviewers.holding().count() >= MAXIMUM_REVIEWERS:
        return f"The peer team already has {MAXIMUM_REVIEWERS} places filled or offered."
    return None


def _invite(cycle, person, *, by, is_lead: bool, replaces=None) -> PeerReviewer:
    if is_lead and cycle.reviewers.holding().filter(is_lead=True).exists():
        refuse("The team already has a lead reviewer: invite this person as a reviewer.")
    try:
        with transaction.atomic():
            place = PeerReviewer.objects.create(
                cycle=cycle, user=person, is_lead=is_lead, invited_by=by, replaces=replaces
            )
    except IntegrityError:
        refuse(f"{person.display_name} has already been asked to review this cycle.")
    audit(cycle, REVIEWER_INVITED, by=by, reviewer=person.pk, lead=is_lead)
    role = "lead reviewer" if is_lead else "a peer reviewer"
    tell(
        [person],
        message=(
            f"{cycle.network.title} invites you to be {role} for its review. Accept or decline "
            "(with a reason) on the invitation page."
        ),
        cycle=cycle,
        url=invitation_path(place),
    )
    return place


def invitation_path(place) -> str:
    return reverse("peer_review:invitation", kwargs={"place_id": place.pk})


@transaction.atomic
def invite_reviewer(*, cycle, person, by, is_lead: bool = False) -> PeerReviewer:
    locked = lock_cycle(cycle)
    require(permissions.why_not_manage_team(by, locked))
    if why := why_not_invite(person, locked):
        refuse(why)
    return _invite(locked, person, by=by, is_lead=is_lead)


@transaction.atomic
def accept_invitation(*, place, by) -> PeerReviewer:
    place = (
        PeerReviewer.objects.select_for_update().select_related("cycle__network").get(pk=place.pk)
    )
    lock_cycle(place.cycle)
    require(permissions.why_not_respond_to_invitation(by, place))
    place.status = ReviewerStatus.ACCEPTED
    place.responded_at = timezone.now()
    place.save(update_fields=["status", "responded_at"])
    permissions.forget_cached_places(by)
    audit(place.cycle, REVIEWER_ACCEPTED, by=by)
    tell(
        co_leaders_of(place.cycle.network),
        message=f"{by.display_name} accepted a place on the peer team.",
        cycle=place.cycle,
    )
    return place


@transaction.atomic
def decline_invitation(*, place, by, reason: str) -> PeerReviewer | None:
    """Decline with a reason; the place is offered to the next suggestion, which is returned
    (None when nobody suitable is left)."""
    place = (
        PeerReviewer.objects.select_for_update().select_related("cycle__network").get(pk=place.pk)
    )
    cycle = lock_cycle(place.cycle)
    require(permissions.why_not_respond_to_invitation(by, place))
    reason = (reason or "").strip()
    if not reason:
        refuse(
            "Say why you are declining: it helps the network find the right reviewer.",
            reason="Say why you are declining.",
        )
    refuse_invalid_text(PeerReviewer, named={"decline_reason": "reason"}, decline_reason=reason)
    was_lead = place.is_lead
    place.status = ReviewerStatus.DECLINED
    place.responded_at = timezone.now()
    place.decline_reason = reason
    place.is_lead = False
    place.save(update_fields=["status", "responded_at", "decline_reason", "is_lead"])
    permissions.forget_cached_places(by)
    audit(cycle, REVIEWER_DECLINED, by=by, reason=reason)
    replacement = _offer_to_next(cycle, place, was_lead=was_lead)
    offered = (
        f" The place was offered to {replacement.user.display_name}."
        if replacement
        else " Nobody free of conflicts is left to suggest: invite someone from the team page."
    )
    tell(
        co_leaders_of(cycle.network),
        message=f"{by.display_name} declined a place on the peer team: {reason}.{offered}",
        cycle=cycle,
    )
    return replacement


def _offer_to_next(cycle, declined, *, was_lead: bool):
    """Invite the first suggestion still free to take the declined place (and its lead)."""
    if cycle.phase not in TEAM_PHASES:
        return None
    for suggestion in conflicts.suggest_reviewers(cycle, limit=3):
        if why_not_invite(suggestion.user, cycle) is None:
            return _invite(
                cycle, suggestion.user, by=declined.invited_by, is_lead=was_lead, replaces=declined
            )
    return None


@transaction.atomic
def withdraw_reviewer(*, place, by) -> PeerReviewer:
    place = (
        PeerReviewer.objects.select_for_update().select_related("cycle__network").get(pk=place.pk)
    )
    cycle = lock_cycle(place.cycle)
    require(permissions.why_not_manage_team(by, cycle))
    if place.status not in (ReviewerStatus.INVITED, ReviewerStatus.ACCEPTED):
        refuse("That place is no longer held.")
    if place.has_submitted:
        refuse("This reviewer has submitted ratings: their place stays on the record.")
    place.status = ReviewerStatus.WITHDRAWN
    place.is_lead = False
    place.save(update_fields=["status", "is_lead"])
    audit(cycle, REVIEWER_WITHDRAWN, by=by, reviewer=place.user_id)
    tell(
        [place.user],
        message=f"Your place reviewing {cycle.network.title} was withdrawn.",
        cycle=cycle,
    )
    return place


@transaction.atomic
def make_lead(*, place, by) -> PeerReviewer:
    place = (
        PeerReviewer.objects.select_for_update().select_related("cycle__network").get(pk=place.pk)
    )
    cycle = lock_cycle(place.cycle)
    require(permissions.why_not_manage_team(by, cycle))
    if place.status not in (ReviewerStatus.INVITED, ReviewerStatus.ACCEPTED):
        refuse("Only someone holding a place on the team can lead it.")
    cycle.reviewers.holding().filter(is_lead=True).exclude(pk=place.pk).update(is_lead=False)
    place.is_lead = True
    place.save(update_fields=["is_lead"])
    return place


@transaction.atomic
def declare_conflict(*, user, network, reason: str) -> DeclaredConflict:
    require(permissions.why_not_declare_conflict(user, network))
    reason = (reason or "").strip()
    if not reason:
        refuse("Say what the conflict is.", reason="Say what the conflict is.")
    refuse_invalid_text(DeclaredConflict, reason=reason)
    conflict, _ = DeclaredConflict.objects.update_or_create(
        user=user, network=network, defaults={"reason": reason}
    )
    return conflict
