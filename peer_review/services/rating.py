"""Blind peer ratings, submitted all at once, then consolidated by the lead reviewer."""

from django.db import transaction
from django.utils import timezone

from .. import permissions
from ..models import PeerAssessment, PeerRating
from ._common import (
    PEER_CONSOLIDATED,
    RATINGS_SUBMITTED,
    audit,
    co_leaders_of,
    lock_cycle,
    refuse,
    refuse_invalid_text,
    require,
    tell,
)
from .self_review import check_level, focus_criterion


@transaction.atomic
def rate_criterion(*, cycle, criterion, by, level, evidence: str) -> PeerRating:
    """A reviewer's own level for one focus criterion, before seeing the self-assessment."""
    locked = lock_cycle(cycle)
    require(permissions.why_not_rate(by, locked))
    criterion = focus_criterion(locked, criterion)
    level = check_level(criterion, level)
    evidence = (evidence or "").strip()
    if not evidence:
        refuse(
            "Say what evidence the level rests on.",
            evidence="Say what evidence the level rests on.",
        )
    refuse_invalid_text(PeerRating, evidence=evidence)
    place = permissions.reviewer_place(by, locked)
    rating, _ = PeerRating.objects.update_or_create(
        reviewer=place, criterion=criterion, defaults={"level": level, "evidence": evidence}
    )
    return rating


@transaction.atomic
def submit_ratings(*, cycle, by):
    """Submit every rating at once; only then may the reviewer see the self-assessment."""
    locked = lock_cycle(cycle)
    require(permissions.why_not_rate(by, locked))
    place = permissions.reviewer_place(by, locked)
    rated = set(place.ratings.values_list("criterion_id", flat=True))
    unrated = [c.title for c in locked.focus_criteria.all() if c.pk not in rated]
    if unrated:
        refuse(
            "Rate every focus criterion before submitting. Not yet rated: "
            + "; ".join(unrated)
            + "."
        )
    place.ratings_submitted_at = timezone.now()
    place.save(update_fields=["ratings_submitted_at"])
    permissions.forget_cached_places(by)
    audit(locked, RATINGS_SUBMITTED, by=by)
    return place


@transaction.atomic
def consolidate_peer_assessment(*, cycle, criterion, by, level, rationale: str) -> PeerAssessment:
    locked = lock_cycle(cycle)
    require(permissions.why_not_consolidate_peer(by, locked))
    criterion = focus_criterion(locked, criterion)
    level = check_level(criterion, level)
    rationale = (rationale or "").strip()
    if not rationale:
        refuse(
            "Say how the team arrived at this level.", rationale="Say how the team arrived at it."
        )
    refuse_invalid_text(PeerAssessment, rationale=rationale)
    assessment, _ = PeerAssessment.objects.update_or_create(
        cycle=locked,
        criterion=criterion,
        defaults={"level": level, "rationale": rationale, "by": by},
    )
    audit(locked, PEER_CONSOLIDATED, by=by, criterion=criterion.code, level=level)
    if not (
        set(locked.focus_criteria.values_list("pk", flat=True))
        - set(locked.peer_assessments.values_list("criterion_id", flat=True))
    ):
        tell(
            co_leaders_of(locked.network),
            message="The peer team has consolidated its ratings.",
            cycle=locked,
        )
    return assessment
