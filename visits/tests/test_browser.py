"""A study visit in real browsers: a co-leader offers a visit, a teacher of another network finds
it on /visits/, books a place and downloads the calendar file. axe checks /visits/, the offer
page (as host and as visitor) and /visits/mine/, then the visit page, a request, the offer form
with errors and the broker's view."""

from datetime import timedelta

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from django.utils import timezone

from core.accounts.factories import TEST_PASSWORD, BrokerFactory, UserFactory
from networks.factories import (
    ActiveNetworkFactory,
    CoLeaderFactory,
    MembershipFactory,
    NetworkSchoolFactory,
    SchoolFactory,
)
from visits.factories import (
    BookingFactory,
    FocusQuestionFactory,
    ReflectionFactory,
    VisitOfferFactory,
    VisitRequestFactory,
    VisitSessionFactory,
)
from visits.models import Booking, BookingStatus

pytestmark = pytest.mark.browser


def sign_in(page, email: str, next_path: str) -> None:
    page.goto(f"/accounts/login/?next={next_path}")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign In").click()


def test_a_co_leader_offers_a_visit_and_a_teacher_of_another_network_books_it(
    page, browser, live_server, assert_accessible, tmp_path
):
    mersey = ActiveNetworkFactory(title="Mersey Feedback Network")
    school = SchoolFactory(name="Rainhill Primary School", town="Prescot", postcode="L35 4NW")
    NetworkSchoolFactory(network=mersey, school=school)
    co_leader = CoLeaderFactory(network=mersey, user=UserFactory(first_name="Tom")).user
    pennine = ActiveNetworkFactory(title="Pennine Enquiry Network")
    teacher = MembershipFactory(network=pennine, user=UserFactory(first_name="Amira")).user
    day = (timezone.localtime() + timedelta(days=30)).date().isoformat()

    sign_in(page, co_leader.email, "/visits/offers/new/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Offer a study visit")
    page.get_by_label("Title").fill("Live marking in Year 5")
    page.get_by_label("What visitors will see").fill("Two classes giving spoken feedback.")
    page.get_by_label("The question it helps with").fill("How do pupils act on feedback?")
    page.get_by_label("Rainhill Primary School").check()
    page.get_by_label("Places per session").fill("4")
    page.get_by_label("Session 1 starts (UK time)").fill(f"{day}T09:30")
    page.get_by_label("Session 1 ends (UK time)").fill(f"{day}T15:00")
    page.get_by_role("button", name="Open for booking").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Live marking in Year 5")
    expect(page.get_by_text("Open for booking").first).to_be_visible()
    assert_accessible(page)

    context = browser.new_context(base_url=live_server.url, locale="en-GB", accept_downloads=True)
    context.set_default_timeout(10_000)
    other = context.new_page()
    try:
        sign_in(other, teacher.email, "/visits/")
        expect(other.get_by_role("heading", level=1)).to_have_text("Study visits")
        assert_accessible(other)
        other.get_by_role("link", name="Live marking in Year 5").click()
        expect(other.get_by_text("Rainhill Primary School").first).to_be_visible()
        assert_accessible(other)

        other.get_by_role("button", name="Book a place").click()
        expect(other.get_by_text("You have a place.").first).to_be_visible()
        assert Booking.objects.get(person=teacher).status == BookingStatus.BOOKED

        with other.expect_download() as download_info:
            other.get_by_role("link", name="Add to your calendar (.ics)").first.click()
        path = tmp_path / "visit.ics"
        download_info.value.save_as(path)
        (event,) = Calendar.from_ical(path.read_bytes()).events
        assert "Live marking in Year 5" in str(event["SUMMARY"])
        assert event.start.strftime("%Y-%m-%d %H:%M") == f"{day} 09:30"
        assert str(event.start.tzinfo) == "Europe/London"
        assert "Rainhill Primary School" in str(event["LOCATION"])

        other.goto("/visits/mine/")
        expect(other.get_by_role("heading", name="Visits you attend")).to_be_visible()
        expect(other.get_by_role("link", name="Live marking in Year 5")).to_be_visible()
        assert_accessible(other)
    finally:
        context.close()


def test_the_visit_page_request_page_broker_view_and_offer_form_errors_are_accessible(
    page, live_server, assert_accessible
):
    host = ActiveNetworkFactory(title="Mersey Feedback Network")
    co_leader = CoLeaderFactory(network=host).user
    NetworkSchoolFactory(network=host, school=SchoolFactory())
    visiting = ActiveNetworkFactory(title="Pennine Enquiry Network")
    visitor = MembershipFactory(network=visiting).user
    session = VisitSessionFactory(
        offer=VisitOfferFactory(network=host),
        starts_at=timezone.now() - timedelta(days=3),
        ends_at=timezone.now() - timedelta(days=3) + timedelta(hours=5),
    )
    BookingFactory(session=session, person=visitor, network=visiting)
    FocusQuestionFactory(session=session, added_by=visitor)
    ReflectionFactory(session=session, author=visitor, network=visiting)
    visit_request = VisitRequestFactory(from_network=visiting, to_network=host)
    broker = BrokerFactory()

    sign_in(page, co_leader.email, f"/visits/sessions/{session.pk}/")
    expect(page.get_by_role("heading", name="Reflections")).to_be_visible()
    assert_accessible(page)
    page.goto(visit_request.get_absolute_url())
    expect(page.get_by_role("heading", name="Propose sessions")).to_be_visible()
    assert_accessible(page)
    page.goto("/visits/offers/new/")
    page.get_by_role("button", name="Open for booking").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in(page, broker.email, "/visits/broker/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Who visited whom")
    assert_accessible(page)
