"""Writing evidence syntheses: the words and citations; the figures are never typed in."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from artefacts.permissions import can_read_live_artefact
from core.errors import ActionRefused, field_problems, refuse_unless

from ..models import Synthesis, SynthesisCitation
from ..permissions import can_write_synthesis, why_not_write_synthesis

TEXT_FIELDS = ("title", "summary", "narrative", "what_worked", "what_did_not_work")
REQUIRED = {
    "title": "Give the synthesis a title.",
    "summary": "Give the key findings in two or three sentences.",
    "narrative": "Tell what networks learned.",
    "what_did_not_work": "Say what did not work: it is valued as highly as what did.",
}


def _require_writer(by) -> None:
    refuse_unless(can_write_synthesis(by), why_not_write_synthesis(by) or "")


def _cleaned(fields: dict) -> dict:
    cleaned = {name: (fields.get(name) or "").strip() for name in TEXT_FIELDS}
    errors = field_problems(Synthesis, **cleaned)
    errors.update({name: message for name, message in REQUIRED.items() if not cleaned[name]})
    reviewed = fields.get("last_reviewed_on")
    if reviewed is None:
        errors["last_reviewed_on"] = "Give the date the evidence was last reviewed."
    elif reviewed > timezone.localdate():
        errors["last_reviewed_on"] = "The review date cannot be in the future."
    if errors:
        raise ActionRefused(field_errors=errors)
    return {**cleaned, "last_reviewed_on": reviewed}


@transaction.atomic
def create_synthesis(*, by, theme, **fields) -> Synthesis:
    """Start a draft synthesis for a theme (one per theme)."""
    _require_writer(by)
    if theme is None:
        raise ActionRefused(field_errors={"theme": "Choose the theme it synthesises."})
    cleaned = _cleaned(fields)
    if Synthesis.objects.filter(theme=theme).exists():
        raise ActionRefused(
            field_errors={"theme": f"“{theme.name}” has a synthesis already: edit that one."}
        )
    return Synthesis.objects.create(theme=theme, written_by=by, **cleaned)


@transaction.atomic
def update_synthesis(*, synthesis, by, **fields) -> Synthesis:
    _require_writer(by)
    cleaned = _cleaned(fields)
    synthesis = Synthesis.objects.select_for_update().get(pk=synthesis.pk)
    for name, value in cleaned.items():
        setattr(synthesis, name, value)
    synthesis.written_by = by
    synthesis.save()
    return synthesis


@transaction.atomic
def publish_synthesis(*, synthesis, by, publish: bool = True) -> Synthesis:
    _require_writer(by)
    synthesis = Synthesis.objects.select_for_update().get(pk=synthesis.pk)
    if publish and not synthesis.citations.exists():
        raise ActionRefused("Cite at least one artefact before publishing: show the evidence.")
    synthesis.published_at = (synthesis.published_at or timezone.now()) if publish else None
    synthesis.save(update_fields=["published_at", "updated_at"])
    return synthesis


@transaction.atomic
def cite_artefact(*, synthesis, by, artefact, what_it_shows: str = "") -> SynthesisCitation:
    """Add an artefact to the synthesis's numbered list of citations."""
    _require_writer(by)
    if artefact is None or not artefact.live or not can_read_live_artefact(by, artefact):
        raise ActionRefused(field_errors={"artefact": "Give the address of a published artefact."})
    synthesis = Synthesis.objects.select_for_update().get(pk=synthesis.pk)
    if synthesis.citations.filter(artefact=artefact).exists():
        raise ActionRefused(field_errors={"artefact": f"“{artefact.title}” is cited already."})
    last = synthesis.citations.aggregate(last=Max("position"))["last"] or 0
    return SynthesisCitation.objects.create(
        synthesis=synthesis,
        artefact=artefact,
        position=last + 1,
        what_it_shows=(what_it_shows or "").strip()[:300],
    )


@transaction.atomic
def remove_citation(*, synthesis, by, citation_id: int) -> None:
    _require_writer(by)
    SynthesisCitation.objects.filter(synthesis=synthesis, pk=citation_id).delete()
