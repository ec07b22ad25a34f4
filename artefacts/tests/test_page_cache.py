"""Anonymous visitors read artefacts from the page cache (core.pagecache); every change that an
artefact's pages show purges them."""

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from artefacts import services
from artefacts.models import Visibility

from .helpers import revise, submitted

pytestmark = pytest.mark.django_db

ANSWERS = {
    "context": "Two Year 4 classes at Pennine Primary, over half a term.",
    "outcome": "partly",
    "note": "Spoken feedback worked; the editing time was too short for our pupils.",
}


def cache_state(url: str) -> str | None:
    """What the page cache did for an anonymous visitor's request: "hit", "miss" or None."""
    return Client().get(url).get("X-Page-Cache")


def warmed(*urls) -> None:
    for url in urls:
        Client().get(url)
        assert cache_state(url) == "hit", url


def test_second_anonymous_request_for_an_artefact_runs_no_sql(make_artefact):
    artefact = make_artefact()
    Client().get(artefact.url)
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(artefact.url)
    assert response["X-Page-Cache"] == "hit"
    assert artefact.title in response.content.decode()
    assert len(queries) == 0


def test_signed_in_reader_is_never_served_the_cached_page(world, make_artefact):
    artefact = make_artefact()
    warmed(artefact.url)
    client = Client()
    client.force_login(world.member)
    response = client.get(artefact.url)
    assert response.get("X-Page-Cache") is None
    assert client.get(artefact.url).get("X-Page-Cache") is None


def test_members_only_artefact_is_never_cached(make_artefact):
    artefact = make_artefact(visibility=Visibility.MEMBERS)
    Client().get(artefact.url)
    assert cache_state(artefact.url) is None


def test_members_only_artefact_read_by_a_member_is_not_stored(world, make_artefact):
    artefact = make_artefact(visibility=Visibility.MEMBERS)
    client = Client()
    client.force_login(world.member)
    assert client.get(artefact.url).status_code == 200
    assert Client().get(artefact.url).get("X-Page-Cache") is None


def test_editing_and_republishing_purges_the_artefact_and_the_pages_listing_it(make_artefact):
    artefact = make_artefact()
    network_url = artefact.network.url
    lists = ("/artefacts/", "/feeds/artefacts/", "/sitemap.xml", "/sitemap-pages.xml", "/")
    warmed(artefact.url, network_url, *lists)
    artefact.title = "Live marking, second year"
    artefact.save_revision().publish()
    for url in (artefact.url, network_url, *lists):
        assert cache_state(url) == "miss", url
    assert "Live marking, second year" in Client().get(artefact.url).content.decode()


def test_unpublishing_purges_the_artefact_page(make_artefact):
    artefact = make_artefact()
    warmed(artefact.url, artefact.network.url)
    artefact.unpublish()
    assert Client().get(artefact.url).status_code == 404
    assert artefact.title not in Client().get(artefact.network.url).content.decode()


def test_making_an_artefact_network_only_purges_it_at_once(make_artefact):
    artefact = make_artefact()
    warmed(artefact.url, "/artefacts/")
    artefact.visibility = Visibility.NETWORK
    artefact.save_revision().publish()
    assert Client().get(artefact.url).status_code != 200
    assert artefact.title not in Client().get("/artefacts/").content.decode()


def test_approving_a_submitted_artefact_purges_its_network_profile(world):
    network_url = world.network.url
    warmed(network_url, "/artefacts/")
    artefact = submitted(world.network, world.author, title="Peer critique with Year 6")
    services.approve_artefact(artefact=artefact, by=world.co_leader)
    assert "Peer critique with Year 6" in Client().get(network_url).content.decode()
    assert "Peer critique with Year 6" in Client().get("/artefacts/").content.decode()


def test_saving_a_new_draft_leaves_the_published_words_on_the_purged_page(world, make_artefact):
    artefact = make_artefact()
    warmed(artefact.url)
    revise(artefact, world.author, title="A draft title nobody sees yet")
    assert "A draft title nobody sees yet" not in Client().get(artefact.url).content.decode()


def test_a_new_we_tried_this_purges_the_artefact_page(world, make_artefact):
    artefact = make_artefact()
    warmed(artefact.url)
    services.record_trial(artefact=artefact, by=world.other_member, **ANSWERS)
    response = Client().get(artefact.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Spoken feedback worked" in response.content.decode()


def test_hiding_a_we_tried_this_purges_the_artefact_page(world, make_artefact):
    artefact = make_artefact()
    trial, _ = services.record_trial(artefact=artefact, by=world.other_member, **ANSWERS)
    warmed(artefact.url)
    services.hide_trial(artefact=artefact, trial_id=trial.pk, by=world.co_leader, reason="Names.")
    assert "Spoken feedback worked" not in Client().get(artefact.url).content.decode()


def test_publishing_an_adaptation_purges_the_original(world, make_artefact):
    original = make_artefact()
    warmed(original.url)
    adaptation = services.adapt_artefact(
        original=original,
        network=world.other_network,
        by=world.other_member,
        what_we_changed="<p>We used it with Year 2.</p>",
        title="Live marking in Key Stage 1",
    )
    adaptation.save_revision().publish()
    assert "Live marking in Key Stage 1" in Client().get(original.url).content.decode()


def test_another_public_artefact_on_the_same_theme_is_purged_once_the_change_commits(
    make_artefact, theme, django_capture_on_commit_callbacks
):
    first = make_artefact(themes=[theme])
    warmed(first.url)
    with django_capture_on_commit_callbacks(execute=True):
        make_artefact(themes=[theme], title="Exit tickets that shape tomorrow")
    assert "Exit tickets that shape tomorrow" in Client().get(first.url).content.decode()


def test_the_request_leaves_purging_the_related_panels_to_the_worker(
    make_artefact, theme, django_capture_on_commit_callbacks
):
    related = [make_artefact(themes=[theme]) for _ in range(3)]
    warmed(*(artefact.url for artefact in related))
    with django_capture_on_commit_callbacks(execute=False) as after_commit:
        make_artefact(themes=[theme], title="Exit tickets that shape tomorrow")
    still_cached = [cache_state(artefact.url) for artefact in related]
    for callback in after_commit:
        callback()
    assert still_cached == ["hit", "hit", "hit"]
    assert [cache_state(artefact.url) for artefact in related] == ["miss", "miss", "miss"]


def test_a_change_to_one_artefact_leaves_an_unrelated_one_cached(make_artefact):
    first = make_artefact()
    other = make_artefact(network=first.network.__class__.objects.exclude(pk=first.network_id)[0])
    warmed(first.url)
    other.title = "Something else entirely"
    other.save_revision().publish()
    assert cache_state(first.url) == "hit"
