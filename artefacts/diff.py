"""A readable comparison of two versions of an artefact: a word-level diff of each text section.

Every piece of text is escaped; only <ins> and <del> are added.
"""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString

from .models import SECTIONS
from .richtext import rich_text_to_plain

TOKENS = re.compile(r"\s+|\w+|[^\w\s]")

PLAIN_FIELDS = [("title", "Title"), ("summary", "Summary")]
CHOICE_FIELDS = [
    ("artefact_type", "Type"),
    ("evidence_kind", "Kind of evidence"),
    ("evidence_strength", "Strength of evidence"),
    ("licence", "Licence"),
    ("visibility", "Visibility"),
]


@dataclass
class FieldChange:
    label: str
    html: SafeString
    changed: bool


def word_diff(old: str, new: str) -> SafeString:
    a, b = TOKENS.findall(old or ""), TOKENS.findall(new or "")
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(escape("".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            parts.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if tag in ("insert", "replace"):
            parts.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return SafeString("".join(parts))  # every part above is escaped


def _text(page, name: str) -> str:
    value = getattr(page, name, "") or ""
    if name in dict(SECTIONS):
        return rich_text_to_plain(str(value))
    return str(value)


def _choice(page, name: str) -> str:
    display = getattr(page, f"get_{name}_display", None)
    return str(display() if display and getattr(page, name) else "")


def compare(old_page, new_page) -> list[FieldChange]:
    """Each field's diff, in page order; unchanged fields are included with changed=False."""
    changes = []
    for name, label in PLAIN_FIELDS + list(SECTIONS):
        old, new = _text(old_page, name), _text(new_page, name)
        changes.append(FieldChange(label=label, html=word_diff(old, new), changed=old != new))
    for name, label in CHOICE_FIELDS:
        old, new = _choice(old_page, name), _choice(new_page, name)
        changes.append(FieldChange(label=label, html=word_diff(old, new), changed=old != new))
    return changes
