import pytest

from networks.factories import (
    CoLeaderFactory,
    InvitationFactory,
    NetworkPageFactory,
    ThemeFactory,
)
from networks.models import NetworkIndexPage, NetworkStatus, Role
from networks.services import invitation_for_token

pytestmark = pytest.mark.django_db


def test_network_factory_makes_a_live_forming_page_in_the_directory():
    network = NetworkPageFactory(themes=[ThemeFactory()])
    assert network.live
    assert network.status == NetworkStatus.FORMING
    assert network.get_parent().pk == NetworkIndexPage.objects.get().pk
    assert network.themes.count() == 1


def test_co_leader_factory_makes_a_current_co_leader():
    membership = CoLeaderFactory()
    assert (membership.role, membership.left_at) == (Role.CO_LEADER, None)


def test_invitation_factory_token_finds_its_invitation():
    invitation = InvitationFactory()
    assert invitation_for_token(invitation.token) == invitation
