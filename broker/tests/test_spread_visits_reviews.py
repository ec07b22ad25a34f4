"""Study visits and peer reviews in the spread of learning, against hand-counted data.

`visits_and_reviews` builds (counted by hand):
- Mersey hosts an open offer on the theme. Its session that took place (ended an hour ago) had
  one Pennine visitor and two Tyne visitors: two visits (Pennine → Mersey, Tyne → Mersey), one
  per visiting network. A Wear place on it was cancelled; a Wear place on the session still to
  come is not a visit yet.
- Mersey also hosted a private visit (a peer review's) with a Wear visitor: not a study visit.
- Mersey's review cycle has reached its report: its team was two Pennine people (accepted) and a
  Tyne person who never accepted. One review link: Pennine → Mersey.
- Pennine's cycle is still in peer review, with a Mersey reviewer: no link yet.
"""

from datetime import timedelta

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from broker.spread.figures import compute_spread
from broker.spread.terms import term_label, term_of
from networks.factories import ActiveNetworkFactory, MembershipFactory
from peer_review.factories import FrameworkVersionFactory
from peer_review.models import PeerReviewer, Phase, ReviewCycle, ReviewerStatus
from visits.factories import BookingFactory, VisitOfferFactory, VisitSessionFactory
from visits.models import BookingStatus, OfferStatus


def _past_session(offer, *, hours_ago: int = 1):
    end = timezone.now() - timedelta(hours=hours_ago)
    return VisitSessionFactory(offer=offer, starts_at=end - timedelta(hours=4), ends_at=end)


def _cycle(network, phase, version):
    return ReviewCycle.objects.create(
        network=network, number=1, framework_version=version, phase=phase
    )


@pytest.fixture
def visits_and_reviews(world, theme, make_offer):
    tyne = ActiveNetworkFactory(title="Tyne Network")
    wear = ActiveNetworkFactory(title="Wear Network")
    offer = make_offer(title="Feedback in Year 5", theme=theme)
    held = _past_session(offer)
    BookingFactory(session=held, network=world.other_network, person=world.other_member)
    BookingFactory.create_batch(2, session=held, network=tyne)
    BookingFactory(session=held, network=wear, status=BookingStatus.CANCELLED)
    BookingFactory(session=offer.sessions.exclude(pk=held.pk).get(), network=wear)
    private = make_offer(private=True, status=OfferStatus.CLOSED, sessions=0, theme=theme)
    BookingFactory(session=_past_session(private), network=wear)

    version = FrameworkVersionFactory()
    reviewed = _cycle(world.network, Phase.REPORT, version)
    for person in (world.other_member, world.other_co_leader):
        PeerReviewer.objects.create(cycle=reviewed, user=person, status=ReviewerStatus.ACCEPTED)
    PeerReviewer.objects.create(cycle=reviewed, user=MembershipFactory(network=tyne).user)
    reviewing = _cycle(world.other_network, Phase.PEER_REVIEW, version)
    PeerReviewer.objects.create(cycle=reviewing, user=world.member, status=ReviewerStatus.ACCEPTED)
    return {"figures": compute_spread(), "held": held}


def test_visits_and_reviews_are_links_from_the_learner_to_the_network_it_learned_from(
    world, visits_and_reviews
):
    links = {
        (link["learner_title"], link["source_title"]): link["kinds"]
        for link in visits_and_reviews["figures"]["network_map"]["links"]
    }

    assert links == {
        ("Pennine Enquiry Network", "Mersey Feedback Network"): {"visit": 1, "review": 1},
        ("Tyne Network", "Mersey Feedback Network"): {"visit": 1},
    }


def test_a_network_visited_or_reviewed_has_been_learned_from(visits_and_reviews):
    not_learned_from = {n["title"] for n in visits_and_reviews["figures"]["not_learned_from"]}

    assert "Mersey Feedback Network" not in not_learned_from


def test_a_theme_counts_the_study_visits_about_it(visits_and_reviews):
    row = next(
        row
        for row in visits_and_reviews["figures"]["themes"]
        if row["theme"] == "Assessment for learning"
    )

    assert row["visits"] == 2


def test_a_term_counts_the_study_visits_made_in_it(visits_and_reviews):
    held_in = term_label(term_of(timezone.localtime(visits_and_reviews["held"].starts_at).date()))

    row = next(row for row in visits_and_reviews["figures"]["terms"] if row["term"] == held_in)

    assert row["visits"] == 2
    assert row["networks"] == 2  # Pennine and Tyne visited


def test_the_spread_page_shows_study_visits_and_peer_reviews(client, world, visits_and_reviews):
    client.force_login(world.broker)

    html = client.get("/broker/spread/").content.decode()

    assert "Study visits about it" in html
    assert "Peer reviews" in html


def test_computing_the_figures_runs_as_many_queries_for_30_visits_as_for_3(world, make_offer):
    version = FrameworkVersionFactory()

    def grow(count):
        for _ in range(count):
            host, visitor = ActiveNetworkFactory(), ActiveNetworkFactory()
            BookingFactory(session=_past_session(VisitOfferFactory(network=host)), network=visitor)
            cycle = _cycle(host, Phase.FOLLOW_UP, version)
            reviewer = MembershipFactory(network=visitor).user
            PeerReviewer.objects.create(cycle=cycle, user=reviewer, status=ReviewerStatus.ACCEPTED)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            compute_spread()
        return len(captured.captured_queries)

    grow(3)
    few = queries()
    grow(27)

    assert queries() == few
