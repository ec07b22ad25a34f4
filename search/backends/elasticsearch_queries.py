"""The Elasticsearch requests: searches and suggestions for an audience, as pure functions (so
their shape is asserted in contract tests).

The permission filter is part of the main query: aggregations (facet counts) only ever see
documents the audience may see. The person's own facet selections go into `post_filter`, and
each facet's aggregation applies the *other* facets' selections, so counts stay useful.
"""

from collections.abc import Iterable

from elasticsearch.dsl import Q, Search

from ..query import FACETS, HIGHLIGHT_END, HIGHLIGHT_START, SORT_NEWEST, SearchQuery, parse_text
from .base import FIELD_WEIGHTS, SNIPPET_FIELDS, Audience

FACET_SIZE = 100


def audience_contexts(audience: Audience) -> list[str] | None:
    """The completion contexts the audience may see (None: everything)."""
    if audience.everything:
        return None
    contexts = ["public"]
    if audience.members:
        contexts.append("members")
    contexts += [f"network:{network_id}" for network_id in sorted(audience.network_ids)]
    return contexts


def permission_filter(audience: Audience):
    """The same rule as the database backend's audience_sql(), as an Elasticsearch query."""
    if audience.everything:
        return None
    visible = [Q("term", visibility="public")]
    if audience.members:
        visible.append(Q("term", visibility="members"))
    if audience.network_ids:
        visible.append(
            Q(
                "bool",
                filter=[
                    Q("term", visibility="network"),
                    Q("terms", network_id=sorted(audience.network_ids)),
                ],
            )
        )
    return Q("bool", should=visible, minimum_should_match=1)


def facet_filter(name: str, values: tuple):
    return Q("terms", **{FACETS[name].field: list(values)})


def selections_filter(filters: dict[str, tuple], *, excluding: str | None = None):
    clauses = [facet_filter(name, values) for name, values in filters.items() if name != excluding]
    return Q("bool", filter=clauses) if clauses else Q("match_all")


# The same field weights as the database backend's bm25 (FIELD_WEIGHTS), as boosts.
TEXT_FIELDS = [
    f"{field}^{weight:g}" if weight != 1 else field for field, weight in FIELD_WEIGHTS.items()
]


def text_query(text: str):
    """Words must all match: exactly (with synonyms) or, ranked lower, with a typo (fuzzy,
    without synonyms, as Elasticsearch ignores fuzziness on synonym matches). Quoted phrases
    must match as phrases; excluded phrases must not match."""
    parsed = parse_text(text)
    if parsed.is_empty:
        return None
    single = [c.alternatives[0][0] for c in parsed.clauses if len(c.alternatives[0]) == 1]
    phrases = [" ".join(c.alternatives[0]) for c in parsed.clauses if len(c.alternatives[0]) > 1]
    must = []
    if single:
        words = " ".join(single)
        must.append(
            Q(
                "bool",
                should=[
                    Q("multi_match", query=words, fields=TEXT_FIELDS, operator="and"),
                    Q(
                        "multi_match",
                        query=words,
                        fields=TEXT_FIELDS,
                        operator="and",
                        fuzziness="AUTO",
                        prefix_length=1,
                        analyzer="english_text",
                        boost=0.3,
                    ),
                ],
                minimum_should_match=1,
            )
        )
    must += [
        Q("multi_match", query=phrase, fields=TEXT_FIELDS, type="phrase") for phrase in phrases
    ]
    must_not = [
        Q("multi_match", query=" ".join(words), fields=TEXT_FIELDS, type="phrase")
        for words in parsed.excluded
    ]
    return Q("bool", must=must, must_not=must_not)


def build_search(
    query: SearchQuery, audience: Audience, *, index: str, exclude: Iterable[int] = ()
) -> Search:
    """The request body for one search: pure, so its shape is asserted in contract tests.

    `exclude`: page ids whose copy here may be out of date and that the audience may no longer
    find; left out of the hits and of every count."""
    search = Search(index=index)
    must = text_query(query.text)
    permission = permission_filter(audience)
    excluded = sorted(set(exclude))
    search = search.query(
        Q(
            "bool",
            must=[must] if must else [Q("match_all")],
            filter=[permission] if permission else [],
            must_not=[Q("ids", values=[str(page_id) for page_id in excluded])] if excluded else [],
        )
    )
    selected = query.active_filters()
    if selected:
        search = search.post_filter(selections_filter(selected))
    for name, facet in FACETS.items():
        search.aggs.bucket(
            name, "filter", filter=selections_filter(selected, excluding=name)
        ).bucket("values", "terms", field=facet.field, size=FACET_SIZE)
    if must is None or query.effective_sort == SORT_NEWEST:
        search = search.sort({"published_at": {"order": "desc", "missing": "_last"}}, "_doc")
    else:
        search = search.sort("_score", {"published_at": {"order": "desc", "missing": "_last"}})
    if must is not None:
        search = search.highlight_options(
            pre_tags=[HIGHLIGHT_START], post_tags=[HIGHLIGHT_END], encoder="default"
        )
        search = search.highlight("title", number_of_fragments=0)
        for field in SNIPPET_FIELDS:
            search = search.highlight(field, fragment_size=180, number_of_fragments=1)
    search = search.source(
        [
            "page_id",
            "kind",
            "title",
            "url",
            "type",
            "summary",
            "network_id",
            "network_title",
            "published_at",
            "visibility",
        ]
    )
    return search.extra(from_=query.offset, size=query.page_size, track_total_hits=True)


def build_suggest(prefix: str, audience: Audience, *, index: str, limit: int = 8) -> Search:
    completion = {"field": "title_suggest", "skip_duplicates": True, "size": limit}
    contexts = audience_contexts(audience)
    if contexts is not None:
        completion["contexts"] = {"access": contexts}
    search = Search(index=index).source(["title", "url", "kind"]).extra(size=0)
    return search.suggest("titles", prefix, completion=completion)
