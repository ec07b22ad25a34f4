"""The network profile at /networks/<slug>/: who, why, which schools, and each app's section."""

from datetime import date

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from core.vocabulary import Phase
from networks.factories import (
    CoLeaderFactory,
    MembershipFactory,
    NetworkPageFactory,
    NetworkSchoolFactory,
    SchoolFactory,
    ThemeFactory,
)
from networks.models import NetworkStatus

pytestmark = pytest.mark.django_db


def profile(client, network):
    response = client.get(network.url)
    assert response.status_code == 200
    return response.content.decode()


def test_shows_the_purpose_and_focus_themes(client):
    network = NetworkPageFactory(
        purpose="Closing the gap in early reading.", themes=[ThemeFactory(name="Early reading")]
    )

    html = profile(client, network)

    assert "Closing the gap in early reading." in html
    assert "Early reading" in html


def test_shows_each_member_school_with_phase_local_authority_and_region(client, network):
    school = SchoolFactory(
        name="Hillside Academy",
        phase=Phase.SECONDARY,
        local_authority="Gateshead",
        region="North East",
    )
    NetworkSchoolFactory(network=network, school=school)

    html = profile(client, network)

    for value in ("Hillside Academy", "Secondary", "Gateshead", "North East"):
        assert value in html


def test_schools_that_have_left_are_not_listed_as_members(client, network):
    NetworkSchoolFactory(
        network=network,
        school=SchoolFactory(name="Former Member School"),
        joined_on=date(2020, 1, 1),
        left_on=date(2022, 1, 1),
    )

    assert "Former Member School" not in profile(client, network)


def test_shows_the_co_leaders_with_their_schools(client, network):
    html = profile(client, network)

    for membership in network.co_leader_memberships:
        # Names such as "St Mary's School" reach the page HTML-escaped.
        assert escape(membership.user.display_name) in html
        assert escape(membership.school.name) in html


def test_shows_status_start_date_and_planned_end(client, make_network):
    network = make_network(started_on=date(2024, 9, 1), planned_span_years=4)

    html = profile(client, network)

    assert "Active" in html
    assert "1 September 2024" in html
    assert "September 2028" in html


def test_a_forming_network_says_what_it_needs_to_become_active(client, make_network):
    network = make_network(status=NetworkStatus.FORMING, co_leaders=1)

    assert "at least two co-leaders" in profile(client, network)


def test_a_closed_network_says_its_work_stays_available(client, make_network):
    network = make_network(
        status=NetworkStatus.CLOSED, started_on=date(2020, 9, 1), closed_on=date(2024, 7, 31)
    )

    html = profile(client, network)

    assert "This network has closed" in html
    assert "31 July 2024" in html


def test_sections_from_the_other_apps_are_shown(client, network):
    html = profile(client, network)

    for heading in ("People", "Artefacts", "Engagement", "Match funding and spending plan"):
        assert f">{heading}</h2>" in html


def test_an_unpublished_network_is_not_found(client):
    network = NetworkPageFactory(live=False)

    assert client.get(f"/networks/{network.slug}/").status_code == 404


def count_profile_queries(client, network) -> int:
    client.get(network.url)  # warm the per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(network.url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("signed_in_as", ["anonymous", "co_leader"])
def test_profile_runs_the_same_queries_for_a_small_or_large_network(
    client, make_network, signed_in_as
):
    small = make_network(co_leaders=2, members=1)
    large = make_network(co_leaders=2, members=1)
    for _ in range(12):
        NetworkSchoolFactory(network=large, school=SchoolFactory())
        CoLeaderFactory(network=large)
        MembershipFactory(network=large)
    NetworkSchoolFactory(network=small, school=SchoolFactory())
    if signed_in_as == "co_leader":
        # The same person co-leads both, so both pages show the same actions.
        person = small.co_leader_memberships[0].user
        CoLeaderFactory(network=large, user=person)
        client.force_login(person)

    assert count_profile_queries(client, large) == count_profile_queries(client, small)


def test_profile_runs_the_same_queries_with_5_or_50_networks_in_the_directory(client, make_network):
    network = make_network()
    for _ in range(4):
        make_network()
    with_five = count_profile_queries(client, network)
    for _ in range(45):
        NetworkPageFactory()

    assert count_profile_queries(client, network) == with_five
