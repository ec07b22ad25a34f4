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
from artefacts.models import SECTIONS

# The longest text each field is proposed to take (reported to the artefacts forms' owner):
# title 255, summary 600 and 20,000 characters for each section.
SECTION_MAX_LENGTH = 20_000
WORDS = [
    *("the", "a", "pupils", "feedback", "marking", "teachers", "lesson", "school", "book"),
    *("time", "we", "our", "and", "of", "to", "in", "it", "was", "spoken", "written"),
    *("partner", "talk", "reading", "maths", "year", "group", "question", "answer"),
]


def paragraphs(length: int, seed: int) -> list[str]:
    chooser = random.Random(seed)
    result, total = [], 0
    while total < length:
        text = " ".join(chooser.choice(WORDS) for _ in range(chooser.randint(20, 160))) + "."
        result.append(text)
        total += len(text) + 2
    return result


def as_rich_text(paragraph_list: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraph_list)


def rewrite_every_tenth_word(paragraph_list: list[str]) -> list[str]:
    return [
        " ".join("changed" if i % 10 == 0 else word for i, word in enumerate(text.split(" ")))
        for text in paragraph_list
    ]


def largest_artefact_pair() -> tuple[SimpleNamespace, SimpleNamespace]:
    """Two versions at the proposed maximum size, every paragraph of every section edited.

    Plain objects with the page's field names: compare() reads only those, and the benchmark
    builds them without a database."""
    old = SimpleNamespace(title="T" * 255, summary="s " * 300)
    new = SimpleNamespace(title="U" * 255, summary="t " * 300)
    for number, (name, _) in enumerate(SECTIONS):
        text = paragraphs(SECTION_MAX_LENGTH, seed=number)
        setattr(old, name, as_rich_text(text))
        setattr(new, name, as_rich_text(rewrite_every_tenth_word(text)))
    return old, new


def version(diff_html: str, *, dropping: str) -> str:
    """One side of a diff: the other side's tags and their text removed, markup undone."""
    kept = re.sub(rf"<{dropping}>.*?</{dropping}>", "", str(diff_html), flags=re.DOTALL)
    return html.unescape(re.sub(r"</?(ins|del)>", "", kept))


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
