"""A search request, independent of any backend: the text, the facet filters, sort and page.

`parse_text` turns what a person typed into clauses of words and phrases; `expand_synonyms`
replaces a clause that matches a broker-maintained synonym set with the set's alternatives.
Backends render the parsed form into their own syntax, so nothing a person types is ever
interpreted as query syntax by the database.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 10_000  # Elasticsearch's default result window: no page reaches beyond it.
MAX_PAGE = 500  # 500 pages of 20
MAX_PAGE_SIZE = 50
MAX_VALUES_PER_FACET = 20

SORT_RELEVANCE = "relevance"
SORT_NEWEST = "newest"
SORTS = (SORT_RELEVANCE, SORT_NEWEST)

# Private-use characters mark highlights in snippets: they cannot be typed into a page by
# accident, are stripped from indexed text, and are replaced by <mark> after HTML-escaping.
HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"


@dataclass(frozen=True)
class Facet:
    """A facet: the request parameter, its label, the document field and its value type."""

    name: str
    label: str
    field: str
    multi_valued: bool = False
    numeric: bool = False


FACETS: dict[str, Facet] = {
    facet.name: facet
    for facet in (
        Facet("type", "Type", "type"),
        Facet("theme", "Theme", "themes", multi_valued=True),
        Facet("phase", "Phase", "phases", multi_valued=True),
        Facet("region", "Region", "regions", multi_valued=True),
        Facet("network", "Network", "network_id", numeric=True),
        Facet("year", "Year", "year", numeric=True),
        Facet("strength", "Evidence strength", "evidence_strength", numeric=True),
    )
}


@dataclass(frozen=True)
class SearchQuery:
    """What to search for. `filters` maps a facet name to the values selected (OR within a
    facet, AND across facets)."""

    text: str = ""
    filters: dict[str, tuple] = field(default_factory=dict)
    sort: str = ""
    page: int = 1
    page_size: int = 20

    @property
    def effective_sort(self) -> str:
        if self.sort in SORTS:
            return self.sort
        return SORT_RELEVANCE if self.text.strip() else SORT_NEWEST

    def last_page(self, num_pages: int) -> int:
        """The last page that may be asked for (none reaches beyond MAX_RESULTS)."""
        return min(num_pages, MAX_PAGE, MAX_RESULTS // self.page_size)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def without_filter(self, facet: str) -> dict[str, tuple]:
        return {name: values for name, values in self.filters.items() if name != facet}

    def active_filters(self) -> dict[str, tuple]:
        return {name: values for name, values in self.filters.items() if values}


Phrase = tuple[str, ...]  # words that must appear together, in order


@dataclass(frozen=True)
class Clause:
    """One required part of the query: any of its alternatives may match."""

    alternatives: tuple[Phrase, ...]


@dataclass(frozen=True)
class ParsedQuery:
    clauses: tuple[Clause, ...] = ()
    excluded: tuple[Phrase, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    @property
    def words(self) -> list[str]:
        """The words a person typed (each clause's first alternative), for "did you mean"."""
        return [word for clause in self.clauses for word in clause.alternatives[0]]


WORD = re.compile(r"\w+", re.UNICODE)
TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')


def words_of(text: str) -> list[str]:
    return [word.lower() for word in WORD.findall(text.replace("_", " "))]


def normalise(text: str) -> str:
    """The form stored in analytics: lower case, single spaces, bounded length."""
    return " ".join(text.lower().split())[:MAX_QUERY_LENGTH]


def parse_text(text: str) -> ParsedQuery:
    """'"peer review" -homework year-6' -> phrase, exclusion and words.

    Quotes make a phrase, a leading minus excludes, and a hyphenated word is a phrase of its
    parts (as the tokenisers split it). Punctuation is never query syntax.
    """
    clauses: list[Clause] = []
    excluded: list[Phrase] = []
    for match in TOKEN.finditer(text[:MAX_QUERY_LENGTH]):
        negate = bool(match.group(1) or match.group(3))
        raw = match.group(2) if match.group(2) is not None else match.group(4)
        phrase = tuple(words_of(raw))
        if not phrase:
            continue
        if negate:
            excluded.append(phrase)
        elif match.group(2) is not None:
            clauses.append(Clause((phrase,)))
        else:
            # An unquoted token with punctuation inside ("year-6") is a phrase of its parts.
            clauses.append(Clause((phrase,)))
    if not clauses:
        excluded = []
    return ParsedQuery(tuple(clauses), tuple(excluded))


def expand_synonyms(parsed: ParsedQuery, synonym_sets: Iterable[Sequence[str]]) -> ParsedQuery:
    """Replace runs of single-word clauses that spell a synonym with all of its set's terms.

    'afl primary' with the set ('afl', 'assessment for learning') becomes
    (afl | "assessment for learning") AND primary. Longest matches win.
    """
    variants: dict[Phrase, tuple[Phrase, ...]] = {}
    for terms in synonym_sets:
        phrases = tuple(dict.fromkeys(tuple(words_of(term)) for term in terms if words_of(term)))
        for phrase in phrases:
            variants[phrase] = tuple(dict.fromkeys(variants.get(phrase, ()) + phrases))
    if not variants:
        return parsed
    longest = max(len(phrase) for phrase in variants)

    expanded: list[Clause] = []
    clauses = list(parsed.clauses)
    index = 0
    while index < len(clauses):
        clause = clauses[index]
        matched = False
        # A quoted phrase that is itself a synonym term expands as a whole.
        if len(clause.alternatives) == 1 and clause.alternatives[0] in variants:
            expanded.append(Clause(variants[clause.alternatives[0]]))
            index += 1
            continue
        for length in range(min(longest, len(clauses) - index), 0, -1):
            window = clauses[index : index + length]
            if not all(len(c.alternatives) == 1 and len(c.alternatives[0]) == 1 for c in window):
                continue
            phrase = tuple(c.alternatives[0][0] for c in window)
            if phrase in variants:
                expanded.append(Clause(variants[phrase]))
                index += length
                matched = True
                break
        if not matched:
            expanded.append(clause)
            index += 1
    return ParsedQuery(tuple(expanded), parsed.excluded)


def strip_highlight_marks(text: str) -> str:
    return text.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


def highlight_to_html(text: str) -> str:
    """Escape a snippet, then turn the highlight marks into <mark> elements."""
    from django.utils.html import escape

    escaped = str(escape(text))
    # Drop an unbalanced trailing mark rather than emit broken HTML.
    html = escaped.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_END, "</mark>")
    if html.count("<mark>") != html.count("</mark>"):
        return str(escape(strip_highlight_marks(text)))
    return html
