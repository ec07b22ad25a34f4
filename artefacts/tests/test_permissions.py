"""The permission matrix: anonymous, outsider, members, co-leaders, another network's co-leader,
critical friend, broker and admin × every artefact rule, as one parametrised test; then the
rules' special cases, and the companion every rule has that says why not."""

import inspect
from dataclasses import dataclass

import pytest

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from artefacts import permissions
from artefacts.factories import ArtefactTrialFactory, sample_pdf
from artefacts.models import ArtefactModeration, ModerationStatus
from networks.factories import MembershipFactory
from networks.models import Membership

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
EVERYONE = set(PEOPLE)
READERS_OF_THE_NETWORK = {"author", "member", "critical_friend", "co_leader", "broker", "admin"}


def person(world, name):
    return AnonymousUser() if name == "anonymous" else getattr(world, name)


@dataclass
class Subjects:
    """What the rules are asked about, made in the world's network by its author."""

    world: object
    make_artefact: object
    make_draft: object

    def artefact(self, **fields):
        return self.make_artefact(**fields)

    def draft(self, **fields):
        return self.make_draft(**fields)

    def submitted(self):
        artefact = self.make_draft()
        moderation = ArtefactModeration.objects.get(artefact=artefact)
        moderation.status = ModerationStatus.SUBMITTED
        moderation.submitted_by = self.world.author
        moderation.submitted_revision = artefact.latest_revision
        moderation.save()
        return artefact, moderation

    def trial(self, writer, **fields):
        return ArtefactTrialFactory(
            artefact=self.make_artefact(), user=getattr(self.world, writer), **fields
        )


def _download(subjects, user, visibility="network"):
    artefact = subjects.artefact(visibility=visibility, documents=[sample_pdf()])
    document_id = next(iter(artefact.resource_ids("document")))
    return permissions.can_download(user, artefact, kind="document", file_id=document_id)


def _submit(subjects, user):
    artefact = subjects.draft()
    moderation = ArtefactModeration.objects.get(artefact=artefact)
    return permissions.can_submit(user, artefact, moderation)


# (rule, who may, question): each question makes its subject and asks about one person.
RULES = [
    (
        "create an artefact in the network",
        {"author", "member", "co_leader"},
        lambda s, user: permissions.can_create_artefact(user, s.world.network),
    ),
    (
        "read a public artefact",
        EVERYONE,
        lambda s, user: permissions.can_read_live_artefact(user, s.artefact(visibility="public")),
    ),
    (
        "read a members-only artefact",
        EVERYONE - {"anonymous", "outsider"},
        lambda s, user: permissions.can_read_live_artefact(user, s.artefact(visibility="members")),
    ),
    (
        "read a network-only artefact",
        READERS_OF_THE_NETWORK,
        lambda s, user: permissions.can_read_live_artefact(user, s.artefact(visibility="network")),
    ),
    (
        "read a draft as a published page",
        set(),
        lambda s, user: permissions.can_read_live_artefact(user, s.draft(visibility="public")),
    ),
    (
        "view a draft",
        {"author", "co_leader", "admin"},
        lambda s, user: permissions.can_view_draft(user, s.draft()),
    ),
    (
        "edit a draft",
        {"author", "co_leader", "admin"},
        lambda s, user: permissions.can_edit_artefact(user, s.draft()),
    ),
    ("submit a draft", {"author"}, _submit),
    (
        "approve a submitted draft",
        {"co_leader"},
        lambda s, user: permissions.can_approve(user, *s.submitted()),
    ),
    ("download a network-only artefact's document", READERS_OF_THE_NETWORK, _download),
    (
        "download a members-only artefact's document",
        EVERYONE - {"anonymous", "outsider"},
        lambda s, user: _download(s, user, visibility="members"),
    ),
    (
        "say they tried a public artefact",
        EVERYONE - {"anonymous", "author"},
        lambda s, user: permissions.can_record_trial(user, s.artefact(visibility="public")),
    ),
    (
        "say they tried a members-only artefact",
        EVERYONE - {"anonymous", "author", "outsider"},
        lambda s, user: permissions.can_record_trial(user, s.artefact(visibility="members")),
    ),
    (
        "say they tried a network-only artefact",
        {"member", "critical_friend", "co_leader", "broker", "admin"},
        lambda s, user: permissions.can_record_trial(user, s.artefact(visibility="network")),
    ),
    (
        "say they tried a draft",
        set(),
        lambda s, user: permissions.can_record_trial(user, s.draft()),
    ),
    (
        "adapt a public artefact",
        {"author", "member", "co_leader", "other_co_leader", "other_member"},
        lambda s, user: permissions.can_adapt_artefact(user, s.artefact(visibility="public")),
    ),
    (
        "adapt a network-only artefact",
        {"author", "member", "co_leader"},
        lambda s, user: permissions.can_adapt_artefact(user, s.artefact(visibility="network")),
    ),
    (
        "adapt an all-rights-reserved artefact",
        set(),
        lambda s, user: permissions.can_adapt_artefact(
            user, s.artefact(licence="all-rights-reserved")
        ),
    ),
    (
        "adapt a draft",
        set(),
        lambda s, user: permissions.can_adapt_artefact(user, s.draft()),
    ),
    (
        "adapt a members-only artefact into another network",
        {"other_co_leader", "other_member"},
        lambda s, user: permissions.can_adapt_into(
            user, s.artefact(visibility="members"), s.world.other_network
        ),
    ),
    (
        "withdraw a response",
        {"other_member"},
        lambda s, user: permissions.can_withdraw_trial(user, s.trial("other_member")),
    ),
    (
        "withdraw a hidden response",
        set(),
        lambda s, user: permissions.can_withdraw_trial(user, s.trial("other_member", hidden=True)),
    ),
    (
        "hide a response",
        {"co_leader", "broker", "admin"},
        lambda s, user: permissions.can_hide_trial(user, s.trial("outsider")),
    ),
    (
        "hide a hidden response",
        set(),
        lambda s, user: permissions.can_hide_trial(user, s.trial("outsider", hidden=True)),
    ),
    (
        "show a hidden response again",
        {"co_leader", "broker", "admin"},
        lambda s, user: permissions.can_restore_trial(user, s.trial("outsider", hidden=True)),
    ),
    (
        "show a shown response again",
        set(),
        lambda s, user: permissions.can_restore_trial(user, s.trial("outsider")),
    ),
    (
        "moderate responses somewhere",
        {"co_leader", "other_co_leader", "broker", "admin"},
        lambda s, user: permissions.can_moderate_any_trials(user),
    ),
]


