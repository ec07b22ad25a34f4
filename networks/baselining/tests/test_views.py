import re
from datetime import date
from decimal import Decimal

import pytest

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from networks.baselining.factories import IndicatorFactory, ObservationFactory
from networks.baselining.models import Indicator, Observation
from tests.world import world_built_once

# These tests only read the world: it is built once for the module.
world = world_built_once()
pytestmark = pytest.mark.django_db


def list_url(network):
    return reverse("baselining:indicators", kwargs={"network_slug": network.slug})


def indicator_url(name, indicator):
    return reverse(
        f"baselining:{name}", kwargs={"network_slug": indicator.network.slug, "pk": indicator.pk}
    )


@pytest.fixture
def co_leader_client(client, world):
    client.force_login(world.co_leader)
    return client


@pytest.fixture
def reading(world):
    return IndicatorFactory(
        network=world.network,
        name="Pupils reaching expected standard in reading (%)",
        baseline_value=Decimal("62"),
        baseline_on=date(2024, 9, 1),
    )


def test_the_indicator_form_renders_for_a_co_leader(co_leader_client, world):
    response = co_leader_client.get(
        reverse("baselining:define_indicator", kwargs={"network_slug": world.network.slug})
    )

    assert response.status_code == 200
    assert b'name="baseline_value"' in response.content and b'name="direction"' in response.content


def test_defining_an_indicator_redirects_to_it(co_leader_client, world):
    response = co_leader_client.post(
        reverse("baselining:define_indicator", kwargs={"network_slug": world.network.slug}),
        {
            "name": "Staff taking part in joint enquiry",
            "unit": "staff",
            "measures": "Teachers and teaching assistants in an enquiry trio this term.",
            "source": "Network register of enquiry trios",
            "baseline_value": "14",
            "baseline_on": "2024-09-01",
            "direction": "higher",
        },
    )

    indicator = Indicator.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{list_url(world.network)}#indicator-{indicator.pk}"


