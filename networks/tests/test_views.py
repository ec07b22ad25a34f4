"""The pages: proposing, managing people and schools, invitations, requests and decisions."""

from datetime import timedelta

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from core.accounts.factories import UserFactory
from networks import services
from networks.factories import (
    DecisionFactory,
    InvitationFactory,
    JoinRequestFactory,
    MembershipFactory,
    SchoolFactory,
    ThemeFactory,
)
from networks.models import (
    Decision,
    DecisionStatus,
    Invitation,
    InvitationStatus,
    JoinRequestStatus,
    Membership,
    NetworkPage,
    NetworkProposal,
    NetworkSchool,
    NetworkStatus,
    ProposalStatus,
    Role,
)

pytestmark = pytest.mark.django_db


def url(name, network=None, **kwargs):
    if network is not None:
        kwargs["network_slug"] = network.slug
    return reverse(f"networks:{name}", kwargs=kwargs)


def messages_of(response):
    return [str(message) for message in response.context["messages"]] if response.context else []


@pytest.fixture
def as_user(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


# --- proposing -------------------------------------------------------------------------------


def test_propose_page_asks_anonymous_people_to_log_in(client):
    response = client.get(url("propose"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_propose_page_shows_the_form(as_user, outsider):
    response = as_user(outsider).get(url("propose"))
    assert response.status_code == 200
    assert b"Send the proposal" in response.content


def test_proposing_sends_the_proposal_to_the_broker_and_creates_no_network(as_user, outsider):
    school = SchoolFactory(urn=123456)
    theme = ThemeFactory(name="Pupil voice")
    response = as_user(outsider).post(
        url("propose"),
        {
            "title": "Wirral Voices",
            "purpose": "Pupils as researchers.",
            "themes": [theme.pk],
            "school": "123456",
        },
    )
    proposal = NetworkProposal.objects.get(title="Wirral Voices")
    assert response.status_code == 302
    assert response["Location"] == url("proposal", proposal_id=proposal.pk)
    assert (proposal.status, proposal.school, list(proposal.themes.all())) == (
        ProposalStatus.PENDING,
        school,
        [theme],
    )
    assert not NetworkPage.objects.filter(title="Wirral Voices").exists()
    assert not Membership.objects.filter(user=outsider).exists()


def test_school_can_be_chosen_by_its_exact_name(as_user, outsider):
    school = SchoolFactory(name="St Mary's Primary")
    as_user(outsider).post(
        url("propose"), {"title": "Named", "purpose": "P.", "school": "st mary's primary"}
    )
    assert NetworkProposal.objects.get(proposed_by=outsider).school == school


def test_unknown_school_is_a_clear_error_and_nothing_is_written(as_user, outsider):
    response = as_user(outsider).post(
        url("propose"), {"title": "Wirral Voices", "purpose": "P.", "school": "999999999"}
    )
    assert response.status_code == 200
    assert "No school in the register matches" in response.content.decode()
    assert not NetworkProposal.objects.exists()


def test_ambiguous_school_name_asks_for_the_urn(as_user, outsider):
    SchoolFactory(name="Oakfield Primary", town="Leeds")
    SchoolFactory(name="Oakfield Primary School", town="Hull")
    response = as_user(outsider).post(
        url("propose"), {"title": "X", "purpose": "P.", "school": "Oakfield"}
    )
    assert "Enter the school&#x27;s URN instead" in response.content.decode()


def test_closed_school_is_refused_in_the_form(as_user, outsider):
    SchoolFactory(urn=222222, is_open=False)
    response = as_user(outsider).post(
        url("propose"), {"title": "X", "purpose": "P.", "school": "222222"}
    )
    assert response.status_code == 200
    assert "marked closed" in response.content.decode()
    assert not NetworkProposal.objects.exists()


# --- the people page -------------------------------------------------------------------------


def test_people_page_is_for_co_leaders(as_user, network, member):
    assert as_user(member).get(url("manage", network)).status_code == 403


def test_people_page_shows_everyone(as_user, network, co_leader, member):
    response = as_user(co_leader).get(url("manage", network))
    assert response.status_code == 200
    content = response.content.decode()
    assert escape(member.display_name) in content
    assert response.context["can_invite"] is True


def test_people_page_of_unknown_network_is_404(as_user, co_leader):
    assert as_user(co_leader).get("/networks/no-such-network/manage/").status_code == 404


def test_people_page_of_closed_network_offers_no_actions(as_user, make_network):
    network = make_network(status=NetworkStatus.CLOSED)
    response = as_user(network.co_leader_memberships[0].user).get(url("manage", network))
    assert response.status_code == 200
    assert response.context["can_invite"] is False
    assert "read-only" in response.content.decode()


def people_page_queries(as_user, make_network, count):
    """Queries for the people page of a network with `count` people and some of everything."""
    network = make_network(co_leaders=2, members=count - 2)
    for index in range(count // 5):
        InvitationFactory(network=network, invited_by=network.co_leader_memberships[0].user)
        JoinRequestFactory(network=network)
        DecisionFactory(
            network=network,
            kind="appoint_co_leader",
            target=network.member_memberships[index],
            proposed_by=network.co_leader_memberships[1].user,
        )
    client = as_user(network.co_leader_memberships[0].user)
    client.get(url("manage", network))  # warm the site-root cache that every page shares
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url("manage", network))
    assert response.status_code == 200
    assert len(response.context["people"]) == count
    return len(queries)


def test_people_page_runs_the_same_queries_for_5_or_50_people(as_user, make_network):
    assert people_page_queries(as_user, make_network, 5) == people_page_queries(
        as_user, make_network, 50
    )


def test_people_page_query_budget(as_user, make_network):
    assert people_page_queries(as_user, make_network, 5) <= 12


# --- inviting --------------------------------------------------------------------------------


def test_invite_form_sends_an_invitation(as_user, network, co_leader):
    SchoolFactory(urn=333333)
    response = as_user(co_leader).post(
        url("invite", network), {"email": "new@example.org", "role": "member", "school": "333333"}
    )
    assert response.status_code == 302
    assert Invitation.objects.get().email == "new@example.org"


def test_invite_form_refuses_an_invalid_email(as_user, network, co_leader):
    response = as_user(co_leader).post(
        url("invite", network), {"email": "not an address", "role": "critical_friend"}
    )
    assert response.status_code == 200
    assert "Enter a valid email address" in response.content.decode()
    assert not Invitation.objects.exists()


def test_invite_form_reports_a_duplicate_invitation(as_user, network, co_leader):
    InvitationFactory(network=network, email="new@example.org", role=Role.CRITICAL_FRIEND)
    response = as_user(co_leader).post(
        url("invite", network), {"email": "new@example.org", "role": "critical_friend"}
    )
    assert response.status_code == 200
    assert "already has a pending invitation" in response.content.decode()
    assert Invitation.objects.count() == 1


def test_invite_form_asks_for_the_school_of_a_member(as_user, network, co_leader):
    response = as_user(co_leader).post(
        url("invite", network), {"email": "new@example.org", "role": "member", "school": ""}
    )
    assert "Choose the school they will represent" in response.content.decode()


def test_members_cannot_open_the_invite_form(as_user, network, member):
    assert as_user(member).get(url("invite", network)).status_code == 403


def test_the_refused_page_and_the_service_give_the_same_reason(as_user, network, member):
    response = as_user(member).get(url("invite", network))

    with pytest.raises(services.NotAllowed) as refusal:
        services.invite_member(network=network, email="new@example.org", by=member)
    assert refusal.value.message == "Only the network's co-leaders can invite people."
    assert escape(refusal.value.message) in response.content.decode()


def test_revoke_is_post_only(as_user, network, co_leader):
    invitation = InvitationFactory(network=network)
    response = as_user(co_leader).get(
        url("revoke_invitation", network, invitation_id=invitation.pk)
    )
    assert response.status_code == 405


def test_revoking_from_the_people_page(as_user, network, co_leader):
    invitation = InvitationFactory(network=network)
    response = as_user(co_leader).post(
        url("revoke_invitation", network, invitation_id=invitation.pk), follow=True
    )
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.REVOKED
    assert any("revoked" in message for message in messages_of(response))


def test_state_changes_need_the_csrf_token(network, co_leader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(co_leader)
    invitation = InvitationFactory(network=network)
    response = client.post(url("revoke_invitation", network, invitation_id=invitation.pk))
    assert response.status_code == 403
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING


# --- the invitation link ---------------------------------------------------------------------


def test_invitation_link_signed_out_offers_log_in_and_sign_up_and_back(client, network):
    invitation = InvitationFactory(network=network)
    link = url("invitation", token=invitation.token)
    response = client.get(link)
    assert response.status_code == 200
    content = response.content.decode()
    assert (
        f"{reverse('account_login')}?next=%2Fnetworks%2Finvitations%2F{invitation.token}" in content
    )
    assert f"{reverse('account_signup')}?next=" in content


def test_accepting_through_the_link(as_user, network):
    invitation = InvitationFactory(network=network, email="new@example.org")
    newcomer = UserFactory(email="new@example.org")
    response = as_user(newcomer).post(url("invitation", token=invitation.token))
    assert response.status_code == 302
    assert response["Location"] == network.url
    assert Membership.objects.filter(network=network, user=newcomer, left_at=None).exists()


def test_unknown_token_is_a_clear_404(client, network):
    response = client.get(url("invitation", token="made-up-token"))
    assert response.status_code == 404
    assert "This invitation link is not valid" in response.content.decode()


def test_expired_token_is_a_clear_message(client, network):
    invitation = InvitationFactory(network=network, expires_at=timezone.now() - timedelta(days=1))
    response = client.get(url("invitation", token=invitation.token))
    assert response.status_code == 410
    assert "This invitation expired on" in response.content.decode()


def test_revoked_token_is_a_clear_message(client, network):
    invitation = InvitationFactory(network=network, status=InvitationStatus.REVOKED)
    response = client.get(url("invitation", token=invitation.token))
    assert response.status_code == 410
    assert "withdrawn" in response.content.decode()


def test_used_token_is_a_clear_message(as_user, network):
    invitation = InvitationFactory(network=network, email="new@example.org")
    client = as_user(UserFactory(email="new@example.org"))
    client.post(url("invitation", token=invitation.token))
    response = client.post(url("invitation", token=invitation.token))
    assert response.status_code == 410
    assert "already been used" in response.content.decode()


def test_wrong_account_is_refused_with_what_to_do(as_user, network):
    invitation = InvitationFactory(network=network, email="new@example.org")
    someone = UserFactory(email="someone@example.org")
    response = as_user(someone).post(url("invitation", token=invitation.token))
    assert response.status_code == 403
    assert "sent to new@example.org" in response.content.decode()
    assert not Membership.objects.filter(user=someone).exists()


def test_very_long_token_is_a_clear_404(client):
    response = client.get(url("invitation", token="x" * 500))
    assert response.status_code == 404


# --- asking to join --------------------------------------------------------------------------


def test_asking_to_join(as_user, network, outsider):
    SchoolFactory(urn=444444)
    response = as_user(outsider).post(
        url("join", network), {"school": "444444", "message": "Hello"}
    )
    assert response.status_code == 302
    assert network.join_requests.get().user == outsider


def test_asking_twice_shows_the_pending_request(as_user, network, outsider):
    JoinRequestFactory(network=network, user=outsider)
    response = as_user(outsider).get(url("join", network))
    assert "You asked to join on" in response.content.decode()


def test_member_asking_to_join_is_sent_to_the_profile(as_user, network, member):
    response = as_user(member).get(url("join", network))
    assert response.status_code == 302


def test_approving_a_request(as_user, network, co_leader):
    join_request = JoinRequestFactory(network=network)
    response = as_user(co_leader).post(
        url("approve_request", network, request_id=join_request.pk), {"role": "critical_friend"}
    )
    assert response.status_code == 302
    assert Membership.objects.get(user=join_request.user).role == Role.CRITICAL_FRIEND


def test_approving_as_co_leader_is_refused_by_the_form(as_user, network, co_leader):
    join_request = JoinRequestFactory(network=network)
    response = as_user(co_leader).post(
        url("approve_request", network, request_id=join_request.pk),
        {"role": "co_leader"},
        follow=True,
    )
    assert not Membership.objects.filter(user=join_request.user).exists()
    assert any("member or as a critical friend" in m for m in messages_of(response))


def test_declining_a_request_with_a_reason(as_user, network, co_leader):
    join_request = JoinRequestFactory(network=network)
    response = as_user(co_leader).post(
        url("decline_request", network, request_id=join_request.pk), {"reason": "Full."}
    )
    assert response.status_code == 302
    join_request.refresh_from_db()
    assert (join_request.status, join_request.reason) == (JoinRequestStatus.DECLINED, "Full.")


def test_declining_without_a_reason_shows_the_form_again(as_user, network, co_leader):
    join_request = JoinRequestFactory(network=network)
    response = as_user(co_leader).post(
        url("decline_request", network, request_id=join_request.pk), {"reason": ""}
    )
    assert response.status_code == 200
    join_request.refresh_from_db()
    assert join_request.status == JoinRequestStatus.PENDING


def test_request_of_another_network_is_404(as_user, network, co_leader, make_network):
    join_request = JoinRequestFactory(network=make_network())
    response = as_user(co_leader).post(
        url("approve_request", network, request_id=join_request.pk), {"role": "member"}
    )
    assert response.status_code == 404


# --- roles, removal, leaving, schools, status, decisions ------------------------------------


def test_changing_a_role(as_user, network, co_leader):
    membership = network.member_memberships[0]
    as_user(co_leader).post(
        url("change_role", network, membership_id=membership.pk), {"role": "critical_friend"}
    )
    assert Membership.objects.get(pk=membership.pk).role == Role.CRITICAL_FRIEND


def test_bad_role_is_a_message_not_an_error(as_user, network, co_leader):
    membership = network.member_memberships[0]
    response = as_user(co_leader).post(
        url("change_role", network, membership_id=membership.pk), {"role": "emperor"}, follow=True
    )
    assert response.status_code == 200
    assert any("Choose a role" in m for m in messages_of(response))


def test_removing_a_member(as_user, network, co_leader):
    membership = network.member_memberships[0]
    as_user(co_leader).post(url("remove_member", network, membership_id=membership.pk))
    assert Membership.objects.get(pk=membership.pk).left_at is not None


def test_co_leader_leaving_that_breaks_the_rule_is_told_what_to_do(as_user, network, co_leader):
    response = as_user(co_leader).post(url("leave", network), follow=True)
    assert any("Appoint another co-leader first" in m for m in messages_of(response))
    assert Membership.objects.get(user=co_leader).left_at is None


def test_member_leaves(as_user, network, member):
    response = as_user(member).post(url("leave", network))
    assert response.status_code == 302
    assert Membership.objects.get(user=member).left_at is not None


def test_adding_a_school_by_urn(as_user, network, co_leader):
    school = SchoolFactory(urn=555555)
    response = as_user(co_leader).post(url("add_school", network), {"school": "555555"})
    assert response.status_code == 302
    assert NetworkSchool.objects.filter(network=network, school=school, left_on=None).exists()


def test_adding_an_unknown_school_is_a_form_error(as_user, network, co_leader):
    response = as_user(co_leader).post(url("add_school", network), {"school": "Nowhere Academy"})
    assert response.status_code == 200
    assert "No school in the register matches" in response.content.decode()


def test_removing_a_school(as_user, network, co_leader):
    link = services.add_school(network=network, school=SchoolFactory(), by=co_leader)
    as_user(co_leader).post(url("remove_school", network, link_id=link.pk))
    link.refresh_from_db()
    assert link.left_on == timezone.localdate()


def test_activating_with_one_co_leader_is_refused_with_a_message(as_user, make_network):
    network = make_network(status=NetworkStatus.FORMING, co_leaders=1)
    response = as_user(network.co_leader_memberships[0].user).post(
        url("change_status", network), {"status": "active"}, follow=True
    )
    assert any("invite a second co-leader first" in m for m in messages_of(response))
    assert NetworkPage.objects.get(pk=network.pk).status == NetworkStatus.FORMING


def test_activating_with_two_co_leaders(as_user, make_network):
    network = make_network(status=NetworkStatus.FORMING, co_leaders=2)
    as_user(network.co_leader_memberships[0].user).post(
        url("change_status", network), {"status": "active"}
    )
    assert NetworkPage.objects.get(pk=network.pk).status == NetworkStatus.ACTIVE


def test_two_key_decision_through_the_pages(as_user, network, co_leader, second_co_leader):
    target = network.member_memberships[0]
    as_user(co_leader).post(
        url("propose_decision", network), {"kind": "appoint_co_leader", "target": target.pk}
    )
    decision = Decision.objects.get()
    response = as_user(co_leader).post(
        url("confirm_decision", network, decision_id=decision.pk), follow=True
    )
    assert any("a different co-leader must confirm" in m for m in messages_of(response))
    as_user(second_co_leader).post(url("confirm_decision", network, decision_id=decision.pk))
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.AWAITING_CONSENT
    assert Membership.objects.get(pk=target.pk).role == Role.MEMBER


def test_unknown_decision_kind_is_a_message(as_user, network, co_leader):
    response = as_user(co_leader).post(
        url("propose_decision", network), {"kind": "crown_a_king"}, follow=True
    )
    assert any("Choose what to decide" in m for m in messages_of(response))


def test_decision_about_a_stranger_is_a_message(as_user, network, co_leader):
    stranger = MembershipFactory()
    response = as_user(co_leader).post(
        url("propose_decision", network),
        {"kind": "appoint_co_leader", "target": stranger.pk},
        follow=True,
    )
    assert any("not a current member" in m for m in messages_of(response))
    assert not Decision.objects.exists()


@pytest.mark.parametrize("name", ["propose", "invite", "add_school", "join"])
def test_form_pages_carry_the_csrf_token(network, co_leader, outsider, name):
    client = Client(enforce_csrf_checks=True)
    client.force_login(outsider if name in ("propose", "join") else co_leader)
    response = client.get(url(name, None if name == "propose" else network))
    assert response.status_code == 200
    form = response.content.decode().split("<main", 1)[1]
    assert 'name="csrfmiddlewaretoken"' in form


def test_invitation_to_a_closed_network_is_a_clear_message(client, make_network):
    network = make_network(status=NetworkStatus.CLOSED)
    invitation = InvitationFactory(network=network)
    response = client.get(url("invitation", token=invitation.token))
    assert response.status_code == 410
    assert "has closed" in response.content.decode()


def test_people_page_shows_a_pending_appointment_instead_of_proposing_it_again(
    as_user, network, co_leader, second_co_leader
):
    services.propose_decision(
        network=network,
        kind="appoint_co_leader",
        target=network.member_memberships[0],
        by=second_co_leader,
    )
    content = as_user(co_leader).get(url("manage", network)).content.decode()
    assert "Proposed as co-leader: waiting for a second co-leader." in content
    assert "Propose as co-leader" not in content
