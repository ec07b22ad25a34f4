"""The Elasticsearch backend against a stand-in HTTP server (see fake_elasticsearch): what it
sends for indexing, rebuilds and synonyms, and how it reads real-shaped answers."""

from datetime import UTC, datetime

import pytest

from django.contrib.auth.models import AnonymousUser

from search import services
from search.backends.base import PUBLIC
from search.backends.elasticsearch import ElasticsearchBackend
from search.backends.elasticsearch_queries import build_search
from search.factories import IndexDocumentFactory, SearchDocumentFactory, SynonymFactory
from search.models import PendingIndexUpdate
from search.query import HIGHLIGHT_END, HIGHLIGHT_START, SearchQuery
from search.selectors import search_for

from .fake_elasticsearch import FakeElasticsearch

pytestmark = pytest.mark.django_db

ALIAS = "nlc-fake-search"


@pytest.fixture
def fake(settings):
    with FakeElasticsearch() as server:
        settings.ELASTICSEARCH_URL = server.url
        settings.ELASTICSEARCH_INDEX_PREFIX = "nlc-fake"
        yield server


def bucket_aggs(**buckets):
    names = ["type", "theme", "phase", "region", "network", "year", "strength"]
    return {
        name: {
            "doc_count": 1,
            "values": {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [{"key": k, "doc_count": v} for k, v in buckets.get(name, {}).items()],
            },
        }
        for name in names
    }


def search_answer():
    return {
        "took": 3,
        "timed_out": False,
        "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {
            "total": {"value": 21, "relation": "eq"},
            "max_score": 2.5,
            "hits": [
                {
                    "_index": f"{ALIAS}-20250101",
                    "_id": "12",
                    "_score": 2.5,
                    "_source": {
                        "page_id": 12,
                        "kind": "artefact",
                        "title": "Oracy <in> year 3",
                        "url": "/networks/north/oracy/",
                        "type": "tool",
                        "summary": "Talk partners.",
                        "network_id": 4,
                        "network_title": "North",
                        "published_at": "2024-05-01T09:00:00+00:00",
                        "visibility": "public",
                    },
                    "highlight": {
                        "title": [f"{HIGHLIGHT_START}Oracy{HIGHLIGHT_END} <in> year 3"],
                        "body": [
                            f"pupils used {HIGHLIGHT_START}oracy{HIGHLIGHT_END} <b>frames</b>"
                        ],
                    },
                }
            ],
        },
        "aggregations": bucket_aggs(
            type={"tool": 15, "case_study": 6}, network={4: 21}, year={2024: 21}
        ),
    }


@pytest.fixture
def in_the_database_index():
    """Page 12 as the database index holds it: Elasticsearch is loaded from it, and its hits
    are checked against it before they are shown."""
    return SearchDocumentFactory(page_id=12, title="Oracy in year 3", network_id=4)


def test_the_first_index_update_creates_the_index_behind_the_alias(fake):
    SynonymFactory(terms="afl, assessment for learning")
    ElasticsearchBackend().index([IndexDocumentFactory(page_id=12, title="Oracy in year 3")])
    assert fake.bodies("PUT", "/_synonyms/nlc-fake-synonyms") == [
        {"synonyms_set": [{"id": "rule-1", "synonyms": "afl, assessment for learning"}]}
    ]
    (created,) = [path for verb, path, _ in fake.requests if verb == "PUT" and "-search-" in path]
    index_name = created.strip("/")
    assert fake.aliases[ALIAS] == [index_name]
    (bulk,) = fake.bodies(None, "/_bulk")
    assert bulk[0] == {"index": {"_index": ALIAS, "_id": 12}}
    assert bulk[1]["title"] == "Oracy in year 3"
    assert bulk[1]["title_suggest"]["contexts"] == {"access": ["public"]}


def test_search_sends_the_built_body_and_reads_hits_highlights_and_facets(
    fake, in_the_database_index
):
    fake.aliases[ALIAS] = [f"{ALIAS}-20250101"]
    fake.responses[("POST", f"/{ALIAS}/_search")] = search_answer()
    query = SearchQuery(text="oracy", filters={"type": ("tool",)}, page=2)
    results = ElasticsearchBackend().search(query, PUBLIC)
    (sent,) = fake.bodies("POST", "/_search")
    assert sent == build_search(query, PUBLIC, index=ALIAS).to_dict()
    assert results.total == 21
    (hit,) = results.hits
    assert (hit.page_id, hit.title, hit.network_id, hit.type) == (
        12,
        "Oracy <in> year 3",
        4,
        "tool",
    )
    assert hit.published_at == datetime(2024, 5, 1, 9, tzinfo=UTC)
    assert hit.title_html == "<mark>Oracy</mark> &lt;in&gt; year 3"
    assert hit.snippet_html == "pupils used <mark>oracy</mark> &lt;b&gt;frames&lt;/b&gt;"
    assert {c.value: c.count for c in results.facets["type"]} == {"tool": 15, "case_study": 6}
    assert {c.value: c.count for c in results.facets["network"]} == {"4": 21}


