"""Network roles give no Wagtail admin access: people act on their networks in the site only."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import GroupPagePermission

from core.accounts.factories import BrokerFactory, UserFactory
from networks import services
from networks.factories import SchoolFactory
from networks.models import NetworkPage

pytestmark = pytest.mark.django_db


def fresh(user):
    """Wagtail caches permissions on the user object: ask as a new request would."""
    return get_user_model().objects.get(pk=user.pk)


def has_no_admin_door(user, network) -> bool:
    user = fresh(user)
    tester = NetworkPage.objects.get(pk=network.pk).permissions_for_user(user)
    return not (
        user.has_perm("wagtailadmin.access_admin")
        or tester.can_edit()
        or tester.can_publish()
        or tester.can_add_subpage()
        or tester.can_delete()
    )


def test_no_role_in_a_network_opens_the_admin(make_network):
    network = make_network(critical_friends=1)
    people = [
        m.user
        for m in network.co_leader_memberships
        + network.member_memberships
        + network.friend_memberships
    ]
    assert all(has_no_admin_door(person, network) for person in people)


def test_accepting_an_invitation_opens_no_admin_door(network, co_leader):
    invitation = services.invite_member(
        network=network, email="new@example.org", school=SchoolFactory(), by=co_leader
    )
    newcomer = UserFactory(email="new@example.org")
    services.accept_invitation(invitation=invitation, by=newcomer)

    assert has_no_admin_door(newcomer, network)


def test_an_appointed_co_leader_gets_no_admin_door(network, co_leader, second_co_leader, member):
    decision = services.propose_decision(
        network=network,
        kind="appoint_co_leader",
        target=network.member_memberships[0],
        by=co_leader,
    )
    services.confirm_decision(decision=decision, by=second_co_leader)
    services.agree_to_appointment(decision=decision, by=member)

    assert has_no_admin_door(member, network)


def test_network_services_create_no_wagtail_groups(network, co_leader):
    groups_before = set(Group.objects.values_list("name", flat=True))
    services.invite_member(
        network=network, email="another@example.org", school=SchoolFactory(), by=co_leader
    )

    assert set(Group.objects.values_list("name", flat=True)) == groups_before
    assert not GroupPagePermission.objects.filter(page_id=network.pk).exists()


def test_network_actions_are_registered_for_the_audit_log():
    from wagtail.log_actions import registry

    for action in (
        "networks.decision_proposed",
        "networks.decision_confirmed",
        "networks.invitation_accepted",
        "networks.member_removed",
        "networks.status_changed",
        "networks.proposal_submitted",
        "networks.proposal_approved",
        "networks.proposal_declined",
    ):
        assert registry.action_exists(action)


def test_brokers_curate_the_themes_in_the_admin(client):
    client.force_login(BrokerFactory())
    assert client.get("/admin/snippets/networks/theme/").status_code == 200
    assert client.get("/admin/snippets/networks/theme/add/").status_code == 200


def test_members_cannot_edit_the_themes(client, member):
    client.force_login(member)
    assert client.get("/admin/snippets/networks/theme/add/").status_code in (302, 403)
