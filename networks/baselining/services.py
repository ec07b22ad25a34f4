"""Defining a network's own indicators and recording what it observes.

Each service is keyword-only and atomic, validates with full_clean, refuses to write to a closed
network, and counts the co-leader who recorded it as active in the network.
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from networks.engagement.models import ActivityKind
from networks.engagement.services import record_member_activity
from networks.permissions import can_manage_network

from .models import Indicator, Observation, long_date

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
    if network.is_closed:
        raise ValidationError(
            f"{network.title} has closed, so its indicators are read-only. "
            "What it recorded stays available."
        )
    if not can_manage_network(by, network):
        raise PermissionDenied(
            "Only the network's co-leaders can define indicators and record observations."
        )


def _ensure_unique_name(network, name, *, exclude_pk=None) -> None:
    clash = Indicator.objects.filter(network=network, name__iexact=name)
    if exclude_pk:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationError({"name": f"This network already has an indicator called '{name}'."})


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
    indicator.full_clean(exclude=["network", "created_by"])
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
        raise ValidationError(
            {
                "baseline_on": f"The first observation is dated {long_date(first.observed_on)}, so "
                "the baseline date cannot be later than that."
            }
        )
    indicator.full_clean(exclude=["network", "created_by"])
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
        raise ValidationError(
            {
                "observed_on": f"There is already an observation for {long_date(observed_on)} "
                f"({indicator.format_value(clash.value)}). Give this one its own date."
            }
        )
    observation = Observation(
        indicator=indicator, value=value, observed_on=observed_on, note=note.strip(), recorded_by=by
    )
    observation.full_clean(exclude=["indicator", "recorded_by"])
    observation.save()
    record_member_activity(
        user=by, network=network, kind=ActivityKind.CONTRIBUTED, source=observation
    )
    return observation
