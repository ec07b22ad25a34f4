"""The review visit: the ONE place that schedules it.

Until the study-visits app (visits/) lands on this branch, the dates are kept on the cycle. The
coordinator connects visits/ here, and only here: create (or move) the visit in visits/ with
these dates and host school, so its calendar file and reminders come from there.
"""

from django.db import transaction
from django.utils.formats import date_format

from networks.models import NetworkSchool

from .. import permissions
from ._common import VISIT_SCHEDULED, audit, lock_cycle, members_of, refuse, require, tell


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
    locked.review_visit_starts_at = starts_at
    locked.review_visit_ends_at = ends_at
    locked.review_visit_host_school = host_school
    locked.save(
        update_fields=["review_visit_starts_at", "review_visit_ends_at", "review_visit_host_school"]
    )
    audit(locked, VISIT_SCHEDULED, by=by, starts_at=starts_at.isoformat())
    when = date_format(starts_at, "j F Y, H:i")
    people = members_of(locked.network) + [
        place.user for place in locked.reviewers.accepted().select_related("user")
    ]
    tell(people, message=f"The review visit is at {host_school.name} on {when}.", cycle=locked)
    return locked
