"""Attending a study visit counts as activity in the network the person visited for
(networks.engagement.sources): a booked place the hosts marked as attended, at the session's start."""

from django.db.models import F, OuterRef, Subquery

from networks.engagement.sources import limited
from networks.models import Membership

from .models import Booking, BookingStatus


def attended_study_visits(*, network_ids, since, until):
    school = Membership.objects.current().filter(
        user_id=OuterRef("person_id"), network_id=OuterRef("network_id")
    )
    return limited(
        Booking.objects.filter(status=BookingStatus.BOOKED, attended=True).annotate(
            user_id=F("person_id"), school_id=Subquery(school.values("school_id")[:1])
        ),
        network_ids=network_ids,
        since=since,
        until=until,
        at="session__starts_at",
    )
