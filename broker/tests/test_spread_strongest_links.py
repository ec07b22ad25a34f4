"""The network of networks at national scale: the picture and its table keep the strongest links
and say how many there are in all; every link is in a CSV download the page never reads.

`three_learners` builds (counted by hand): Mersey publishes artefact A; three people of the
Strong network say they tried it, two of the Middling network and one of the Weak network. So
three links to Mersey, of weight 3, 2 and 1.
"""

import csv
import io

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from artefacts.factories import ArtefactPageFactory, ArtefactTrialFactory
from broker.models import SpreadSnapshot
from broker.services.spread import refresh_spread
from networks.factories import ActiveNetworkFactory, MembershipFactory

CSV_URL = "/broker/spread/links.csv"


def _tried(artefact, network, times: int) -> None:
    for _ in range(times):
        ArtefactTrialFactory(artefact=artefact, network=network)


@pytest.fixture
def three_learners(world, make_artefact):
    a = make_artefact(title="Artefact A")
    for title, times in (("Strong Network", 3), ("Middling Network", 2), ("Weak Network", 1)):
        _tried(a, ActiveNetworkFactory(title=title), times)
    return a


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def _grow(networks: int) -> None:
    """Each new network publishes an artefact that a new learner network tries."""
    for _ in range(networks):
        membership = MembershipFactory(network=ActiveNetworkFactory())
        artefact = ArtefactPageFactory(network=membership.network, owner=membership.user)
        _tried(artefact, ActiveNetworkFactory(), 1)


def _queries(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured.captured_queries)


def test_the_picture_keeps_the_strongest_links_and_counts_them_all(three_learners):
    snapshot = refresh_spread(map_links=2)

    network_map = snapshot.data["network_map"]
    assert [(link["learner_title"], link["weight"]) for link in network_map["links"]] == [
        ("Strong Network", 3),
        ("Middling Network", 2),
    ]
    assert network_map["links_in_all"] == 3


def test_the_picture_is_drawn_once_with_the_strongest_links(three_learners):
    snapshot = refresh_spread(map_links=2)

    svg = snapshot.network_map_svg
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "the 2 strongest of 3 links" in svg
    assert svg.count("<line ") == 2
    assert "Weak Network learned from" not in svg


def test_a_network_whose_links_are_not_drawn_still_counts_as_learned_from(world, three_learners):
    snapshot = refresh_spread(map_links=0)

    not_learned_from = {network["title"] for network in snapshot.data["not_learned_from"]}
    assert "Mersey Feedback Network" not in not_learned_from


def test_the_page_says_how_many_links_there_are_in_all(client, world, three_learners):
    refresh_spread(map_links=2)
    client.force_login(world.broker)

    html = client.get("/broker/spread/").content.decode()

    assert "The picture and the table show the 2 strongest of 3 links." in html
    assert "Who learned from whom (the 2 strongest of 3 links)" in html
    assert '<th scope="row">Middling Network</th>' in html
    assert '<th scope="row">Weak Network</th>' not in html
    assert "Download all 3 links (CSV)" in html


def test_the_page_says_nothing_about_strongest_links_when_it_shows_them_all(
    client, world, three_learners
):
    refresh_spread()
    client.force_login(world.broker)

    html = client.get("/broker/spread/").content.decode()

    assert "strongest" not in html
    assert "Who learned from whom (3 links)" in html
    assert '<th scope="row">Weak Network</th>' in html


def test_the_page_shows_the_newest_figures_not_the_ones_it_showed_before(
    client, world, three_learners
):
    refresh_spread(map_links=2)
    client.force_login(world.broker)
    client.get("/broker/spread/")
    _tried(three_learners, ActiveNetworkFactory(title="Newcomer Network"), 1)
    refresh_spread(map_links=2)

    html = client.get("/broker/spread/").content.decode()

    assert "the 2 strongest of 4 links" in html


def test_the_csv_download_has_every_link_the_strongest_first(client, world, three_learners):
    refresh_spread(map_links=2)
    client.force_login(world.broker)

    response = client.get(CSV_URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert _csv_rows(response) == [
        ["Network", "Learned from", "Adaptations", "We tried this", "Study visits",
         "Peer reviews", "Introductions accepted", "In all"],
        ["Strong Network", "Mersey Feedback Network", "0", "3", "0", "0", "0", "3"],
        ["Middling Network", "Mersey Feedback Network", "0", "2", "0", "0", "0", "2"],
        ["Weak Network", "Mersey Feedback Network", "0", "1", "0", "0", "0", "1"],
    ]  # fmt: skip


def test_the_csv_download_counts_the_figures_the_first_time(client, world, three_learners):
    client.force_login(world.broker)

    rows = _csv_rows(client.get(CSV_URL))

    assert len(rows) == 4
    assert SpreadSnapshot.objects.count() == 1


@pytest.mark.parametrize("who", ["co_leader", "member", "outsider"])
def test_only_brokers_and_admins_download_the_links(client, world, who):
    client.force_login(getattr(world, who))

    assert client.get(CSV_URL).status_code == 403


def test_the_page_reads_the_snapshot_without_every_link(client, world, three_learners):
    refresh_spread(map_links=2)
    client.force_login(world.broker)
    client.get("/broker/spread/")

    with CaptureQueriesContext(connection) as captured:
        client.get("/broker/spread/")

    snapshot_reads = [q["sql"] for q in captured.captured_queries if "spreadsnapshot" in q["sql"]]
    assert len(snapshot_reads) == 1
    assert "all_links" not in snapshot_reads[0]


def test_the_page_runs_as_many_queries_for_50_links_as_for_5_beyond_the_strongest(client, world):
    client.force_login(world.broker)
    _grow(5)
    refresh_spread(map_links=3)
    client.get("/broker/spread/")
    few = _queries(lambda: client.get("/broker/spread/"))

    _grow(45)
    refresh_spread(map_links=3)

    assert _queries(lambda: client.get("/broker/spread/")) == few


def test_the_csv_download_runs_as_many_queries_for_50_links_as_for_5(client, world):
    client.force_login(world.broker)
    _grow(5)
    refresh_spread()
    few = _queries(lambda: _csv_rows(client.get(CSV_URL)))

    _grow(45)
    refresh_spread()

    assert _queries(lambda: _csv_rows(client.get(CSV_URL))) == few
