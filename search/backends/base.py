"""The one interface every search backend implements, and the shapes it answers with.

A backend never decides who may see what: it receives an `Audience` (worked out by
`search.audience.audience_for(user)`) and must apply it inside the query itself, so that
neither the hits nor the facet counts include anything the audience may not see.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol, runtime_checkable

from ..query import SearchQuery

# How much a word found in each text field counts towards a document's score, the same in every
# backend: FTS5 bm25() column weights, PostgreSQL ts_rank weights of the classes A-D
# (`POSTGRES_WEIGHT_CLASSES`), Elasticsearch field boosts. The title counts most, then the
# summary and keywords (themes, tags, schools), then the body, then attached documents.
FIELD_WEIGHTS = {"title": 10.0, "summary": 4.0, "keywords": 3.0, "body": 1.0, "attachments": 0.5}
# A result's snippet is cut from the text that matched: the body, then attached files' text.
# Never from keywords (tags, school names, themes) nor the summary, which is the fallback
# shown, unmarked, when nothing matched in these.
SNIPPET_FIELDS = ("body", "attachments")


class BackendUnavailable(Exception):
    """The backend cannot be reached or failed; the caller falls back or retries."""


@dataclass(frozen=True)
class Audience:
    """What a person may find, besides public documents.

    everything: every document (brokers and admins); members: members-only documents too;
    network_ids: network-only documents of these networks (the person's own).
    """

    everything: bool = False
    members: bool = False
    network_ids: frozenset[int] = frozenset()

    @property
    def cache_key(self) -> str:
        if self.everything:
            return "all"
        ids = ",".join(str(i) for i in sorted(self.network_ids))
        return f"{int(self.members)}:{ids}"


PUBLIC = Audience()


@dataclass(frozen=True)
class IndexDocument:
    """A page as every backend indexes it (built by its registered `PageDocument`)."""

    page_id: int
    kind: str
    title: str
    summary: str
    body: str
    attachments: str
    keywords: str
    url: str
    type: str
    themes: tuple[str, ...]
    phases: tuple[str, ...]
    regions: tuple[str, ...]
    network_id: int | None
    network_title: str
    year: int | None
    evidence_strength: int | None
    visibility: str
    published_at: datetime | None
    content_hash: str


@dataclass
class SearchHit:
    page_id: int
    kind: str
    title: str
    url: str
    type: str
    summary: str
    network_id: int | None
    network_title: str
    published_at: datetime | None
    visibility: str
    score: float = 0.0
    # HTML-safe: escaped text with <mark> around the matched words.
    title_html: str = ""
    snippet_html: str = ""


@dataclass
class FacetCount:
    value: str
    count: int
    label: str = ""
    selected: bool = False


@dataclass
class SearchResults:
    hits: list[SearchHit]
    total: int
    page: int
    page_size: int
    # facet name -> counts, most frequent first; counts respect the audience and the other
    # facets' selections (a facet's own selection does not narrow its own counts).
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)
    did_you_mean: str = ""
    backend: str = ""

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


@dataclass
class Suggestion:
    title: str
    url: str
    kind: str


class SearchBackend(Protocol):
    """What `search.selectors` and `search.services` need from a backend."""

    name: str

    def index(self, documents: Iterable[IndexDocument]) -> None:
        """Add or replace these documents (idempotent)."""

    def delete(self, page_ids: Sequence[int]) -> None:
        """Remove these documents; ids that are not indexed are ignored."""

    def search(self, query: SearchQuery, audience: Audience) -> SearchResults:
        """Hits for one page, facet counts, total; raises BackendUnavailable."""

    def suggest(self, prefix: str, audience: Audience, *, limit: int = 8) -> list[Suggestion]:
        """Titles starting with (a word starting with) the prefix that the audience may see."""

    def indexed_versions(self) -> dict[int, str]:
        """page_id -> content_hash of everything in the index (for drift checks)."""


@runtime_checkable
class RebuildableBackend(Protocol):
    def rebuild(self, documents: Iterable[IndexDocument], *, total: int, progress=None) -> None:
        """Replace the whole index with these documents, without interrupting searches."""
