"""The behaviour every search backend must have, run against each available backend."""

import pytest

from search.backends.base import PUBLIC, Audience
from search.factories import IndexDocumentFactory, SynonymFactory
from search.query import SearchQuery

pytestmark = pytest.mark.django_db

SIGNED_IN = Audience(members=True)
EVERYTHING = Audience(everything=True, members=True)


def search(backend, text="", audience=PUBLIC, **kwargs):
    return backend.search(SearchQuery(text=text, **kwargs), audience)


def titles(results):
    return [hit.title for hit in results.hits]


def counts(results, facet):
    return {c.value: c.count for c in results.facets[facet]}


def use_synonyms(backend, *sets):
    for terms in sets:
        SynonymFactory(terms=terms)
    if hasattr(backend, "push_synonyms"):
        from search.models import Synonym

        backend.push_synonyms([s.term_list for s in Synonym.objects.all()])


def test_title_match_ranks_above_body_only_match(backend):
    backend.index(
        [
            IndexDocumentFactory(title="Reading at home", body="Families and oracy work."),
            IndexDocumentFactory(
                title="Parents evening", body="We talked about oracy and reading."
            ),
            IndexDocumentFactory(title="Oracy in year 3", body="Talk partners."),
        ]
    )
    results = search(backend, "oracy")
    assert titles(results)[0] == "Oracy in year 3"
    assert set(titles(results)) == {"Oracy in year 3", "Parents evening", "Reading at home"}


def test_stemming_finds_assessment_when_searching_assessing(backend):
    backend.index([IndexDocumentFactory(title="Peer assessment", body="Pupils marked drafts.")])
    assert titles(search(backend, "assessing")) == ["Peer assessment"]


def test_synonyms_find_the_equivalent_term(backend):
    use_synonyms(backend, "afl, assessment for learning")
    backend.index(
        [
            IndexDocumentFactory(title="Hinge questions", body="Assessment for learning in maths."),
            IndexDocumentFactory(title="AfL in science", body="Exit tickets."),
            IndexDocumentFactory(title="Outdoor learning", body="Forest school."),
        ]
    )
    assert set(titles(search(backend, "AfL"))) == {"Hinge questions", "AfL in science"}
    assert set(titles(search(backend, "assessment for learning"))) == {
        "Hinge questions",
        "AfL in science",
    }


def test_multi_word_synonym_finds_the_abbreviation(backend):
    use_synonyms(backend, "send, special educational needs")
    backend.index([IndexDocumentFactory(title="SEND provision maps", body="Audit.")])
    assert titles(search(backend, "special educational needs")) == ["SEND provision maps"]


def test_facet_counts_cover_every_match(backend):
    backend.index(
        [
            IndexDocumentFactory(title="Phonics one", type="case_study", themes=("reading",)),
            IndexDocumentFactory(title="Phonics two", type="tool", themes=("reading", "early")),
            IndexDocumentFactory(title="Phonics three", type="tool", themes=("early",), year=2023),
            IndexDocumentFactory(title="Fractions", type="tool", themes=("maths",)),
        ]
    )
    results = search(backend, "phonics")
    assert results.total == 3
    assert counts(results, "type") == {"case_study": 1, "tool": 2}
    assert counts(results, "theme") == {"reading": 2, "early": 2}
    assert counts(results, "year") == {"2024": 2, "2023": 1}


def test_filters_combine_or_within_a_facet_and_and_across_facets(backend):
    backend.index(
        [
            IndexDocumentFactory(title="Tool reading", type="tool", themes=("reading",)),
            IndexDocumentFactory(title="Tool maths", type="tool", themes=("maths",)),
            IndexDocumentFactory(title="Case reading", type="case_study", themes=("reading",)),
            IndexDocumentFactory(title="Case oracy", type="case_study", themes=("oracy",)),
        ]
    )
    results = search(backend, filters={"type": ("tool",), "theme": ("reading", "maths")})
    assert set(titles(results)) == {"Tool reading", "Tool maths"}
    assert results.total == 2


def test_selecting_a_facet_value_keeps_the_other_values_counts(backend):
    backend.index(
        [
            IndexDocumentFactory(title="A", type="tool", themes=("reading",)),
            IndexDocumentFactory(title="B", type="case_study", themes=("reading",)),
            IndexDocumentFactory(title="C", type="case_study", themes=("maths",)),
        ]
    )
    results = search(backend, filters={"type": ("tool",)})
    # The type facet still offers case studies; the theme facet counts only tools.
    assert counts(results, "type") == {"tool": 1, "case_study": 2}
    assert counts(results, "theme") == {"reading": 1}


