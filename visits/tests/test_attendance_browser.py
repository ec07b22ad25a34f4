"""A host co-leader marks who attended a study visit on the visit's page, in a real browser."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from core.accounts.factories import UserFactory
from networks.factories import ActiveNetworkFactory, CoLeaderFactory, MembershipFactory
from tests.world import sign_in
from visits.factories import BookingFactory, VisitOfferFactory, VisitSessionFactory
from visits.models import Booking

pytestmark = pytest.mark.browser


def test_a_host_co_leader_marks_a_visitor_as_attended(page, live_server, assert_accessible):
    host = ActiveNetworkFactory(title="Mersey Feedback Network")
    co_leader = CoLeaderFactory(network=host).user
    visiting = ActiveNetworkFactory(title="Pennine Enquiry Network")
    visitor = MembershipFactory(
        network=visiting, user=UserFactory(first_name="Amira", last_name="Khan")
    ).user
    starts = timezone.now() - timedelta(days=2)
    session = VisitSessionFactory(
        offer=VisitOfferFactory(network=host, title="Live feedback in Year 5"),
        starts_at=starts,
        ends_at=starts + timedelta(hours=6),
    )
    booking = BookingFactory(session=session, person=visitor, network=visiting)
    sign_in(page, live_server, co_leader)

    page.goto(session.get_absolute_url())
    expect(page.get_by_role("heading", name="Who attended")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("group", name="Amira Khan (Pennine Enquiry Network)").get_by_label(
        "Attended", exact=True
    ).check()
    page.get_by_role("button", name="Save attendance").click()

    expect(page.get_by_text("Attendance is saved.")).to_be_visible()
    assert Booking.objects.get(pk=booking.pk).attended is True
