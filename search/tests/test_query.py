"""Parsing what people type, synonym expansion and safe highlighting (no database)."""

from search.backends.sql import SQLiteDialect
from search.query import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    Clause,
    ParsedQuery,
    SearchQuery,
    expand_synonyms,
    highlight_to_html,
    normalise,
    parse_text,
)


def test_words_become_required_clauses():
    assert parse_text("Peer Assessment") == ParsedQuery(
        (Clause((("peer",),)), Clause((("assessment",),)))
    )


def test_quotes_make_a_phrase_and_minus_excludes():
    parsed = parse_text('"lesson study" -homework')
    assert parsed.clauses == (Clause((("lesson", "study"),)),)
    assert parsed.excluded == (("homework",),)


def test_hyphenated_word_is_a_phrase_of_its_parts():
    assert parse_text("year-6").clauses == (Clause((("year", "6"),)),)


def test_only_exclusions_is_an_empty_query():
    assert parse_text("-homework").is_empty


def test_punctuation_is_never_syntax():
    assert parse_text('AND ( * " NEAR').words == ["and", "near"]


def test_synonym_expands_a_single_word():
    parsed = expand_synonyms(parse_text("afl primary"), [["afl", "assessment for learning"]])
    assert parsed.clauses == (
        Clause((("afl",), ("assessment", "for", "learning"))),
        Clause((("primary",),)),
    )


def test_synonym_expands_a_run_of_words():
    parsed = expand_synonyms(
        parse_text("special educational needs audit"), [["SEND", "special educational needs"]]
    )
    assert parsed.clauses[0] == Clause((("send",), ("special", "educational", "needs")))
    assert parsed.clauses[1] == Clause((("audit",),))


def test_unrelated_words_are_not_expanded():
    parsed = parse_text("reading")
    assert expand_synonyms(parsed, [["afl", "assessment for learning"]]) == parsed


def test_fts_query_quotes_every_term():
    parsed = expand_synonyms(
        parse_text('afl "year 6" -homework'), [["afl", "assessment for learning"]]
    )
    assert SQLiteDialect.fts_query(parsed) == (
        '("afl" OR "assessment for learning") AND "year 6" NOT ("homework")'
    )


def test_highlight_marks_become_mark_elements_after_escaping():
    text = f"<b>{HIGHLIGHT_START}oracy{HIGHLIGHT_END}</b> & talk"
    assert highlight_to_html(text) == "&lt;b&gt;<mark>oracy</mark>&lt;/b&gt; &amp; talk"


def test_unbalanced_marks_are_dropped():
    assert highlight_to_html(f"{HIGHLIGHT_START}oracy") == "oracy"


def test_analytics_form_is_lower_case_and_single_spaced():
    assert normalise("  Assessment   FOR learning ") == "assessment for learning"


def test_sort_defaults_to_relevance_with_words_and_newest_without():
    assert SearchQuery(text="x").effective_sort == "relevance"
    assert SearchQuery(text="").effective_sort == "newest"
    assert SearchQuery(text="x", sort="newest").effective_sort == "newest"
