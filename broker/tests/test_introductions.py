"""Connecting networks: suggestions, introductions, and accepting them."""

import pytest

from django.core import mail

from artefacts.factories import ArtefactPageFactory, ArtefactTrialFactory
from artefacts.models import TrialOutcome
from broker.models import Introduction
from broker.selectors.connections import suggestions_for
from broker.services.introductions import accept_introduction, send_introduction
from broker.spread.figures import compute_spread
from core.errors import ActionRefused, NotAllowed
from core.notifications.models import Notification
from networks.factories import ActiveNetworkFactory, CoLeaderFactory, MembershipFactory


@pytest.fixture
def themed(world, theme):
    """Mersey focuses on the theme and has published nothing on it; Pennine has two artefacts
    on it (rated 4 and 2), one of which worked for a teacher elsewhere; Tyne has one (rated 5)."""
    world.network.themes.set([theme])
    world.network.save()
    pennine = world.other_network
    first = ArtefactPageFactory(
        network=pennine, owner=world.other_member, themes=[theme], evidence_strength=4
    )
    ArtefactPageFactory(
        network=pennine, owner=world.other_member, themes=[theme], evidence_strength=2
    )
    ArtefactTrialFactory(artefact=first, outcome=TrialOutcome.WORKED)
    tyne = ActiveNetworkFactory(title="Tyne Network")
    ArtefactPageFactory(
        network=tyne, owner=MembershipFactory(network=tyne).user, themes=[theme],
        evidence_strength=5,
    )  # fmt: skip
    return tyne


def test_suggestions_rank_networks_that_published_most_and_strongest_on_a_weak_theme(world, themed):
    suggestions = suggestions_for(world.network)

    # Pennine: 2 artefacts × 2 + strength 3 + 1 worked = 8; Tyne: 1 × 2 + 5 = 7.
    assert [s.network.title for s in suggestions] == ["Pennine Enquiry Network", "Tyne Network"]
    assert [s.score for s in suggestions] == [8, 7]
    assert "It published 2 artefacts on Assessment for learning" in suggestions[0].reason
    assert "said it worked 1 time" in suggestions[0].reason


def test_a_network_already_introduced_is_not_suggested_again(world, themed):
    send_introduction(
        by=world.broker, learner=world.network, source=world.other_network, reason="Meet."
    )

    assert [s.network.title for s in suggestions_for(world.network)] == ["Tyne Network"]


def test_a_network_without_focus_themes_has_no_suggestions(world, themed):
    world.network.themes.set([])
    world.network.save()

    assert suggestions_for(world.network) == []


