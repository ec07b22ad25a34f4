import pytest

from core.schools.factories import ClosedSchoolFactory, SchoolFactory

pytestmark = pytest.mark.django_db


def test_school_factory_makes_open_schools_with_distinct_urns_and_consistent_places():
    schools = SchoolFactory.create_batch(20)

    assert len({school.urn for school in schools}) == 20
    assert all(school.is_open and school.status == "Open" for school in schools)
    liverpool = [school for school in schools if school.local_authority == "Liverpool"]
    assert liverpool
    assert {(school.region, school.town) for school in liverpool} == {("North West", "Liverpool")}


def test_school_factory_names_match_their_phase():
    nursery = SchoolFactory(kind=("Nursery", "Local authority nursery school", "Nursery School"))

    assert nursery.name.endswith("Nursery School")
    assert nursery.phase == "early-years"


def test_closed_school_factory_makes_a_closed_school():
    school = ClosedSchoolFactory()

    assert (school.status, school.is_open) == ("Closed", False)