@pytest.mark.parametrize(
    ("ask", "who", "allowed"),
    [
        pytest.param(ask, who, who in may, id=f"{rule}: {who}")
        for rule, may, ask in RULES
        for who in PEOPLE
    ],
)
def test_who_may(world, make_artefact, make_draft, ask, who, allowed):
    subjects = Subjects(world, make_artefact, make_draft)

    assert ask(subjects, person(world, who)) is allowed


def test_every_rule_says_why_not():
    rules = [name for name, _ in inspect.getmembers(permissions, inspect.isfunction)]

    assert [
        name
        for name in rules
        if name.startswith("can_") and f"why_not_{name.removeprefix('can_')}" not in rules
    ] == []


def test_a_refusal_says_why_in_the_rules_own_words(world, make_draft):
    artefact = make_draft()

    assert permissions.why_not_edit_artefact(world.member, artefact) == permissions.CANNOT_EDIT
    assert permissions.why_not_edit_artefact(world.author, artefact) is None


@pytest.fixture
def make_trial(make_artefact):
    def make(user, artefact=None, **fields):
        return ArtefactTrialFactory(artefact=artefact or make_artefact(), user=user, **fields)

    return make


def test_nobody_creates_artefacts_in_a_closed_network(world):
    world.network.status = "closed"

    assert not permissions.can_create_artefact(world.co_leader, world.network)


def test_a_contributor_from_the_network_can_edit(world, make_draft):
    artefact = make_draft(
        contributors=[{"user": world.author, "name": "A"}, {"user": world.member, "name": "B"}]
    )
    assert permissions.can_edit_artefact(world.member, artefact)


def test_an_author_who_left_the_network_cannot_edit(world, make_draft):
    artefact = make_draft()
    Membership.objects.filter(user=world.author).update(left_at=timezone.now())

    assert not permissions.can_edit_artefact(world.author, artefact)


def test_nobody_edits_in_a_closed_network(world, make_draft):
    artefact = make_draft()
    world.network.status = "closed"
    world.network.save()
    artefact.refresh_from_db()

    assert not permissions.can_edit_artefact(world.author, artefact)


def test_nobody_approves_an_artefact_that_was_not_submitted(world, make_draft):
    artefact = make_draft()
    moderation = ArtefactModeration.objects.get(artefact=artefact)

    assert not permissions.can_approve(world.co_leader, artefact, moderation)


def test_a_network_only_artefact_cannot_be_adapted_into_another_network(world, make_artefact):
    artefact = make_artefact(visibility="network")
    MembershipFactory(network=world.other_network, user=world.member)

    assert permissions.can_adapt_into(world.member, artefact, world.network)
    assert not permissions.can_adapt_into(world.member, artefact, world.other_network)


def test_nobody_adapts_into_a_closed_network(world, make_artefact):
    artefact = make_artefact()
    world.other_network.status = "closed"
    world.other_network.save()

    assert not permissions.can_adapt_into(world.other_member, artefact, world.other_network)


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
