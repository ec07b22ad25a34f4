"""The embedded backend: the database's own full-text search over `SearchText` rows, with
facets, permissions and result lists read from the narrow `SearchDocument` rows. The SQL of each
database (SQLite FTS5, PostgreSQL full-text search) and the permission filter are in `sql`.

Every search runs a fixed number of SQL statements whatever the number of hits: the synonyms and
the index's version, the page of ids in rank order (two statements when a shortcut finds too
few results, see `_page_of_best_matches`), that page's rows with their highlights
(looked up by id), and, unless this audience asked the same since the index last changed (see
`search`), one statement for all facet counts and the total and (only when few or no results)
the vocabulary look-ups for "did you mean".
"""

# SQL here is assembled from fixed fragments (table and column names from `sql`); every
# value a person supplies is passed as a parameter.
# ruff: noqa: S608

import hashlib
from collections.abc import Iterable, Sequence

from django.core.cache import cache
from django.db import connections, transaction

from ..models import (
    SearchDocument,
    SearchFacet,
    SearchIndexState,
    SearchTerm,
    SearchText,
    Synonym,
    facet_rows,
    parse_synonym_terms,
)
from ..query import (
    FACETS,
    SORT_NEWEST,
    ParsedQuery,
    SearchQuery,
    expand_synonyms,
    highlight_to_html,
    parse_text,
    words_of,
)
from ..vocabulary import closest_words
from .base import (
    SNIPPET_FIELDS,
    Audience,
    FacetCount,
    IndexDocument,
    SearchHit,
    SearchResults,
    Suggestion,
)
from .rows import (
    as_datetime,
    choose_snippet,
    document_fields,
    remember_vocabulary,
    text_fields,
)
from .sql import (
    DIALECTS,
    DOCUMENT_TABLE,
    FACET_TABLE,
    FTS_TABLE,
    HIT_COLUMNS,
    SQL,
    TEXT_TABLE,
    TRUE,
    Dialect,
    audience_sql,
    placeholders,
)

FEW_RESULTS = 3
# From this many matches, facets are counted by reading the facet table in order (a whole-index
# read, about as long as looking up ~20,000 documents' rows, measured at 100,000 documents).
BROAD_MATCHES = 20_000
SUMMARY_CACHE_SECONDS = 600


