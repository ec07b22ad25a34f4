import pytest

from django.utils import timezone

from wagtail.models import PageLogEntry

from networks import services
from networks.factories import SchoolFactory
from networks.models import NetworkPage, NetworkStatus

pytestmark = pytest.mark.django_db


def test_forming_network_with_two_co_leaders_becomes_active(make_network):
    network = make_network(status=NetworkStatus.FORMING, co_leaders=2)
    co_leader = network.co_leader_memberships[0].user
    services.activate_network(network=network, by=co_leader)
    network = NetworkPage.objects.get(pk=network.pk)
    assert network.status == NetworkStatus.ACTIVE
    assert network.started_on == timezone.localdate()


def test_forming_network_with_one_co_leader_cannot_become_active(make_network):
    network = make_network(status=NetworkStatus.FORMING, co_leaders=1, members=2)
    co_leader = network.co_leader_memberships[0].user
    with pytest.raises(services.CoLeadershipRule, match="invite a second co-leader first"):
        services.activate_network(network=network, by=co_leader)
    assert NetworkPage.objects.get(pk=network.pk).status == NetworkStatus.FORMING


def test_member_cannot_activate(make_network):
    network = make_network(status=NetworkStatus.FORMING, co_leaders=2)
    with pytest.raises(services.NotAllowed):
        services.activate_network(network=network, by=network.member_memberships[0].user)


def test_activation_is_in_the_audit_log(make_network):
    network = make_network(status=NetworkStatus.FORMING, co_leaders=2)
    co_leader = network.co_leader_memberships[0].user
    services.activate_network(network=network, by=co_leader)
    entry = PageLogEntry.objects.get(page=network, action="networks.status_changed")
    assert entry.data == {"previous": "forming", "status": "active"}


def test_active_network_moves_on_to_sustaining(network, co_leader):
    services.change_status(network=network, status=NetworkStatus.SUSTAINING, by=co_leader)
    assert NetworkPage.objects.get(pk=network.pk).status == NetworkStatus.SUSTAINING


def test_forming_network_cannot_jump_to_sustaining(make_network):
    network = make_network(status=NetworkStatus.FORMING, co_leaders=2)
    with pytest.raises(services.ActionRefused, match="Only an active network"):
        services.change_status(
            network=network,
            status=NetworkStatus.SUSTAINING,
            by=network.co_leader_memberships[0].user,
        )


def test_closing_directly_is_refused_as_a_two_key_decision(network, co_leader):
    with pytest.raises(services.CoLeadershipRule, match="two-key decision"):
        services.change_status(network=network, status=NetworkStatus.CLOSED, by=co_leader)
    assert NetworkPage.objects.get(pk=network.pk).status == NetworkStatus.ACTIVE


def test_publishing_a_revision_keeps_the_status_the_services_set(make_network):
    network = make_network(status=NetworkStatus.FORMING, co_leaders=2)
    co_leader = network.co_leader_memberships[0].user
    draft = NetworkPage.objects.get(pk=network.pk)
    draft.purpose = "A sharper purpose."
    revision = draft.save_revision(user=co_leader)
    services.activate_network(network=network, by=co_leader)
    revision.publish(user=co_leader, skip_permission_checks=True)
    network = NetworkPage.objects.get(pk=network.pk)
    assert (network.status, network.purpose) == (NetworkStatus.ACTIVE, "A sharper purpose.")


def closed(network, co_leader, second_co_leader):
    decision = services.propose_decision(network=network, kind="close_network", by=co_leader)
    services.confirm_decision(decision=decision, by=second_co_leader)
    return NetworkPage.objects.get(pk=network.pk)


def test_closed_network_keeps_its_page_published(network, co_leader, second_co_leader):
    network = closed(network, co_leader, second_co_leader)
    assert network.status == NetworkStatus.CLOSED
    assert network.closed_on == timezone.localdate()
    assert network.live


@pytest.mark.parametrize(
    "action",
    [
        "invite",
        "change_status",
        "add_school",
        "leave",
        "request_to_join",
        "propose_decision",
        "change_role",
        "remove_member",
    ],
)
def test_closed_network_is_read_only_for_every_service(
    network, co_leader, second_co_leader, member, outsider, action
):
    membership = network.member_memberships[0]
    network = closed(network, co_leader, second_co_leader)
    calls = {
        "invite": lambda: services.invite_member(
            network=network, email="new@example.org", school=SchoolFactory(), by=co_leader
        ),
        "change_status": lambda: services.change_status(
            network=network, status="sustaining", by=co_leader
        ),
        "add_school": lambda: services.add_school(
            network=network, school=SchoolFactory(), by=co_leader
        ),
        "leave": lambda: services.leave_network(network=network, by=member),
        "request_to_join": lambda: services.request_to_join(network=network, by=outsider),
        "propose_decision": lambda: services.propose_decision(
            network=network, kind="appoint_co_leader", target=membership, by=co_leader
        ),
        "change_role": lambda: services.change_role(
            membership=membership, role="critical_friend", by=co_leader
        ),
        "remove_member": lambda: services.remove_member(membership=membership, by=co_leader),
    }
    with pytest.raises(services.NetworkClosed, match="has closed: its record is read-only"):
        calls[action]()