def test_numeric_facets_filter(backend):
    backend.index(
        [
            IndexDocumentFactory(title="Strong", evidence_strength=5, network_id=7),
            IndexDocumentFactory(title="Weak", evidence_strength=1, network_id=8),
        ]
    )
    assert titles(search(backend, filters={"strength": (5,)})) == ["Strong"]
    assert titles(search(backend, filters={"network": (8,)})) == ["Weak"]


def test_pagination_returns_each_page_of_results(backend):
    backend.index([IndexDocumentFactory(title=f"Coaching {n}") for n in range(25)])
    first = search(backend, "coaching", page=1)
    second = search(backend, "coaching", page=2)
    assert (first.total, len(first.hits), len(second.hits)) == (25, 20, 5)
    assert not set(titles(first)) & set(titles(second))
    assert first.num_pages == 2


def test_newest_sort_puts_the_latest_first(backend):
    from datetime import UTC, datetime

    backend.index(
        [
            IndexDocumentFactory(
                title="Mentoring old", published_at=datetime(2020, 1, 1, tzinfo=UTC)
            ),
            IndexDocumentFactory(
                title="Mentoring new", published_at=datetime(2025, 1, 1, tzinfo=UTC)
            ),
        ]
    )
    assert titles(search(backend, "mentoring", sort="newest")) == ["Mentoring new", "Mentoring old"]


def test_outsider_never_sees_a_network_only_document(backend):
    backend.index(
        [
            IndexDocumentFactory(title="Secret behaviour plan", visibility="network", network_id=1),
            IndexDocumentFactory(title="Open behaviour plan", visibility="public", network_id=1),
        ]
    )
    outsider = Audience(members=True, network_ids=frozenset({2}))
    for audience in (PUBLIC, outsider):
        results = search(backend, "behaviour", audience)
        assert titles(results) == ["Open behaviour plan"]
        assert "Secret" not in str([h.snippet_html for h in results.hits])


def test_outsider_facet_counts_exclude_network_only_documents(backend):
    backend.index(
        [
            IndexDocumentFactory(
                title="Secret transition",
                visibility="network",
                network_id=1,
                type="tool",
                themes=("transition",),
            ),
            IndexDocumentFactory(title="Open transition", network_id=3, type="case_study"),
        ]
    )
    outsider = Audience(members=True, network_ids=frozenset({2}))
    results = search(backend, "transition", outsider, filters={"type": ("case_study",)})
    assert results.total == 1
    assert counts(results, "type") == {"case_study": 1}
    assert counts(results, "theme") == {}
    assert counts(results, "network") == {"3": 1}


def test_member_of_the_network_finds_its_network_only_document(backend):
    backend.index(
        [IndexDocumentFactory(title="Secret transition", visibility="network", network_id=1)]
    )
    member = Audience(members=True, network_ids=frozenset({1}))
    results = search(backend, "transition", member)
    assert titles(results) == ["Secret transition"]
    assert counts(results, "network") == {"1": 1}


def test_members_only_document_needs_someone_signed_in(backend):
    backend.index([IndexDocumentFactory(title="Members coaching", visibility="members")])
    assert search(backend, "coaching", PUBLIC).total == 0
    assert titles(search(backend, "coaching", SIGNED_IN)) == ["Members coaching"]


def test_brokers_and_admins_see_everything(backend):
    backend.index(
        [
            IndexDocumentFactory(title="Coaching a", visibility="network", network_id=5),
            IndexDocumentFactory(title="Coaching b", visibility="members"),
            IndexDocumentFactory(title="Coaching c"),
        ]
    )
    assert search(backend, "coaching", EVERYTHING).total == 3


def test_snippets_mark_matches_and_escape_everything_else(backend):
    backend.index(
        [
            IndexDocumentFactory(
                title="Questioning <script>alert(1)</script>",
                summary="Short.",
                body="Teachers used <b>hinge</b> questioning in every lesson.",
            )
        ]
    )
    hit = search(backend, "questioning").hits[0]
    assert "<mark>" in hit.snippet_html and "<mark>" in hit.title_html
    assert "<script>" not in hit.title_html and "&lt;script&gt;" in hit.title_html
    assert "<b>" not in hit.snippet_html


