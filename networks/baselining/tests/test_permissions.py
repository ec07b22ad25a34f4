"""Indicator permissions once a network has closed or is unpublished (the matrix of every
person × every action is in networks/tests/test_section_permissions.py)."""

import pytest

from django.contrib.auth.models import AnonymousUser

from networks.baselining import permissions

MANAGERS = {"co_leader", "admin"}


@pytest.mark.parametrize("role", sorted(MANAGERS))
def test_nobody_manages_the_indicators_of_a_closed_network(world, closed_network, role):
    assert permissions.can_manage_indicators(world.person(role), closed_network) is False


def test_an_unpublished_network_s_indicators_are_hidden_from_the_public(world):
    world.network.unpublish()

    assert permissions.can_view_indicators(AnonymousUser(), world.network) is False
