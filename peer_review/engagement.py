"""Taking part in a review cycle counts as activity (networks.engagement.sources).

The reviewed network's people count in it for their self-review: evidence they add and the
levels they assess or propose. A peer reviewer counts in each network they belong to when they
submit their ratings: reviewing another network is their own network's engagement too.
"""

from django.db.models import F, OuterRef, Subquery

from networks.engagement.sources import limited
from networks.models import Membership

from .models import Evidence, ProposedLevel, SelfAssessment


def _school_in(user_field: str):
    """The school the person represents in the cycle's network, or None."""
    return Subquery(
        Membership.objects.current()
        .filter(user_id=OuterRef(user_field), network_id=OuterRef("cycle__network_id"))
        .values("school_id")[:1]
    )


def _self_review(model, user_field: str, at: str):
    def source(*, network_ids, since, until):
        return limited(
            model.objects.filter(**{f"{user_field}__isnull": False}).annotate(
                user_id=F(user_field),
                network_id=F("cycle__network_id"),
                school_id=_school_in(user_field),
            ),
            network_ids=network_ids,
            since=since,
            until=until,
            at=at,
        )

    source.__name__ = f"self_review_{model._meta.model_name}"
    return source


self_review_evidence = _self_review(Evidence, "added_by_id", "added_at")
self_review_assessments = _self_review(SelfAssessment, "by_id", "updated_at")
self_review_proposals = _self_review(ProposedLevel, "by_id", "updated_at")


def peer_reviewers_ratings(*, network_ids, since, until):
    """One row per network the reviewer belongs to now and review they submitted ratings for."""
    return limited(
        Membership.objects.current(),
        network_ids=network_ids,
        since=since,
        until=until,
        at="user__peer_review_places__ratings_submitted_at",
    )


ACTIVITY_SOURCES = (
    self_review_evidence,
    self_review_assessments,
    self_review_proposals,
    peer_reviewers_ratings,
)