def test_a_hit_highlighted_only_outside_the_body_shows_its_summary(fake, in_the_database_index):
    fake.aliases[ALIAS] = [f"{ALIAS}-20250101"]
    answer = search_answer()
    answer["hits"]["hits"][0]["highlight"] = {
        "keywords": [f"{HIGHLIGHT_START}Oracy{HIGHLIGHT_END} Holy Trinity Primary School"]
    }
    fake.responses[("POST", f"/{ALIAS}/_search")] = answer
    (hit,) = ElasticsearchBackend().search(SearchQuery(text="oracy"), PUBLIC).hits
    assert hit.snippet_html == "Talk partners."


def test_suggestions_are_read_from_the_completion_options(fake, in_the_database_index):
    fake.responses[("POST", f"/{ALIAS}/_search")] = {
        "took": 1,
        "timed_out": False,
        "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {"total": {"value": 0, "relation": "eq"}, "max_score": None, "hits": []},
        "suggest": {
            "titles": [
                {
                    "text": "ora",
                    "offset": 0,
                    "length": 3,
                    "options": [
                        {
                            "text": "Oracy in year 3",
                            "_index": f"{ALIAS}-1",
                            "_id": "12",
                            "_score": 1.0,
                            "_source": {
                                "title": "Oracy in year 3",
                                "url": "/o/",
                                "kind": "artefact",
                            },
                        }
                    ],
                }
            ]
        },
    }
    (suggestion,) = ElasticsearchBackend().suggest("ora", PUBLIC)
    assert (suggestion.title, suggestion.url, suggestion.kind) == (
        "Oracy in year 3",
        "/o/",
        "artefact",
    )


def test_search_uses_elasticsearch_when_it_answers(fake, in_the_database_index):
    fake.aliases[ALIAS] = [f"{ALIAS}-20250101"]
    fake.responses[("POST", f"/{ALIAS}/_search")] = search_answer()
    outcome = search_for(user=AnonymousUser(), query=SearchQuery(text="oracy"))
    assert (outcome.reduced_mode, outcome.results.backend) == (False, "elasticsearch")
    assert outcome.results.facets["type"][0].label == "Tool or protocol"


def test_a_rebuild_loads_a_new_index_then_swaps_the_alias_and_drops_the_old_one(fake):
    fake.aliases[ALIAS] = [f"{ALIAS}-20200101000000000000"]
    ElasticsearchBackend().rebuild(
        [IndexDocumentFactory(page_id=1), IndexDocumentFactory(page_id=2)], total=2
    )
    (new_index,) = fake.aliases[ALIAS]
    assert new_index != f"{ALIAS}-20200101000000000000"
    (bulk,) = fake.bodies(None, "/_bulk")
    assert [line["index"]["_index"] for line in bulk if "index" in line] == [new_index, new_index]
    assert fake.bodies("POST", f"/{new_index}/_refresh") == [None]
    swap = fake.bodies("POST", "/_aliases")[-1]
    assert swap == {
        "actions": [
            {"remove": {"index": f"{ALIAS}-20200101000000000000", "alias": ALIAS}},
            {"add": {"index": new_index, "alias": ALIAS}},
        ]
    }
    deleted = [path for verb, path, _ in fake.requests if verb == "DELETE"]
    assert deleted[0].startswith(f"/{ALIAS}-20200101000000000000")


def test_a_successful_update_clears_the_pending_row(fake):
    fake.aliases[ALIAS] = [f"{ALIAS}-1"]
    document = SearchDocumentFactory(page_id=77, title="Coaching")
    PendingIndexUpdate.objects.create(page_id=77, attempts=3)
    services.sync_page_to_elasticsearch(page_id=document.page_id)
    assert not PendingIndexUpdate.objects.exists()
    (bulk,) = fake.bodies(None, "/_bulk")
    assert bulk[1]["title"] == "Coaching"


def test_a_page_gone_from_the_database_index_is_deleted_from_elasticsearch(fake):
    fake.aliases[ALIAS] = [f"{ALIAS}-1"]
    services.sync_page_to_elasticsearch(page_id=404)
    (bulk,) = fake.bodies(None, "/_bulk")
    assert bulk == [{"delete": {"_index": ALIAS, "_id": 404}}]


