"""Suggestions of networks to learn from: study visits hosted and their ratings, peer-review
levels on the criteria where a network is weakest, and what its people searched for most."""

from datetime import timedelta

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from artefacts.factories import ArtefactPageFactory
from broker.selectors.connections import suggestions_for, weakest_criteria
from networks.factories import ActiveNetworkFactory, MembershipFactory
from peer_review.factories import CriterionFactory, DomainFactory, FrameworkVersionFactory
from peer_review.models import PeerAssessment, Phase, ReviewCycle, SelfAssessment
from search.models import SearchQueryLog
from search.services import record_search
from visits.factories import (
    BookingFactory,
    ReflectionFactory,
    VisitOfferFactory,
    VisitSessionFactory,
)


def _held(offer, *, visitors=1, network=None):
    """A session of the offer that took place, with visitors booked from another network."""
    end = timezone.now() - timedelta(days=3)
    session = VisitSessionFactory(offer=offer, starts_at=end - timedelta(hours=5), ends_at=end)
    BookingFactory.create_batch(
        visitors, session=session, network=network or ActiveNetworkFactory()
    )
    return session


def _rate(session, *ratings):
    for rating in ratings:
        ReflectionFactory(session=session, network=ActiveNetworkFactory(), usefulness=rating)


@pytest.fixture
def host(world, theme):
    """Mersey focuses on the theme and has published nothing on it; Tyne has published nothing
    either but has hosted study visits on it."""
    world.network.themes.set([theme])
    world.network.save()
    return ActiveNetworkFactory(title="Tyne Network")


def test_a_network_that_hosted_well_rated_visits_on_a_weak_theme_is_suggested(world, theme, host):
    offer = VisitOfferFactory(network=host, theme=theme)
    first, second = _held(offer), _held(offer)
    _rate(first, 5, 5, 4)
    _rate(second, 4, 4)

    (suggestion,) = suggestions_for(world.network)

    assert suggestion.network == host
    assert suggestion.theme == theme
    assert "It hosted 2 study visits on Assessment for learning, rated 4.4/5 by 5 visitors." in (
        suggestion.reason
    )


def test_the_rating_of_fewer_than_five_visitors_is_not_shown(world, theme, host):
    _rate(_held(VisitOfferFactory(network=host, theme=theme)), 5, 5, 5, 5)

    (suggestion,) = suggestions_for(world.network)

    assert "It hosted 1 study visit on Assessment for learning." in suggestion.reason
    assert "/5" not in suggestion.reason
    assert suggestion.score == 1


def test_visits_that_did_not_take_place_or_had_no_visitors_do_not_count(world, theme, host):
    offer = VisitOfferFactory(network=host, theme=theme)
    VisitSessionFactory(offer=offer)  # still to come
    end = timezone.now() - timedelta(days=1)
    VisitSessionFactory(offer=offer, starts_at=end - timedelta(hours=3), ends_at=end)  # nobody
    _held(VisitOfferFactory(network=host, theme=theme, private=True))  # a peer review's visit

    assert suggestions_for(world.network) == []


def test_visits_and_artefacts_on_the_same_theme_add_up(world, theme, host):
    ArtefactPageFactory(
        network=host, owner=MembershipFactory(network=host).user, themes=[theme],
        evidence_strength=4,
    )  # fmt: skip
    _held(VisitOfferFactory(network=host, theme=theme))

    (suggestion,) = suggestions_for(world.network)

    # 1 artefact × 2 + strength 4 + 1 visit = 7.
    assert suggestion.score == 7
    assert "It published 1 artefact" in suggestion.reason
    assert "It hosted 1 study visit" in suggestion.reason


# --- Peer-review levels ----------------------------------------------------------------------


def _criterion(version, code, title):
    return CriterionFactory(domain=DomainFactory(version=version), code=code, title=title)


def _cycle(network, version, phase, number=1):
    return ReviewCycle.objects.create(
        network=network, number=number, framework_version=version, phase=phase
    )


@pytest.fixture
def reviews(world):
    """Mersey's latest cycle rated it Emerging (1) on live feedback and Embedded (3) on shared
    leadership. Tyne's review, on a later version of the framework, rated it Embedded (3) on
    live feedback; Wear's rated it Developing (2) there; Tees is still being reviewed."""
    first, later = FrameworkVersionFactory(), FrameworkVersionFactory(number=2)
    feedback = _criterion(first, "feedback", "Feedback is acted on")
    leadership = _criterion(first, "leadership", "Leadership is shared")
    later_feedback = _criterion(later, "feedback", "Feedback is acted on in lessons")
    old = _cycle(world.network, first, Phase.CLOSED, number=1)
    PeerAssessment.objects.create(cycle=old, criterion=leadership, level=1, rationale="Old.")
    mersey = _cycle(world.network, first, Phase.REPORT, number=2)
    PeerAssessment.objects.create(cycle=mersey, criterion=feedback, level=1, rationale="Rare.")
    PeerAssessment.objects.create(cycle=mersey, criterion=leadership, level=3, rationale="Yes.")
    networks = {}
    for title, phase, level in [
        ("Tyne Network", Phase.FOLLOW_UP, 3),
        ("Wear Network", Phase.REPORT, 2),
        ("Tees Network", Phase.PEER_REVIEW, 4),
    ]:
        networks[title] = ActiveNetworkFactory(title=title)
        cycle = _cycle(networks[title], later, phase)
        PeerAssessment.objects.create(
            cycle=cycle, criterion=later_feedback, level=level, rationale="Seen."
        )
    return networks


