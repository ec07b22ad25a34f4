"""The Elasticsearch backend, written with the elasticsearch-dsl API (`elasticsearch.dsl`): the
index is defined in `elasticsearch_index`, the requests in `elasticsearch_queries`; this module
talks to the server, and remembers for a while when it could not be reached.
"""

import logging
from collections.abc import Iterable, Sequence
from datetime import datetime

from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError, helpers

from django.conf import settings
from django.core.cache import cache
from django.utils.dateparse import parse_datetime

from ..models import PendingIndexUpdate, Synonym
from ..query import (
    FACETS,
    MAX_VALUES_PER_FACET,
    SearchQuery,
    highlight_to_html,
    parse_text,
    words_of,
)
from ..vocabulary import closest_words
from .base import (
    SNIPPET_FIELDS,
    Audience,
    BackendUnavailable,
    FacetCount,
    IndexDocument,
    SearchHit,
    SearchResults,
    Suggestion,
)
from .database import DatabaseBackend
from .elasticsearch_index import (
    alias_name,
    build_index,
    new_index_name,
    synonym_rules,
    synonyms_set_id,
    to_source,
)
from .elasticsearch_queries import build_search, build_suggest
from .rows import choose_snippet

logger = logging.getLogger(__name__)

FEW_RESULTS = 3
# More pages than this waiting for an update here, and searches answer from the database.
MAX_PENDING = 1000
DOWN_CACHE_KEY = "search:elasticsearch-down"


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
        self.database = DatabaseBackend()

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
            self.push_synonyms([s.term_list for s in Synonym.objects.all()])
            name = new_index_name()
            self._call(build_index(name).create, using=self.client)
            self._call(
                self.client.indices.update_aliases,
                actions=[{"add": {"index": name, "alias": alias_name()}}],
            )

    def rebuild(self, documents: Iterable[IndexDocument], *, total: int = 0, progress=None):
        """Load a new timestamped index, then point the alias at it and drop the old ones."""
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

    # Never showing what the reader may no longer find ------------------------------------
    # The database index changes in the same transaction as the pages; this index follows it
    # through the worker. Until it has, a page with a pending update may be out of date here:
    # those the reader may no longer find are left out of the query (hits and counts alike),
    # and every hit is checked against the database index before it is shown.

    def hidden_pending(self, audience: Audience) -> set[int]:
        """Pages waiting for an update here that the audience may not find now. Raises
        BackendUnavailable (the database answers instead) when too many are waiting."""
        pending = list(
            PendingIndexUpdate.objects.values_list("page_id", flat=True)[: MAX_PENDING + 1]
        )
        if len(pending) > MAX_PENDING:
            raise BackendUnavailable("Elasticsearch is catching up with many changes.")
        return set(pending) - self.database.visible_ids(pending, audience)

    def search(self, query: SearchQuery, audience: Audience) -> SearchResults:
        excluded = self.hidden_pending(audience)
        results = self._search(query, audience, excluded)
        shown = {hit.page_id for hit in results.hits}
        stale = shown - self.database.visible_ids(shown, audience)
        if stale:
            # Changed since the pending rows were read: ask again without them, for the counts.
            results = self._search(query, audience, excluded | stale)
            shown = {hit.page_id for hit in results.hits}
            visible = self.database.visible_ids(shown, audience)
            results.hits = [hit for hit in results.hits if hit.page_id in visible]
        return results

    def _search(self, query: SearchQuery, audience: Audience, excluded: set[int]) -> SearchResults:
        search = build_search(query, audience, index=alias_name(), exclude=excluded)
        response = self._call(search.using(self.client).execute)
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
            snippet_html=choose_snippet(
                [(highlight.get(field) or [None])[0] for field in SNIPPET_FIELDS], fallback=summary
            ),
        )

    def suggest(self, prefix: str, audience: Audience, *, limit: int = 8) -> list[Suggestion]:
        words = words_of(prefix)
        if not words or len(words[-1]) < 2:
            return []
        # Twice as many as wanted, so that a few out-of-date ones can be left out.
        search = build_suggest(" ".join(words), audience, index=alias_name(), limit=limit * 2)
        response = self._call(search.using(self.client).execute)
        options = response.suggest["titles"][0]["options"]
        visible = self.database.visible_ids((int(option["_id"]) for option in options), audience)
        return [
            Suggestion(
                title=option["_source"]["title"],
                url=option["_source"]["url"],
                kind=option["_source"]["kind"],
            )
            for option in options
            if int(option["_id"]) in visible
        ][:limit]

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
    return parse_datetime(value)
