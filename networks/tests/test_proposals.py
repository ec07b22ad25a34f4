"""A proposed network waits for the national broker: nothing exists and nobody gains a role until
the broker approves it."""

import pytest

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from wagtail.models import ModelLogEntry, PageLogEntry

from core.accounts.factories import BrokerFactory, UserFactory
from core.notifications.models import Notification, OutboundEmail
from networks import services
from networks.factories import NetworkPageFactory, SchoolFactory, ThemeFactory
from networks.models import (
    Invitation,
    Membership,
    NetworkPage,
    NetworkProposal,
    NetworkSchool,
    NetworkStatus,
    ProposalStatus,
    Role,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker(db):
    return BrokerFactory()


def propose(by, **overrides):
    fields = {
        "title": "Mersey Learning Partnership",
        "purpose": "Marking eats evenings without changing what pupils do next.",
        "themes": [],
        "school": SchoolFactory(),
    }
    fields.update(overrides)
    return services.propose_network(by=by, **fields)


def approved(proposal, broker):
    return NetworkPage.objects.get(pk=services.approve_proposal(proposal=proposal, by=broker).pk)


# --- Proposing -------------------------------------------------------------------------------


def test_a_proposal_publishes_nothing_and_gives_no_role(outsider, broker):
    proposal = propose(outsider)

    assert proposal.status == ProposalStatus.PENDING
    assert not NetworkPage.objects.exists()
    assert not Membership.objects.filter(user=outsider).exists()


def test_the_broker_is_told_of_a_new_proposal_with_a_link_to_it(outsider, broker):
    proposal = propose(outsider)

    assert Notification.objects.filter(
        recipient=broker, url=f"/networks/proposals/{proposal.pk}/"
    ).exists()
    assert OutboundEmail.objects.filter(to=broker.email).exists()


def test_a_proposal_is_in_the_audit_log(outsider):
    proposal = propose(outsider)

    assert ModelLogEntry.objects.filter(
        object_id=str(proposal.pk), action="networks.proposal_submitted", user=outsider
    ).exists()


def test_one_proposal_at_a_time(outsider):
    propose(outsider)

    with pytest.raises(services.NotAllowed, match="already waiting"):
        propose(outsider, title="Another network")
    assert NetworkProposal.objects.count() == 1


def test_closed_school_cannot_propose(outsider):
    school = SchoolFactory(is_open=False, status="Closed")

    with pytest.raises(services.ActionRefused, match="marked closed"):
        propose(outsider, school=school)
    assert not NetworkProposal.objects.exists()


def test_empty_purpose_is_refused(outsider):
    with pytest.raises(services.ActionRefused, match="purpose"):
        propose(outsider, purpose="  ")
    assert not NetworkProposal.objects.exists()


def test_a_co_proposer_needs_a_school(outsider):
    with pytest.raises(services.ActionRefused) as refusal:
        propose(outsider, co_proposer_email="colleague@example.org")
    assert "co_proposer_school" in refusal.value.field_errors
    assert not NetworkProposal.objects.exists()


def test_the_proposer_cannot_name_themselves_as_co_proposer(outsider):
    with pytest.raises(services.ActionRefused, match="someone else"):
        propose(
            outsider, co_proposer_email=outsider.email.upper(), co_proposer_school=SchoolFactory()
        )


def test_anonymous_cannot_propose():
    with pytest.raises(services.NotAllowed):
        propose(AnonymousUser())
    assert not NetworkProposal.objects.exists()


# --- Approving ------------------------------------------------------------------------------


def test_approval_publishes_the_network_as_forming(outsider, broker):
    network = approved(propose(outsider), broker)

    assert network.live
    assert network.status == NetworkStatus.FORMING
    assert network.get_parent().specific_class.__name__ == "NetworkIndexPage"
    assert network.url == "/networks/mersey-learning-partnership/"


def test_on_approval_the_proposer_becomes_first_co_leader_with_their_school(outsider, broker):
    school = SchoolFactory()
    network = approved(propose(outsider, school=school), broker)

    membership = Membership.objects.get(network=network)
    assert (membership.user, membership.role, membership.school) == (
        outsider,
        Role.CO_LEADER,
        school,
    )
    link = NetworkSchool.objects.get(network=network)
    assert (link.school, link.joined_on, link.left_on) == (school, timezone.localdate(), None)


def test_on_approval_the_co_proposer_is_invited_as_second_co_leader(outsider, broker):
    school = SchoolFactory()
    proposal = propose(
        outsider, co_proposer_email="Colleague@Example.org", co_proposer_school=school
    )
    network = approved(proposal, broker)

    invitation = Invitation.objects.get(network=network)
    assert (invitation.email, invitation.role, invitation.school) == (
        "colleague@example.org",
        Role.CO_LEADER,
        school,
    )
    assert Membership.objects.filter(network=network).count() == 1


def test_approval_keeps_the_themes(outsider, broker):
    themes = [ThemeFactory(name="Pupil voice"), ThemeFactory(name="Transition")]
    network = approved(propose(outsider, themes=themes), broker)

    assert set(network.themes.all()) == set(themes)


def test_approval_is_in_the_audit_log_and_the_proposer_is_told(outsider, broker):
    proposal = propose(outsider)
    network = approved(proposal, broker)

    assert ModelLogEntry.objects.filter(
        object_id=str(proposal.pk), action="networks.proposal_approved", user=broker
    ).exists()
    assert PageLogEntry.objects.filter(page=network, action="networks.proposed").exists()
    notice = Notification.objects.get(recipient=outsider)
    assert "approved" in notice.message
    assert notice.url == f"/networks/{network.slug}/manage/"


def test_same_name_gets_a_distinct_slug(outsider, broker):
    NetworkPageFactory(title="Mersey Learning Partnership")

    assert approved(propose(outsider), broker).slug == "mersey-learning-partnership-2"


@pytest.mark.parametrize("title", ["Propose", "Proposals", "Invitations"])
def test_reserved_paths_are_never_a_network_slug(outsider, broker, title):
    assert approved(propose(outsider, title=title), broker).slug == f"{title.lower()}-2"


def test_a_proposal_is_approved_once(outsider, broker):
    proposal = propose(outsider)
    services.approve_proposal(proposal=proposal, by=broker)

    with pytest.raises(services.NotAllowed, match="already been approved"):
        services.approve_proposal(proposal=proposal, by=BrokerFactory())
    assert NetworkPage.objects.count() == 1


def test_a_broker_does_not_approve_their_own_proposal(broker):
    proposal = propose(broker)

    with pytest.raises(services.NotAllowed, match="another broker"):
        services.approve_proposal(proposal=proposal, by=broker)
    assert not NetworkPage.objects.exists()


@pytest.mark.parametrize("who", ["proposer", "someone"])
def test_only_the_broker_approves(outsider, who):
    proposal = propose(outsider)
    person = outsider if who == "proposer" else UserFactory()

    with pytest.raises(services.NotAllowed, match="national broker"):
        services.approve_proposal(proposal=proposal, by=person)
    assert not NetworkPage.objects.exists()
    assert not Membership.objects.exists()


def test_approval_is_refused_when_the_school_has_closed_since(outsider, broker):
    school = SchoolFactory()
    proposal = propose(outsider, school=school)
    type(school).objects.filter(pk=school.pk).update(is_open=False)

    with pytest.raises(services.ActionRefused, match="marked closed"):
        services.approve_proposal(proposal=proposal, by=broker)
    assert not NetworkPage.objects.exists()
    assert NetworkProposal.objects.get().status == ProposalStatus.PENDING


# --- Declining and withdrawing ---------------------------------------------------------------


def test_declining_needs_a_reason_and_changes_nothing_without_one(outsider, broker):
    proposal = propose(outsider)

    with pytest.raises(services.ActionRefused, match="Give a reason"):
        services.decline_proposal(proposal=proposal, by=broker, reason="   ")
    assert NetworkProposal.objects.get().status == ProposalStatus.PENDING


def test_a_declined_proposal_tells_the_proposer_why(outsider, broker):
    proposal = propose(outsider)
    services.decline_proposal(proposal=proposal, by=broker, reason="Two networks already do this.")

    proposal.refresh_from_db()
    assert (proposal.status, proposal.reason, proposal.decided_by) == (
        ProposalStatus.DECLINED,
        "Two networks already do this.",
        broker,
    )
    assert not NetworkPage.objects.exists()
    email = OutboundEmail.objects.get(to=outsider.email)
    assert "Two networks already do this." in email.body_text
    assert ModelLogEntry.objects.filter(action="networks.proposal_declined", user=broker).exists()


def test_after_a_decision_the_proposer_may_propose_again(outsider, broker):
    services.decline_proposal(proposal=propose(outsider), by=broker, reason="Too vague.")

    assert propose(outsider, title="A clearer network").is_pending


def test_the_proposer_withdraws_a_waiting_proposal(outsider):
    proposal = propose(outsider)
    services.withdraw_proposal(proposal=proposal, by=outsider)

    assert NetworkProposal.objects.get().status == ProposalStatus.WITHDRAWN


def test_nobody_else_withdraws_it(outsider, broker):
    proposal = propose(outsider)

    with pytest.raises(services.NotAllowed):
        services.withdraw_proposal(proposal=proposal, by=broker)
    assert NetworkProposal.objects.get().status == ProposalStatus.PENDING
