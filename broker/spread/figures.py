"""The spread snapshot: every figure of /broker/spread/ as plain data (stored as JSON).

`compute_spread(now=, map_links=)` reads the platform through `sources` (a fixed number of
queries) and shapes the figures; nothing here touches the database itself except through
`sources` and the theme and site names. Figures drawn from private data follow broker.privacy:
no figure for a group of one to four people.
"""

from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import timedelta
from statistics import median

from django.utils import timezone

from wagtail.models import Site

from artefacts.models import TrialOutcome
from networks.engagement.selectors import ACTIVE_WINDOW_DAYS
from networks.models import Theme

from ..privacy import MIN_GROUP, may_show
from . import sources
from .terms import recent_terms, term_label, term_of

TERMS_SHOWN = 6
MOST_TRAVELLED = 10
SEARCH_WEEKS = 12
GAPS_SHOWN = 10
ZERO_RESULT_QUERIES = 15
MAP_LINKS = 200  # the picture and the table beside it; the CSV download has every link
LINK_KINDS = tuple(sources.LINK_SOURCES)
LINK_HEADINGS = {
    "adaptation": "Adaptations",
    "tried": "We tried this",
    "visit": "Study visits",
    "review": "Peer reviews",
    "introduction": "Introductions accepted",
}
ENGAGEMENT_BANDS = [(0, 0, "0"), (1, 4, "1–4"), (5, 9, "5–9"), (10, 19, "10–19"), (20, None, "20+")]


