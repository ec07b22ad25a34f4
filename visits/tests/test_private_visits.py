"""A private visit (a peer review's own visit, arranged through visits.services) is not a study
visit: no listing, statistic, count, feed, search result or sitemap shows it. One rule decides
(`VisitOffer.objects.study_visits()`); each surface is checked here."""

from datetime import timedelta

import pytest
from icalendar import Calendar

from django.utils import timezone

from search.keys import key_of
from search.services import follow_object, index_page, rebuild_indexes
from visits import services
from visits.factories import BookingFactory, ReflectionFactory
from visits.models import Booking, OfferStatus, SessionStatus, VisitOffer
from visits.search import VisitOfferDocument

from .conftest import in_days, listed_titles

pytestmark = pytest.mark.django_db

TITLE = "Peer review visit to Mersey"


def arrange(world, *, days=10):
    """The private visit peer review arranges: hosted by the world's host network, the
    visiting network's member as the visitor."""
    start = in_days(days)
    return services.arrange_private_visit(
        network=world.host,
        title=TITLE,
        summary="The peer team's review visit.",
        starts_at=start,
        ends_at=start + timedelta(hours=5),
        host_school=world.session.host_school,
        visitors=[(world.visitor, world.visiting)],
        by=world.host_co_leader,
    )


def took_place(session):
    """Let time pass: the session is over (as it is for a visit a week ago)."""
    start = timezone.now() - timedelta(days=7)
    type(session).objects.filter(pk=session.pk).update(
        starts_at=start, ends_at=start + timedelta(hours=5)
    )
    session.refresh_from_db()
    return session


def as_if_open(session):
    """The worst case for every listing: the private offer marked open for booking."""
    VisitOffer.objects.filter(pk=session.offer_id).update(status=OfferStatus.OPEN)
    session.offer.refresh_from_db()
    return session.offer


@pytest.fixture
def private_past(world):
    session = took_place(arrange(world))
    ReflectionFactory(session=session, author=world.visitor, network=world.visiting)
    return session


@pytest.fixture
def study_visit_past(world):
    """A study visit that took place: the visiting network's member visited the host."""
    BookingFactory(session=world.session, person=world.colleague, network=world.visiting)
    return took_place(world.session)


# --- The rule -----------------------------------------------------------------------------------


def test_the_rule_leaves_out_private_visits_only(world):
    private = arrange(world).offer

    assert set(VisitOffer.objects.study_visits()) == {world.offer}
    assert private.is_study_visit is False and world.offer.is_study_visit is True


def test_the_rule_reaches_sessions_and_bookings(world):
    session = arrange(world)

    assert not type(session).objects.of_study_visits().filter(pk=session.pk).exists()
    assert not Booking.objects.of_study_visits().filter(session=session).exists()


# --- The broker's statistics and CSV ------------------------------------------------------------


def test_the_broker_statistics_leave_out_private_visits(
    client, world, private_past, study_visit_past
):
    client.force_login(world.broker)

    stats = client.get("/visits/broker/").context["stats"]

    assert stats["visits"] == 1
    assert stats["visitors"] == 1
    assert stats["ratings"] == 0


def test_the_broker_csv_leaves_out_private_visits(client, world, private_past, study_visit_past):
    client.force_login(world.broker)

    lines = client.get("/visits/broker/visits.csv").content.decode().splitlines()

    assert len(lines) == 2  # the header and the one study visit
    assert (
        lines[1].split(",")[0] == timezone.localtime(study_visit_past.starts_at).date().isoformat()
    )


# --- The network profile ------------------------------------------------------------------------


def test_the_profile_does_not_count_a_private_visit_as_hosted(client, world, private_past):
    html = client.get(world.host.url).content.decode()

    assert "0 visits hosted, 0 made." in html


def test_the_profile_does_not_count_a_private_visit_as_made(client, world, private_past):
    html = client.get(world.visiting.url).content.decode()

    assert "0 visits hosted, 0 made." in html


def test_the_profile_counts_study_visits_beside_a_private_one(
    client, world, private_past, study_visit_past
):
    assert "1 visit hosted, 0 made." in client.get(world.host.url).content.decode()
    assert "0 visits hosted, 1 made." in client.get(world.visiting.url).content.decode()


def test_the_profile_does_not_list_a_private_visit_among_open_offers(client, world):
    as_if_open(arrange(world))
    client.force_login(world.host_co_leader)

    assert TITLE not in client.get(world.host.url).content.decode()


# --- Listings, the home page, feeds, search and the sitemap ---------------------------------------


def test_the_visits_list_leaves_out_a_private_visit_even_marked_open(client, world):
    as_if_open(arrange(world))
    client.force_login(world.host_co_leader)

    titles = listed_titles(client.get("/visits/"))

    assert titles == ["Live feedback in Year 5"]


def test_the_home_page_leaves_out_a_private_visit_even_marked_open(client, world):
    as_if_open(arrange(world))

    html = client.get("/").content.decode()

    assert "Live feedback in Year 5" in html
    assert TITLE not in html


def test_the_network_feed_leaves_out_a_cancelled_private_visit(client, world):
    session = arrange(world)
    type(session).objects.filter(pk=session.pk).update(status=SessionStatus.CANCELLED)

    response = client.get(f"/visits/networks/{world.host.slug}/calendar.ics")

    uids = {str(event["UID"]) for event in Calendar.from_ical(response.content).events}
    assert uids == {f"{world.session.uid}@visits.nlc"}


def test_the_visitors_personal_feed_still_has_the_private_visit(client, world):
    session = arrange(world)
    feed = services.ensure_feed(user=world.visitor)

    response = client.get(f"/visits/feed/{feed.token}.ics")

    uids = {str(event["UID"]) for event in Calendar.from_ical(response.content).events}
    assert f"{session.uid}@visits.nlc" in uids


def test_the_search_document_leaves_out_a_private_visit_even_marked_open(world):
    offer = as_if_open(arrange(world))

    assert not VisitOfferDocument().get_queryset().filter(pk=offer.pk).exists()
    assert index_page(page_id=key_of(offer)) is False


def test_search_and_its_api_never_find_a_private_visit(
    client, world, settings, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = ""
    offer = as_if_open(arrange(world))
    with django_capture_on_commit_callbacks(execute=True):
        follow_object(obj=offer)
    rebuild_indexes()
    client.force_login(world.visitor)

    body = client.get("/api/v1/search/", {"q": "peer review visit"}).json()
    html = client.get("/search/", {"q": "peer review visit"}).content.decode()

    assert [hit["title"] for hit in body["results"]] == []
    assert offer.get_url() not in html


def test_the_sitemap_never_lists_a_private_visit(client, world, whole_sitemap):
    offer = as_if_open(arrange(world))

    assert offer.get_url() not in whole_sitemap(client)
