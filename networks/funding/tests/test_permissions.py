"""Funding permissions once a network has closed (the matrix of every person × every action
is in networks/tests/test_section_permissions.py)."""

import pytest

from networks.funding import permissions

MANAGERS = {"co_leader", "admin"}


@pytest.mark.parametrize("action", ["can_record_funding", "can_revise_spending_plan"])
@pytest.mark.parametrize("role", sorted(MANAGERS))
def test_nobody_changes_the_funding_of_a_closed_network(world, closed_network, action, role):
    assert getattr(permissions, action)(world.person(role), closed_network) is False


def test_the_reason_a_closed_network_s_funding_cannot_change_says_it_has_closed(
    world, closed_network
):
    assert permissions.why_not_record_funding(world.co_leader, closed_network).startswith(
        "Mersey Feedback Network has closed, so its funding records and spending plan are read-only."
    )


def test_a_closed_network_s_records_stay_visible_to_its_members(world, closed_network):
    assert permissions.can_view_funding_records(world.member, closed_network) is True
