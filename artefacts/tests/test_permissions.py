"""The permission matrix: anonymous, outsider, members, co-leaders, another network's co-leader,
critical friend, broker and admin × every artefact action."""

import pytest

from django.contrib.auth.models import AnonymousUser

from artefacts import permissions
from artefacts.models import ArtefactModeration, ModerationStatus

PEOPLE = [
    "anonymous",
    "outsider",
    "author",
    "member",
    "critical_friend",
    "co_leader",
    "other_co_leader",
    "other_member",
    "broker",
    "admin",
]


def person(world, name):
    return AnonymousUser() if name == "anonymous" else getattr(world, name)


def expect(allowed: set[str]):
    return [pytest.param(name, name in allowed, id=name) for name in PEOPLE]


@pytest.mark.parametrize(("who", "allowed"), expect({"author", "member", "co_leader"}))
def test_can_create_artefact(world, who, allowed):
    assert permissions.can_create_artefact(person(world, who), world.network) is allowed


def test_nobody_creates_artefacts_in_a_closed_network(world):
    world.network.status = "closed"

    assert not permissions.can_create_artefact(world.co_leader, world.network)


@pytest.mark.parametrize(("who", "allowed"), expect(set(PEOPLE)))
def test_can_read_public_artefact(world, make_artefact, who, allowed):
    artefact = make_artefact(visibility="public")
    assert permissions.can_read_live_artefact(person(world, who), artefact) is allowed


@pytest.mark.parametrize(("who", "allowed"), expect(set(PEOPLE) - {"anonymous"}))
def test_can_read_members_only_artefact(world, make_artefact, who, allowed):
    artefact = make_artefact(visibility="members")
    assert permissions.can_read_live_artefact(person(world, who), artefact) is allowed


@pytest.mark.parametrize(
    ("who", "allowed"),
    expect({"author", "member", "critical_friend", "co_leader", "broker", "admin"}),
)
def test_can_read_network_only_artefact(world, make_artefact, who, allowed):
    artefact = make_artefact(visibility="network")
    assert permissions.can_read_live_artefact(person(world, who), artefact) is allowed


@pytest.mark.parametrize(("who", "allowed"), expect(set()))
def test_nobody_reads_a_draft_as_a_published_page(world, make_draft, who, allowed):
    artefact = make_draft(visibility="public")
    assert permissions.can_read_live_artefact(person(world, who), artefact) is allowed


@pytest.mark.parametrize(("who", "allowed"), expect({"author", "co_leader", "admin"}))
def test_can_view_draft(world, make_draft, who, allowed):
    artefact = make_draft()
    assert permissions.can_view_draft(person(world, who), artefact) is allowed


@pytest.mark.parametrize(("who", "allowed"), expect({"author", "co_leader", "admin"}))
def test_can_edit_artefact(world, make_draft, who, allowed):
    artefact = make_draft()
    assert permissions.can_edit_artefact(person(world, who), artefact) is allowed


def test_a_contributor_from_the_network_can_edit(world, make_draft):
    artefact = make_draft(
        contributors=[{"user": world.author, "name": "A"}, {"user": world.member, "name": "B"}]
    )
    assert permissions.can_edit_artefact(world.member, artefact)


def test_an_author_who_left_the_network_cannot_edit(world, make_draft):
    from django.utils import timezone

    from networks.models import Membership

    artefact = make_draft()
    Membership.objects.filter(user=world.author).update(left_at=timezone.now())

    assert not permissions.can_edit_artefact(world.author, artefact)


def test_nobody_edits_in_a_closed_network(world, make_draft):
    artefact = make_draft()
    world.network.status = "closed"
    world.network.save()
    artefact.refresh_from_db()

    assert not permissions.can_edit_artefact(world.author, artefact)


@pytest.mark.parametrize(("who", "allowed"), expect({"author"}))
def test_can_submit(world, make_draft, who, allowed):
    artefact = make_draft()
    moderation = ArtefactModeration.objects.get(artefact=artefact)
    assert permissions.can_submit(person(world, who), artefact, moderation) is allowed


