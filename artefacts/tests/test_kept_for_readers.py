"""What a signed-in reader is shown of other artefacts (the related panel, the lineage, a
network profile's latest artefacts) is kept with the page per audience (artefacts.selectors.
reader_audience): the next reader of the same audience is shown it without it being worked out
again, and a reader of another audience never is. Who wrote it is kept by revision."""

import pytest

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from artefacts import services
from artefacts.models import ArtefactContributor, ArtefactPage
from artefacts.permissions import author_ids
from artefacts.selectors import reader_audience, reader_audience_in
from tests.pages import html_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("who", "expected"),
    [("outsider", "public"), ("broker", "all"), ("admin", "all")],
)
def test_reader_audience_of_people_outside_networks(world, who, expected):
    assert reader_audience(getattr(world, who)) == expected


def test_reader_audience_of_an_anonymous_visitor_is_the_public():
    assert reader_audience(AnonymousUser()) == "public"


def test_reader_audience_of_a_member_names_their_networks(world):
    assert reader_audience(world.member) == f"members:{world.network.pk}"


def test_an_inactive_member_reads_as_the_public(world):
    world.member.is_active = False
    assert reader_audience(world.member) == "public"


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("member", "all"),
        ("co_leader", "all"),
        ("other_member", "members"),
        ("outsider", "public"),
        ("broker", "all"),
    ],
)
def test_reader_audience_among_one_networks_artefacts(world, who, expected):
    assert reader_audience_in(getattr(world, who), world.network) == expected


def test_a_related_artefact_kept_for_one_network_never_shows_to_another(
    world, make_artefact, theme
):
    artefact = make_artefact(title="Reading", themes=[theme])
    make_artefact(
        network=world.other_network,
        owner=world.other_member,
        title="Their own cousin",
        themes=[theme],
        visibility="network",
    )

    assert "Their own cousin" in html_for(world.other_member, artefact.url)
    assert "Their own cousin" not in html_for(world.member, artefact.url)
    assert "Their own cousin" not in html_for(world.outsider, artefact.url)


def test_the_next_reader_of_the_same_audience_is_shown_the_kept_related_panel(
    world, make_artefact, theme
):
    artefact = make_artefact(title="Reading", themes=[theme])
    cousin = make_artefact(title="Exit tickets", themes=[theme], visibility="network")
    html_for(world.member, artefact.url)
    # Renamed without the signals that purge pages: only a reader whose panel is worked out
    # afresh is shown the new title.
    ArtefactPage.objects.filter(pk=cousin.pk).update(title="Exit tickets, renamed")

    assert "Exit tickets, renamed" not in html_for(world.author, artefact.url)
    assert "Exit tickets, renamed" in html_for(world.broker, artefact.url)


def test_a_new_network_only_artefact_on_the_theme_reaches_the_kept_panel_after_commit(
    world, make_artefact, theme, django_capture_on_commit_callbacks
):
    artefact = make_artefact(title="Reading", themes=[theme], visibility="network")
    assert "Exit tickets that shape tomorrow" not in html_for(world.member, artefact.url)

    with django_capture_on_commit_callbacks(execute=True):
        make_artefact(
            network=world.network,
            title="Exit tickets that shape tomorrow",
            themes=[theme],
            visibility="network",
        )

    assert "Exit tickets that shape tomorrow" in html_for(world.member, artefact.url)


def test_a_new_adaptation_reaches_the_kept_lineage_at_once(world, make_artefact):
    original = make_artefact(title="Live marking")
    html_for(world.member, original.url)

    make_artefact(title="Live marking in Key Stage 1", adapted_from=original, visibility="network")

    assert "Live marking in Key Stage 1" in html_for(world.member, original.url)


def test_network_only_artefacts_kept_on_the_profile_for_its_members_never_show_to_others(
    world, make_artefact
):
    make_artefact(title="Our own trial", visibility="network")

    assert "Our own trial" in html_for(world.member, world.network.url)
    assert "Our own trial" not in html_for(world.other_member, world.network.url)
    assert "Our own trial" not in html_for(world.outsider, world.network.url)


def test_a_new_artefact_reaches_the_kept_profile_at_once(world, make_artefact):
    html_for(world.member, world.network.url)

    make_artefact(title="Our second trial", visibility="network")

    assert "Our second trial" in html_for(world.member, world.network.url)


def test_the_latest_revisions_contributors_are_read_once(world, make_artefact):
    artefact = make_artefact()
    artefact.save_revision()
    author_ids(ArtefactPage.objects.get(pk=artefact.pk))
    fresh = ArtefactPage.objects.get(pk=artefact.pk)

    with CaptureQueriesContext(connection) as queries:
        ids = author_ids(fresh)

    assert (len(queries), world.author.pk in ids) == (0, True)


def test_a_contributor_named_in_a_new_revision_is_an_author_at_once(world, make_artefact):
    artefact = make_artefact()
    artefact.save_revision()
    author_ids(ArtefactPage.objects.get(pk=artefact.pk))
    artefact.contributors.add(ArtefactContributor(user=world.other_member, name="Guest writer"))
    artefact.save_revision()

    assert world.other_member.pk in author_ids(ArtefactPage.objects.get(pk=artefact.pk))


ANSWERS = {
    "context": "Two Year 4 classes at Pennine Primary, over half a term.",
    "outcome": "partly",
    "note": "Spoken feedback worked; the editing time was too short for our pupils.",
}


def test_a_new_response_reaches_the_kept_responses_at_once(world, make_artefact):
    artefact = make_artefact()
    html_for(world.member, artefact.url)

    services.record_trial(artefact=artefact, by=world.other_member, **ANSWERS)

    assert "Spoken feedback worked" in html_for(world.member, artefact.url)


def test_a_hidden_response_leaves_the_kept_responses_at_once(world, make_artefact):
    artefact = make_artefact()
    trial, _ = services.record_trial(artefact=artefact, by=world.other_member, **ANSWERS)
    assert "Spoken feedback worked" in html_for(world.member, artefact.url)

    services.hide_trial(artefact=artefact, trial_id=trial.pk, by=world.co_leader, reason="Names.")

    assert "Spoken feedback worked" not in html_for(world.member, artefact.url)


def test_only_its_writer_is_offered_to_withdraw_a_kept_response(world, make_artefact):
    artefact = make_artefact()
    services.record_trial(artefact=artefact, by=world.other_member, **ANSWERS)

    assert "Withdraw your response" in html_for(world.other_member, artefact.url)
    assert "Withdraw your response" not in html_for(world.member, artefact.url)


def test_a_privacy_restriction_takes_an_artefact_out_of_kept_panels_after_commit(
    world, make_artefact, theme, django_capture_on_commit_callbacks
):
    artefact = make_artefact(title="Reading", themes=[theme])
    cousin = make_artefact(title="Exit tickets", themes=[theme], visibility="network")
    assert "Exit tickets" in html_for(world.member, artefact.url)

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=cousin, restriction_type=PageViewRestriction.LOGIN)

    assert "Exit tickets" not in html_for(world.member, artefact.url)
