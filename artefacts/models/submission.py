"""What a draft needs before it can be submitted for moderation. A draft itself needs only its
title: the site's form and its autosave save whatever else is there, and
services.submit_artefact refuses (IncompleteArtefact) while anything listed here is missing."""

from dataclasses import dataclass

from django.utils.html import strip_tags

WHAT_DID_NOT_WORK_REQUIRED = (
    "Tell readers what did not work. What did not work is valued as highly as what did: "
    "other networks learn most from it."
)
WHAT_WE_CHANGED_REQUIRED = "Say what you changed and why: readers of both artefacts see it."

# What a draft needs before it can be submitted for moderation (a draft itself needs only its
# title): (field name, label, message). what_we_changed only for an adaptation.
SUBMISSION_REQUIRED = [
    ("summary", "Summary", "Write a summary: one or two sentences another teacher reads first."),
    (
        "context",
        "Context and the shared challenge",
        "Describe the context and the shared challenge.",
    ),
    ("what_we_did", "What we did", "Say what you did."),
    ("what_did_not_work", "What did not work", WHAT_DID_NOT_WORK_REQUIRED),
    ("what_we_changed", "What we changed and why", WHAT_WE_CHANGED_REQUIRED),
]


@dataclass(frozen=True)
class Missing:
    """Something a draft still needs before it can be submitted: the form field to fill."""

    field: str
    label: str
    message: str


EVIDENCE_LABELS = {"evidence_kind": "Kind of evidence", "evidence_strength": "Strength of evidence"}


def missing_for_submission(page) -> list[Missing]:
    """What this version of an artefact page lacks, in the form's order: the required sections
    left empty, then evidence of impact without its kind or strength. No query."""
    missing = []
    for name, label, message in SUBMISSION_REQUIRED:
        if name == "what_we_changed" and not page.adapted_from_id:
            continue
        if not strip_tags(getattr(page, name) or "").strip():
            missing.append(Missing(name, label, message))
    for name, message in page.evidence_problems().items():
        missing.append(Missing(name, EVIDENCE_LABELS[name], message))
    return missing