@pytest.mark.parametrize(("who", "allowed"), expect({"co_leader"}))
def test_can_approve(world, make_draft, who, allowed):
    artefact = make_draft()
    moderation = ArtefactModeration.objects.get(artefact=artefact)
    moderation.status = ModerationStatus.SUBMITTED
    moderation.submitted_by = world.author
    moderation.submitted_revision = artefact.latest_revision
    moderation.save()
    assert permissions.can_approve(person(world, who), artefact, moderation) is allowed


def test_nobody_approves_an_artefact_that_was_not_submitted(world, make_draft):
    artefact = make_draft()
    moderation = ArtefactModeration.objects.get(artefact=artefact)

    assert not permissions.can_approve(world.co_leader, artefact, moderation)


@pytest.mark.parametrize(
    ("who", "allowed"),
    expect({"author", "member", "critical_friend", "co_leader", "broker", "admin"}),
)
def test_can_download_a_network_only_artefacts_document(world, make_artefact, who, allowed):
    from artefacts.factories import sample_pdf

    artefact = make_artefact(visibility="network", documents=[sample_pdf()])
    document_id = next(iter(artefact.resource_ids("document")))
    assert (
        permissions.can_download(person(world, who), artefact, kind="document", file_id=document_id)
        is allowed
    )


# --- Spreading: “we tried this” and adapting -----------------------------------------------------


@pytest.mark.parametrize(("who", "allowed"), expect(set(PEOPLE) - {"anonymous", "author"}))
def test_can_record_trial_of_a_public_artefact(world, make_artefact, who, allowed):
    artefact = make_artefact(visibility="public")
    assert permissions.can_record_trial(person(world, who), artefact) is allowed


@pytest.mark.parametrize(
    ("who", "allowed"), expect({"member", "critical_friend", "co_leader", "broker", "admin"})
)
def test_can_record_trial_of_a_network_only_artefact(world, make_artefact, who, allowed):
    artefact = make_artefact(visibility="network")
    assert permissions.can_record_trial(person(world, who), artefact) is allowed


@pytest.mark.parametrize(("who", "allowed"), expect(set()))
def test_nobody_records_trying_a_draft(world, make_draft, who, allowed):
    artefact = make_draft()
    assert permissions.can_record_trial(person(world, who), artefact) is allowed


@pytest.mark.parametrize(
    ("who", "allowed"),
    expect({"author", "member", "co_leader", "other_co_leader", "other_member"}),
)
def test_can_adapt_a_public_artefact(world, make_artefact, who, allowed):
    artefact = make_artefact(visibility="public")
    assert permissions.can_adapt_artefact(person(world, who), artefact) is allowed


@pytest.mark.parametrize(("who", "allowed"), expect({"author", "member", "co_leader"}))
def test_can_adapt_a_network_only_artefact(world, make_artefact, who, allowed):
    artefact = make_artefact(visibility="network")
    assert permissions.can_adapt_artefact(person(world, who), artefact) is allowed


@pytest.mark.parametrize(("who", "allowed"), expect(set()))
def test_nobody_adapts_an_all_rights_reserved_artefact(world, make_artefact, who, allowed):
    artefact = make_artefact(licence="all-rights-reserved")
    assert permissions.can_adapt_artefact(person(world, who), artefact) is allowed


@pytest.mark.parametrize(("who", "allowed"), expect(set()))
def test_nobody_adapts_a_draft(world, make_draft, who, allowed):
    artefact = make_draft()
    assert permissions.can_adapt_artefact(person(world, who), artefact) is allowed


@pytest.mark.parametrize(("who", "allowed"), expect({"other_co_leader", "other_member"}))
def test_can_adapt_a_members_only_artefact_into_another_network(world, make_artefact, who, allowed):
    artefact = make_artefact(visibility="members")
    assert permissions.can_adapt_into(person(world, who), artefact, world.other_network) is allowed


def test_a_network_only_artefact_cannot_be_adapted_into_another_network(world, make_artefact):
    from networks.factories import MembershipFactory

    artefact = make_artefact(visibility="network")
    MembershipFactory(network=world.other_network, user=world.member)

    assert permissions.can_adapt_into(world.member, artefact, world.network)
    assert not permissions.can_adapt_into(world.member, artefact, world.other_network)


