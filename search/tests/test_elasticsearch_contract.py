"""Contract tests of the Elasticsearch backend: the exact index definition and request bodies
it sends for representative searches. No server is needed (none can run on these machines);
the shared behaviour suite runs against a real server whenever ELASTICSEARCH_URL is set."""

from datetime import UTC, datetime

import pytest

from search.backends.base import PUBLIC, Audience
from search.backends.elasticsearch_index import (
    alias_name,
    build_index,
    new_index_name,
    synonym_rules,
    to_source,
)
from search.backends.elasticsearch_queries import build_search, build_suggest, permission_filter
from search.factories import IndexDocumentFactory
from search.query import SearchQuery

TEXT_FIELDS = ["title^10", "summary^4", "keywords^3", "body", "attachments^0.5"]
ENGLISH_TEXT = {"analyzer": "english_text", "search_analyzer": "english_search", "type": "text"}
SOURCE = [
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
FACET_FIELDS = {
    "type": "type",
    "theme": "themes",
    "phase": "phases",
    "region": "regions",
    "network": "network_id",
    "year": "year",
    "strength": "evidence_strength",
}


def aggs(filters: dict[str, dict]) -> dict:
    return {
        name: {
            "filter": filters.get(name, {"match_all": {}}),
            "aggs": {"values": {"terms": {"field": field, "size": 100}}},
        }
        for name, field in FACET_FIELDS.items()
    }


def words_query(words: str) -> dict:
    return {
        "bool": {
            "minimum_should_match": 1,
            "should": [
                {"multi_match": {"query": words, "fields": TEXT_FIELDS, "operator": "and"}},
                {
                    "multi_match": {
                        "query": words,
                        "analyzer": "english_text",
                        "fields": TEXT_FIELDS,
                        "fuzziness": "AUTO",
                        "operator": "and",
                        "prefix_length": 1,
                        "boost": 0.3,
                    }
                },
            ],
        }
    }


@pytest.fixture(autouse=True)
def _prefix(settings):
    settings.ELASTICSEARCH_INDEX_PREFIX = "nlc-staging"


def test_index_definition_has_english_analysis_synonyms_and_a_completion_field():
    assert build_index("nlc-staging-search-20250101000000").to_dict() == {
        "settings": {
            "number_of_shards": 1,
            "number_of_replicas": 0,
            "analysis": {
                "analyzer": {
                    "english_text": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": [
                            "english_possessive",
                            "lowercase",
                            "english_stop",
                            "english_stemmer",
                        ],
                    },
                    "english_search": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": [
                            "english_possessive",
                            "lowercase",
                            "broker_synonyms",
                            "english_stop",
                            "english_stemmer",
                        ],
                    },
                },
                "filter": {
                    "english_possessive": {"type": "stemmer", "language": "possessive_english"},
                    "english_stop": {"type": "stop", "stopwords": "_english_"},
                    "english_stemmer": {"type": "stemmer", "language": "english"},
                    "broker_synonyms": {
                        "type": "synonym_graph",
                        "synonyms_set": "nlc-staging-synonyms",
                        "updateable": True,
                    },
                },
            },
        },
        "mappings": {
            "properties": {
                "page_id": {"type": "integer"},
                "kind": {"type": "keyword"},
                "title": {**ENGLISH_TEXT, "fields": {"raw": {"type": "keyword"}}},
                "title_suggest": {
                    "type": "completion",
                    "analyzer": "simple",
                    "contexts": [{"name": "access", "type": "category"}],
                },
                "summary": ENGLISH_TEXT,
                "body": ENGLISH_TEXT,
                "attachments": ENGLISH_TEXT,
                "keywords": ENGLISH_TEXT,
                "url": {"type": "keyword", "index": False},
                "type": {"type": "keyword"},
                "themes": {"type": "keyword"},
                "phases": {"type": "keyword"},
                "regions": {"type": "keyword"},
                "network_id": {"type": "integer"},
                "network_title": {"type": "keyword", "index": False},
                "year": {"type": "integer"},
                "evidence_strength": {"type": "integer"},
                "visibility": {"type": "keyword"},
                "published_at": {"type": "date"},
                "content_hash": {"type": "keyword", "index": False},
            }
        },
    }


def test_index_names_carry_the_environment_prefix_and_a_timestamp():
    assert alias_name() == "nlc-staging-search"
    name = new_index_name()
    assert name.startswith("nlc-staging-search-")
    assert name.removeprefix("nlc-staging-search-").isdigit()


def test_an_anonymous_search_filters_to_public_documents_in_the_main_query():
    assert build_search(
        SearchQuery(text="oracy"), PUBLIC, index="nlc-staging-search"
    ).to_dict() == {
        "query": {
            "bool": {
                "must": [{"bool": {"must": [words_query("oracy")]}}],
                "filter": [
                    {
                        "bool": {
                            "should": [{"term": {"visibility": "public"}}],
                            "minimum_should_match": 1,
                        }
                    }
                ],
            }
        },
        "aggs": aggs({}),
        "sort": ["_score", {"published_at": {"order": "desc", "missing": "_last"}}],
        "from": 0,
        "size": 20,
        "track_total_hits": True,
        "_source": SOURCE,
        "highlight": {
            "pre_tags": ["\ue000"],
            "post_tags": ["\ue001"],
            "encoder": "default",
            "fields": {
                "title": {"number_of_fragments": 0},
                "body": {"fragment_size": 180, "number_of_fragments": 1},
                "attachments": {"fragment_size": 180, "number_of_fragments": 1},
            },
        },
    }