def test_a_snippet_is_cut_from_the_body_text_that_matched_not_from_keywords(backend):
    backend.index(
        [
            IndexDocumentFactory(
                title="Talk partners",
                summary="Pairs talk before writing.",
                body="Each pupil used oracy sentence stems with a partner.",
                keywords="Oracy Holy Trinity Primary School Burnley",
            )
        ]
    )
    hit = search(backend, "oracy").hits[0]
    assert "<mark>oracy</mark> sentence stems" in hit.snippet_html
    assert "Trinity" not in hit.snippet_html


def test_a_match_only_in_keywords_shows_the_summary_as_the_snippet(backend):
    backend.index(
        [
            IndexDocumentFactory(
                title="Talk partners",
                summary="Pairs talk before writing.",
                body="Each pupil rehearsed a sentence aloud.",
                attachments="",
                keywords="Oracy Holy Trinity Primary School Burnley",
            )
        ]
    )
    hit = search(backend, "oracy").hits[0]
    assert hit.snippet_html == "Pairs talk before writing."


def test_excluded_words_leave_out_documents(backend):
    backend.index(
        [
            IndexDocumentFactory(title="Homework clubs", body="Reading homework."),
            IndexDocumentFactory(title="Reading dogs", body="Reading to dogs."),
        ]
    )
    assert titles(search(backend, "reading -homework")) == ["Reading dogs"]


@pytest.mark.parametrize(
    "text", ['"', "AND OR NOT", "(( NEAR(a b) *", "title:x", "-", "a' OR 1=1 --", "\\", "^*"]
)
def test_query_syntax_in_the_text_is_never_an_error(backend, text):
    backend.index([IndexDocumentFactory(title="Anything")])
    results = search(backend, text)
    assert results.total >= 0


def test_empty_query_lists_everything_visible_newest_first(backend):
    from datetime import UTC, datetime

    backend.index(
        [
            IndexDocumentFactory(title="Older", published_at=datetime(2021, 1, 1, tzinfo=UTC)),
            IndexDocumentFactory(title="Newer", published_at=datetime(2024, 1, 1, tzinfo=UTC)),
            IndexDocumentFactory(title="Hidden", visibility="members"),
        ]
    )
    assert titles(search(backend, "")) == ["Newer", "Older"]


def test_suggestions_offer_titles_the_audience_may_see(backend):
    backend.index(
        [
            IndexDocumentFactory(title="Assessment for learning"),
            IndexDocumentFactory(title="Assessing oracy", visibility="network", network_id=4),
            IndexDocumentFactory(title="Outdoor learning"),
        ]
    )
    assert [s.title for s in backend.suggest("asse", PUBLIC)] == ["Assessment for learning"]
    member = Audience(members=True, network_ids=frozenset({4}))
    assert {s.title for s in backend.suggest("asse", member)} == {
        "Assessment for learning",
        "Assessing oracy",
    }
    assert {s.title for s in backend.suggest("learn", PUBLIC)} == {
        "Assessment for learning",
        "Outdoor learning",
    }


def test_deleted_documents_are_no_longer_found(backend):
    document = IndexDocumentFactory(title="Lesson study")
    backend.index([document])
    backend.delete([document.page_id])
    assert search(backend, "lesson").total == 0


def test_indexing_twice_replaces_the_document(backend):
    document = IndexDocumentFactory(title="Lesson study")
    backend.index([document])
    backend.index([IndexDocumentFactory(page_id=document.page_id, title="Learning walks")])
    assert search(backend, "lesson").total == 0
    assert titles(search(backend, "walks")) == ["Learning walks"]


def test_field_weights_rank_title_then_summary_then_body_then_attachments(backend):
    backend.index(
        [
            IndexDocumentFactory(title="Attached", summary="Notes.", attachments="Retrieval."),
            IndexDocumentFactory(title="Body", summary="Notes.", body="Retrieval practice."),
            IndexDocumentFactory(title="Summary", summary="Retrieval practice.", body="Notes."),
            IndexDocumentFactory(title="Retrieval", summary="Notes.", body="Notes."),
        ]
    )
    assert titles(search(backend, "retrieval")) == ["Retrieval", "Summary", "Body", "Attached"]
