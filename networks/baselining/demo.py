"""Demo indicators: three per network, each with a baseline and three to six later observations
that move the way real school data does (mostly in the hoped-for direction, not always).

Runs after the networks demo and attaches indicators to the live networks it made; does nothing
when there are none. A forming network has one indicator with only its baseline. A network that
already has indicators is left alone, so a second run adds nothing. Records are written directly
(not through the services) because they are history: a closed network's past observations too.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from networks.engagement.models import ActivityKind
from networks.engagement.services import record_activity
from networks.models import Membership, NetworkPage, NetworkStatus, Role

from .models import Direction, Indicator, Observation


@dataclass(frozen=True)
class IndicatorSpec:
    name: str
    unit: str
    measures: str
    source: str
    baseline: tuple[int, int]  # range to pick the baseline from
    step: float  # typical change per observation, in the better direction
    direction: str = Direction.HIGHER
    note: str = ""


READING = IndicatorSpec(
    "Pupils reaching expected standard in reading (%)",
    "%",
    "Year 6 pupils across the member schools reaching the expected standard in reading at the end "
    "of key stage 2.",
    "Key stage 2 tests and teacher assessment, collected by each school",
    (56, 66),
    2.2,
    note="A smaller cohort this year in two of the schools.",
)
REASONING = IndicatorSpec(
    "Lessons where pupils explained their reasoning (%)",
    "%",
    "Observed mathematics lessons in which most pupils explained or justified an answer aloud "
    "or in writing.",
    "Lesson study observation records",
    (22, 35),
    6,
    note="New observation schedule agreed across the schools.",
)
ABSENCE = IndicatorSpec(
    "Persistent absence in Year 7 (%)",
    "%",
    "Year 7 pupils who came from our primaries and missed 10% or more of sessions in the "
    "autumn term.",
    "School attendance data",
    (14, 19),
    1.1,
    direction=Direction.LOWER,
    note="Autumn term only; a flu outbreak in November.",
)
STAFF = IndicatorSpec(
    "Staff taking part in joint enquiry",
    "staff",
    "Teachers and teaching assistants who were in a cross-school enquiry trio this term.",
    "Network register of enquiry trios",
    (6, 12),
    4,
    note="Two schools added teaching assistants to their trios.",
)
PUPIL_VOICE = IndicatorSpec(
    "Pupil voice: 'I know how to improve my work' (% agree)",
    "%",
    "Pupils in Years 4 to 8 who agree or strongly agree with the statement in the network's "
    "pupil survey.",
    "Network pupil survey, each autumn and summer",
    (38, 52),
    4,
    note="Survey now read aloud to younger pupils.",
)


def specs_for(network) -> list[IndicatorSpec]:
    themes = {theme.name for theme in network.themes.all()}
    if "Transition" in themes:
        first = ABSENCE
    elif "Mathematical reasoning" in themes:
        first = REASONING
    else:
        first = READING
    return [first, STAFF, PUPIL_VOICE]


def seed(log) -> None:
    networks = list(NetworkPage.objects.live().prefetch_related("themes").order_by("title"))
    if not networks:
        log("no networks; no indicators added")
        return
    added = 0
    for network in networks:
        if Indicator.objects.filter(network=network).exists():
            continue
        recorder = (
            Membership.objects.current()
            .filter(network=network, role=Role.CO_LEADER)
            .select_related("user", "school")
            .order_by("pk")
            .first()
        )
        if recorder is None:
            continue
        if network.status == NetworkStatus.FORMING or network.started_on is None:
            _indicator(
                network, READING, date.today() - timedelta(days=20), recorder, observations=0
            )
        else:
            end = min(network.closed_on or date.today(), date.today())
            months = (end - network.started_on).days // 30
            count = max(3, min(6, months // 5)) if months >= 3 else 0
            for spec in specs_for(network):
                _indicator(network, spec, network.started_on, recorder, observations=count, end=end)
        added += 1
    log(f"indicators for {added} networks")


def _indicator(network, spec, baseline_on, recorder, *, observations, end=None) -> Indicator:
    chooser = random.Random(f"{network.slug}:{spec.name}")  # noqa: S311 - demo data only
    baseline = Decimal(chooser.randint(*spec.baseline))
    indicator = Indicator(
        network=network,
        name=spec.name,
        unit=spec.unit,
        measures=spec.measures,
        source=spec.source,
        baseline_value=baseline,
        baseline_on=baseline_on,
        direction=spec.direction,
        created_by=recorder.user,
    )
    indicator.full_clean()
    indicator.save()
    if observations:
        span = (end - baseline_on).days
        better = 1 if spec.direction == Direction.HIGHER else -1
        value = float(baseline)
        for number in range(1, observations + 1):
            observed_on = baseline_on + timedelta(days=round(span * number / (observations + 0.3)))
            # Mostly better, sometimes a setback: the kind of line networks actually see.
            value += better * spec.step * chooser.choice([1.4, 1.0, 0.6, -0.5, 1.2])
            if spec.unit == "%":
                value = min(max(value, 0), 100)
            observation = Observation(
                indicator=indicator,
                value=Decimal(str(round(value, 1 if spec.unit == "%" else 0))),
                observed_on=observed_on,
                note=spec.note if number == 2 else "",
                recorded_by=recorder.user,
            )
            observation.full_clean()
            observation.save()
            record_activity(
                user=recorder.user,
                network=network,
                kind=ActivityKind.CONTRIBUTED,
                school=recorder.school,
                when=timezone.make_aware(
                    datetime.combine(observed_on + timedelta(days=3), time(17))
                ),
                source=observation,
            )
    return indicator
