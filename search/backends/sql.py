"""SQL for the database backend: the permission filter and each database's full-text dialect.

SQLite: an FTS5 table `search_fts` (porter stemming over unicode61, bm25 ranking with the title
weighted highest as its `rank`, snippet()/highlight() for highlights), kept in step with the
text table by triggers (migration 0002).
PostgreSQL: a generated `search_vector` tsvector column with a GIN index, queried with tsqueries
built from the parsed query (phraseto_tsquery per phrase, so nothing typed is syntax), ranked
with ts_rank (title weight A) and highlighted with ts_headline.
"""

from abc import ABC, abstractmethod

# SQL here is assembled from fixed fragments (table and column names from this module); every
# value a person supplies is passed as a parameter.
# ruff: noqa: S608
from collections.abc import Sequence
from dataclasses import dataclass, field

from core.visibility import Visibility

from ..models import SearchDocument, SearchFacet, SearchText
from ..query import HIGHLIGHT_END, HIGHLIGHT_START, Clause, ParsedQuery
from .base import FIELD_WEIGHTS, SNIPPET_FIELDS, Audience

DOCUMENT_TABLE = SearchDocument._meta.db_table
TEXT_TABLE = SearchText._meta.db_table
FACET_TABLE = SearchFacet._meta.db_table
FTS_TABLE = "search_fts"
# The FTS5 table's columns, in order (migration 0002).
FTS_COLUMNS = ("title", "summary", "body", "attachments", "keywords")
BM25_WEIGHTS = ", ".join(str(FIELD_WEIGHTS[column]) for column in FTS_COLUMNS)
# ts_rank's weights of the classes {D, C, B, A}: attachments D, body C, summary and keywords B,
# title A (migration 0002's search_vector), in FIELD_WEIGHTS' proportions.
POSTGRES_WEIGHT_CLASSES = (
    "{"
    + ", ".join(
        str(FIELD_WEIGHTS[field] / FIELD_WEIGHTS["title"])
        for field in ("attachments", "body", "summary", "title")
    )
    + "}"
)
# ts_rank normalisation 1: divide by 1 + log(document length), as BM25 discounts long documents.
POSTGRES_RANK_NORMALISATION = 1
SNIPPET_TOKENS = 28
HIT_COLUMNS = (
    "d.id, d.page_id, d.kind, d.title, d.url, d.type, t.summary, d.network_id, "
    "d.network_title, d.published_at, d.visibility"
)


@dataclass
class SQL:
    """A fragment of SQL with its parameters."""

    text: str
    params: list = field(default_factory=list)

    def __and__(self, other: "SQL") -> "SQL":
        return SQL(f"({self.text}) AND ({other.text})", self.params + other.params)


TRUE = SQL("1=1")


def placeholders(values: Sequence) -> str:
    return ", ".join(["%s"] * len(values))


def audience_sql(audience: Audience) -> SQL:
    """The permission filter: applied to every statement, so counts cannot leak either."""
    if audience.everything:
        return TRUE
    parts = ["d.visibility = %s"]
    params: list = [Visibility.PUBLIC.value]
    if audience.members:
        parts.append("d.visibility = %s")
        params.append(Visibility.MEMBERS.value)
    if audience.network_ids:
        ids = sorted(audience.network_ids)
        parts.append(f"(d.visibility = %s AND d.network_id IN ({placeholders(ids)}))")
        params += [Visibility.NETWORK.value, *ids]
    return SQL(" OR ".join(parts), params)


class Dialect(ABC):
    """What each database says differently; SQLiteDialect and PostgresDialect answer."""

    vendor = ""

    @abstractmethod
    def match_source(self, parsed: ParsedQuery) -> tuple[str, SQL]:
        """(FROM clause with the document table as `d`, condition selecting the matches)."""

    @abstractmethod
    def rank_order(self) -> str:
        """ORDER BY expression, best match first (valid with match_source)."""

    def match_count(self, parsed: ParsedQuery) -> SQL | None:
        """A cheap scalar subquery counting the documents the words match, or None."""
        return None

    def best_matches(self, parsed: ParsedQuery, limit: int) -> SQL | None:
        """The first `limit` matches, whoever may see them, as a table (id, score) in rank
        order (score, then id): the full-text index alone, no document row read. None when the
        dialect has no such shortcut."""
        return None

    @abstractmethod
    def hits_source(self, parsed: ParsedQuery, ids: list[int]) -> tuple[str, list]:
        """SELECT of HIT_COLUMNS, the highlighted title and one snippet per SNIPPET_FIELDS
        column, for these document ids."""

    @abstractmethod
    def suggest_match(self, words: list[str]) -> tuple[str, SQL]: ...