def test_an_introduction_tells_both_networks_co_leaders_in_the_app_and_by_email(
    world, themed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        introduction = send_introduction(
            by=world.broker,
            learner=world.network,
            source=world.other_network,
            reason="Pennine cracked live marking.",
        )

    told = set(Notification.objects.values_list("recipient__email", flat=True))
    co_leaders = {
        m.user.email
        for network in (world.network, world.other_network)
        for m in network.memberships.filter(role="co_leader")
    }
    assert told == co_leaders
    assert len(mail.outbox) == 4
    assert "Pennine cracked live marking." in mail.outbox[0].body
    assert f"/introductions/{introduction.pk}/" in mail.outbox[0].body


@pytest.mark.parametrize("who", ["co_leader", "member", "admin"])
def test_only_brokers_send_introductions(world, who):
    with pytest.raises(NotAllowed):
        send_introduction(
            by=getattr(world, who),
            learner=world.network,
            source=world.other_network,
            reason="Meet.",
        )


def test_an_introduction_needs_a_reason(world):
    with pytest.raises(ActionRefused) as refusal:
        send_introduction(
            by=world.broker, learner=world.network, source=world.other_network, reason=" "
        )

    assert "reason" in refusal.value.field_errors
    assert not Introduction.objects.exists()


def test_a_network_is_not_introduced_to_itself(world):
    with pytest.raises(NotAllowed, match="not to itself"):
        send_introduction(
            by=world.broker, learner=world.network, source=world.network, reason="Meet."
        )


def test_the_same_pair_is_not_introduced_twice(world):
    send_introduction(
        by=world.broker, learner=world.network, source=world.other_network, reason="A"
    )

    with pytest.raises(ActionRefused, match="has been introduced to"):
        send_introduction(
            by=world.broker, learner=world.network, source=world.other_network, reason="B"
        )


def test_a_co_leader_accepts_for_their_network_and_the_others_are_told(world):
    introduction = send_introduction(
        by=world.broker, learner=world.network, source=world.other_network, reason="Meet."
    )
    Notification.objects.all().delete()

    accept_introduction(introduction=introduction, network=world.network, by=world.co_leader)

    introduction.refresh_from_db()
    assert introduction.learner_accepted_by == world.co_leader
    assert not introduction.source_accepted
    told = set(Notification.objects.values_list("recipient_id", flat=True))
    pennine_leaders = set(
        world.other_network.memberships.filter(role="co_leader").values_list("user_id", flat=True)
    )
    assert told == pennine_leaders | {world.broker.pk}


def test_a_member_who_is_not_a_co_leader_cannot_accept(world):
    introduction = send_introduction(
        by=world.broker, learner=world.network, source=world.other_network, reason="Meet."
    )

    with pytest.raises(NotAllowed, match="Only a co-leader"):
        accept_introduction(introduction=introduction, network=world.network, by=world.member)


def test_a_co_leader_cannot_accept_for_the_other_network(world):
    introduction = send_introduction(
        by=world.broker, learner=world.network, source=world.other_network, reason="Meet."
    )

    with pytest.raises(NotAllowed):
        accept_introduction(
            introduction=introduction, network=world.other_network, by=world.co_leader
        )


def test_accepting_twice_is_refused(world):
    introduction = send_introduction(
        by=world.broker, learner=world.network, source=world.other_network, reason="Meet."
    )
    accept_introduction(introduction=introduction, network=world.network, by=world.co_leader)
    second = CoLeaderFactory(network=world.network).user

    with pytest.raises(NotAllowed, match="accepted this introduction already"):
        accept_introduction(introduction=introduction, network=world.network, by=second)


def test_an_accepted_introduction_counts_in_the_spread(world):
    introduction = send_introduction(
        by=world.broker, learner=world.network, source=world.other_network, reason="Meet."
    )
    accept_introduction(introduction=introduction, network=world.network, by=world.co_leader)

    links = compute_spread()["network_map"]["links"]

    assert [(link["learner_title"], link["kinds"]) for link in links] == [
        ("Mersey Feedback Network", {"introduction": 1})
    ]


def test_an_introduction_is_not_counted_before_the_learning_network_accepts(world):
    send_introduction(
        by=world.broker, learner=world.network, source=world.other_network, reason="Meet."
    )

    assert compute_spread()["network_map"]["links"] == []


@pytest.mark.parametrize(("who", "status"), [("other_member", 404), ("outsider", 404)])
def test_an_introduction_page_is_for_the_two_networks_co_leaders(client, world, who, status):
    introduction = send_introduction(
        by=world.broker, learner=world.network, source=world.other_network, reason="Meet."
    )
    client.force_login(getattr(world, who))

    assert client.get(f"/introductions/{introduction.pk}/").status_code == status


def test_a_co_leader_accepts_through_the_page(client, world):
    introduction = send_introduction(
        by=world.broker, learner=world.network, source=world.other_network, reason="Meet."
    )
    client.force_login(world.other_co_leader)

    page = client.get(f"/introductions/{introduction.pk}/").content.decode()
    client.post(f"/introductions/{introduction.pk}/accept/", {"network": world.other_network.pk})

    assert "Accept for Pennine Enquiry Network" in page
    introduction.refresh_from_db()
    assert introduction.source_accepted


def test_the_broker_sends_an_introduction_from_the_suggestions_page(client, world, themed):
    client.force_login(world.broker)

    page = client.get(f"/broker/connect/{world.network.slug}/").content.decode()
    response = client.post(
        f"/broker/connect/{world.network.slug}/",
        {"source": themed.pk, "reason": "Tyne's evidence is the strongest."},
    )

    assert "Tyne Network" in page
    assert response.status_code == 302
    assert Introduction.objects.get().source == themed


def test_the_network_profile_offers_brokers_the_suggestions(client, world):
    client.force_login(world.broker)

    html = client.get(world.network.url).content.decode()

    assert f"/broker/connect/{world.network.slug}/" in html
