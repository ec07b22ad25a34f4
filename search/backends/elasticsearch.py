"""The Elasticsearch backend, written with the elasticsearch-dsl API (`elasticsearch.dsl`).

- One Document (`SearchItem`) with an English analyzer; the search-time analyzer adds the
  broker's synonyms through an updateable `synonym_graph` filter reading a synonyms set, so a
  change of synonyms needs no reindex (see `push_synonyms`).
- A completion field on the title for suggestions, with a category context holding who may
  see the document, so suggestions respect visibility as searches do.
- The permission filter is part of the main query: aggregations (facet counts) only ever see
  documents the audience may see. The person's own facet selections go into `post_filter`, and
  each facet's aggregation applies the *other* facets' selections, so counts stay useful.
- Index names carry the environment prefix: `<prefix>-search-<timestamp>`, read through the
  alias `<prefix>-search`; a rebuild loads a new index and swaps the alias in one request.
"""

import logging
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError, helpers
from elasticsearch.dsl import (
    Completion,
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    Q,
    Search,
    Text,
    analyzer,
    token_filter,
)

from django.conf import settings
from django.core.cache import cache

from ..query import (
    FACETS,
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    MAX_VALUES_PER_FACET,
    SORT_NEWEST,
    SearchQuery,
    highlight_to_html,
    parse_text,
    words_of,
)
from .base import (
    Audience,
    BackendUnavailable,
    FacetCount,
    IndexDocument,
    SearchHit,
    SearchResults,
    Suggestion,
)

logger = logging.getLogger(__name__)

FEW_RESULTS = 3
FACET_SIZE = 100
SUGGESTION_INPUTS = 6
DOWN_CACHE_KEY = "search:elasticsearch-down"

ENGLISH_FILTERS = {
    "english_possessive": token_filter(
        "english_possessive", "stemmer", language="possessive_english"
    ),
    "english_stop": token_filter("english_stop", "stop", stopwords="_english_"),
    "english_stemmer": token_filter("english_stemmer", "stemmer", language="english"),
}
# Indexing: the standard English chain, without synonyms (they are applied at search time).
english_text = analyzer(
    "english_text",
    tokenizer="standard",
    filter=[
        ENGLISH_FILTERS["english_possessive"],
        "lowercase",
        ENGLISH_FILTERS["english_stop"],
        ENGLISH_FILTERS["english_stemmer"],
    ],
)


def synonyms_set_id() -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-synonyms"


def alias_name() -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-search"


def english_search_analyzer():
    """Search time: synonyms (multi-word aware) before stop words and stemming."""
    synonyms = token_filter(
        "broker_synonyms", "synonym_graph", synonyms_set=synonyms_set_id(), updateable=True
    )
    return analyzer(
        "english_search",
        tokenizer="standard",
        filter=[
            ENGLISH_FILTERS["english_possessive"],
            "lowercase",
            synonyms,
            ENGLISH_FILTERS["english_stop"],
            ENGLISH_FILTERS["english_stemmer"],
        ],
    )


def _text(**kwargs):
    return Text(analyzer="english_text", search_analyzer="english_search", **kwargs)


class SearchItem(Document):
    """An artefact or a network in the index. `_id` is the Wagtail page id."""

    page_id = Integer()
    kind = Keyword()
    title = _text(fields={"raw": Keyword()})
    title_suggest = Completion(analyzer="simple", contexts=[{"name": "access", "type": "category"}])
    summary = _text()
    body = _text()
    attachments = _text()
    keywords = _text()
    url = Keyword(index=False)
    type = Keyword()
    themes = Keyword(multi=True)
    phases = Keyword(multi=True)
    regions = Keyword(multi=True)
    network_id = Integer()
    network_title = Keyword(index=False)
    year = Integer()
    evidence_strength = Integer()
    visibility = Keyword()
    published_at = Date()
    content_hash = Keyword(index=False)

    class Index:
        name = "search"  # the real name is given by build_index()


def build_index(name: str) -> Index:
    """The index definition (settings, analysis and mappings) under a concrete name."""
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.analyzer(english_text)
    index.analyzer(english_search_analyzer())
    index.document(SearchItem)
    return index


def new_index_name() -> str:
    return f"{alias_name()}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"


def access_context(document: IndexDocument) -> str:
    if document.visibility == "network":
        return f"network:{document.network_id}"
    return document.visibility


def audience_contexts(audience: Audience) -> list[str] | None:
    """The completion contexts the audience may see (None: everything)."""
    if audience.everything:
        return None
    contexts = ["public"]
    if audience.signed_in:
        contexts.append("members")
    contexts += [f"network:{network_id}" for network_id in sorted(audience.network_ids)]
    return contexts


def permission_filter(audience: Audience):
    """The same rule as the database backend's audience_sql(), as an Elasticsearch query."""
    if audience.everything:
        return None
    visible = [Q("term", visibility="public")]
    if audience.signed_in:
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


