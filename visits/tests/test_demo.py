"""The demo study visits: offers and requests in every state, and a feed for each demo login."""

import io

import pytest

from django.core.management import call_command
from django.db.models import F

from core.accounts.demo import DEMO_LOGINS
from visits.models import (
    Booking,
    BookingStatus,
    CalendarFeed,
    OfferStatus,
    Reflection,
    RequestStatus,
    VisitOffer,
    VisitRequest,
)


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=io.StringIO())


@pytest.mark.usefixtures("seeded")
class TestDemoVisits:
    def test_visitors_who_reflected_on_a_visit_are_marked_as_attended(self):
        reflected = Booking.objects.filter(
            session__reflections__author=F("person"), status=BookingStatus.BOOKED
        )

        assert reflected.exists() and not reflected.exclude(attended=True).exists()

    def test_offers_are_in_every_state(self):
        assert set(VisitOffer.objects.values_list("status", flat=True)) == set(OfferStatus.values)

    def test_requests_are_in_every_state(self):
        assert set(VisitRequest.objects.values_list("status", flat=True)) == set(
            RequestStatus.values
        )

    def test_a_full_offer_has_a_waitlist(self):
        full = VisitOffer.objects.get(status=OfferStatus.FULL)

        assert Booking.objects.filter(session__offer=full, status=BookingStatus.WAITLISTED).exists()

    def test_a_past_offer_has_reflections_with_ratings(self):
        assert (
            Reflection.objects.filter(
                session__offer__status=OfferStatus.COMPLETED, usefulness__gte=1
            ).count()
            >= 3
        )

    def test_every_demo_login_has_a_calendar_feed(self):
        assert CalendarFeed.objects.filter(
            user__email__in=[login.email for login in DEMO_LOGINS]
        ).count() == len(DEMO_LOGINS)

    def test_a_second_run_adds_nothing(self):
        before = (VisitOffer.objects.count(), VisitRequest.objects.count(), Booking.objects.count())

        call_command("seed_demo", stdout=io.StringIO())

        assert (
            VisitOffer.objects.count(),
            VisitRequest.objects.count(),
            Booking.objects.count(),
        ) == before