def test_the_weakest_criteria_come_from_the_networks_latest_cycle(world, reviews):
    assert [(row["code"], row["label"]) for row in weakest_criteria(world.network)] == [
        ("feedback", "Emerging"),
        ("leadership", "Embedded"),
    ]


def test_self_assessed_levels_stand_in_until_the_peer_team_has_rated(world):
    version = FrameworkVersionFactory()
    feedback = _criterion(version, "feedback", "Feedback is acted on")
    cycle = _cycle(world.network, version, Phase.SELF_REVIEW)
    SelfAssessment.objects.create(cycle=cycle, criterion=feedback, level=2, rationale="Some.")

    assert [row["label"] for row in weakest_criteria(world.network)] == ["Developing"]


def test_a_network_reviewed_strong_where_this_one_is_weakest_is_suggested(world, reviews):
    (suggestion,) = suggestions_for(world.network)

    assert suggestion.network == reviews["Tyne Network"]
    assert suggestion.theme is None
    assert suggestion.topic == "“Feedback is acted on”"
    assert suggestion.reason == (
        "Its peer review rated it at ‘Embedded’ (3 of 4) on “Feedback is acted on”, where "
        "Mersey Feedback Network is at ‘Emerging’ (1)."
    )


def test_the_broker_sees_the_weakest_criteria_and_the_reviewed_network(client, world, reviews):
    client.force_login(world.broker)

    html = client.get(f"/broker/connect/{world.network.slug}/").content.decode()

    assert "Where its latest review rated it lowest: “Feedback is acted on” (‘Emerging’)" in html
    assert "Tyne Network</a></strong> on “Feedback is acted on”" in html
    assert "Wear Network</a>" not in html


# --- What a network searched for -------------------------------------------------------------


@pytest.fixture
def published_elsewhere(world, theme):
    """Mersey has no focus theme; Tyne published one artefact on the theme (rated 3)."""
    tyne = ActiveNetworkFactory(title="Tyne Network")
    ArtefactPageFactory(
        network=tyne, owner=MembershipFactory(network=tyne).user, themes=[theme],
        evidence_strength=3,
    )  # fmt: skip
    return tyne


def _search(person, text, times, **filters):
    for _ in range(times):
        record_search(text=text, filters=filters, result_count=1, searcher=person)


def test_a_theme_a_network_searched_for_most_is_a_need(world, theme, published_elsewhere):
    _search(world.member, "assessment for learning", 4)
    _search(world.co_leader, "marking", 2, theme=(theme.slug,))

    (suggestion,) = suggestions_for(world.network)

    # 1 artefact × 2 + strength 3 + 6 searches / 2 = 8.
    assert suggestion.network == published_elsewhere
    assert suggestion.score == 8
    assert (
        "Mersey Feedback Network searched for Assessment for learning 6 times in the last 12 "
        "weeks." in suggestion.reason
    )


def test_fewer_than_five_searches_are_not_counted_aloud(world, theme, published_elsewhere):
    _search(world.member, "assessment for learning", 2)

    (suggestion,) = suggestions_for(world.network)

    assert "searched for Assessment for learning in the last 12 weeks." in suggestion.reason


def test_another_networks_searches_are_not_this_networks_need(world, theme, published_elsewhere):
    _search(world.other_member, "assessment for learning", 6)

    assert suggestions_for(world.network) == []


def test_searches_older_than_the_window_do_not_count(world, theme, published_elsewhere):
    _search(world.member, "assessment for learning", 6)
    SearchQueryLog.objects.update(week=timezone.localdate() - timedelta(weeks=20))

    assert suggestions_for(world.network) == []


# --- Query budget ----------------------------------------------------------------------------


def _grow(world, theme, count):
    version = FrameworkVersionFactory()
    feedback = _criterion(version, "feedback", "Feedback")
    for _ in range(count):
        network = ActiveNetworkFactory()
        person = MembershipFactory(network=network).user
        ArtefactPageFactory(network=network, owner=person, themes=[theme], evidence_strength=4)
        session = _held(VisitOfferFactory(network=network, theme=theme))
        _rate(session, 4)
        cycle = _cycle(network, version, Phase.REPORT)
        PeerAssessment.objects.create(cycle=cycle, criterion=feedback, level=4, rationale="!")
        _search(person, "assessment for learning", 1)


def _queries(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured.captured_queries)


def test_suggestions_run_as_many_queries_for_50_networks_as_for_5(world, theme, reviews):
    world.network.themes.set([theme])
    world.network.save()
    _search(world.member, "assessment for learning", 5)
    _grow(world, theme, 5)
    few = _queries(lambda: suggestions_for(world.network))

    _grow(world, theme, 45)

    assert _queries(lambda: suggestions_for(world.network)) == few
