"""Network roles map onto Wagtail permissions, so the Wagtail admin and the site agree."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.permission_policies.pages import PagePermissionPolicy

from core.accounts.factories import UserFactory
from networks import services
from networks.factories import SchoolFactory
from networks.models import NetworkAccessGroup, NetworkPage, Role

pytestmark = pytest.mark.django_db


def fresh(user):
    """Wagtail caches permissions on the user object: ask as a new request would."""
    return get_user_model().objects.get(pk=user.pk)


def permissions_of(user, page):
    return NetworkPage.objects.get(pk=page.pk).permissions_for_user(fresh(user))


def may_add_under(user, page) -> bool:
    """Wagtail's own answer to "may this person add pages below this one?".

    (PagePermissionTester.can_add_subpage() also needs a page type allowed under a network,
    which arrives with the artefacts; the permission itself is what the network grants.)
    """
    return PagePermissionPolicy().user_has_permission_for_instance(fresh(user), "add", page)


@pytest.fixture
def draft_child(network):
    """A draft page in the network's subtree, standing in for the artefacts to come."""
    child = NetworkPage(title="A draft in the subtree", slug="draft-child", purpose="-", live=False)
    NetworkPage.objects.get(pk=network.pk).add_child(instance=child)
    return child


def test_member_may_add_pages_in_their_network(network, member):
    assert may_add_under(member, network)


def test_member_can_edit_a_draft_in_their_network(network, member, draft_child):
    assert permissions_of(member, draft_child).can_edit()


def test_member_cannot_publish_in_their_network(network, member, draft_child):
    assert not permissions_of(member, draft_child).can_publish()
    assert not permissions_of(member, network).can_publish()


def test_critical_friend_has_member_access(make_network):
    network = make_network(critical_friends=1)
    friend = network.friend_memberships[0].user
    assert may_add_under(friend, network)
    assert not permissions_of(friend, network).can_publish()


def test_co_leader_can_publish_in_their_network(network, co_leader, draft_child):
    assert permissions_of(co_leader, draft_child).can_publish()
    assert permissions_of(co_leader, network).can_publish()
    assert may_add_under(co_leader, network)


def test_members_and_co_leaders_may_use_the_wagtail_admin(network, member, co_leader):
    assert fresh(member).has_perm("wagtailadmin.access_admin")
    assert fresh(co_leader).has_perm("wagtailadmin.access_admin")


@pytest.mark.parametrize("who", ["member", "co_leader"])
def test_nobody_can_edit_another_networks_page(make_network, who):
    mine, theirs = make_network(), make_network()
    user = (mine.member_memberships if who == "member" else mine.co_leader_memberships)[0].user
    assert not permissions_of(user, theirs).can_edit()
    assert not may_add_under(user, theirs)
    assert not permissions_of(user, theirs).can_publish()


def test_outsider_has_no_access(network, outsider):
    assert not permissions_of(outsider, network).can_edit()
    assert not fresh(outsider).has_perm("wagtailadmin.access_admin")


def test_each_network_gets_its_own_named_groups(network):
    names = sorted(
        NetworkAccessGroup.objects.filter(network=network).values_list("group__name", flat=True)
    )
    assert names == [
        f"{network.title}: co-leaders [network {network.pk}]",
        f"{network.title}: members [network {network.pk}]",
    ]


def test_accepting_an_invitation_grants_access_at_once(network, co_leader):
    invitation = services.invite_member(
        network=network, email="new@example.org", school=SchoolFactory(), by=co_leader
    )
    newcomer = UserFactory(email="new@example.org")
    assert not may_add_under(newcomer, network)
    services.accept_invitation(invitation=invitation, by=newcomer)
    assert may_add_under(newcomer, network)


def test_appointed_co_leader_can_publish_at_once(network, co_leader, second_co_leader, member):
    decision = services.propose_decision(
        network=network,
        kind="appoint_co_leader",
        target=network.member_memberships[0],
        by=co_leader,
    )
    assert not permissions_of(member, network).can_publish()
    services.confirm_decision(decision=decision, by=second_co_leader)
    assert permissions_of(member, network).can_publish()


def test_removed_member_loses_access(network, co_leader, member):
    services.remove_member(membership=network.member_memberships[0], by=co_leader)
    assert not permissions_of(member, network).can_edit()
    assert not fresh(member).has_perm("wagtailadmin.access_admin")


def test_critical_friend_promoted_to_member_keeps_draft_access(make_network):
    network = make_network(critical_friends=1)
    friend = network.friend_memberships[0]
    services.change_role(
        membership=friend, role=Role.MEMBER, by=network.co_leader_memberships[0].user
    )
    assert may_add_under(friend.user, network)


def test_closed_network_is_read_only_in_the_admin_too(network, co_leader, second_co_leader):
    decision = services.propose_decision(network=network, kind="close_network", by=co_leader)
    services.confirm_decision(decision=decision, by=second_co_leader)
    assert not permissions_of(co_leader, network).can_edit()
    assert not permissions_of(co_leader, network).can_publish()
    assert NetworkPage.objects.get(pk=network.pk).live


def test_renamed_network_renames_its_groups(network):
    network.title = "Renamed Partnership"
    network.save()
    services.sync_network_access(network)
    assert Group.objects.filter(name__startswith="Renamed Partnership: ").count() == 2


def test_network_actions_are_registered_for_the_audit_log():
    from wagtail.log_actions import registry

    for action in (
        "networks.decision_proposed",
        "networks.decision_confirmed",
        "networks.invitation_accepted",
        "networks.member_removed",
        "networks.status_changed",
    ):
        assert registry.action_exists(action)


def test_brokers_curate_the_themes_in_the_admin(client):
    from core.accounts.factories import BrokerFactory

    client.force_login(BrokerFactory())
    assert client.get("/admin/snippets/networks/theme/").status_code == 200
    assert client.get("/admin/snippets/networks/theme/add/").status_code == 200


def test_members_cannot_edit_the_themes(client, member):
    client.force_login(member)
    assert client.get("/admin/snippets/networks/theme/add/").status_code in (302, 403)