class SQLiteDialect(Dialect):
    vendor = "sqlite"

    @staticmethod
    def fts_query(parsed: ParsedQuery) -> str:
        def phrase(words):
            return '"' + " ".join(words).replace('"', '""') + '"'

        def clause(c: Clause):
            alternatives = [phrase(words) for words in c.alternatives]
            return (
                alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"
            )

        text = " AND ".join(clause(c) for c in parsed.clauses)
        if parsed.excluded:
            text += " NOT (" + " OR ".join(phrase(words) for words in parsed.excluded) + ")"
        return text

    def match_source(self, parsed):
        return (
            f"{FTS_TABLE} JOIN {DOCUMENT_TABLE} d ON d.id = {FTS_TABLE}.rowid",
            SQL(f"{FTS_TABLE} MATCH %s", [self.fts_query(parsed)]),
        )

    def match_count(self, parsed):
        # Counts the full-text index's own list of matches: no row is read.
        return SQL(
            f"(SELECT COUNT(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)",
            [self.fts_query(parsed)],
        )

    def best_matches(self, parsed, limit):
        return SQL(
            f"SELECT rowid AS id, {self.rank_order()} AS score FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s ORDER BY score, rowid LIMIT %s",
            [self.fts_query(parsed), limit],
        )

    def rank_order(self) -> str:
        # Constant weights from FIELD_WEIGHTS (not the table's configured rank, which keeps
        # migration 0002's weights); bm25() is negative, best first.
        return f"bm25({FTS_TABLE}, {BM25_WEIGHTS})"

    def hits_source(self, parsed, ids):
        marks = [HIGHLIGHT_START, HIGHLIGHT_END]
        snippet = f"snippet({FTS_TABLE}, %s, %s, %s, '…', {SNIPPET_TOKENS})"
        columns = HIT_COLUMNS.replace("t.summary", f"{FTS_TABLE}.summary")
        snippets = ", ".join(snippet for _ in SNIPPET_FIELDS)
        sql = (
            f"SELECT {columns}, highlight({FTS_TABLE}, 0, %s, %s), {snippets} "
            f"FROM {FTS_TABLE} JOIN {DOCUMENT_TABLE} d ON d.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND {FTS_TABLE}.rowid IN ({placeholders(ids)})"
        )
        params = list(marks)
        for name in SNIPPET_FIELDS:
            params += [FTS_COLUMNS.index(name), *marks]
        return sql, params + [self.fts_query(parsed), *ids]

    def suggest_match(self, words: list[str]) -> tuple[str, SQL]:
        *complete, prefix = words
        terms = [f'"{word}"' for word in complete] + [f'"{prefix}"*']
        query = "{title} : (" + " AND ".join(terms) + ")"
        return (
            f"{FTS_TABLE} JOIN {DOCUMENT_TABLE} d ON d.id = {FTS_TABLE}.rowid",
            SQL(f"{FTS_TABLE} MATCH %s", [query]),
        )


class PostgresDialect(Dialect):
    vendor = "postgresql"
    CONFIG = "english"

    def tsquery(self, parsed: ParsedQuery) -> SQL:
        def phrase(words):
            return SQL(f"phraseto_tsquery('{self.CONFIG}', %s)", [" ".join(words)])

        def either(phrases: list[SQL]) -> SQL:
            return SQL(
                "(" + " || ".join(p.text for p in phrases) + ")",
                [param for p in phrases for param in p.params],
            )

        parts = [either([phrase(words) for words in c.alternatives]) for c in parsed.clauses]
        if parsed.excluded:
            negated = either([phrase(words) for words in parsed.excluded])
            parts.append(SQL(f"!!{negated.text}", negated.params))
        return SQL(
            "(" + " && ".join(p.text for p in parts) + ")",
            [param for p in parts for param in p.params],
        )

    def _source(self, query: SQL) -> tuple[str, list]:
        return (
            f"{TEXT_TABLE} t JOIN {DOCUMENT_TABLE} d ON d.id = t.document_id "
            f"CROSS JOIN (SELECT {query.text} AS query) q",
            query.params,
        )

    def match_source(self, parsed):
        source, params = self._source(self.tsquery(parsed))
        # The tsquery's parameters sit in the FROM clause, before every WHERE parameter.
        return source, SQL("t.search_vector @@ q.query", params)

    def rank_order(self) -> str:
        return (
            f"ts_rank('{POSTGRES_WEIGHT_CLASSES}', t.search_vector, q.query, "
            f"{POSTGRES_RANK_NORMALISATION}) DESC"
        )

    def hits_source(self, parsed, ids):
        whole = f"HighlightAll=true, StartSel={HIGHLIGHT_START}, StopSel={HIGHLIGHT_END}"
        short = (
            f'MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … ", '
            f"StartSel={HIGHLIGHT_START}, StopSel={HIGHLIGHT_END}"
        )
        headline = f"ts_headline('{self.CONFIG}', left({{column}}, 20000), q.query, %s)"
        columns = ["t.title"] + [f"t.{name}" for name in SNIPPET_FIELDS]
        highlights = ", ".join(headline.format(column=column) for column in columns)
        source, source_params = self._source(self.tsquery(parsed))
        sql = (
            f"SELECT {HIT_COLUMNS}, {highlights} FROM {source} WHERE d.id IN ({placeholders(ids)})"
        )
        shorts = [short] * len(SNIPPET_FIELDS)
        return sql, [whole, *shorts, *source_params, *ids]

    def suggest_match(self, words: list[str]) -> tuple[str, SQL]:
        *complete, prefix = words
        terms = [f"{word}:A" for word in complete] + [f"{prefix}:*A"]
        source, params = self._source(SQL(f"to_tsquery('{self.CONFIG}', %s)", [" & ".join(terms)]))
        return source, SQL("t.search_vector @@ q.query", params)


DIALECTS = {"sqlite": SQLiteDialect(), "postgresql": PostgresDialect()}
