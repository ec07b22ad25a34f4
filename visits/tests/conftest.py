"""Fixtures for the visits tests: a host network and a visiting network with their people, an
open offer with one session a fortnight ahead, built by the factories."""

import html
import re
from dataclasses import dataclass
from datetime import timedelta

import pytest

from django.utils import timezone

from core.accounts.factories import AdminFactory, BrokerFactory, UserFactory
from networks.factories import (
    ActiveNetworkFactory,
    CoLeaderFactory,
    CriticalFriendFactory,
    MembershipFactory,
    NetworkSchoolFactory,
    ThemeFactory,
)
from visits.factories import VisitOfferFactory, VisitSessionFactory


@dataclass
class World:
    host: object  # the host network
    visiting: object  # another network, whose people visit
    third: object  # a third network
    host_co_leader: object
    host_second_co_leader: object
    host_member: object
    host_friend: object
    visiting_co_leader: object
    visitor: object  # a member of `visiting`
    colleague: object  # another member of `visiting`
    third_member: object
    outsider: object  # signed in, in no network
    broker: object
    admin: object
    offer: object
    session: object


def build_network(title, *, region="North West", phase="primary"):
    network = ActiveNetworkFactory(title=title)
    leaders = [CoLeaderFactory(network=network) for _ in range(2)]
    members = [MembershipFactory(network=network) for _ in range(2)]
    friend = CriticalFriendFactory(network=network)
    for membership in leaders + members:
        membership.school.region, membership.school.phase = region, phase
        membership.school.save()
        NetworkSchoolFactory(network=network, school=membership.school)
    return network, leaders, members, friend


CARD_TITLE = re.compile(r'<h3 class="card__title"><a href="[^"]*">(.*?)</a></h3>')


def listed_titles(response) -> list[str]:
    """The titles on the offer cards of a /visits/ page, in order, as the page shows them."""
    return [html.unescape(title) for title in CARD_TITLE.findall(response.content.decode())]


def in_days(days: int, hour: int = 9):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


@pytest.fixture
def world(db) -> World:
    host, host_leaders, host_members, friend = build_network("Mersey Feedback Network")
    visiting, v_leaders, v_members, _ = build_network(
        "Pennine Enquiry Network", region="Yorkshire and the Humber", phase="secondary"
    )
    third, _, third_members, _ = build_network("Thames Literacy Network", region="London")
    offer = VisitOfferFactory(
        network=host,
        title="Live feedback in Year 5",
        places=2,
        host_schools=[host_leaders[0].school],
        theme=ThemeFactory(name="Assessment for learning"),
    )
    session = VisitSessionFactory(offer=offer)
    return World(
        host=host,
        visiting=visiting,
        third=third,
        host_co_leader=host_leaders[0].user,
        host_second_co_leader=host_leaders[1].user,
        host_member=host_members[0].user,
        host_friend=friend.user,
        visiting_co_leader=v_leaders[0].user,
        visitor=v_members[0].user,
        colleague=v_members[1].user,
        third_member=third_members[0].user,
        outsider=UserFactory(),
        broker=BrokerFactory(),
        admin=AdminFactory(),
        offer=offer,
        session=session,
    )
