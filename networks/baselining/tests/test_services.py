from datetime import date, timedelta
from decimal import Decimal

import pytest

from core.errors import ActionRefused, NotAllowed
from networks.baselining import services
from networks.baselining.factories import IndicatorFactory, ObservationFactory
from networks.baselining.models import Direction, Indicator, Observation
from networks.engagement.models import Activity
from tests.world import world_built_once

# These tests only read the world: it is built once for the module.
world = world_built_once()
pytestmark = pytest.mark.django_db


BASELINE_ON = date(2024, 9, 1)


def define(world, **overrides):
    arguments = {
        "network": world.network,
        "by": world.co_leader,
        "name": "Pupils reaching expected standard in reading (%)",
        "unit": "%",
        "measures": "Year 6 pupils reaching the expected standard in reading.",
        "source": "Key stage 2 teacher assessment",
        "baseline_value": Decimal("62"),
        "baseline_on": BASELINE_ON,
        "direction": Direction.HIGHER,
    } | overrides
    return services.define_indicator(**arguments)


def observe(world, indicator, **overrides):
    arguments = {
        "indicator": indicator,
        "by": world.co_leader,
        "value": Decimal("66"),
        "observed_on": date(2025, 7, 1),
    } | overrides
    return services.record_observation(**arguments)


def test_define_indicator_saves_it_for_the_network(world):
    indicator = define(world)

    assert Indicator.objects.get(network=world.network) == indicator
    assert indicator.format_value(indicator.baseline_value) == "62%"


def test_define_indicator_counts_the_co_leader_as_contributing(world):
    indicator = define(world)

    assert Activity.objects.get().source == indicator


def test_two_indicators_with_the_same_name_are_refused(world):
    define(world)

    with pytest.raises(ActionRefused) as error:
        define(world, name="pupils reaching expected standard in reading (%)")

    assert error.value.field_errors["name"] == (
        "This network already has an indicator called 'pupils reaching expected standard in reading (%)'."
    )


def test_another_network_may_use_the_same_indicator_name(world):
    define(world)

    define(world, network=world.other_network, by=world.other_co_leader)

    assert Indicator.objects.count() == 2


def test_a_baseline_in_the_future_is_refused(world):
    with pytest.raises(ActionRefused) as error:
        define(world, baseline_on=date.today() + timedelta(days=1))

    assert "cannot be in the future" in error.value.field_errors["baseline_on"]


def test_an_indicator_without_a_source_is_refused(world):
    with pytest.raises(ActionRefused) as error:
        define(world, source="  ")

    assert "source" in error.value.field_errors


def test_defining_an_indicator_is_refused_to_a_member(world):
    with pytest.raises(NotAllowed):
        define(world, by=world.member)


def test_defining_an_indicator_is_refused_in_a_closed_network(world, closed_network):
    with pytest.raises(ActionRefused, match="has closed, so its indicators are read-only"):
        define(world)


def test_record_observation_on_or_after_the_baseline(world):
    indicator = define(world)

    observation = observe(world, indicator, observed_on=BASELINE_ON)

    assert Observation.objects.get() == observation


def test_an_observation_before_the_baseline_is_refused_with_both_dates(world):
    indicator = define(world)

    with pytest.raises(ActionRefused) as error:
        observe(world, indicator, observed_on=date(2024, 8, 31))

    assert error.value.field_errors["observed_on"] == (
        "This date (31 August 2024) is before the indicator's baseline date (1 September 2024). "
        "Observations show change since the baseline, so they must be dated on or after it."
    )
    assert Observation.objects.count() == 0


def test_an_observation_in_the_future_is_refused(world):
    indicator = define(world)

    with pytest.raises(ActionRefused) as error:
        observe(world, indicator, observed_on=date.today() + timedelta(days=1))

    assert error.value.field_errors["observed_on"] == (
        "An observation cannot be dated in the future."
    )


def test_a_second_observation_on_the_same_date_is_refused(world):
    indicator = define(world)
    observe(world, indicator, value=Decimal("66"))

    with pytest.raises(ActionRefused) as error:
        observe(world, indicator, value=Decimal("70"))

    assert error.value.field_errors["observed_on"] == (
        "There is already an observation for 1 July 2025 (66%). Give this one its own date."
    )


def test_recording_an_observation_is_refused_in_a_closed_network(world, closed_network):
    indicator = IndicatorFactory(network=closed_network, baseline_on=BASELINE_ON)

    with pytest.raises(ActionRefused, match="has closed"):
        observe(world, indicator)


def test_recording_an_observation_is_refused_to_a_co_leader_of_another_network(world):
    indicator = define(world)

    with pytest.raises(NotAllowed):
        observe(world, indicator, by=world.other_co_leader)


def test_update_indicator_changes_only_what_it_is_given(world):
    indicator = define(world)

    services.update_indicator(indicator=indicator, by=world.co_leader, source="Teacher assessment")

    indicator.refresh_from_db()
    assert (indicator.source, indicator.name) == (
        "Teacher assessment",
        "Pupils reaching expected standard in reading (%)",
    )


def test_the_baseline_cannot_move_after_the_first_observation(world):
    indicator = IndicatorFactory(network=world.network, baseline_on=BASELINE_ON)
    ObservationFactory(indicator=indicator, observed_on=date(2024, 12, 1))

    with pytest.raises(ActionRefused) as error:
        services.update_indicator(
            indicator=indicator, by=world.co_leader, baseline_on=date(2025, 1, 1)
        )

    assert error.value.field_errors["baseline_on"] == (
        "The first observation is dated 1 December 2024, so the baseline date cannot be later than that."
    )
