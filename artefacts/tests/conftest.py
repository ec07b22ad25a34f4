"""Fixtures for the artefacts tests: two networks with people, built by the factories."""

from dataclasses import dataclass

import pytest

from artefacts.factories import ArtefactPageFactory, DraftArtefactFactory
from core.accounts.factories import AdminFactory, BrokerFactory, UserFactory
from networks.factories import (
    ActiveNetworkFactory,
    CoLeaderFactory,
    CriticalFriendFactory,
    MembershipFactory,
    NetworkSchoolFactory,
    ThemeFactory,
)


@dataclass
class World:
    network: object
    other_network: object
    author: object  # a member of `network`
    co_leader: object
    second_co_leader: object
    member: object  # another member of `network`
    critical_friend: object
    other_co_leader: object  # co-leader of `other_network`
    other_member: object  # member of `other_network`
    outsider: object  # signed in, in no network
    broker: object
    admin: object


def build_network(**fields):
    network = ActiveNetworkFactory(**fields)
    co_leaders = [CoLeaderFactory(network=network) for _ in range(2)]
    members = [MembershipFactory(network=network) for _ in range(2)]
    friend = CriticalFriendFactory(network=network)
    for membership in co_leaders + members:
        NetworkSchoolFactory(network=network, school=membership.school)
    return network, co_leaders, members, friend


@pytest.fixture
def world(db) -> World:
    network, co_leaders, members, friend = build_network(title="Mersey Feedback Network")
    other, other_leaders, other_members, _ = build_network(title="Pennine Enquiry Network")
    return World(
        network=network,
        other_network=other,
        author=members[0].user,
        co_leader=co_leaders[0].user,
        second_co_leader=co_leaders[1].user,
        member=members[1].user,
        critical_friend=friend.user,
        other_co_leader=other_leaders[0].user,
        other_member=other_members[0].user,
        outsider=UserFactory(),
        broker=BrokerFactory(),
        admin=AdminFactory(),
    )


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Assessment for learning")


@pytest.fixture
def make_artefact(world):
    """A published artefact in the world's network, by its author (override anything)."""

    def make(**fields):
        fields.setdefault("network", world.network)
        fields.setdefault("owner", world.author)
        return ArtefactPageFactory(**fields)

    return make


@pytest.fixture
def make_draft(world):
    def make(**fields):
        fields.setdefault("network", world.network)
        fields.setdefault("owner", world.author)
        return DraftArtefactFactory(**fields)

    return make


@pytest.fixture
def unreachable_embed_provider(settings):
    """Video embeds from https://video.example.org/ go to an oEmbed provider on a closed local
    port, so every fetch fails at once, as when the provider is down or the network is."""
    from wagtail.embeds.finders import get_finders

    settings.WAGTAILEMBEDS_FINDERS = [
        {
            "class": "wagtail.embeds.finders.oembed",
            "providers": [
                {
                    "endpoint": "http://127.0.0.1:9/oembed",
                    "urls": [r"^https://video\.example\.org/.+$"],
                }
            ],
        }
    ]
    get_finders.cache_clear()
    yield
    get_finders.cache_clear()
