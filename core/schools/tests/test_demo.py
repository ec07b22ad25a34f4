"""The demo schools: forty across four regions, the same every run, and a second run adds nothing."""

import pytest

from core.schools import demo
from core.schools.models import School

pytestmark = pytest.mark.django_db


def test_seed_creates_forty_open_schools_ten_in_each_of_four_regions():
    demo.seed(lambda message: None)

    per_region = {}
    for region in School.objects.filter(is_open=True).values_list("region", flat=True):
        per_region[region] = per_region.get(region, 0) + 1
    assert per_region == {"North West": 10, "West Midlands": 10, "London": 10, "South West": 10}


def test_seed_covers_every_phase_and_several_local_authorities_per_region():
    demo.seed(lambda message: None)

    assert set(School.objects.values_list("phase", flat=True)) == {
        "primary",
        "secondary",
        "special",
        "all-through",
        "early-years",
    }
    for region in ("North West", "West Midlands", "London", "South West"):
        authorities = School.objects.filter(region=region).values("local_authority").distinct()
        assert authorities.count() >= 3, region


def test_seed_twice_adds_nothing_and_says_so():
    messages = []
    demo.seed(messages.append)

    demo.seed(messages.append)

    assert School.objects.count() == 40
    assert messages[-1] == "0 schools created, 40 already there"


def test_demo_urns_are_unique():
    assert len({row[0] for row in demo.DEMO_SCHOOLS}) == len(demo.DEMO_SCHOOLS)
