"""What only the database backend does: "did you mean" from the vocabulary of public documents,
and cached facet counts, totals and suggestions that never go stale."""

import pytest

from search.backends.base import PUBLIC, Audience
from search.backends.database import DatabaseBackend
from search.factories import IndexDocumentFactory, SynonymFactory
from search.models import SearchTerm
from search.query import SearchQuery

pytestmark = pytest.mark.django_db


@pytest.fixture
def backend(no_elasticsearch):
    return DatabaseBackend()


def test_did_you_mean_corrects_each_misspelt_word(backend):
    backend.index([IndexDocumentFactory(title="Metacognition and retrieval practice")])
    results = backend.search(SearchQuery(text="metacogniton retreival"), PUBLIC)
    assert results.total == 0
    assert results.did_you_mean == "metacognition retrieval"


def test_did_you_mean_is_not_offered_when_there_are_enough_results(backend):
    backend.index([IndexDocumentFactory(title=f"Oracy {n}") for n in range(3)])
    assert backend.search(SearchQuery(text="oracy"), PUBLIC).did_you_mean == ""


def test_words_of_private_documents_never_enter_the_vocabulary(backend):
    backend.index(
        [
            IndexDocumentFactory(title="Redundancies consultation", visibility="network"),
            IndexDocumentFactory(title="Restructuring plans", visibility="members"),
        ]
    )
    assert not SearchTerm.objects.filter(term__in=["redundancies", "restructuring"]).exists()
    member = Audience(members=True, network_ids=frozenset({1}))
    assert backend.search(SearchQuery(text="redundancie"), member).did_you_mean == ""


def test_a_correction_that_finds_nothing_visible_is_not_offered(backend):
    backend.index([IndexDocumentFactory(title="Metacognition")])
    backend.delete([backend.search(SearchQuery(text="metacognition"), PUBLIC).hits[0].page_id])
    # The word stays in the vocabulary, but the corrected search would find nothing.
    assert SearchTerm.objects.filter(term="metacognition").exists()
    assert backend.search(SearchQuery(text="metacogniton"), PUBLIC).did_you_mean == ""


def test_browsing_facet_counts_follow_every_change_to_the_index(backend):
    backend.index([IndexDocumentFactory(type="tool")])
    assert backend.search(SearchQuery(), PUBLIC).facets["type"][0].count == 1
    newcomer = IndexDocumentFactory(type="tool")
    backend.index([newcomer])
    assert backend.search(SearchQuery(), PUBLIC).facets["type"][0].count == 2
    backend.delete([newcomer.page_id])
    assert backend.search(SearchQuery(), PUBLIC).facets["type"][0].count == 1


def test_cached_browsing_counts_are_kept_apart_per_audience(backend):
    backend.index(
        [
            IndexDocumentFactory(type="tool"),
            IndexDocumentFactory(type="tool", visibility="network", network_id=9),
        ]
    )
    member = Audience(members=True, network_ids=frozenset({9}))
    assert backend.search(SearchQuery(), member).facets["type"][0].count == 2
    assert backend.search(SearchQuery(), PUBLIC).facets["type"][0].count == 1
    assert backend.search(SearchQuery(), member).facets["type"][0].count == 2


def test_a_search_reads_a_fixed_number_of_statements(backend, django_assert_num_queries):
    backend.index([IndexDocumentFactory(title=f"Coaching {n}") for n in range(30)])
    # synonyms, the index's version, page of ids, the page's rows with highlights, facets
    # and total
    with django_assert_num_queries(5):
        results = backend.search(SearchQuery(text="coaching"), PUBLIC)
    assert len(results.hits) == 20


