"""Choosing a school by name, URN or postcode, and the regions and phases in use."""

from datetime import date

import pytest

from core.schools.factories import ClosedSchoolFactory, SchoolFactory
from core.schools.selectors import (
    phases_in_use,
    regions_and_phases_in_use,
    regions_in_use,
    schools_matching,
    values_in_register,
)
from networks.factories import NetworkPageFactory, NetworkSchoolFactory

pytestmark = pytest.mark.django_db


def urns(schools) -> list[int]:
    return [school.urn for school in schools]


def test_schools_matching_finds_a_school_by_part_of_its_name_ignoring_case():
    SchoolFactory(urn=100001, name="St Mary’s Catholic Primary School")
    SchoolFactory(urn=100002, name="Brookside School")

    assert urns(schools_matching("mary’s catholic")) == [100001]


def test_schools_matching_finds_a_school_by_its_urn():
    SchoolFactory(urn=100001, name="Oakfield Primary School")
    SchoolFactory(urn=100002, name="Brookside School")

    assert urns(schools_matching("100002")) == [100002]


def test_schools_matching_finds_a_postcode_with_or_without_its_space():
    SchoolFactory(urn=100001, postcode="L4 0TH")
    SchoolFactory(urn=100002, postcode="CH41 8BT")

    assert urns(schools_matching("l40th")) == [100001]
    assert urns(schools_matching("CH41 8")) == [100002]


def test_schools_matching_puts_the_exact_urn_first_then_names_starting_with_the_query():
    SchoolFactory(urn=100003, name="The Oak School")
    SchoolFactory(urn=100002, name="Oak Primary School")
    SchoolFactory(urn=100004, name="Broad Oak School 100001")
    SchoolFactory(urn=100001, name="Zephyr School")

    assert urns(schools_matching("oak"))[:1] == [100002]
    assert urns(schools_matching("100001")) == [100001, 100004]


def test_schools_matching_leaves_out_closed_schools_unless_asked():
    ClosedSchoolFactory(urn=100001, name="Oakfield Primary School")

    assert urns(schools_matching("oakfield")) == []
    assert urns(schools_matching("oakfield", include_closed=True)) == [100001]


def test_schools_matching_returns_at_most_twenty():
    SchoolFactory.create_batch(25, name="Riverside Primary School")

    assert len(schools_matching("riverside")) == 20


def test_schools_matching_an_empty_query_finds_nothing():
    SchoolFactory()

    assert urns(schools_matching("   ")) == []


def test_regions_and_phases_in_use_are_those_of_open_schools_sorted_without_blanks():
    SchoolFactory(region="South West", phase="Secondary")
    SchoolFactory(region="London", phase="Primary")
    SchoolFactory(region="", phase="")
    ClosedSchoolFactory(region="North East", phase="Nursery")

    assert regions_in_use() == ["London", "South West"]
    assert phases_in_use() == ["Primary", "Secondary"]


def test_regions_and_phases_in_networks_are_those_of_schools_currently_in_a_network():
    network = NetworkPageFactory()
    NetworkSchoolFactory(network=network, school=SchoolFactory(region="London", phase="Special"))
    NetworkSchoolFactory(
        network=network,
        school=SchoolFactory(region="North East", phase="Nursery"),
        left_on=date(2025, 7, 18),
    )
    SchoolFactory(region="South West", phase="Secondary")

    assert regions_in_use(in_networks=True) == ["London"]
    assert phases_in_use(in_networks=True) == ["Special"]


def test_regions_and_phases_together_are_those_asked_for_apart(django_assert_num_queries):
    network = NetworkPageFactory()
    for region, phase in [("London", "Special"), ("London", "Primary"), ("", "Nursery")]:
        NetworkSchoolFactory(network=network, school=SchoolFactory(region=region, phase=phase))
    NetworkSchoolFactory(network=network, school=SchoolFactory(region="North East", phase=""))
    SchoolFactory(region="South West", phase="Secondary")

    with django_assert_num_queries(1):
        together = regions_and_phases_in_use(in_networks=True)

    assert together == (regions_in_use(in_networks=True), phases_in_use(in_networks=True))
    assert together == (["London", "North East"], ["Nursery", "Primary", "Special"])


def test_values_in_register_include_closed_schools():
    ClosedSchoolFactory(status="Closed")
    SchoolFactory(status="Open")

    assert values_in_register("status") == ["Closed", "Open"]
