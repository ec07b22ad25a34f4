"""Networks a network could learn from, and the introductions between networks.

A network's "needs" are its focus themes where it has published least and the themes it has
been searching for most (its searches matched to themes as the knowledge gaps match them), and
the peer-review criteria where its latest cycle rated it weakest. Candidates are other live
networks, strong on a need by one or more sources, each a function of its own:

* `_published_on`: what they published on the theme and how strong they rated the evidence;
* `_worked_elsewhere`: how often teachers elsewhere said it worked;
* `_visits_hosted`: the study visits they hosted on it and the visitors' ratings;
* `_strong_on`: the levels their own latest peer review gave them on the same criteria.

Private data reaches the broker only as aggregates (broker.privacy): visitors' ratings are
averaged and shown, or scored, only for five or more visitors; peer-review levels are the
team's consolidated level for a network, never one reviewer's. A fixed number of queries
whatever the number of networks, artefacts, visits or searches.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Avg, Count, F, OuterRef, Q, Subquery, Sum
from django.utils import timezone

from artefacts.models import TrialOutcome
from networks.models import NetworkPage, NetworkStatus, Theme
from peer_review.models import PeerAssessment, RubricLevel, SelfAssessment
from search.models import SearchQueryNetwork
from visits.models import VisitSession

from ..models import Introduction
from ..privacy import may_show
from ..spread.figures import SEARCH_WEEKS, themes_in
from ..spread.sources import (
    REVIEWED_PHASES,
    completed_visit_places,
    published_artefacts,
    shown_trials,
)

SUGGESTIONS = 5
WEAKEST_CRITERIA = 3
# A searched theme adds half a point per search, up to this many searches.
SEARCHES_COUNTED = 10


@dataclass
class Suggestion:
    network: NetworkPage
    theme: Theme | None
    score: float
    reasons: list[str] = field(default_factory=list)
    criterion: str = ""  # the peer-review criterion matched, when no theme is

    @property
    def topic(self) -> str:
        return self.theme.name if self.theme else f"“{self.criterion}”"

    @property
    def reason(self) -> str:
        return " ".join(self.reasons)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


# --- What the network needs ------------------------------------------------------------------


def searched_themes(network, *, today=None) -> dict[int, int]:
    """The themes the network's people searched for in the last weeks, with how many searches
    (a theme filtered by, or named in a query's words)."""
    since = (today or timezone.localdate()) - timedelta(weeks=SEARCH_WEEKS)
    rows = (
        SearchQueryNetwork.objects.filter(network_id=network.pk, log__week__gte=since)
        .values(query=F("log__query"), filters=F("log__filters"))
        .annotate(n=Sum("searches"))
        .order_by()
    )
    rows = list(rows)
    if not rows:
        return {}
    themes = {
        pk: (name, slug) for pk, name, slug in Theme.objects.values_list("pk", "name", "slug")
    }
    demand = Counter()
    for row in rows:
        for theme_id in themes_in(row, themes):
            demand[theme_id] += row["n"]
    return dict(demand)


def needs_of(network, searched: dict[int, int] | None = None) -> list[tuple[Theme, int]]:
    """The network's focus themes and the themes it searched for, with how many artefacts it
    published on each, fewest first."""
    searched = searched_themes(network) if searched is None else searched
    themes = list(
        Theme.objects.filter(Q(networks=network) | Q(pk__in=list(searched)))
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
        .distinct()
        .order_by("own", "name")
    )
    return [(theme, theme.own) for theme in themes]


def _level_label():
    return Subquery(
        RubricLevel.objects.filter(criterion=OuterRef("criterion"), number=OuterRef("level"))
        .order_by()
        .values("label")[:1]
    )


def _top_level():
    return Subquery(
        RubricLevel.objects.filter(criterion=OuterRef("criterion"))
        .order_by("-number")
        .values("number")[:1]
    )


def _levels(model, network) -> list[dict]:
    return list(
        model.objects.filter(cycle__network=network)
        .order_by()
        .values("level", number=F("cycle__number"), code=F("criterion__code"))
        .annotate(title=F("criterion__title"), label=_level_label(), top=_top_level())
    )


def weakest_criteria(network) -> list[dict]:
    """The criteria its latest cycle with levels rated lowest (the peer team's consolidated
    levels, or its own self-assessment before the team has rated), below the top level."""
    rows = _levels(PeerAssessment, network) or _levels(SelfAssessment, network)
    if not rows:
        return []
    latest = max(row["number"] for row in rows)
    weak = [row for row in rows if row["number"] == latest and row["level"] < (row["top"] or 0)]
    return sorted(weak, key=lambda row: (row["level"], row["title"]))[:WEAKEST_CRITERIA]


# --- Sources of strength ---------------------------------------------------------------------


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


def _visits_hosted(theme_ids, network) -> dict:
    """Study visits on the themes that took place with visitors from another network, by host
    and theme, with the visitors' usefulness ratings (one reflection per visitor)."""
    rows = (
        VisitSession.objects.filter(
            pk__in=completed_visit_places().values("session_id"),
            offer__theme__in=theme_ids,
            offer__network__live=True,
        )
        .exclude(offer__network=network)
        .exclude(offer__network__status=NetworkStatus.CLOSED)
        .order_by()
        .values("offer__network_id", "offer__theme_id")
        .annotate(
            visits=Count("pk", distinct=True),
            rated=Count("reflections"),
            rating=Avg("reflections__usefulness"),
        )
    )
    return {(row["offer__network_id"], row["offer__theme_id"]): row for row in rows}


def _strong_on(weakest: list[dict], network) -> dict:
    """Other networks' consolidated peer levels on the learner's weakest criteria (matched by
    code across framework versions), from each one's latest reviewed cycle, where they are
    above the learner and at or next to the top of the rubric."""
    if not weakest:
        return {}
    own = {row["code"]: row for row in weakest}
    rows = (
        PeerAssessment.objects.filter(
            criterion__code__in=list(own),
            cycle__phase__in=REVIEWED_PHASES,
            cycle__network__live=True,
        )
        .exclude(cycle__network=network)
        .exclude(cycle__network__status=NetworkStatus.CLOSED)
        .order_by()
        .values(
            "level",
            network_id=F("cycle__network_id"),
            number=F("cycle__number"),
            code=F("criterion__code"),
        )
        .annotate(label=_level_label(), top=_top_level())
    )
    latest = {}
    for row in rows:
        key = (row["network_id"], row["code"])
        if key not in latest or row["number"] > latest[key]["number"]:
            latest[key] = row
    return {
        key: row
        for key, row in latest.items()
        if row["level"] > own[row["code"]]["level"] and row["level"] >= (row["top"] or 0) - 1
    }


# --- Suggestions -----------------------------------------------------------------------------


def _theme_entry(network, theme, own, published, worked, visits, searches):
    score, reasons = 0.0, []
    if published:
        strength = published["strength"] or 0
        score += published["artefacts"] * 2 + strength
        reasons.append(
            f"It published {_plural(published['artefacts'], 'artefact')} on {theme.name}"
            + (f" (evidence rated {strength:.1f} of 5 on average)" if strength else "")
            + f", where {network.title} has published {own}."
        )
    if worked:
        score += worked
        reasons.append(f"Teachers in other networks said it worked {_plural(worked, 'time')}.")
    if visits:
        score += visits["visits"]
        hosted = f"It hosted {_plural(visits['visits'], 'study visit')} on {theme.name}"
        if visits["rated"] and may_show(visits["rated"]):
            score += visits["rating"]
            hosted += f", rated {visits['rating']:.1f}/5 by {visits['rated']} visitors"
        reasons.append(hosted + ".")
    if not reasons:
        return None
    score -= own
    if searches:
        score += min(searches, SEARCHES_COUNTED) / 2
        reasons.append(
            f"{network.title} searched for {theme.name} "
            + (f"{searches} times " if may_show(searches) else "")
            + f"in the last {SEARCH_WEEKS} weeks."
        )
    return score, reasons


def _criterion_entry(network, weak, strong):
    score = 2 * (strong["level"] - weak["level"]) + strong["level"]
    reason = (
        f"Its peer review rated it at ‘{strong['label']}’ ({strong['level']} of "
        f"{strong['top']}) on “{weak['title']}”, where {network.title} is at "
        f"‘{weak['label']}’ ({weak['level']})."
    )
    return score, [reason]


def suggestions_for(network, *, limit: int = SUGGESTIONS) -> list[Suggestion]:
    searched = searched_themes(network)
    needs = needs_of(network, searched)
    weakest = weakest_criteria(network)
    if not needs and not weakest:
        return []
    own = {theme.pk: count for theme, count in needs}
    themes = {theme.pk: theme for theme, _ in needs}
    published = _published_on(list(themes), network) if themes else {}
    worked = _worked_elsewhere(list(themes), network) if themes else {}
    visits = _visits_hosted(list(themes), network) if themes else {}
    strong = _strong_on(weakest, network)
    introduced = set(
        Introduction.objects.filter(Q(learner=network) | Q(source=network)).values_list(
            "learner_id", "source_id"
        )
    )
    best = {}

    def consider(network_id, entry, theme=None, criterion=""):
        if entry is None:
            return
        if (network.pk, network_id) in introduced or (network_id, network.pk) in introduced:
            return
        if network_id not in best or entry[0] > best[network_id][0]:
            best[network_id] = (entry[0], theme, criterion, entry[1])

    for network_id, theme_id in set(published) | set(visits):
        key = (network_id, theme_id)
        theme = themes[theme_id]
        entry = _theme_entry(
            network,
            theme,
            own[theme_id],
            published.get(key),
            worked.get(key, 0) if key in published else 0,
            visits.get(key),
            searched.get(theme_id, 0),
        )
        consider(network_id, entry, theme=theme)
    weak_by_code = {row["code"]: row for row in weakest}
    for (network_id, code), row in strong.items():
        weak = weak_by_code[code]
        consider(network_id, _criterion_entry(network, weak, row), criterion=weak["title"])
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))[:limit]
    networks = NetworkPage.objects.in_bulk([network_id for network_id, _ in ranked])
    return [
        Suggestion(networks[network_id], theme, score, reasons, criterion)
        for network_id, (score, theme, criterion, reasons) in ranked
        if network_id in networks
    ]


def introductions_sent():
    return Introduction.objects.select_related("learner", "source", "theme", "sent_by")


def introductions_concerning(network):
    """The introductions that concern a network, newest first (for its co-leaders), with the
    other network's title: the profile lists no more of them."""
    return (
        Introduction.objects.filter(Q(learner=network) | Q(source=network))
        .select_related("learner", "source")
        .only("sent_at", "learner_id", "source_id", "learner__title", "source__title")
    )


def introduction_counts() -> dict:
    return Introduction.objects.aggregate(
        sent=Count("pk"),
        accepted=Count("pk", filter=Q(learner_accepted_at__isnull=False)),
    )
