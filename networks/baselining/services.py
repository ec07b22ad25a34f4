"""Defining a network's own indicators and recording what it observes.

Each service is keyword-only and atomic, validates with full_clean, refuses (`ActionRefused`, by
field where it can) to write to a closed network, and counts the co-leader who recorded it as
active in the network.
"""

from decimal import Decimal

from django.db import transaction

from core.errors import ActionRefused, clean_or_refuse, refuse_unless
from networks.engagement.models import ActivityKind
from networks.engagement.services import record_member_activity

from .models import Indicator, Observation, long_date
from .permissions import can_manage_indicators, why_not_manage_indicators

INDICATOR_FIELDS = (
    "name",
    "unit",
    "measures",
    "source",
    "baseline_value",
    "baseline_on",
    "direction",
)


def _ensure_can_manage(network, by) -> None:
    refuse_unless(can_manage_indicators(by, network), why_not_manage_indicators(by, network))


def _ensure_unique_name(network, name, *, exclude_pk=None) -> None:
    clash = Indicator.objects.filter(network=network, name__iexact=name)
    if exclude_pk:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ActionRefused(
            field_errors={"name": f"This network already has an indicator called '{name}'."}
        )


@transaction.atomic
def define_indicator(
    *,
    network,
    by,
    name: str,
    unit: str,
    measures: str,
    source: str,
    baseline_value: Decimal,
    baseline_on,
    direction: str,
) -> Indicator:
    _ensure_can_manage(network, by)
    name = name.strip()
    _ensure_unique_name(network, name)
    indicator = Indicator(
        network=network,
        name=name,
        unit=unit.strip(),
        measures=measures.strip(),
        source=source.strip(),
        baseline_value=baseline_value,
        baseline_on=baseline_on,
        direction=direction,
        created_by=by,
    )
    clean_or_refuse(indicator, exclude=["network", "created_by"])
    indicator.save()
    record_member_activity(
        user=by, network=network, kind=ActivityKind.CONTRIBUTED, source=indicator
    )
    return indicator


@transaction.atomic
def update_indicator(*, indicator, by, **changes) -> Indicator:
    """Correct an indicator's definition or baseline. The baseline date cannot move after the
    first observation, which would leave observations before their baseline."""
    unknown = set(changes) - set(INDICATOR_FIELDS)
    if unknown:
        raise TypeError(f"update_indicator() cannot change {', '.join(sorted(unknown))}")
    network = indicator.network
    _ensure_can_manage(network, by)
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    for field, value in changes.items():
        setattr(indicator, field, value.strip() if isinstance(value, str) else value)
    _ensure_unique_name(network, indicator.name, exclude_pk=indicator.pk)
    first = indicator.observations.order_by("observed_on").first()
    if first is not None and indicator.baseline_on > first.observed_on:
        raise ActionRefused(
            field_errors={
                "baseline_on": f"The first observation is dated {long_date(first.observed_on)}, so "
                "the baseline date cannot be later than that."
            }
        )
    clean_or_refuse(indicator, exclude=["network", "created_by"])
    indicator.save(update_fields=list(changes))
    return indicator


@transaction.atomic
def record_observation(
    *, indicator, by, value: Decimal, observed_on, note: str = ""
) -> Observation:
    network = indicator.network
    _ensure_can_manage(network, by)
    clash = Observation.objects.filter(indicator=indicator, observed_on=observed_on).first()
    if clash is not None:
        raise ActionRefused(
            field_errors={
                "observed_on": f"There is already an observation for {long_date(observed_on)} "
                f"({indicator.format_value(clash.value)}). Give this one its own date."
            }
        )
    observation = Observation(
        indicator=indicator, value=value, observed_on=observed_on, note=note.strip(), recorded_by=by
    )
    clean_or_refuse(observation, exclude=["indicator", "recorded_by"])
    observation.save()
    record_member_activity(
        user=by, network=network, kind=ActivityKind.CONTRIBUTED, source=observation
    )
    return observation