def test_saving_a_synonym_pushes_the_set_after_commit(fake, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        SynonymFactory(terms="send, special educational needs")
    assert fake.bodies("PUT", "/_synonyms/nlc-fake-synonyms") == [
        {"synonyms_set": [{"id": "rule-1", "synonyms": "send, special educational needs"}]}
    ]


def test_drift_check_compares_elasticsearch_with_the_database_index(fake):
    SearchDocumentFactory(page_id=1, content_hash="a" * 40)
    SearchDocumentFactory(page_id=2, content_hash="b" * 40)
    shards = {"total": 1, "successful": 1, "skipped": 0, "failed": 0}
    fake.responses[("POST", f"/{ALIAS}/_search")] = {
        "_scroll_id": "scroll-1",
        "took": 1,
        "timed_out": False,
        "_shards": shards,
        "hits": {
            "total": {"value": 2, "relation": "eq"},
            "hits": [
                {"_index": "x", "_id": "2", "_score": None, "_source": {"content_hash": "old"}},
                {"_index": "x", "_id": "3", "_score": None, "_source": {"content_hash": "c"}},
            ],
        },
    }
    fake.responses[("POST", "/_search/scroll")] = {
        "_scroll_id": "scroll-1",
        "_shards": shards,
        "hits": {"total": {"value": 2, "relation": "eq"}, "hits": []},
    }
    report = services.check_drift(include_database=False)
    assert (
        report.elasticsearch.missing,
        report.elasticsearch.extra,
        report.elasticsearch.stale,
    ) == (
        [1],
        [3],
        [2],
    )


# Never showing what the reader may no longer find (issue 15, item 4) --------------------------


def network_only_in_the_database_index():
    """Page 12 was made network-only: the database index says so, Elasticsearch not yet."""
    return SearchDocumentFactory(page_id=12, network_id=4, visibility="network")


def must_not(body) -> list:
    return body["query"]["bool"].get("must_not", [])


def test_pending_pages_the_reader_may_no_longer_find_are_left_out_of_hits_and_counts(fake):
    fake.aliases[ALIAS] = [f"{ALIAS}-20250101"]
    fake.responses[("POST", f"/{ALIAS}/_search")] = search_answer()
    network_only_in_the_database_index()
    PendingIndexUpdate.objects.create(page_id=12)
    results = ElasticsearchBackend().search(SearchQuery(text="oracy"), PUBLIC)
    first = fake.bodies("POST", "/_search")[0]
    assert must_not(first) == [{"ids": {"values": ["12"]}}]
    assert results.hits == []


def test_a_hit_changed_while_searching_is_dropped_and_counted_again_without_it(fake):
    fake.aliases[ALIAS] = [f"{ALIAS}-20250101"]
    fake.responses[("POST", f"/{ALIAS}/_search")] = search_answer()
    network_only_in_the_database_index()  # no pending row was there when the search began
    results = ElasticsearchBackend().search(SearchQuery(text="oracy"), PUBLIC)
    first, second = fake.bodies("POST", "/_search")
    assert (must_not(first), must_not(second)) == ([], [{"ids": {"values": ["12"]}}])
    assert results.hits == []


def test_suggestions_leave_out_what_the_reader_may_no_longer_find(fake):
    network_only_in_the_database_index()
    fake.responses[("POST", f"/{ALIAS}/_search")] = {
        "took": 1,
        "timed_out": False,
        "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {"total": {"value": 0, "relation": "eq"}, "max_score": None, "hits": []},
        "suggest": {
            "titles": [
                {
                    "text": "ora",
                    "offset": 0,
                    "length": 3,
                    "options": [
                        {
                            "text": "Oracy in year 3",
                            "_index": f"{ALIAS}-1",
                            "_id": "12",
                            "_score": 1.0,
                            "_source": {
                                "title": "Oracy in year 3",
                                "url": "/o/",
                                "kind": "artefact",
                            },
                        }
                    ],
                }
            ]
        },
    }
    assert ElasticsearchBackend().suggest("ora", PUBLIC) == []


def test_with_many_updates_waiting_search_answers_from_the_database(fake):
    fake.aliases[ALIAS] = [f"{ALIAS}-20250101"]
    SearchDocumentFactory(title="Coaching conversations")
    PendingIndexUpdate.objects.bulk_create(
        PendingIndexUpdate(page_id=500_000 + n) for n in range(1001)
    )
    outcome = search_for(user=AnonymousUser(), query=SearchQuery(text="coaching"))
    assert outcome.reduced_mode is True
    assert [hit.title for hit in outcome.results.hits] == ["Coaching conversations"]
    assert fake.bodies("POST", "/_search") == []