def test_defining_an_indicator_with_bad_input_shows_the_errors(co_leader_client, world):
    response = co_leader_client.post(
        reverse("baselining:define_indicator", kwargs={"network_slug": world.network.slug}),
        {
            "name": "",
            "unit": "%",
            "baseline_value": "sixty",
            "baseline_on": "2024-09-01",
            "direction": "sideways",
        },
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content and "Enter a number." in content
    assert "Select a valid choice. sideways is not one of the available choices." in content
    assert Indicator.objects.count() == 0


def test_an_observation_before_the_baseline_shows_the_error_on_the_date(co_leader_client, reading):
    response = co_leader_client.post(
        indicator_url("record_observation", reading), {"value": "64", "observed_on": "2024-08-01"}
    )

    assert response.status_code == 200
    assert (
        "This date (1 August 2024) is before the indicator&#x27;s baseline date (1 September 2024)."
        in response.content.decode()
    )
    assert Observation.objects.count() == 0


def test_recording_an_observation_redirects_to_the_indicator(co_leader_client, world, reading):
    response = co_leader_client.post(
        indicator_url("record_observation", reading),
        {"value": "66.5", "observed_on": "2025-07-01", "note": "Larger cohort this year"},
    )

    assert response.status_code == 302
    assert response["Location"].endswith(f"#indicator-{reading.pk}")
    assert Observation.objects.get().value == Decimal("66.5")


def test_editing_an_indicator_starts_from_its_definition(co_leader_client, reading):
    response = co_leader_client.get(indicator_url("edit_indicator", reading))

    assert response.status_code == 200
    assert b'value="Pupils reaching expected standard in reading (%)"' in response.content


def test_editing_an_indicator_saves_what_changed(co_leader_client, reading):
    data = {
        "name": reading.name,
        "unit": "%",
        "measures": reading.measures,
        "source": "Teacher assessment, moderated across the network",
        "baseline_value": "62",
        "baseline_on": "2024-09-01",
        "direction": "higher",
    }

    response = co_leader_client.post(indicator_url("edit_indicator", reading), data)

    reading.refresh_from_db()
    assert response.status_code == 302
    assert reading.source == "Teacher assessment, moderated across the network"


def test_an_indicator_of_another_network_is_not_found(client, world, reading):
    client.force_login(world.other_co_leader)
    url = reverse(
        "baselining:record_observation",
        kwargs={"network_slug": world.other_network.slug, "pk": reading.pk},
    )

    assert client.get(url).status_code == 404


def test_a_member_cannot_record_observations(client, world, reading):
    client.force_login(world.member)

    assert client.get(indicator_url("record_observation", reading)).status_code == 403


def test_a_closed_network_s_forms_redirect_with_a_message(
    co_leader_client, reading, closed_network
):
    response = co_leader_client.get(indicator_url("record_observation", reading), follow=True)

    assert response.redirect_chain[-1][0] == list_url(closed_network)
    assert b"has closed, so its indicators are read-only" in response.content


def test_the_indicator_page_shows_members_the_notes(client, world, reading):
    ObservationFactory(indicator=reading, observed_on=date(2025, 7, 1), note="Larger cohort")
    client.force_login(world.member)

    response = client.get(list_url(world.network))

    assert response.status_code == 200
    assert b"Larger cohort" in response.content
    assert b"Record an observation" not in response.content


def test_the_indicator_page_is_refused_to_an_outsider(client, world):
    client.force_login(world.outsider)

    assert client.get(list_url(world.network)).status_code == 403


def test_the_profile_shows_the_public_each_chart_and_table_without_notes(client, world, reading):
    ObservationFactory(
        indicator=reading, observed_on=date(2025, 7, 1), value=Decimal("71"), note="Larger cohort"
    )

    content = client.get(world.network.url).content.decode()

    assert 'role="img"' in content
    assert ": the baseline and every observation since</caption>" in content
    assert "Latest 71%" in content
    assert "Larger cohort" not in content


def test_the_profile_draws_a_new_observation_at_once_though_charts_are_cached(
    client, world, reading
):
    ObservationFactory(indicator=reading, observed_on=date(2025, 7, 1), value=Decimal("71"))
    assert "Latest 71%" in client.get(world.network.url).content.decode()

    ObservationFactory(indicator=reading, observed_on=date(2026, 7, 1), value=Decimal("74"))
    content = client.get(world.network.url).content.decode()

    assert "Latest 74%" in content
    assert "Latest 71%" not in content


def add_indicators(world, count, observations_each):
    for _ in range(count):
        indicator = IndicatorFactory(network=world.network, baseline_on=date(2024, 9, 1))
        for day in range(observations_each):
            ObservationFactory(indicator=indicator, observed_on=date(2024, 10, 1 + day))


def test_the_profile_section_runs_the_same_queries_for_2_or_20_indicators(
    co_leader_client, world, django_assert_num_queries
):
    add_indicators(world, 2, 2)
    co_leader_client.get(world.network.url)  # warm the per-process caches
    caches[settings.PAGE_CACHE_ALIAS].clear()  # read the section, not what the page cache kept
    with CaptureQueriesContext(connection) as few:
        co_leader_client.get(world.network.url)
    add_indicators(world, 18, 20)

    caches[settings.PAGE_CACHE_ALIAS].clear()  # read the section, not what the page cache kept
    with django_assert_num_queries(len(few)):
        response = co_leader_client.get(world.network.url)
    indicator_charts = re.findall(
        r'<svg [^>]*aria-labelledby="indicator-\d+-chart-title', response.content.decode()
    )
    assert len(indicator_charts) == 20


def test_the_indicator_page_runs_the_same_queries_for_2_or_20_indicators(
    co_leader_client, world, django_assert_num_queries
):
    add_indicators(world, 2, 2)
    co_leader_client.get(list_url(world.network))
    with CaptureQueriesContext(connection) as few:
        co_leader_client.get(list_url(world.network))
    add_indicators(world, 18, 20)

    with django_assert_num_queries(len(few)):
        co_leader_client.get(list_url(world.network))
