import pytest

from networks import services
from networks.factories import SchoolFactory
from networks.models import JoinRequestStatus, Membership, Role

pytestmark = pytest.mark.django_db


def ask(network, user, **kwargs):
    kwargs.setdefault("school", SchoolFactory())
    kwargs.setdefault("message", "We share your challenge.")
    return services.request_to_join(network=network, by=user, **kwargs)


def test_request_notifies_every_co_leader(
    network, outsider, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        ask(network, outsider)
    co_leaders = [m.user for m in network.co_leader_memberships]
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted(u.email for u in co_leaders)
    assert "We share your challenge." in mailoutbox[0].body
    assert all(
        u.notifications.filter(message__contains="asked to join").exists() for u in co_leaders
    )


def test_member_cannot_ask_to_join(network, member):
    with pytest.raises(services.ActionRefused, match="already a member"):
        ask(network, member)


def test_second_pending_request_is_refused(network, outsider):
    ask(network, outsider)
    with pytest.raises(services.ActionRefused, match="already asked to join"):
        ask(network, outsider)


def test_approval_creates_the_membership(network, co_leader, outsider):
    school = SchoolFactory()
    join_request = ask(network, outsider, school=school)
    membership = services.approve_join_request(join_request=join_request, by=co_leader)
    assert (membership.user, membership.role, membership.school) == (outsider, Role.MEMBER, school)
    join_request.refresh_from_db()
    assert (join_request.status, join_request.decided_by) == (JoinRequestStatus.APPROVED, co_leader)


def test_approval_as_critical_friend(network, co_leader, outsider):
    join_request = ask(network, outsider, school=None)
    membership = services.approve_join_request(
        join_request=join_request, role=Role.CRITICAL_FRIEND, by=co_leader
    )
    assert membership.role == Role.CRITICAL_FRIEND


def test_approval_as_co_leader_goes_through_a_decision(network, co_leader, outsider):
    join_request = ask(network, outsider)
    with pytest.raises(services.CoLeadershipRule, match="propose them as a co-leader"):
        services.approve_join_request(join_request=join_request, role=Role.CO_LEADER, by=co_leader)
    assert not Membership.objects.filter(user=outsider).exists()


def test_approval_tells_the_person(
    network, co_leader, outsider, django_capture_on_commit_callbacks, mailoutbox
):
    join_request = ask(network, outsider)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_join_request(join_request=join_request, by=co_leader)
    assert [mail.to for mail in mailoutbox] == [[outsider.email]]
    assert "approved" in mailoutbox[0].subject
    assert outsider.notifications.filter(message__contains="approved").exists()


def test_decline_needs_a_reason(network, co_leader, outsider):
    join_request = ask(network, outsider)
    with pytest.raises(services.ActionRefused, match="Give a reason"):
        services.decline_join_request(join_request=join_request, reason=" ", by=co_leader)
    join_request.refresh_from_db()
    assert join_request.status == JoinRequestStatus.PENDING


def test_decline_tells_the_person_the_reason(
    network, co_leader, outsider, django_capture_on_commit_callbacks, mailoutbox
):
    join_request = ask(network, outsider)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.decline_join_request(
            join_request=join_request, reason="We are full this year.", by=co_leader
        )
    assert [mail.to for mail in mailoutbox] == [[outsider.email]]
    assert "We are full this year." in mailoutbox[0].body
    assert not Membership.objects.filter(user=outsider).exists()


def test_decided_request_cannot_be_decided_again(network, co_leader, second_co_leader, outsider):
    join_request = ask(network, outsider)
    services.decline_join_request(join_request=join_request, reason="Full.", by=co_leader)
    with pytest.raises(services.ActionRefused, match="already been declined"):
        services.approve_join_request(join_request=join_request, by=second_co_leader)


def test_member_cannot_approve(network, member, outsider):
    join_request = ask(network, outsider)
    with pytest.raises(services.NotAllowed):
        services.approve_join_request(join_request=join_request, by=member)


def test_requester_withdraws(network, outsider):
    join_request = ask(network, outsider)
    services.withdraw_join_request(join_request=join_request, by=outsider)
    join_request.refresh_from_db()
    assert join_request.status == JoinRequestStatus.WITHDRAWN


def test_closed_school_cannot_ask(network, outsider):
    with pytest.raises(services.ActionRefused, match="marked closed"):
        ask(network, outsider, school=SchoolFactory(is_open=False))