TEXT_FIELDS = ["title^10", "summary^4", "keywords^3", "body", "attachments^0.5"]


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


def build_search(query: SearchQuery, audience: Audience, *, index: str) -> Search:
    """The request body for one search: pure, so its shape is asserted in contract tests."""
    search = Search(index=index)
    must = text_query(query.text)
    permission = permission_filter(audience)
    search = search.query(
        Q(
            "bool",
            must=[must] if must else [Q("match_all")],
            filter=[permission] if permission else [],
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
        for field in ("summary", "body", "attachments", "keywords"):
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


def synonym_rules(synonym_sets: Iterable[Sequence[str]]) -> list[dict]:
    """Synonyms-set rules in Solr format: equivalent terms separated by commas."""
    return [
        {"id": f"rule-{number}", "synonyms": ", ".join(terms)}
        for number, terms in enumerate(synonym_sets, start=1)
    ]


def suggestion_inputs(title: str) -> list[str]:
    """The title and its endings from each later word, so "lea" finds "Assessment for learning"."""
    words = title.split()
    return [" ".join(words[i:]) for i in range(min(len(words), SUGGESTION_INPUTS))]


def to_source(document: IndexDocument) -> dict:
    return {
        "page_id": document.page_id,
        "kind": document.kind,
        "title": document.title,
        "title_suggest": {
            "input": suggestion_inputs(document.title),
            "contexts": {"access": [access_context(document)]},
        },
        "summary": document.summary,
        "body": document.body,
        "attachments": document.attachments,
        "keywords": document.keywords,
        "url": document.url,
        "type": document.type,
        "themes": list(document.themes),
        "phases": list(document.phases),
        "regions": list(document.regions),
        "network_id": document.network_id,
        "network_title": document.network_title,
        "year": document.year,
        "evidence_strength": document.evidence_strength,
        "visibility": document.visibility,
        "published_at": document.published_at.isoformat() if document.published_at else None,
        "content_hash": document.content_hash,
    }


_clients: dict[tuple[str, float], Elasticsearch] = {}


def get_client() -> Elasticsearch:
    key = (settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_TIMEOUT_SECONDS)
    if key not in _clients:
        _clients[key] = Elasticsearch(
            settings.ELASTICSEARCH_URL,
            request_timeout=settings.ELASTICSEARCH_TIMEOUT_SECONDS,
            max_retries=0,
            retry_on_timeout=False,
        )
    return _clients[key]


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, client: Elasticsearch | None = None):
        self._client = client

    @property
    def client(self) -> Elasticsearch:
        return self._client or get_client()

    def _call(self, action, *args, **kwargs):
        try:
            return action(*args, **kwargs)
        except (TransportError, ApiError) as error:
            cache.set(DOWN_CACHE_KEY, True, settings.ELASTICSEARCH_RETRY_AFTER_SECONDS)
            raise BackendUnavailable(f"Elasticsearch: {error}") from error

    @staticmethod
    def recently_failed() -> bool:
        return bool(cache.get(DOWN_CACHE_KEY))

    # Synonyms and index life cycle ---------------------------------------------------------

    def push_synonyms(self, synonym_sets: Iterable[Sequence[str]]) -> None:
        """Replace the synonyms set; Elasticsearch reloads the search analyzers using it."""
        self._call(
            self.client.synonyms.put_synonym,
            id=synonyms_set_id(),
            synonyms_set=synonym_rules(synonym_sets),
        )

    def ensure_index(self) -> None:
        """Create the first index behind the alias when there is none yet."""
        exists = self._call(self.client.indices.exists_alias, name=alias_name())
        if not exists:
            from ..models import Synonym

            self.push_synonyms([s.term_list for s in Synonym.objects.all()])
            name = new_index_name()
            self._call(build_index(name).create, using=self.client)
            self._call(
                self.client.indices.update_aliases,
                actions=[{"add": {"index": name, "alias": alias_name()}}],
            )

    def rebuild(self, documents: Iterable[IndexDocument], *, total: int = 0, progress=None):
        """Load a new timestamped index, then point the alias at it and drop the old ones."""
        from ..models import Synonym

        self.push_synonyms([s.term_list for s in Synonym.objects.all()])
        name = new_index_name()
        self._call(build_index(name).create, using=self.client)
        actions = (
            {"_index": name, "_id": document.page_id, "_source": to_source(document)}
            for document in documents
        )
        try:
            for ok, item in helpers.streaming_bulk(
                self.client, actions, chunk_size=500, raise_on_error=False
            ):
                if not ok:
                    logger.error("Could not index %s", item)
                if progress:
                    progress(1)
            self.client.indices.refresh(index=name)
        except (TransportError, ApiError) as error:
            # The alias still points at the old index: searching never stopped. Drop the
            # half-loaded one (best effort) so that failed rebuilds leave nothing behind.
            try:
                self.client.indices.delete(index=name, ignore_unavailable=True)
            except (TransportError, ApiError):
                logger.warning("Could not delete the half-built index %s", name)
            raise BackendUnavailable(f"Elasticsearch: {error}") from error
        self.swap_alias(name)

    def swap_alias(self, name: str) -> None:
        alias = alias_name()
        try:
            current = list(self.client.indices.get_alias(name=alias).keys())
        except NotFoundError:
            current = []
        except (TransportError, ApiError) as error:
            raise BackendUnavailable(str(error)) from error
        actions = [{"remove": {"index": old, "alias": alias}} for old in current]
        actions.append({"add": {"index": name, "alias": alias}})
        self._call(self.client.indices.update_aliases, actions=actions)
        for old in current:
            if old != name:
                self._call(self.client.indices.delete, index=old, ignore_unavailable=True)

    # The SearchBackend interface -----------------------------------------------------------

    def index(self, documents: Iterable[IndexDocument]) -> None:
        documents = list(documents)
        if not documents:
            return
        self.ensure_index()
        actions = [
            {"_index": alias_name(), "_id": d.page_id, "_source": to_source(d)} for d in documents
        ]
        self._call(helpers.bulk, self.client, actions, refresh="wait_for")

    def delete(self, page_ids: Sequence[int]) -> None:
        actions = [
            {"_op_type": "delete", "_index": alias_name(), "_id": page_id} for page_id in page_ids
        ]
        if not actions:
            return
        try:
            helpers.bulk(self.client, actions, refresh="wait_for", raise_on_error=False)
        except (TransportError, ApiError) as error:
            cache.set(DOWN_CACHE_KEY, True, settings.ELASTICSEARCH_RETRY_AFTER_SECONDS)
            raise BackendUnavailable(str(error)) from error

    def search(self, query: SearchQuery, audience: Audience) -> SearchResults:
        search = build_search(query, audience, index=alias_name()).using(self.client)
        response = self._call(search.execute)
        hits = [self._hit(hit) for hit in response.hits]
        facets = {}
        for name in FACETS:
            buckets = response.aggregations[name]["values"]["buckets"]
            facets[name] = [
                FacetCount(value=str(bucket["key"]), count=bucket["doc_count"])
                for bucket in buckets[: MAX_VALUES_PER_FACET * 5]
            ]
        results = SearchResults(
            hits=hits,
            total=response.hits.total.value,
            page=query.page,
            page_size=query.page_size,
            facets=facets,
            backend=self.name,
        )
        if query.text.strip() and results.total < FEW_RESULTS:
            from ..vocabulary import closest_words

            words = parse_text(query.text).words
            corrections = closest_words(words)
            if corrections:
                results.did_you_mean = " ".join(corrections.get(w, w) for w in words)
        return results

    @staticmethod
    def _hit(hit) -> SearchHit:
        source = hit.to_dict()
        highlight = getattr(hit.meta, "highlight", None)
        highlight = highlight.to_dict() if highlight else {}
        title = source.get("title", "")
        snippet = ""
        for field in ("summary", "body", "attachments", "keywords"):
            if highlight.get(field):
                snippet = highlight[field][0]
                break
        summary = source.get("summary", "")
        published = source.get("published_at")
        return SearchHit(
            page_id=source.get("page_id") or int(hit.meta.id),
            kind=source.get("kind", ""),
            title=title,
            url=source.get("url", ""),
            type=source.get("type", ""),
            summary=summary,
            network_id=source.get("network_id"),
            network_title=source.get("network_title", ""),
            published_at=published if isinstance(published, datetime) else _parse(published),
            visibility=source.get("visibility", ""),
            score=float(hit.meta.score or 0),
            title_html=highlight_to_html(highlight.get("title", [title])[0]),
            snippet_html=highlight_to_html(snippet or summary[:240]),
        )

    def suggest(self, prefix: str, audience: Audience, *, limit: int = 8) -> list[Suggestion]:
        words = words_of(prefix)
        if not words or len(words[-1]) < 2:
            return []
        search = build_suggest(" ".join(words), audience, index=alias_name(), limit=limit)
        response = self._call(search.using(self.client).execute)
        options = response.suggest["titles"][0]["options"]
        return [
            Suggestion(
                title=option["_source"]["title"],
                url=option["_source"]["url"],
                kind=option["_source"]["kind"],
            )
            for option in options
        ]

    def indexed_versions(self) -> dict[int, str]:
        try:
            return {
                int(hit["_id"]): hit["_source"].get("content_hash", "")
                for hit in helpers.scan(
                    self.client, index=alias_name(), _source=["content_hash"], size=1000
                )
            }
        except NotFoundError:
            return {}
        except (TransportError, ApiError) as error:
            raise BackendUnavailable(str(error)) from error


def _parse(value):
    if not value:
        return None
    from django.utils.dateparse import parse_datetime

    return parse_datetime(value)
