"""A readable comparison of two versions of an artefact: a word-level diff of each text section.

The work is bounded, however long the sections (issue #15, item 7): lines that both versions
share at the start and the end are set aside in one pass, the rest is matched line by line, and
only the passages that changed are compared word by word. A word diff costs about as many steps
as the product of the two passages' lengths in words, so each one is capped and so is their sum
over the whole comparison (a `Budget`); a passage over the cap is shown whole, struck through
and then inserted, and the comparison says so.

Every piece of text is escaped; only <ins> and <del> are added.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString

from .models import SECTIONS
from .richtext import rich_text_to_plain

TOKENS = re.compile(r"\s+|\w+|[^\w\s]")
LINES = re.compile(r"[^\n]*\n|[^\n]+")

# Word matching costs about a microsecond per pair on the slowest text, so a passage of some 170
# words on each side takes about 0.1 s and the whole comparison at most about 0.4 s
# (bench/bench_compare.py measures the largest artefact).
WORD_PAIRS_PER_PASSAGE = 120_000
WORD_PAIRS_PER_COMPARISON = 400_000
# Lines are matched by equality of whole lines, far cheaper than words; the cap only matters for
# texts of thousands of lines.
LINE_PAIRS_PER_FIELD = 1_000_000

PLAIN_FIELDS = [("title", "Title"), ("summary", "Summary")]
CHOICE_FIELDS = [
    ("artefact_type", "Type"),
    ("evidence_kind", "Kind of evidence"),
    ("evidence_strength", "Strength of evidence"),
    ("licence", "Licence"),
    ("visibility", "Visibility"),
]


@dataclass
class Budget:
    """Word comparisons (pairs of words) a comparison may still spend."""

    limit: int = WORD_PAIRS_PER_COMPARISON
    spent: int = 0
    passages_shown_whole: int = field(default=0)

    def afford(self, pairs: int) -> bool:
        if pairs > WORD_PAIRS_PER_PASSAGE or self.spent + pairs > self.limit:
            self.passages_shown_whole += 1
            return False
        self.spent += pairs
        return True


@dataclass
class FieldChange:
    label: str
    html: SafeString
    changed: bool
    shown_whole: bool = False  # a changed passage was too long to compare word by word


def _removed(text: str) -> str:
    return f"<del>{escape(text)}</del>" if text else ""


def _added(text: str) -> str:
    return f"<ins>{escape(text)}</ins>" if text else ""


def _passage_diff(old: str, new: str, budget: Budget) -> str:
    a, b = TOKENS.findall(old), TOKENS.findall(new)
    if not budget.afford(len(a) * len(b)):
        return _removed(old) + _added(new)
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(escape("".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            parts.append(_removed("".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            parts.append(_added("".join(b[j1:j2])))
    return "".join(parts)


def _shared_ends(a: list[str], b: list[str]) -> tuple[int, int]:
    """How many lines both versions share at the start, and then at the end."""
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end = 0
    while end < len(a) - start and end < len(b) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    return start, end


def word_diff(old: str, new: str, budget: Budget | None = None) -> SafeString:
    budget = budget if budget is not None else Budget()
    a, b = LINES.findall(old or ""), LINES.findall(new or "")
    start, end = _shared_ends(a, b)
    a_middle, b_middle = a[start : len(a) - end], b[start : len(b) - end]
    parts = [escape("".join(a[:start]))]
    if len(a_middle) * len(b_middle) > LINE_PAIRS_PER_FIELD:
        opcodes = [("replace", 0, len(a_middle), 0, len(b_middle))]
    else:
        matcher = difflib.SequenceMatcher(None, a_middle, b_middle, autojunk=False)
        opcodes = matcher.get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:
        old_lines, new_lines = "".join(a_middle[i1:i2]), "".join(b_middle[j1:j2])
        if tag == "equal":
            parts.append(escape(old_lines))
        elif tag == "delete":
            parts.append(_removed(old_lines))
        elif tag == "insert":
            parts.append(_added(new_lines))
        else:
            parts.append(_passage_diff(old_lines, new_lines, budget))
    parts.append(escape("".join(a[len(a) - end :])))
    return SafeString("".join(parts))  # every part above is escaped


def _text(page, name: str) -> str:
    value = getattr(page, name, "") or ""
    if name in dict(SECTIONS):
        return rich_text_to_plain(str(value))
    return str(value)


def _choice(page, name: str) -> str:
    display = getattr(page, f"get_{name}_display", None)
    return str(display() if display and getattr(page, name) else "")


def _change(label: str, old: str, new: str, budget: Budget) -> FieldChange:
    shown_whole_before = budget.passages_shown_whole
    return FieldChange(
        label=label,
        html=word_diff(old, new, budget),
        changed=old != new,
        shown_whole=budget.passages_shown_whole > shown_whole_before,
    )


def compare(old_page, new_page, *, budget: Budget | None = None) -> list[FieldChange]:
    """Each field's diff, in page order; unchanged fields are included with changed=False."""
    budget = budget if budget is not None else Budget()
    changes = []
    for name, label in PLAIN_FIELDS + list(SECTIONS):
        changes.append(_change(label, _text(old_page, name), _text(new_page, name), budget))
    for name, label in CHOICE_FIELDS:
        changes.append(_change(label, _choice(old_page, name), _choice(new_page, name), budget))
    return changes