def _fetch(connection, sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class DatabaseBackend:
    """Full-text search in the site's own database. Always available."""

    name = "database"

    def __init__(self, using: str = "default"):
        self.using = using

    @property
    def connection(self):
        return connections[self.using]

    @property
    def dialect(self) -> Dialect:
        try:
            return DIALECTS[self.connection.vendor]
        except KeyError as error:  # pragma: no cover - only SQLite and PostgreSQL are supported
            raise NotImplementedError(
                f"No full-text search for the {self.connection.vendor} database."
            ) from error

    # Indexing -----------------------------------------------------------------------------

    def index(self, documents: Iterable[IndexDocument]) -> None:
        documents = list(documents)
        with transaction.atomic(using=self.using):
            for document in documents:
                row, _created = SearchDocument.objects.using(self.using).update_or_create(
                    page_id=document.page_id, defaults=document_fields(document)
                )
                SearchText.objects.using(self.using).update_or_create(
                    document=row, defaults=text_fields(document)
                )
                SearchFacet.objects.using(self.using).filter(document=row).delete()
                SearchFacet.objects.using(self.using).bulk_create(facet_rows(row))
            remember_vocabulary(documents, using=self.using)
            SearchIndexState.bump(self.using)

    def delete(self, page_ids: Sequence[int]) -> None:
        with transaction.atomic(using=self.using):
            deleted, _ = (
                SearchDocument.objects.using(self.using).filter(page_id__in=list(page_ids)).delete()
            )
            if deleted:
                SearchIndexState.bump(self.using)

    def set_audience(self, page_id: int, *, visibility: str, network_id: int | None) -> bool:
        """Change who may find an indexed page, leaving its text as it is. True if it changed."""
        with transaction.atomic(using=self.using):
            changed = (
                SearchDocument.objects.using(self.using)
                .filter(page_id=page_id)
                .exclude(visibility=visibility, network_id=network_id)
                .update(visibility=visibility, network_id=network_id)
            )
            if changed:
                facets = SearchFacet.objects.using(self.using)
                rows = facets.filter(document__page_id=page_id, facet="network")
                if network_id is None:
                    rows.delete()
                elif not rows.update(value=str(network_id)):
                    document_id = SearchDocument.objects.using(self.using).get(page_id=page_id).pk
                    facets.create(document_id=document_id, facet="network", value=str(network_id))
                SearchIndexState.bump(self.using)
        return bool(changed)

    def visible_ids(self, page_ids: Iterable[int], audience: Audience) -> set[int]:
        """Which of these pages the audience may find now (one statement)."""
        page_ids = sorted(set(page_ids))
        if not page_ids:
            return set()
        where = SQL(f"d.page_id IN ({placeholders(page_ids)})", page_ids) & audience_sql(audience)
        sql = f"SELECT d.page_id FROM {DOCUMENT_TABLE} d WHERE {where.text}"
        return {row[0] for row in _fetch(self.connection, sql, where.params)}

    def known_values(self, facet_name: str, values: Sequence, audience: Audience) -> set[str]:
        """Which of these facet values some document the audience may see has (one statement:
        per value, the first such document, so a common value costs no more than a rare one)."""
        values = sorted({str(value) for value in values})
        if not values:
            return set()
        audience_where = audience_sql(audience)
        first = (
            f"SELECT (SELECT f.value FROM {FACET_TABLE} f "
            f"JOIN {DOCUMENT_TABLE} d ON d.id = f.document_id "
            f"WHERE f.facet = %s AND f.value = %s AND ({audience_where.text}) LIMIT 1)"
        )
        sql = " UNION ALL ".join([first] * len(values))
        params = [p for value in values for p in (facet_name, value, *audience_where.params)]
        return {str(row[0]) for row in _fetch(self.connection, sql, params) if row[0] is not None}

    def rebuild(self, documents: Iterable[IndexDocument], *, total: int = 0, progress=None):
        """Replace every row in one transaction: searches see the old index until commit."""
        with transaction.atomic(using=self.using):
            SearchFacet.objects.using(self.using).all().delete()
            SearchText.objects.using(self.using).all().delete()
            SearchDocument.objects.using(self.using).all().delete()
            SearchTerm.objects.using(self.using).all().delete()
            batch: list[IndexDocument] = []
            for document in documents:
                batch.append(document)
                if len(batch) >= 500:
                    self.bulk_insert(batch)
                    if progress:
                        progress(len(batch))
                    batch = []
            if batch:
                self.bulk_insert(batch)
                if progress:
                    progress(len(batch))
            SearchIndexState.bump(self.using)
        if self.connection.vendor == "sqlite":
            with self.connection.cursor() as cursor:
                cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")

    def bulk_insert(self, documents: list[IndexDocument]) -> None:
        """Add documents that are not in the index yet, a few statements per batch (rebuilds
        and bulk loads; the caller holds the transaction and bumps the index version)."""
        rows = SearchDocument.objects.using(self.using).bulk_create(
            [SearchDocument(page_id=d.page_id, **document_fields(d)) for d in documents]
        )
        SearchText.objects.using(self.using).bulk_create(
            [
                SearchText(document=row, **text_fields(d))
                for row, d in zip(rows, documents, strict=True)
            ]
        )
        SearchFacet.objects.using(self.using).bulk_create(
            [facet for row in rows for facet in facet_rows(row)], batch_size=2000
        )
        remember_vocabulary(documents, using=self.using)

    def indexed_versions(self) -> dict[int, str]:
        return dict(SearchDocument.objects.using(self.using).values_list("page_id", "content_hash"))

    # Searching ----------------------------------------------------------------------------

    def parse(self, text: str, synonyms: list[list[str]] | None = None) -> ParsedQuery:
        """The parsed query with the broker's synonyms expanded (one small query, unless the
        synonyms are given)."""
        parsed = parse_text(text)
        if parsed.is_empty:
            return parsed
        if synonyms is None:
            synonyms = self._synonyms()
        return expand_synonyms(parsed, synonyms)

    def _synonyms(self) -> list[list[str]]:
        # Plain SQL: this and the index's version run on every search, and the ORM's own
        # work would cost more than the statements.
        sql = f"SELECT terms FROM {Synonym._meta.db_table} ORDER BY terms"
        return [parse_synonym_terms(terms) for (terms,) in _fetch(self.connection, sql, [])]

    def _index_version(self) -> str:
        sql = f"SELECT version FROM {SearchIndexState._meta.db_table} WHERE id = 1"
        rows = _fetch(self.connection, sql, [])
        return rows[0][0] if rows else ""

    def search(self, query: SearchQuery, audience: Audience) -> SearchResults:
        synonyms = self._synonyms()
        parsed = self.parse(query.text, synonyms)
        # Facet counts, the total and "did you mean" are the same for everyone with the same
        # audience, words and filters until the index (or the synonyms, part of the key)
        # changes: the index's version is part of the key, so a change anywhere, by any
        # process, is seen at once. Only the page of ids is worked out on every request.
        key = self._summary_key(parsed, query, audience, synonyms)
        summary = cache.get(key)
        if summary is None:
            ids, matched = self._page_of_ids(parsed, query, audience, count=True)
            facets, total = self._count_facets(
                parsed, query, audience, broad=parsed.is_empty or matched >= BROAD_MATCHES
            )
            suggestion = ""
            if not parsed.is_empty and total < FEW_RESULTS:
                suggestion = self.did_you_mean(parse_text(query.text), audience, synonyms)
            cache.set(key, (facets, total, suggestion, matched), SUMMARY_CACHE_SECONDS)
        else:
            facets, total, suggestion, matched = summary
            # Nothing to read when the page starts beyond the last match.
            ids = []
            if query.offset < total:
                ids = self._page_of_ids(parsed, query, audience, share=(total, matched))[0]
        return SearchResults(
            hits=self._hits(ids, parsed),
            total=total,
            page=query.page,
            page_size=query.page_size,
            facets=facets,
            backend=self.name,
            did_you_mean=suggestion,
        )

    def _summary_key(self, parsed, query: SearchQuery, audience, synonyms) -> str:
        filters = "&".join(
            f"{name}={','.join(str(v) for v in values)}"
            for name, values in sorted(query.active_filters().items())
        )
        scope = f"{audience.cache_key}|{parsed!r}|{filters}|{sorted(synonyms)!r}"
        digest = hashlib.sha256(scope.encode()).hexdigest()
        return f"search:summary:{self._index_version()}:{digest}"

    def _source(self, parsed: ParsedQuery) -> tuple[str, SQL]:
        if parsed.is_empty:
            return f"{DOCUMENT_TABLE} d", TRUE
        return self.dialect.match_source(parsed)

    def _filter_sql(self, facet_name: str, values: tuple) -> SQL:
        facet = FACETS[facet_name]
        if facet.multi_valued:
            return SQL(
                f"EXISTS (SELECT 1 FROM {FACET_TABLE} fv WHERE fv.document_id = d.id "
                f"AND fv.facet = %s AND fv.value IN ({placeholders(values)}))",
                [facet_name, *(str(value) for value in values)],
            )
        return SQL(f"d.{facet.field} IN ({placeholders(values)})", list(values))

    def _filters_sql(self, filters: dict[str, tuple]) -> SQL:
        condition = TRUE
        for name, values in filters.items():
            if values:
                condition = condition & self._filter_sql(name, values)
        return condition

    def _page_of_ids(
        self, parsed, query: SearchQuery, audience, *, count: bool = False, share=None
    ) -> tuple[list[int], int]:
        """The page's ids in order, and (with `count`) how many documents the words match
        whoever may see them (0 when the page is empty or the dialect does not count cheaply),
        for `_count_facets` to choose its plan. `share`: (results, matches) of this search
        when known, for the page to be picked from the best matches alone."""
        by_rank = not parsed.is_empty and query.effective_sort != SORT_NEWEST
        if by_rank and share and share[1]:
            ids = self._page_of_best_matches(parsed, query, audience, share=share)
            if ids is not None:
                return ids, 0
        source, match = self._source(parsed)
        where = match & audience_sql(audience) & self._filters_sql(query.active_filters())
        if by_rank:
            order = f"{self.dialect.rank_order()}, d.id"
        else:
            order = "d.published_at DESC, d.id DESC"
        counted = self.dialect.match_count(parsed) if count and not parsed.is_empty else None
        counted = counted or SQL("0")
        sql = (
            f"SELECT d.id, {counted.text} FROM {source} WHERE {where.text} "
            f"ORDER BY {order} LIMIT %s OFFSET %s"
        )
        params = counted.params + where.params + [query.page_size, query.offset]
        rows = _fetch(self.connection, sql, params)
        return [row[0] for row in rows], (rows[0][1] if rows else 0)

    def _page_of_best_matches(
        self, parsed, query: SearchQuery, audience, *, share: tuple[int, int]
    ) -> list[int] | None:
        """The page picked from the best matches of the full-text index alone, so that only
        their document rows are read for the permission filter and the facet filters, not
        every match's. Enough of them are taken for twice the page, by the share of matches
        that were results last time: the same page as ranking every result (the same total
        order), or None when too few of them are results now (then every match is ranked)."""
        results, matches = share
        wanted = query.offset + query.page_size
        limit = -(-2 * wanted * matches // max(results, 1)) + 20
        best = self.dialect.best_matches(parsed, limit)
        if best is None:
            return None
        allowed = audience_sql(audience) & self._filters_sql(query.active_filters())
        sql = (
            f"SELECT best.id, CASE WHEN {allowed.text} THEN 1 ELSE 0 END "
            f"FROM ({best.text}) best JOIN {DOCUMENT_TABLE} d ON d.id = best.id "
            f"ORDER BY best.score, best.id"
        )
        rows = _fetch(self.connection, sql, allowed.params + best.params)
        ids = [document_id for document_id, ok in rows if ok]
        if len(ids) < wanted and len(rows) == limit:
            return None
        return ids[query.offset : wanted]

    def _hits(self, ids: list[int], parsed: ParsedQuery) -> list[SearchHit]:
        """The page's rows with highlights, looked up by id (so only these rows are read)."""
        if not ids:
            return []
        if parsed.is_empty:
            sql = (
                f"SELECT {HIT_COLUMNS} FROM {DOCUMENT_TABLE} d "
                f"JOIN {TEXT_TABLE} t ON t.document_id = d.id "
                f"WHERE d.id IN ({placeholders(ids)})"
            )
            rows = _fetch(self.connection, sql, list(ids))
            marked = {row[0]: (None,) * (1 + len(SNIPPET_FIELDS)) for row in rows}
        else:
            sql, params = self.dialect.hits_source(parsed, ids)
            rows = _fetch(self.connection, sql, params)
            marked = {row[0]: row[11 : 12 + len(SNIPPET_FIELDS)] for row in rows}
        by_id = {row[0]: row for row in rows}
        hits = []
        for document_id in ids:
            row = by_id.get(document_id)
            if row is None:  # deleted between the two statements
                continue
            title_marked, *snippets = marked[document_id]
            hits.append(
                SearchHit(
                    page_id=row[1],
                    kind=row[2],
                    title=row[3],
                    url=row[4],
                    type=row[5],
                    summary=row[6],
                    network_id=row[7],
                    network_title=row[8],
                    published_at=as_datetime(row[9]),
                    visibility=row[10],
                    title_html=highlight_to_html(title_marked or row[3]),
                    snippet_html=choose_snippet(snippets, fallback=row[6]),
                )
            )
        return hits

    def _count_facets(self, parsed, query: SearchQuery, audience, *, broad) -> tuple[dict, int]:
        """All facet counts and the total in one statement, from the facet table.

        The matching documents the audience may see are computed once (`base`); each facet is
        counted over the documents that pass every *other* facet's selection, so choosing a
        theme still shows how many results each other theme would give.

        Few matches: each one's facet rows are looked up (document-first index) and grouped.
        Many (`broad`): the facet table is read once in (facet, value) order, keeping the rows
        of matching documents, so no sort of hundreds of thousands of rows is needed; the
        unary plus stops the planner from choosing the per-document lookup instead.
        """
        source, match = self._source(parsed)
        where = match & audience_sql(audience)
        selected = query.active_filters()
        flags, flag_params = [], []
        for name, values in selected.items():
            condition = self._filter_sql(name, values)
            flags.append(f", CASE WHEN {condition.text} THEN 1 ELSE 0 END AS ok_{name}")
            flag_params += condition.params

        def passes(excluding: str | None) -> str:
            conditions = [f"base.ok_{name} = 1" for name in selected if name != excluding]
            return " AND ".join(conditions) or "1=1"

        if selected:
            # Facet names are fixed identifiers from FACETS, not input.
            cases = " ".join(f"WHEN '{name}' THEN {passes(name)}" for name in FACETS)
            counted = f"CASE f.facet {cases} ELSE 0=1 END"
        else:
            counted = "1=1"
        if broad:
            # One part per distinct condition (the unselected facets share one).
            conditions: dict[str, list[str]] = {}
            for name in FACETS:
                conditions.setdefault(passes(name), []).append(name)
            counting = " UNION ALL ".join(
                f"SELECT f.facet, f.value, COUNT(*) FROM {FACET_TABLE} f "
                f"WHERE f.facet IN ({', '.join(repr(name) for name in names)}) "
                f"AND +f.document_id IN (SELECT base.id FROM base WHERE {condition}) "
                f"GROUP BY f.facet, f.value"
                for condition, names in conditions.items()
            )
        else:
            counting = (
                f"SELECT f.facet, f.value, COUNT(*) FROM base "
                f"JOIN {FACET_TABLE} f ON f.document_id = base.id "
                f"WHERE {counted} GROUP BY f.facet, f.value"
            )
        sql = (
            f"WITH base AS MATERIALIZED (SELECT d.id{''.join(flags)} "
            f"FROM {source} WHERE {where.text}) {counting} "
            f"UNION ALL SELECT '', '', COUNT(*) FROM base WHERE {passes(None)}"
        )
        rows = _fetch(self.connection, sql, flag_params + where.params)

        total = 0
        facets: dict[str, list[FacetCount]] = {name: [] for name in FACETS}
        for name, value, count in rows:
            if name == "":
                total = count
            elif value not in (None, ""):
                facets[name].append(FacetCount(value=str(value), count=count))
        return facets, total

    def count(self, parsed: ParsedQuery, audience: Audience) -> int:
        source, match = self._source(parsed)
        where = match & audience_sql(audience)
        sql = f"SELECT COUNT(*) FROM {source} WHERE {where.text}"
        return _fetch(self.connection, sql, where.params)[0][0]

    def finds_any(self, parsed: ParsedQuery, audience: Audience) -> bool:
        """Whether the words find a document the audience may see (stops at the first)."""
        source, match = self._source(parsed)
        where = match & audience_sql(audience)
        sql = f"SELECT 1 FROM {source} WHERE {where.text} LIMIT 1"
        return bool(_fetch(self.connection, sql, where.params))

    def did_you_mean(
        self, parsed: ParsedQuery, audience: Audience, synonyms: list[list[str]] | None = None
    ) -> str:
        words = parsed.words
        corrections = closest_words(words, using=self.using)
        if not corrections:
            return ""
        corrected = " ".join(corrections.get(word, word) for word in words)
        # Offer it only if it finds something this person may see.
        if not self.finds_any(self.parse(corrected, synonyms), audience):
            return ""
        return corrected

    def suggest(self, prefix: str, audience: Audience, *, limit: int = 8) -> list[Suggestion]:
        words = words_of(prefix)
        if not words or len(words[-1]) < 2:
            return []
        source, match = self.dialect.suggest_match(words[-6:])
        where = match & audience_sql(audience)
        sql = (
            f"SELECT d.title, d.url, d.kind FROM {source} WHERE {where.text} "
            f"ORDER BY length(d.title), d.title LIMIT %s"
        )
        rows = _fetch(self.connection, sql, where.params + [limit])
        return [Suggestion(title=title, url=url, kind=kind) for title, url, kind in rows]
