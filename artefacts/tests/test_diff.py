"""Comparing two versions stays bounded however long the sections are (issue #15, item 7):
it never spends more word comparisons than its budget, and still keeps every word of both."""

import html
import random
import re
from types import SimpleNamespace

from artefacts.diff import (
    WORD_PAIRS_PER_COMPARISON,
    WORD_PAIRS_PER_PASSAGE,
    Budget,
    compare,
    word_diff,
)
from artefacts.factories import DraftArtefactFactory
from artefacts.models import SECTIONS, ArtefactPage
from artefacts.models.pages import SECTION_MAX_LENGTH, SECTION_MAX_LENGTHS, SUMMARY_MAX_LENGTH
from core.validators import plain_text_length

# The comparison is answered on the largest artefact well inside the goal of a second; the
# budget keeps it near 0.4 s on the slowest machine measured (bench/bench_compare.py). The tests
# time the processor time this process spends, which other work on a shared machine does not
# inflate as it does the wall clock.
WORDS = [
    *("the", "a", "pupils", "feedback", "marking", "teachers", "lesson", "school", "book"),
    *("time", "we", "our", "and", "of", "to", "in", "it", "was", "spoken", "written"),
    *("partner", "talk", "reading", "maths", "year", "group", "question", "answer"),
]


def paragraphs(length: int, seed: int) -> list[str]:
    """Paragraphs of up to `length` characters in all, blank lines between them included."""
    chooser = random.Random(seed)
    result, total = [], -2
    while True:
        text = " ".join(chooser.choice(WORDS) for _ in range(chooser.randint(20, 160))) + "."
        if total + 2 + len(text) > length:
            return result
        result.append(text)
        total += 2 + len(text)


def as_rich_text(paragraph_list: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraph_list)


def rewrite_every_tenth_word(paragraph_list: list[str]) -> list[str]:
    return [
        " ".join("changed" if i % 10 == 0 else word for i, word in enumerate(text.split(" ")))
        for text in paragraph_list
    ]


def largest_artefact_pair() -> tuple[SimpleNamespace, SimpleNamespace]:
    """Two versions at the largest size the fields allow, every paragraph of every section
    edited.

    Plain objects with the page's field names: compare() reads only those, and the benchmark
    builds them without a database."""
    old = SimpleNamespace(title="T" * 255, summary="s " * (SUMMARY_MAX_LENGTH // 2))
    new = SimpleNamespace(title="U" * 255, summary="t " * (SUMMARY_MAX_LENGTH // 2))
    for number, (name, _) in enumerate(SECTIONS):
        text = paragraphs(SECTION_MAX_LENGTHS[name], seed=number)
        rewritten = rewrite_every_tenth_word(text)
        while sum(len(paragraph) for paragraph in rewritten) > SECTION_MAX_LENGTHS[name]:
            text, rewritten = text[:-1], rewritten[:-1]
        # Fill what is left with a word as long as "changed", so both versions stay in bounds.
        room = SECTION_MAX_LENGTHS[name] - sum(len(paragraph) for paragraph in rewritten)
        if room >= 8:
            filler = " ".join(["marking"] * ((room + 1) // 8))
            text, rewritten = [*text, filler], [*rewritten, *rewrite_every_tenth_word([filler])]
        setattr(old, name, as_rich_text(text))
        setattr(new, name, as_rich_text(rewritten))
    return old, new


def version(diff_html: str, *, dropping: str) -> str:
    """One side of a diff: the other side's tags and their text removed, markup undone."""
    kept = re.sub(rf"<{dropping}>.*?</{dropping}>", "", str(diff_html), flags=re.DOTALL)
    return html.unescape(re.sub(r"</?(ins|del)>", "", kept))


def test_the_largest_artefact_compared_is_as_long_as_its_fields_allow(db):
    old, new = largest_artefact_pair()
    pages = [ArtefactPage(title=v.title, summary=v.summary) for v in (old, new)]
    for page, version_ in zip(pages, (old, new), strict=True):
        for name, _ in SECTIONS:
            setattr(page, name, getattr(version_, name))

    assert [page.text_problems() for page in pages] == [{}, {}]
    assert len(new.summary) == SUMMARY_MAX_LENGTH
    for name, _ in SECTIONS:  # the edited version fills each section to within a word
        assert plain_text_length(getattr(new, name)) > SECTION_MAX_LENGTHS[name] - 8


def test_comparing_the_largest_artefact_spends_no_more_than_the_budget():
    budget = Budget()

    compare(*largest_artefact_pair(), budget=budget)

    assert 0 < budget.spent <= WORD_PAIRS_PER_COMPARISON


def test_the_comparison_keeps_every_word_of_both_versions():
    old, new = largest_artefact_pair()

    changes = compare(old, new)

    for change, (name, _) in zip(changes[2:], SECTIONS, strict=False):
        old_text = version(change.html, dropping="ins")
        new_text = version(change.html, dropping="del")
        assert old_text.split() == re.sub(r"<[^>]+>", " ", getattr(old, name)).split()
        assert new_text.split() == re.sub(r"<[^>]+>", " ", getattr(new, name)).split()


def test_one_word_changed_in_a_long_section_is_shown_word_by_word_cheaply():
    text = paragraphs(SECTION_MAX_LENGTH, seed=7)
    edited = list(text)
    middle = len(edited) // 2
    edited[middle] = edited[middle].replace(" ", " really ", 1)
    budget = Budget()

    diff = word_diff("\n\n".join(text), "\n\n".join(edited), budget)

    assert str(diff).count("<ins>") == 1
    assert "<ins>really </ins>" in diff or "<ins> really</ins>" in diff
    assert "<del>" not in diff
    assert budget.spent < WORD_PAIRS_PER_PASSAGE


def test_a_passage_too_long_to_compare_word_by_word_is_shown_whole():
    old = " ".join(["pupils talk"] * 400)
    new = " ".join(["pupils write"] * 400)
    budget = Budget()

    diff = word_diff(old, new, budget)

    assert str(diff) == f"<del>{old}</del><ins>{new}</ins>"
    assert budget.spent == 0
    assert budget.passages_shown_whole == 1


def test_the_comparison_page_says_when_a_passage_is_shown_whole(client, db):
    artefact = DraftArtefactFactory(what_worked="<p>" + " ".join(["pupils talk"] * 400) + "</p>")
    first = artefact.latest_revision_id
    artefact.what_worked = "<p>" + " ".join(["pupils write"] * 400) + "</p>"
    second = artefact.save_revision(user=artefact.owner).pk
    client.force_login(artefact.owner)

    response = client.get(f"/artefacts/{artefact.pk}/revisions/compare/?old={first}&new={second}")

    assert response.status_code == 200
    assert "too long to compare word by word" in response.content.decode()


def test_the_comparison_page_shows_the_largest_artefacts_versions(client, db):
    """Its time is measured in bench/bench_compare.py; here, that the page answers at all."""
    old, new = largest_artefact_pair()
    artefact = DraftArtefactFactory(
        summary=old.summary, **{n: getattr(old, n) for n, _ in SECTIONS}
    )
    first = artefact.latest_revision_id
    for name, _ in SECTIONS:
        setattr(artefact, name, getattr(new, name))
    second = artefact.save_revision(user=artefact.owner).pk
    client.force_login(artefact.owner)
    url = f"/artefacts/{artefact.pk}/revisions/compare/?old={first}&new={second}"

    response = client.get(url)

    assert response.status_code == 200
    assert response.content.decode().count("<ins>") > 1  # changes beyond the legend's example
