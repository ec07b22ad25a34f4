"""Query budgets: the artefact page with “we tried this” responses and lineage, and the lists
with their tried counts, run as many queries with 10 of each as with 2."""

import pytest

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from artefacts.factories import ArtefactPageFactory, ArtefactTrialFactory
from core.accounts.factories import UserFactory
from networks.factories import ActiveNetworkFactory, MembershipFactory, SchoolFactory


@pytest.fixture(autouse=True)
def render_every_request(settings):
    """These tests count the queries of rendering a page: no anonymous copy from the page cache."""
    settings.PAGE_CACHE_ENABLED = False


def count_queries(client, url) -> int:
    """The queries of the whole page: nothing kept from an earlier request in the page cache."""
    caches[settings.PAGE_CACHE_ALIAS].clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def sign_in_as(client, world, who):
    if who != "anonymous":
        client.force_login(getattr(world, who))


def add_trials(artefact, count):
    """Responses from teachers in as many different networks and schools."""
    for _ in range(count):
        membership = MembershipFactory(network=ActiveNetworkFactory(), school=SchoolFactory())
        ArtefactTrialFactory(
            artefact=artefact,
            user=membership.user,
            network=membership.network,
            school=membership.school,
        )


def add_adaptations(original, count):
    """Published adaptations in other networks, by their own members."""
    for _ in range(count):
        membership = MembershipFactory(network=ActiveNetworkFactory())
        ArtefactPageFactory(
            network=membership.network,
            owner=membership.user,
            adapted_from=original,
            what_we_changed="<p>A different age group.</p>",
        )


@pytest.mark.parametrize("who", ["anonymous", "other_member", "co_leader", "broker"])
def test_artefact_page_runs_as_many_queries_with_10_responses_and_adaptations_as_with_2(
    client, world, make_artefact, theme, who
):
    earlier = make_artefact(title="Where it started")
    artefact = make_artefact(
        themes=[theme], adapted_from=earlier, what_we_changed="<p>Another school.</p>"
    )
    sign_in_as(client, world, who)
    add_trials(artefact, 2)
    add_adaptations(artefact, 2)
    client.get(artefact.url)  # warm the site-root cache
    few = count_queries(client, artefact.url)

    add_trials(artefact, 8)
    add_adaptations(artefact, 8)
    many = count_queries(client, artefact.url)

    html = client.get(artefact.url).content.decode()
    assert "Tried by 10 teachers" in html
    assert html.count('class="card artefact-card"') >= 10
    assert many == few


@pytest.mark.parametrize("url", ["/artefacts/", "network"])
def test_lists_run_as_many_queries_with_10_tried_artefacts_as_with_2(client, world, url):
    url = f"/networks/{world.network.slug}/artefacts/" if url == "network" else url

    def grow(count):
        for _ in range(count):
            artefact = ArtefactPageFactory(network=world.network, owner=world.author)
            ArtefactTrialFactory(artefact=artefact, user=UserFactory())

    grow(2)
    client.get(url)
    few = count_queries(client, url)
    grow(8)
    many = count_queries(client, url)

    assert "Tried by 1 teacher" in client.get(url).content.decode()
    assert many == few


def test_network_profile_runs_as_many_queries_with_10_tried_artefacts_as_with_2(client, world):
    def grow(count):
        for _ in range(count):
            artefact = ArtefactPageFactory(network=world.network, owner=world.author)
            ArtefactTrialFactory(artefact=artefact, user=UserFactory())

    grow(2)
    client.get(world.network.url)
    few = count_queries(client, world.network.url)
    grow(8)
    many = count_queries(client, world.network.url)

    assert many == few
