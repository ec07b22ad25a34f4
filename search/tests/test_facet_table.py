"""The facet table (`SearchFacet`): the database backend counts and filters facets from it, so it
must always say what the documents say, whichever way they were written."""

from collections import Counter

import pytest

from search.backends.base import PUBLIC, Audience
from search.backends.database import DatabaseBackend
from search.factories import IndexDocumentFactory, SearchDocumentFactory
from search.models import SearchDocument, SearchFacet
from search.query import SearchQuery

pytestmark = pytest.mark.django_db


@pytest.fixture
def backend(no_elasticsearch):
    return DatabaseBackend()


def table_pairs() -> Counter:
    return Counter(
        (row.document.page_id, row.facet, row.value)
        for row in SearchFacet.objects.select_related("document")
    )


def document_pairs() -> Counter:
    """What the documents' own columns say, worked out here independently of the backend."""
    pairs = Counter()
    for d in SearchDocument.objects.all():
        pairs[(d.page_id, "type", d.type)] += 1
        for facet, values in (("theme", d.themes), ("phase", d.phases), ("region", d.regions)):
            pairs.update((d.page_id, facet, value) for value in values)
        for facet, value in (
            ("network", d.network_id),
            ("year", d.year),
            ("strength", d.evidence_strength),
        ):
            if value is not None:
                pairs[(d.page_id, facet, str(value))] += 1
    return pairs


def test_facet_table_says_what_the_documents_say_after_indexing(backend):
    backend.index(
        [
            IndexDocumentFactory(themes=("reading", "oracy"), phases=("primary",), network_id=3),
            IndexDocumentFactory(regions=("London", "South East"), evidence_strength=None),
        ]
    )
    assert table_pairs() == document_pairs()


def test_facet_table_follows_an_update_of_a_document(backend):
    document = IndexDocumentFactory(themes=("reading",), type="tool", year=2023)
    backend.index([document])
    changed = IndexDocumentFactory(
        page_id=document.page_id, themes=("maths", "oracy"), type="case_study", year=2025
    )
    backend.index([changed])
    assert table_pairs() == document_pairs()
    assert (document.page_id, "theme", "reading") not in table_pairs()


def test_facet_table_forgets_a_deleted_document(backend):
    kept, deleted = IndexDocumentFactory(themes=("reading",)), IndexDocumentFactory()
    backend.index([kept, deleted])
    backend.delete([deleted.page_id])
    assert table_pairs() == document_pairs()
    assert {page_id for page_id, _facet, _value in table_pairs()} == {kept.page_id}


def test_facet_table_follows_a_rebuild(backend):
    backend.index([IndexDocumentFactory(themes=("old",))])
    backend.rebuild([IndexDocumentFactory(themes=("new", "newer")) for _ in range(3)], total=3)
    assert table_pairs() == document_pairs()
    assert not SearchFacet.objects.filter(value="old").exists()


def test_a_new_network_moves_the_network_facet(backend):
    document = IndexDocumentFactory(network_id=3, visibility="network")
    backend.index([document])
    backend.set_audience(document.page_id, visibility="public", network_id=4)
    assert table_pairs() == document_pairs()
    backend.set_audience(document.page_id, visibility="public", network_id=None)
    assert table_pairs() == document_pairs()


def test_document_factory_writes_the_facet_rows(db):
    SearchDocumentFactory(themes=["reading"], regions=["London"])
    assert table_pairs() == document_pairs()


def test_search_facet_counts_equal_counts_over_the_visible_matching_documents(backend):
    documents = [
        IndexDocumentFactory(
            title=f"Coaching {n}",
            type=("tool", "case_study")[n % 2],
            themes=(("reading",), ("reading", "maths"), ())[n % 3],
            regions=(("London",), ("North East", "London"))[n % 2],
            network_id=n % 4,
            evidence_strength=(None, 2, 5)[n % 3],
            visibility=("public", "public", "members", "network")[n % 4],
        )
        for n in range(24)
    ] + [IndexDocumentFactory(title="Unrelated", themes=("reading",))]
    backend.index(documents)
    audience = Audience(members=True, network_ids=frozenset({3}))

    results = backend.search(SearchQuery(text="coaching"), audience)

    visible = [
        d
        for d in documents
        if d.title.startswith("Coaching")
        and (d.visibility in ("public", "members") or d.network_id == 3)
    ]
    expected = Counter(value for d in visible for value in d.themes)
    assert {c.value: c.count for c in results.facets["theme"]} == expected
    expected = Counter(value for d in visible for value in d.regions)
    assert {c.value: c.count for c in results.facets["region"]} == expected
    expected = Counter(str(d.evidence_strength) for d in visible if d.evidence_strength)
    assert {c.value: c.count for c in results.facets["strength"]} == expected
    assert results.total == len(visible)


def test_known_values_reads_only_what_the_audience_may_see(backend):
    backend.index(
        [
            IndexDocumentFactory(themes=("reading",)),
            IndexDocumentFactory(themes=("secret",), visibility="network", network_id=9),
        ]
    )
    assert backend.known_values("theme", ["reading", "secret", "none"], PUBLIC) == {"reading"}
    insider = Audience(members=True, network_ids=frozenset({9}))
    assert backend.known_values("theme", ["reading", "secret"], insider) == {"reading", "secret"}


def test_a_search_with_facet_filters_reads_as_many_statements_whatever_it_finds(
    backend, django_assert_num_queries
):
    query = SearchQuery(text="coaching", filters={"theme": ("reading",), "type": ("tool",)})
    # Three at least, so that "did you mean" is not looked up.
    backend.index(
        [
            IndexDocumentFactory(title=f"Coaching {n}", themes=("reading",), type="tool")
            for n in range(3)
        ]
    )
    # synonyms, the index's version, page of ids, the page's rows, facets and total
    with django_assert_num_queries(5):
        backend.search(query, PUBLIC)
    backend.index(
        [
            IndexDocumentFactory(title=f"Coaching {n}", themes=("reading",), type="tool")
            for n in range(40)
        ]
    )
    with django_assert_num_queries(5):
        results = backend.search(query, PUBLIC)
    assert results.total == 43


@pytest.mark.parametrize(
    "filters",
    [{}, {"theme": ("reading",)}, {"theme": ("maths",), "type": ("tool",), "region": ("London",)}],
)
def test_both_counting_plans_give_the_same_counts(backend, filters):
    backend.index(
        [
            IndexDocumentFactory(
                title=f"Coaching {n}",
                type=("tool", "case_study")[n % 2],
                themes=(("reading",), ("reading", "maths"), ())[n % 3],
                regions=(("London",), ("North East", "London"))[n % 2],
                visibility=("public", "members", "network")[n % 3],
                network_id=n % 2,
            )
            for n in range(30)
        ]
    )
    audience = Audience(members=True, network_ids=frozenset({1}))
    query = SearchQuery(text="coaching", filters=filters)
    parsed = backend.parse(query.text)

    by_document = backend._count_facets(parsed, query, audience, broad=False)
    in_facet_order = backend._count_facets(parsed, query, audience, broad=True)

    def as_dict(counted):
        facets, total = counted
        return total, {name: {c.value: c.count for c in values} for name, values in facets.items()}

    assert as_dict(in_facet_order) == as_dict(by_document)