def test_nobody_adapts_into_a_closed_network(world, make_artefact):
    artefact = make_artefact()
    world.other_network.status = "closed"
    world.other_network.save()

    assert not permissions.can_adapt_into(world.other_member, artefact, world.other_network)


# --- Moderating “we tried this” responses -----------------------------------------------------


@pytest.fixture
def make_trial(make_artefact):
    from artefacts.factories import ArtefactTrialFactory

    def make(user, artefact=None, **fields):
        return ArtefactTrialFactory(artefact=artefact or make_artefact(), user=user, **fields)

    return make


@pytest.mark.parametrize(("who", "allowed"), expect({"other_member"}))
def test_can_withdraw_trial(world, make_trial, who, allowed):
    trial = make_trial(world.other_member)
    assert permissions.can_withdraw_trial(person(world, who), trial) is allowed


@pytest.mark.parametrize(("who", "allowed"), expect(set()))
def test_nobody_withdraws_a_hidden_trial(world, make_trial, who, allowed):
    trial = make_trial(world.other_member, hidden=True)
    assert permissions.can_withdraw_trial(person(world, who), trial) is allowed


@pytest.mark.parametrize(("who", "allowed"), expect({"co_leader", "broker", "admin"}))
def test_can_hide_trial(world, make_trial, who, allowed):
    trial = make_trial(world.outsider)
    assert permissions.can_hide_trial(person(world, who), trial) is allowed


@pytest.mark.parametrize(("who", "allowed"), expect(set()))
def test_nobody_hides_a_trial_that_is_already_hidden(world, make_trial, who, allowed):
    trial = make_trial(world.outsider, hidden=True)
    assert permissions.can_hide_trial(person(world, who), trial) is allowed


@pytest.mark.parametrize(("who", "allowed"), expect({"co_leader", "broker", "admin"}))
def test_can_restore_trial(world, make_trial, who, allowed):
    trial = make_trial(world.outsider, hidden=True)
    assert permissions.can_restore_trial(person(world, who), trial) is allowed


@pytest.mark.parametrize(("who", "allowed"), expect(set()))
def test_nobody_restores_a_trial_that_is_shown(world, make_trial, who, allowed):
    trial = make_trial(world.outsider)
    assert permissions.can_restore_trial(person(world, who), trial) is allowed


@pytest.mark.parametrize(
    ("who", "allowed"), expect({"co_leader", "other_co_leader", "broker", "admin"})
)
def test_can_moderate_any_trials(world, who, allowed):
    assert permissions.can_moderate_any_trials(person(world, who)) is allowed


def test_nobody_hides_their_own_trial(world, make_trial):
    trial = make_trial(world.broker)

    assert not permissions.can_hide_trial(world.broker, trial)
    assert permissions.can_hide_trial(world.admin, trial)


def test_nobody_shows_their_own_hidden_trial_again(world, make_trial):
    trial = make_trial(world.broker, hidden=True)

    assert not permissions.can_restore_trial(world.broker, trial)
    assert permissions.can_restore_trial(world.admin, trial)


def test_a_co_leader_who_is_an_author_does_not_hide_trials_of_their_artefact(
    world, make_artefact, make_trial
):
    artefact = make_artefact(owner=world.co_leader)
    trial = make_trial(world.outsider, artefact=artefact)

    assert not permissions.can_hide_trial(world.co_leader, trial)
    assert permissions.can_hide_trial(world.second_co_leader, trial)


def test_only_brokers_and_admins_hide_trials_in_a_closed_network(world, make_trial):
    trial = make_trial(world.outsider)
    world.network.status = "closed"
    world.network.save()
    trial.artefact.network = world.network

    assert not permissions.can_hide_trial(world.co_leader, trial)
    assert permissions.can_hide_trial(world.broker, trial)


def test_nobody_changes_a_trial_once_it_is_hidden(world, make_trial):
    trial = make_trial(world.other_member, hidden=True)

    assert permissions.can_record_trial(world.other_member, trial.artefact)
    assert not permissions.can_record_trial(world.other_member, trial.artefact, existing=trial)
