"""“Propose that I step down” is offered only when the co-leadership rule would allow it; when
it would not, the people page says why."""

import pytest

from networks.permissions import can_propose_step_down, why_not_propose_step_down

pytestmark = pytest.mark.django_db


def manage_page(client, network, person) -> str:
    client.force_login(person)
    return client.get(f"/networks/{network.slug}/manage/").content.decode()


def test_an_active_network_with_two_co_leaders_offers_no_step_down(client, network, co_leader):
    html = manage_page(client, network, co_leader)

    assert "Propose that I step down" not in html
    assert "appoint another co-leader before one steps down" in html


def test_an_active_network_with_three_co_leaders_offers_it(client, make_network):
    network = make_network(co_leaders=3)
    co_leader = network.co_leader_memberships[0].user

    assert "Propose that I step down" in manage_page(client, network, co_leader)


def test_the_rule_gives_the_reason_the_service_would(network, co_leader):
    assert not can_propose_step_down(co_leader, network)
    assert "at least two co-leaders" in why_not_propose_step_down(co_leader, network)


def test_a_member_is_told_only_co_leaders_propose(network, member):
    assert why_not_propose_step_down(member, network) == (
        "Only the network's co-leaders can propose a two-key decision."
    )