def test_a_members_search_with_facets_uses_post_filter_and_per_facet_aggregation_filters():
    member = Audience(members=True, network_ids=frozenset({7, 3}))
    query = SearchQuery(
        text='feedback "exit tickets" -homework',
        filters={"type": ("tool",), "theme": ("oracy", "reading")},
        page=3,
    )
    body = build_search(query, member, index="nlc-staging-search").to_dict()
    # Permissions: in the main query, so hits *and* aggregations only see what may be seen.
    assert body["query"]["bool"]["filter"] == [
        {
            "bool": {
                "should": [
                    {"term": {"visibility": "public"}},
                    {"term": {"visibility": "members"}},
                    {
                        "bool": {
                            "filter": [
                                {"term": {"visibility": "network"}},
                                {"terms": {"network_id": [3, 7]}},
                            ]
                        }
                    },
                ],
                "minimum_should_match": 1,
            }
        }
    ]
    assert body["query"]["bool"]["must"] == [
        {
            "bool": {
                "must": [
                    words_query("feedback"),
                    {
                        "multi_match": {
                            "query": "exit tickets",
                            "fields": TEXT_FIELDS,
                            "type": "phrase",
                        }
                    },
                ],
                "must_not": [
                    {"multi_match": {"query": "homework", "fields": TEXT_FIELDS, "type": "phrase"}}
                ],
            }
        }
    ]
    # The person's selections narrow the hits only...
    type_filter = {"terms": {"type": ["tool"]}}
    theme_filter = {"terms": {"themes": ["oracy", "reading"]}}
    assert body["post_filter"] == {"bool": {"filter": [type_filter, theme_filter]}}
    # ...and each facet is counted with the other facets' selections.
    assert body["aggs"] == aggs(
        {
            "type": {"bool": {"filter": [theme_filter]}},
            "theme": {"bool": {"filter": [type_filter]}},
            "phase": {"bool": {"filter": [type_filter, theme_filter]}},
            "region": {"bool": {"filter": [type_filter, theme_filter]}},
            "network": {"bool": {"filter": [type_filter, theme_filter]}},
            "year": {"bool": {"filter": [type_filter, theme_filter]}},
            "strength": {"bool": {"filter": [type_filter, theme_filter]}},
        }
    )
    assert (body["from"], body["size"]) == (40, 20)


def test_a_broker_browsing_without_words_sees_everything_newest_first():
    broker = Audience(everything=True, members=True)
    assert build_search(SearchQuery(), broker, index="nlc-staging-search").to_dict() == {
        "query": {"bool": {"must": [{"match_all": {}}]}},
        "aggs": aggs({}),
        "sort": [{"published_at": {"order": "desc", "missing": "_last"}}, "_doc"],
        "from": 0,
        "size": 20,
        "track_total_hits": True,
        "_source": SOURCE,
    }


def test_permission_filter_for_everything_is_no_filter():
    assert permission_filter(Audience(everything=True)) is None


def test_suggestions_are_limited_to_the_contexts_the_audience_may_see():
    member = Audience(members=True, network_ids=frozenset({4}))
    assert build_suggest("asse", member, index="nlc-staging-search").to_dict() == {
        "size": 0,
        "_source": ["title", "url", "kind"],
        "suggest": {
            "titles": {
                "prefix": "asse",
                "completion": {
                    "field": "title_suggest",
                    "skip_duplicates": True,
                    "size": 8,
                    "contexts": {"access": ["public", "members", "network:4"]},
                },
            }
        },
    }
    broker_completion = build_suggest("asse", Audience(everything=True), index="x").to_dict()
    assert "contexts" not in broker_completion["suggest"]["titles"]["completion"]


def test_a_document_source_holds_its_access_context_and_title_endings():
    document = IndexDocumentFactory(
        page_id=12,
        title="Assessment for learning",
        visibility="network",
        network_id=5,
        themes=("oracy",),
        published_at=datetime(2024, 5, 1, tzinfo=UTC),
    )
    source = to_source(document)
    assert source["title_suggest"] == {
        "input": ["Assessment for learning", "for learning", "learning"],
        "contexts": {"access": ["network:5"]},
    }
    assert (source["visibility"], source["network_id"], source["themes"]) == (
        "network",
        5,
        ["oracy"],
    )
    assert source["published_at"] == "2024-05-01T00:00:00+00:00"


def test_synonym_rules_use_the_synonyms_set_format():
    assert synonym_rules(
        [["afl", "assessment for learning"], ["send", "special educational needs"]]
    ) == [
        {"id": "rule-1", "synonyms": "afl, assessment for learning"},
        {"id": "rule-2", "synonyms": "send, special educational needs"},
    ]


def test_the_highlight_request_names_only_the_title_and_body_fields():
    body = build_search(SearchQuery(text="oracy"), PUBLIC, index="nlc-staging-search").to_dict()
    assert set(body["highlight"]["fields"]) == {"title", "body", "attachments"}
