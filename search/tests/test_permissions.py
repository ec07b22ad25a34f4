"""Who finds what: search's audience agrees with artefacts_visible_to(user) for every kind of
person, and only brokers and admins see the analytics or maintain synonyms."""

from datetime import timedelta

import pytest

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from artefacts.factories import ArtefactPageFactory
from artefacts.models import Visibility
from artefacts.selectors import artefacts_visible_to
from core.accounts.factories import AdminFactory, BrokerFactory, UserFactory
from networks.factories import (
    ActiveNetworkFactory,
    CoLeaderFactory,
    CriticalFriendFactory,
    MembershipFactory,
)
from search import services
from search.audience import audience_for
from search.backends.base import PUBLIC
from search.backends.database import DatabaseBackend
from search.permissions import can_manage_synonyms, can_view_search_analytics
from search.query import SearchQuery

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(no_elasticsearch):
    """Two networks with artefacts of every visibility, a draft, and one person of each kind."""
    network_a = ActiveNetworkFactory(title="Network A")
    network_b = ActiveNetworkFactory(title="Network B")
    artefacts = [
        ArtefactPageFactory(network=network_a, visibility=visibility, title=f"A {visibility}")
        for visibility in Visibility.values
    ] + [
        ArtefactPageFactory(network=network_b, visibility=visibility, title=f"B {visibility}")
        for visibility in Visibility.values
    ]
    ArtefactPageFactory(network=network_a, visibility=Visibility.PUBLIC, live=False)
    for page in [network_a, network_b, *artefacts]:
        services.index_page(page_id=page.pk)

    left = MembershipFactory(network=network_a)
    left.left_at = timezone.now() - timedelta(days=1)
    left.save()
    inactive = UserFactory(is_active=False)
    people = {
        "anonymous": AnonymousUser(),
        "inactive": inactive,
        "outsider": UserFactory(),
        "member_of_a": MembershipFactory(network=network_a).user,
        "co_leader_of_b": CoLeaderFactory(network=network_b).user,
        "critical_friend_of_a": CriticalFriendFactory(network=network_a).user,
        "left_a": left.user,
        "broker": BrokerFactory(),
        "admin": AdminFactory(),
    }
    return people


PEOPLE = [
    "anonymous",
    "inactive",
    "outsider",
    "member_of_a",
    "co_leader_of_b",
    "critical_friend_of_a",
    "left_a",
    "broker",
    "admin",
]


def test_search_finds_exactly_the_artefacts_each_person_may_read(world):
    """One world, every kind of person (building the world is the slow part)."""
    for person in PEOPLE:
        user = world[person]
        results = DatabaseBackend().search(SearchQuery(text=""), audience_for(user))
        found = {hit.page_id for hit in results.hits if hit.kind == "artefact"}
        readable = set(artefacts_visible_to(user).values_list("pk", flat=True))
        assert found == readable, person
        # Facet counts agree too: the type facet adds up to what the person may read.
        artefact_count = sum(c.count for c in results.facets["type"] if c.value != "network")
        assert artefact_count == len(readable), person


def test_members_only_and_network_only_artefacts_are_found_by_current_members_only(world):
    expected = {
        "anonymous": {"A public", "B public"},
        "inactive": {"A public", "B public"},
        "outsider": {"A public", "B public"},
        "member_of_a": {"A public", "B public", "A members", "B members", "A network"},
        "critical_friend_of_a": {"A public", "B public", "A members", "B members", "A network"},
        "co_leader_of_b": {"A public", "B public", "A members", "B members", "B network"},
        "left_a": {"A public", "B public"},
    }
    for person, titles in expected.items():
        results = DatabaseBackend().search(SearchQuery(text=""), audience_for(world[person]))
        assert {hit.title for hit in results.hits if hit.kind == "artefact"} == titles, person


def test_anonymous_people_have_the_public_audience():
    assert audience_for(AnonymousUser()) == PUBLIC


def test_the_audience_is_worked_out_once_per_request(world, django_assert_num_queries):
    user = world["member_of_a"]
    audience_for(user)
    with django_assert_num_queries(0):
        audience_for(user)


@pytest.mark.parametrize(
    ("factory", "allowed"),
    [(UserFactory, False), (BrokerFactory, True), (AdminFactory, True)],
)
def test_analytics_and_synonyms_are_for_brokers_and_admins(factory, allowed):
    user = factory()
    assert can_view_search_analytics(user) is allowed
    assert can_manage_synonyms(user) is allowed


def test_anonymous_people_see_no_analytics():
    assert can_view_search_analytics(AnonymousUser()) is False
