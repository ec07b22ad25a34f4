"""The review visit: the ONE place that schedules it.

It is a private visit in visits/ (`visits.services.arrange_private_visit`): hosted by the
reviewed network at one of its schools, with the accepted reviewers booked as its visitors, so
its page, calendar file, personal feeds and reminders come from visits. The visit says nothing
of the cycle (no criteria, ratings or report), and only the network's members and the peer team
see it. The dates are kept on the cycle too, for its page and the phase checks.
"""

from django.db import transaction
from django.utils.formats import date_format

from networks.models import Membership, NetworkSchool
from visits.services import arrange_private_visit

from .. import permissions
from ._common import VISIT_SCHEDULED, audit, lock_cycle, members_of, refuse, require, tell


def visiting_network(person, reviewed_network):
    """The network a reviewer visits for: their own (a reviewer with none is booked for the
    reviewed network, which their place on the visit does not make them a member of)."""
    membership = (
        Membership.objects.current()
        .filter(user=person)
        .exclude(network=reviewed_network)
        .select_related("network")
        .order_by("pk")
        .first()
    )
    return membership.network if membership is not None else reviewed_network


@transaction.atomic
def schedule_review_visit(*, cycle, starts_at, ends_at, host_school, by):
    locked = lock_cycle(cycle)
    require(permissions.why_not_schedule_visit(by, locked))
    if starts_at is None or ends_at is None or ends_at <= starts_at:
        refuse("The visit must end after it starts.", ends_at="Choose an end after the start.")
    if (
        host_school is None
        or not NetworkSchool.objects.filter(
            network_id=locked.network_id, school_id=host_school.pk, left_on__isnull=True
        ).exists()
    ):
        refuse(
            "The visit is hosted by one of the network's schools.",
            host_school="Choose one of the network's schools.",
        )
    reviewers = [place.user for place in locked.reviewers.accepted().select_related("user")]
    locked.review_visit = arrange_private_visit(
        network=locked.network,
        title=f"Peer review visit to {locked.network.title}",
        summary="The peer team's review visit. What it reviews stays in the review cycle.",
        starts_at=starts_at,
        ends_at=ends_at,
        host_school=host_school,
        visitors=[(person, visiting_network(person, locked.network)) for person in reviewers],
        by=by,
        session=locked.review_visit,
    )
    locked.review_visit_starts_at = starts_at
    locked.review_visit_ends_at = ends_at
    locked.review_visit_host_school = host_school
    locked.save(
        update_fields=[
            "review_visit",
            "review_visit_starts_at",
            "review_visit_ends_at",
            "review_visit_host_school",
        ]
    )
    audit(locked, VISIT_SCHEDULED, by=by, starts_at=starts_at.isoformat())
    when = date_format(starts_at, "j F Y, H:i")
    people = members_of(locked.network) + reviewers
    tell(people, message=f"The review visit is at {host_school.name} on {when}.", cycle=locked)
    return locked