def test_a_repeated_search_reuses_its_facet_counts_and_total(backend, django_assert_num_queries):
    backend.index([IndexDocumentFactory(title=f"Coaching {n}", type="tool") for n in range(30)])
    first = backend.search(SearchQuery(text="coaching"), PUBLIC)
    # synonyms, the index's version, page of ids, the page's rows with highlights
    with django_assert_num_queries(4):
        again = backend.search(SearchQuery(text="coaching", page=2), PUBLIC)
    assert (again.total, again.facets) == (first.total, first.facets)
    assert len(again.hits) == 10


def test_a_page_beyond_the_last_match_reads_no_rows_once_the_total_is_known(
    backend, django_assert_num_queries
):
    backend.search(SearchQuery(text="metacogniton"), PUBLIC)
    # synonyms, the index's version
    with django_assert_num_queries(2):
        results = backend.search(SearchQuery(text="metacogniton"), PUBLIC)
    assert (results.total, results.hits) == (0, [])


def test_facet_counts_of_a_search_follow_every_change_to_the_index(backend):
    backend.index([IndexDocumentFactory(title="Oracy", type="tool")])
    assert backend.search(SearchQuery(text="oracy"), PUBLIC).facets["type"][0].count == 1
    newcomer = IndexDocumentFactory(title="Oracy too", type="tool")
    backend.index([newcomer])
    results = backend.search(SearchQuery(text="oracy"), PUBLIC)
    assert (results.total, results.facets["type"][0].count) == (2, 2)
    backend.set_audience(newcomer.page_id, visibility="network", network_id=4)
    results = backend.search(SearchQuery(text="oracy"), PUBLIC)
    assert (results.total, results.facets["type"][0].count) == (1, 1)


def test_cached_search_counts_are_kept_apart_per_audience_and_filters(backend):
    backend.index(
        [
            IndexDocumentFactory(title="Oracy", type="tool", year=2023),
            IndexDocumentFactory(title="Oracy", type="tool", visibility="network", network_id=9),
        ]
    )
    member = Audience(members=True, network_ids=frozenset({9}))
    assert backend.search(SearchQuery(text="oracy"), member).total == 2
    assert backend.search(SearchQuery(text="oracy"), PUBLIC).total == 1
    assert backend.search(SearchQuery(text="oracy", filters={"year": (2023,)}), member).total == 1


def test_a_new_synonym_is_seen_by_the_next_search(backend):
    backend.index([IndexDocumentFactory(title="Assessment for learning")])
    assert backend.search(SearchQuery(text="afl"), PUBLIC).total == 0
    SynonymFactory(terms="afl, assessment for learning")
    assert backend.search(SearchQuery(text="afl"), PUBLIC).total == 1


@pytest.mark.parametrize(
    ("hidden", "visible"), [(5, 45), (70, 200)], ids=["a few hidden", "the best all hidden"]
)
@pytest.mark.parametrize("filters", [{}, {"type": ("tool",)}], ids=["all", "tools"])
def test_a_repeated_search_shows_the_same_page_as_ranking_every_result(
    backend, hidden, visible, filters
):
    # The hidden documents rank first (the word in their title), the visible ones in tiers.
    backend.index(
        [
            IndexDocumentFactory(title=f"Coaching {n}", visibility="network", network_id=7)
            for n in range(hidden)
        ]
        + [
            IndexDocumentFactory(
                title=f"Notes {n}", body="coaching " * (1 + n % 4), type=("tool", "video")[n % 2]
            )
            for n in range(visible)
        ]
    )
    for page in (1, 2):
        query = SearchQuery(text="coaching", page=page, filters=filters)
        ranking_every_result = backend.search(query, PUBLIC)  # counting, so nothing cached
        from_the_best = backend.search(query, PUBLIC)
        assert [hit.page_id for hit in from_the_best.hits] == [
            hit.page_id for hit in ranking_every_result.hits
        ]
        assert all(hit.visibility == "public" for hit in from_the_best.hits)
        assert all(hit.type == "tool" for hit in from_the_best.hits if filters)
        assert len(from_the_best.hits) == min(20, ranking_every_result.total - 20 * (page - 1))
