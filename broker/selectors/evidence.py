"""The figures beside a synthesis, computed from what networks did on one theme. Nine queries
whatever the amount of evidence.

The evidence is every published artefact on the theme (whatever its visibility: only counts
leave this module), the shown “we tried this” responses to them, and the adaptations among them.
One function per source; study visits about the theme join as `_visits` once visits exist.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Q, Sum

from artefacts.models import ArtefactPage, ArtefactTrial, EvidenceStrength, TrialOutcome
from artefacts.selectors import artefacts_visible_to, behind_view_restriction, with_card_data
from networks.funding.models import ContributionKind, InKindContribution

from ..models import Synthesis, SynthesisCitation
from ..privacy import may_show

ZERO = Decimal("0")


@dataclass(frozen=True)
class Row:
    label: str
    count: int
    percent: int


@dataclass(frozen=True)
class Breakdown:
    """Counts of a group by category; `shown` is False for a group of one to four."""

    total: int
    rows: list[Row] = field(default_factory=list)

    @property
    def shown(self) -> bool:
        return may_show(self.total)


def breakdown(counts: list[tuple[str, int]]) -> Breakdown:
    total = sum(count for _, count in counts)
    return Breakdown(
        total=total,
        rows=[
            Row(label, count, round(100 * count / total) if total else 0) for label, count in counts
        ],
    )


@dataclass(frozen=True)
class ThemeEvidence:
    artefacts: int
    publishing_networks: int
    adaptations: int
    responses: int
    networks_tried: int
    schools_tried: int
    outcomes: Breakdown
    strengths: Breakdown
    unrated: int
    networks_involved: int
    in_kind_money: Decimal
    staff_days: Decimal


def published_on(theme):
    """Every published artefact on the theme, outside any Wagtail privacy restriction."""
    return (
        ArtefactPage.objects.live()
        .filter(network__isnull=False, themes=theme)
        .exclude(behind_view_restriction())
    )


def _artefacts(artefacts) -> dict:
    return artefacts.aggregate(
        count=Count("pk", distinct=True), networks=Count("network", distinct=True)
    )


def _trials(artefacts):
    return ArtefactTrial.objects.shown().filter(artefact__in=artefacts.values("pk"))


def _adaptations(artefacts):
    """Adaptations on the theme made in another network than the original's."""
    return artefacts.filter(adapted_from__isnull=False).exclude(
        network_id=F("adapted_from__network_id")
    )


def _outcomes(trials) -> Breakdown:
    counts = trials.aggregate(
        **{outcome.value: Count("pk", filter=Q(outcome=outcome.value)) for outcome in TrialOutcome}
    )
    return breakdown([(outcome.label, counts[outcome.value]) for outcome in TrialOutcome])


def _strengths(artefacts) -> tuple[Breakdown, int]:
    counts = artefacts.aggregate(
        unrated=Count("pk", filter=Q(evidence_strength__isnull=True), distinct=True),
        **{
            f"s{level.value}": Count("pk", filter=Q(evidence_strength=level.value), distinct=True)
            for level in EvidenceStrength
        },
    )
    rated = breakdown([(level.label, counts[f"s{level.value}"]) for level in EvidenceStrength])
    return rated, counts["unrated"]


def _who_tried(trials, adaptations) -> tuple[set, set]:
    """The networks and schools that tried the approaches: by a response or an adaptation."""
    networks = set(trials.exclude(network=None).values_list("network_id", flat=True))
    networks |= set(adaptations.values_list("network_id", flat=True))
    schools = set(trials.exclude(school=None).values_list("school_id", flat=True))
    schools |= set(
        ArtefactPage.schools.through.objects.filter(
            artefactpage_id__in=adaptations.values("pk")
        ).values_list("school_id", flat=True)
    )
    return networks, schools


def _in_kind(network_ids) -> dict:
    return InKindContribution.objects.filter(network_id__in=network_ids).aggregate(
        money=Sum("money_value"),
        staff_days=Sum("quantity", filter=Q(kind=ContributionKind.STAFF_DAYS)),
    )


def theme_evidence(theme) -> ThemeEvidence:
    artefacts = published_on(theme)
    published = _artefacts(artefacts)
    trials = _trials(artefacts)
    adaptations = _adaptations(artefacts)
    networks_tried, schools_tried = _who_tried(trials, adaptations)
    publishing = set(artefacts.values_list("network_id", flat=True))
    involved = publishing | networks_tried
    in_kind = _in_kind(involved)
    strengths, unrated = _strengths(artefacts)
    return ThemeEvidence(
        artefacts=published["count"],
        publishing_networks=published["networks"],
        adaptations=adaptations.count(),
        responses=trials.count(),
        networks_tried=len(networks_tried),
        schools_tried=len(schools_tried),
        outcomes=_outcomes(trials),
        strengths=strengths,
        unrated=unrated,
        networks_involved=len(involved),
        in_kind_money=in_kind["money"] or ZERO,
        staff_days=in_kind["staff_days"] or ZERO,
    )


def citations_for(synthesis, user) -> list:
    """The cited artefacts this person may read, keeping their numbers. Two queries."""
    citations = list(
        SynthesisCitation.objects.filter(synthesis=synthesis).order_by("position", "pk")
    )
    readable = {
        artefact.pk: artefact
        for artefact in with_card_data(
            artefacts_visible_to(user).filter(pk__in=[c.artefact_id for c in citations])
        )
    }
    for citation in citations:
        citation.shown_artefact = readable.get(citation.artefact_id)
    return [citation for citation in citations if citation.shown_artefact is not None]


def published_syntheses():
    return Synthesis.objects.published().select_related("theme").order_by("theme__name")