def _site_prefix() -> str:
    """The default site's root path, which page paths start with (e.g. "/home/")."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page.url_path if site else "/"


def _url(url_path: str, prefix: str) -> str:
    return "/" + url_path[len(prefix) :] if url_path.startswith(prefix) else url_path


# --- The network of networks -----------------------------------------------------------------


def network_map(networks: list[dict], links: dict, prefix: str) -> dict:
    """Every network, and every link between two of them (one per learner and source, its
    counts by kind and their sum as its weight), the strongest first."""
    names = {network["pk"]: network["title"] for network in networks}
    edges = defaultdict(lambda: defaultdict(int))
    for kind, rows in links.items():
        for learner, source, count in rows:
            if learner in names and source in names and learner != source:
                edges[(learner, source)][kind] += count
    learned_from = {source for _, source in edges}
    return {
        "nodes": [
            {
                "id": network["pk"],
                "title": network["title"],
                "url": _url(network["url_path"], prefix),
                "artefacts": network["artefacts"],
                "learned_from": network["pk"] in learned_from,
            }
            for network in networks
        ],
        "links": sorted(
            (
                {
                    "learner": learner,
                    "source": source,
                    "learner_title": names[learner],
                    "source_title": names[source],
                    "kinds": dict(kinds),
                    "weight": sum(kinds.values()),
                }
                for (learner, source), kinds in edges.items()
            ),
            key=lambda link: (-link["weight"], link["learner_title"], link["source_title"]),
        ),
    }


def strongest(map_data: dict, count: int) -> dict:
    """The map as the page shows it: every network, the `count` strongest links and how many
    there are in all (a national map has tens of thousands; a picture of them shows nothing)."""
    return {
        "nodes": map_data["nodes"],
        "links": map_data["links"][:count],
        "links_in_all": len(map_data["links"]),
    }


def compact_links(map_data: dict) -> list[list[int]]:
    """Every link as `[learner id, source id, count of each of LINK_KINDS]`, strongest first:
    kept beside the snapshot for the CSV download, small enough to store each hour."""
    return [
        [link["learner"], link["source"], *(link["kinds"].get(kind, 0) for kind in LINK_KINDS)]
        for link in map_data["links"]
    ]


def link_table(nodes: list[dict], links: list[list[int]]) -> tuple[list[str], Iterator[list]]:
    """The CSV download's heading and rows, from a snapshot's nodes and compact links."""
    heading = ["Network", "Learned from", *(LINK_HEADINGS[kind] for kind in LINK_KINDS), "In all"]
    names = {node["id"]: node["title"] for node in nodes}
    rows = (
        [names.get(learner, ""), names.get(source, ""), *counts, sum(counts)]
        for learner, source, *counts in links
    )
    return heading, rows


def not_learned_from(network_map_data: dict) -> list[dict]:
    return [
        {"title": node["title"], "url": node["url"], "artefacts": node["artefacts"]}
        for node in network_map_data["nodes"]
        if not node["learned_from"]
    ]


# --- Themes ----------------------------------------------------------------------------------


def by_theme(themes: dict[int, str]) -> list[dict]:
    artefacts = {row["themes"]: row["n"] for row in sources.theme_artefacts()}
    adaptations = {row["adapted_from__themes"]: row["n"] for row in sources.theme_adaptations()}
    outcomes = defaultdict(Counter)
    for row in sources.theme_outcomes():
        outcomes[row["artefact__themes"]][row["outcome"]] += row["n"]
    regions = {row["theme"]: row["regions"] for row in sources.theme_regions()}
    visits = Counter()
    for row in sources.theme_visits():
        visits[row["session__offer__theme"]] += row["n"]
    rows = []
    for theme_id, name in themes.items():
        counted = outcomes[theme_id]
        responses = sum(counted.values())
        rows.append(
            {
                "theme": name,
                "artefacts": artefacts.get(theme_id, 0),
                "adaptations": adaptations.get(theme_id, 0),
                "responses": responses,
                "visits": visits.get(theme_id, 0),
                "outcomes_shown": may_show(responses),
                "outcomes": [counted.get(outcome.value, 0) for outcome in TrialOutcome],
                "regions": regions.get(theme_id, []),
            }
        )
    return sorted(
        rows,
        key=lambda row: (-(row["adaptations"] + row["responses"] + row["visits"]), row["theme"]),
    )


# --- Over time -------------------------------------------------------------------------------


def by_term(today) -> list[dict]:
    terms = recent_terms(today, TERMS_SHOWN)
    counts = {term: {"adaptations": 0, "responses": 0, "visits": 0, "networks": set(),
                     "regions": set()} for term in terms}  # fmt: skip
    monthly = sources.spread_by_month()
    for row in monthly["adaptations"]:
        term = term_of(timezone.localtime(row["month"]).date()) if row["month"] else None
        if term in counts:
            counts[term]["adaptations"] += row["n"]
            counts[term]["networks"].add(row["network_id"])
    for row in monthly["responses"]:
        term = term_of(timezone.localtime(row["month"]).date()) if row["month"] else None
        if term in counts:
            counts[term]["responses"] += row["n"]
            if row["network_id"]:
                counts[term]["networks"].add(row["network_id"])
            if row["school__region"]:
                counts[term]["regions"].add(row["school__region"])
    for row in monthly["visits"]:
        term = term_of(timezone.localtime(row["month"]).date()) if row["month"] else None
        if term in counts:
            counts[term]["visits"] += row["n"]
            counts[term]["networks"].add(row["network_id"])
    return [
        {
            "term": term_label(term),
            "adaptations": counts[term]["adaptations"],
            "responses": counts[term]["responses"],
            "visits": counts[term]["visits"],
            "networks": len(counts[term]["networks"]),
            "regions": len(counts[term]["regions"]),
        }
        for term in terms
    ]


# --- Artefacts -------------------------------------------------------------------------------


def most_travelled(prefix: str) -> list[dict]:
    reached = sources.networks_reached_by_artefact()
    top = sorted(reached.items(), key=lambda item: (-len(item[1]), item[0]))[:MOST_TRAVELLED]
    cards = sources.artefact_cards([artefact_id for artefact_id, _ in top])
    return [
        {
            "title": cards[artefact_id]["title"],
            "url": _url(cards[artefact_id]["url_path"], prefix),
            "network": cards[artefact_id]["network__title"],
            "visibility": cards[artefact_id]["visibility"],
            "networks_reached": len(networks),
        }
        for artefact_id, networks in top
        if artefact_id in cards
    ]


# --- Engagement ------------------------------------------------------------------------------


def engagement(rows: list[dict]) -> dict:
    """People active per school in the last 90 days: the distribution, and the schools with the
    most (a school's count is shown only from five people)."""
    counts = [row["active"] for row in rows]
    bands = []
    for low, high, label in ENGAGEMENT_BANDS:
        number = sum(1 for c in counts if c >= low and (high is None or c <= high))
        bands.append({"label": label, "schools": number})
    top = sorted(rows, key=lambda row: (-row["active"], row["school"]))
    return {
        "window_days": ACTIVE_WINDOW_DAYS,
        "schools": len(counts),
        "active_schools": sum(1 for c in counts if c > 0),
        "median": median(counts) if counts else 0,
        "bands": bands,
        "most_active": [
            {"school": row["school"], "active": row["active"]}
            for row in top[:10]
            if row["active"] >= MIN_GROUP
        ],
    }


# --- Knowledge gaps --------------------------------------------------------------------------


def themes_in(row: dict, themes: dict[int, tuple[str, str]]) -> set[int]:
    """The themes a logged search was about: filtered by, or named in its words."""
    chosen = set()
    for part in row["filters"].split("&"):
        name, _, values = part.partition("=")
        if name == "theme":
            slugs = set(values.split(","))
            chosen |= {pk for pk, (_, slug) in themes.items() if slug in slugs}
    query = f" {row['query']} "
    chosen |= {pk for pk, (name, _) in themes.items() if f" {name.lower()} " in query}
    return chosen


def knowledge_gaps(today, themes: dict[int, tuple[str, str]]) -> dict:
    start = today - timedelta(weeks=SEARCH_WEEKS)
    rows = sources.search_log(start)
    networks_of = sources.search_log_networks(start)
    searching = defaultdict(set)
    supply = {row["themes"]: row["n"] for row in sources.theme_artefacts()}
    demand = Counter()
    zero_by_week = defaultdict(lambda: [0, 0])
    zero_queries = Counter()
    for row in rows:
        for theme_id in themes_in(row, themes):
            demand[theme_id] += row["searches"]
            searching[theme_id] |= networks_of.get(row["id"], set())
        zero_by_week[row["week"]][0] += row["searches"]
        zero_by_week[row["week"]][1] += row["zero_result_searches"]
        if row["zero_result_searches"]:
            zero_queries[row["query"]] += row["zero_result_searches"]
    gaps = sorted(
        (
            {
                "theme": themes[theme_id][0],
                "searches": searches,
                "networks": len(searching[theme_id]),
                "artefacts": supply.get(theme_id, 0),
                "searches_per_artefact": round(searches / max(supply.get(theme_id, 0), 1), 1),
            }
            for theme_id, searches in demand.items()
        ),
        key=lambda gap: (-gap["searches_per_artefact"], gap["theme"]),
    )[:GAPS_SHOWN]
    weeks = sorted(zero_by_week.items(), reverse=True)
    return {
        "weeks": SEARCH_WEEKS,
        "themes": gaps,
        "zero_result_weeks": [
            {"week": week.isoformat(), "searches": total, "zero_results": zero}
            for week, (total, zero) in weeks
        ],
        "zero_result_queries": [
            {"query": query, "searches": count}
            for query, count in sorted(zero_queries.items(), key=lambda item: (-item[1], item[0]))[
                :ZERO_RESULT_QUERIES
            ]
        ],
    }


# --- Everything ------------------------------------------------------------------------------


def compute_spread(*, now=None, map_links: int = MAP_LINKS) -> dict:
    """Every figure of the page; `all_links` (every link, compact) is for the CSV download and
    is stored apart from the rest, which the page reads on each visit."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    prefix = _site_prefix()
    themes = {theme.pk: (theme.name, theme.slug) for theme in Theme.objects.order_by("name")}
    map_data = network_map(sources.networks(), sources.links(), prefix)
    return {
        "network_map": strongest(map_data, map_links),
        "all_links": compact_links(map_data),
        "not_learned_from": not_learned_from(map_data),
        "themes": by_theme({pk: name for pk, (name, _) in themes.items()}),
        "outcome_labels": [outcome.label for outcome in TrialOutcome],
        "terms": by_term(today),
        "most_travelled": most_travelled(prefix),
        "engagement": engagement(sources.school_engagement()),
        "gaps": knowledge_gaps(today, themes),
    }
