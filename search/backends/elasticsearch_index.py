"""The Elasticsearch index: its name, analysis, mapping, and what each document becomes.

- One Document (`SearchItem`) with an English analyzer; the search-time analyzer adds the
  broker's synonyms through an updateable `synonym_graph` filter reading a synonyms set, so a
  change of synonyms needs no reindex (see `ElasticsearchBackend.push_synonyms`).
- A completion field on the title for suggestions, with a category context holding who may
  see the document, so suggestions respect visibility as searches do.
- Index names carry the environment prefix: `<prefix>-search-<timestamp>`, read through the
  alias `<prefix>-search`; a rebuild loads a new index and swaps the alias in one request.
"""

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from elasticsearch.dsl import (
    Completion,
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    Text,
    analyzer,
    token_filter,
)

from django.conf import settings

from .base import IndexDocument

SUGGESTION_INPUTS = 6

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
