"""The network directory at /networks/: filters, search by name, pagination, bounded queries."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.vocabulary import Phase, Region
from networks.directory import NETWORKS_PER_PAGE
from networks.factories import (
    ActiveNetworkFactory,
    NetworkPageFactory,
    NetworkSchoolFactory,
    SchoolFactory,
    ThemeFactory,
)
from networks.models import NetworkStatus

pytestmark = pytest.mark.django_db

DIRECTORY = "/networks/"


def titles(response) -> list[str]:
    return [network.title for network in response.context["networks"]]


def network_with_school(title, **school_fields):
    network = ActiveNetworkFactory(title=title)
    NetworkSchoolFactory(network=network, school=SchoolFactory(**school_fields))
    return network


def test_lists_live_networks_in_name_order(client):
    NetworkPageFactory(title="Tyne Maths Network")
    NetworkPageFactory(title="Avon Reading Network")

    response = client.get(DIRECTORY)

    assert titles(response) == ["Avon Reading Network", "Tyne Maths Network"]


def test_draft_networks_are_not_listed(client):
    NetworkPageFactory(title="Unpublished Network", live=False)

    assert "Unpublished Network" not in titles(client.get(DIRECTORY))


def test_search_by_name_ignores_case(client):
    NetworkPageFactory(title="Mersey Feedback Network")
    NetworkPageFactory(title="Pennine Enquiry Network")

    response = client.get(DIRECTORY, {"q": "feedback"})

    assert titles(response) == ["Mersey Feedback Network"]


def test_filter_by_region_matches_current_member_schools(client):
    network_with_school("Northern Network", region="North East")
    network_with_school("Southern Network", region="South West")

    response = client.get(DIRECTORY, {"region": "North East"})

    assert titles(response) == ["Northern Network"]


def test_filter_by_region_ignores_schools_that_have_left(client):
    network = ActiveNetworkFactory(title="Moved On Network")
    NetworkSchoolFactory(
        network=network,
        school=SchoolFactory(region="London"),
        joined_on="2020-01-01",
        left_on="2022-01-01",
    )
    network_with_school("Still Here Network", region="London")

    response = client.get(DIRECTORY, {"region": "London"})

    assert titles(response) == ["Still Here Network"]


def test_filter_by_phase(client):
    network_with_school("Primary Network", phase=Phase.PRIMARY)
    network_with_school("Secondary Network", phase=Phase.SECONDARY)

    response = client.get(DIRECTORY, {"phase": Phase.SECONDARY})

    assert titles(response) == ["Secondary Network"]


def test_filter_by_focus_theme(client):
    oracy = ThemeFactory(name="Oracy")
    NetworkPageFactory(title="Talking Network", themes=[oracy])
    NetworkPageFactory(title="Quiet Network", themes=[ThemeFactory(name="Transition")])

    response = client.get(DIRECTORY, {"theme": oracy.slug})

    assert titles(response) == ["Talking Network"]


def test_filter_by_status(client):
    NetworkPageFactory(title="Forming Network")
    ActiveNetworkFactory(title="Active Network")

    response = client.get(DIRECTORY, {"status": NetworkStatus.ACTIVE})

    assert titles(response) == ["Active Network"]


def test_filters_combine(client):
    network_with_school("Northern Primary Network", region="North East", phase=Phase.PRIMARY)
    network_with_school("Northern Secondary Network", region="North East", phase=Phase.SECONDARY)
    network_with_school("Southern Primary Network", region="South West", phase=Phase.PRIMARY)

    response = client.get(DIRECTORY, {"region": "North East", "phase": Phase.PRIMARY})

    assert titles(response) == ["Northern Primary Network"]


def test_a_network_with_several_matching_schools_is_listed_once(client):
    network = network_with_school("Busy Network", region="London")
    NetworkSchoolFactory(network=network, school=SchoolFactory(region="London"))

    response = client.get(DIRECTORY, {"region": "London"})

    assert titles(response) == ["Busy Network"]


def test_unknown_filter_values_are_ignored_not_an_error(client):
    NetworkPageFactory(title="Any Network")

    response = client.get(DIRECTORY, {"status": "bogus", "theme": "no-such-theme", "page": "x"})

    assert response.status_code == 200
    assert titles(response) == ["Any Network"]


def test_no_match_says_so_and_offers_every_network(client):
    NetworkPageFactory(title="Any Network")

    response = client.get(DIRECTORY, {"q": "nothing like this"})

    assert "No network matches these filters" in response.content.decode()


def test_region_and_phase_choices_are_the_vocabularys_whatever_schools_are_in_networks(client):
    network_with_school("Northern Network", region="North East", phase=Phase.EARLY_YEARS)

    form = client.get(DIRECTORY).context["filter_form"]

    assert form.fields["region"].choices == [("", "Any"), *Region.choices]
    assert form.fields["phase"].choices == [("", "Any"), *Phase.choices]


def test_an_old_register_phase_in_the_address_is_ignored_rather_than_failing(client):
    network_with_school("Nursery Network", phase=Phase.EARLY_YEARS)

    response = client.get(DIRECTORY, {"phase": "Nursery"})

    assert response.status_code == 200
    assert titles(response) == ["Nursery Network"]


def test_paginates_and_keeps_the_filters_in_the_page_links(client):
    for number in range(NETWORKS_PER_PAGE + 1):
        ActiveNetworkFactory(title=f"Active Network {number:02}")

    response = client.get(DIRECTORY, {"status": NetworkStatus.ACTIVE, "page": 2})

    assert titles(response) == [f"Active Network {NETWORKS_PER_PAGE:02}"]
    assert "status=active" in response.content.decode()


def test_a_page_past_the_end_shows_the_last_page(client):
    NetworkPageFactory(title="Only Network")

    response = client.get(DIRECTORY, {"page": 99})

    assert response.status_code == 200
    assert titles(response) == ["Only Network"]


def count_directory_queries(client) -> int:
    client.get(DIRECTORY)  # warm the per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(DIRECTORY).status_code == 200
    return len(queries)


def test_directory_runs_the_same_queries_for_5_or_50_networks(client):
    theme = ThemeFactory(name="Assessment for learning")
    for number in range(5):
        network_with_school(f"Few {number}", region="London").themes.add(theme)
    few = count_directory_queries(client)
    for number in range(45):
        network_with_school(f"More {number}", region="London").themes.add(theme)

    assert count_directory_queries(client) == few


def results_heading(response) -> str:
    html = response.content.decode()
    start = html.index('id="results-heading"')
    return " ".join(html[html.index(">", start) + 1 : html.index("</h2>", start)].split())


def test_the_count_of_one_matching_network_is_singular(client):
    network_with_school("Northern Network", region="North East")

    response = client.get(DIRECTORY, {"region": "North East"})

    assert results_heading(response) == "1 network matches your filters"


def test_the_count_of_two_matching_networks_is_plural(client):
    network_with_school("Northern Network", region="North East")
    network_with_school("Wear Network", region="North East")

    response = client.get(DIRECTORY, {"region": "North East"})

    assert results_heading(response) == "2 networks match your filters"
