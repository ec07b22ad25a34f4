"""Networks a network could learn from, and the introductions between networks.

For a network, its "needs" are its focus themes where it has published least (weakest first).
Candidates are other live networks that published on those themes, scored by what they
published, how strong they rated their evidence and how often teachers elsewhere said it worked.
One function per source of strength (`_published_on`, `_worked_elsewhere`): visit ratings
(visits) and peer-review levels (peer_review) join as functions of their own, added to the score
in `suggestions_for`, once those apps exist. Four queries whatever the size.
"""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q

from artefacts.models import TrialOutcome
from networks.models import NetworkPage, NetworkStatus, Theme

from ..models import Introduction
from ..spread.sources import published_artefacts, shown_trials

SUGGESTIONS = 5


@dataclass
class Suggestion:
    network: NetworkPage
    theme: Theme
    score: float
    reasons: list[str] = field(default_factory=list)

    @property
    def reason(self) -> str:
        return " ".join(self.reasons)


def needs_of(network) -> list[tuple[Theme, int]]:
    """The network's focus themes with how many artefacts it published on each, fewest first."""
    themes = list(
        Theme.objects.filter(networks=network)
        .annotate(
            own=Count(
                "artefacts",
                filter=Q(
                    artefacts__network=network,
                    artefacts__in=published_artefacts().values("pk"),
                ),
                distinct=True,
            )
        )
        .order_by("own", "name")
    )
    return [(theme, theme.own) for theme in themes]


def _published_on(theme_ids, network) -> dict:
    rows = (
        published_artefacts()
        .filter(themes__in=theme_ids, network__live=True)
        .exclude(network=network)
        .exclude(network__status=NetworkStatus.CLOSED)
        .values("network_id", "themes")
        .annotate(artefacts=Count("pk", distinct=True), strength=Avg("evidence_strength"))
    )
    return {(row["network_id"], row["themes"]): row for row in rows}


def _worked_elsewhere(theme_ids, network) -> dict:
    rows = (
        shown_trials()
        .filter(artefact__themes__in=theme_ids, outcome=TrialOutcome.WORKED)
        .exclude(artefact__network=network)
        .order_by()
        .values("artefact__network_id", "artefact__themes")
        .annotate(worked=Count("pk", distinct=True))
    )
    return {(row["artefact__network_id"], row["artefact__themes"]): row["worked"] for row in rows}


def suggestions_for(network, *, limit: int = SUGGESTIONS) -> list[Suggestion]:
    needs = needs_of(network)
    if not needs:
        return []
    own = dict((theme.pk, count) for theme, count in needs)
    themes = {theme.pk: theme for theme, _ in needs}
    published = _published_on(list(themes), network)
    worked = _worked_elsewhere(list(themes), network)
    introduced = set(
        Introduction.objects.filter(Q(learner=network) | Q(source=network)).values_list(
            "learner_id", "source_id"
        )
    )
    best = {}
    for (network_id, theme_id), row in published.items():
        if (network.pk, network_id) in introduced or (network_id, network.pk) in introduced:
            continue
        worked_count = worked.get((network_id, theme_id), 0)
        strength = row["strength"] or 0
        score = row["artefacts"] * 2 + strength + worked_count - own[theme_id]
        reasons = [
            f"It published {row['artefacts']} artefact{'s' if row['artefacts'] != 1 else ''} "
            f"on {themes[theme_id].name}"
            + (f" (evidence rated {strength:.1f} of 5 on average)" if strength else "")
            + f", where {network.title} has published {own[theme_id]}."
        ]
        if worked_count:
            reasons.append(
                f"Teachers in other networks said it worked {worked_count} "
                f"time{'s' if worked_count != 1 else ''}."
            )
        if network_id not in best or score > best[network_id][0]:
            best[network_id] = (score, theme_id, reasons)
    ranked = sorted(best.items(), key=lambda item: -item[1][0])[:limit]
    networks = NetworkPage.objects.in_bulk([network_id for network_id, _ in ranked])
    return [
        Suggestion(networks[network_id], themes[theme_id], score, reasons)
        for network_id, (score, theme_id, reasons) in ranked
        if network_id in networks
    ]


def introductions_sent():
    return Introduction.objects.select_related("learner", "source", "theme", "sent_by")


def introductions_concerning(network):
    """The introductions that concern a network, newest first (for its co-leaders)."""
    return introductions_sent().filter(Q(learner=network) | Q(source=network))


def introduction_counts() -> dict:
    return Introduction.objects.aggregate(
        sent=Count("pk"),
        accepted=Count("pk", filter=Q(learner_accepted_at__isnull=False)),
    )
