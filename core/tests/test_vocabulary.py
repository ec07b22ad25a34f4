"""The one list of phases, subjects and regions, and how the register's values map onto it."""

import pytest

from core.vocabulary import Phase, Region, phase_from_register, region_from_register


@pytest.mark.parametrize(
    ("register_phase", "establishment_type", "phase"),
    [
        ("Nursery", "Local authority nursery school", Phase.EARLY_YEARS),
        ("Primary", "Community school", Phase.PRIMARY),
        ("Middle deemed primary", "Community school", Phase.PRIMARY),
        ("Middle deemed secondary", "Academy converter", Phase.SECONDARY),
        ("16 plus", "Sixth form centres", Phase.POST_16),
        ("All-through", "Free schools", Phase.ALL_THROUGH),
        ("Not applicable", "Community special school", Phase.SPECIAL),
        ("Not applicable", "Pupil referral unit", Phase.ALTERNATIVE_PROVISION),
        ("Not applicable", "Academy alternative provision converter", Phase.ALTERNATIVE_PROVISION),
        ("Not applicable", "Further education", ""),
        ("", "", ""),
    ],
)
def test_a_register_phase_maps_onto_the_vocabulary(register_phase, establishment_type, phase):
    assert phase_from_register(register_phase, establishment_type) == phase


@pytest.mark.parametrize("phase", Phase.values)
def test_mapping_a_vocabulary_value_again_keeps_it(phase):
    assert phase_from_register(phase) == phase


def test_a_label_maps_to_its_value_whatever_its_case():
    assert phase_from_register("early years") == Phase.EARLY_YEARS
    assert phase_from_register("Alternative provision") == Phase.ALTERNATIVE_PROVISION


def test_only_englands_regions_are_regions():
    assert region_from_register("north east") == Region.NORTH_EAST
    assert region_from_register("Not Applicable") == ""
    assert region_from_register("Wales (pseudo)") == ""
