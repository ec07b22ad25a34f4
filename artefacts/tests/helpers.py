"""Building artefacts through the services, as the site does."""

from datetime import timedelta

from django.utils import timezone

from artefacts import services
from artefacts.models import ArtefactModeration

SECTIONS = {
    "title": "Live feedback in Year 5",
    "summary": "Spoken feedback during the lesson instead of written marking afterwards.",
    "artefact_type": "case_study",
    "context": "<p>Marking took our evenings and pupils barely read it.</p>",
    "what_we_did": "<p>Teachers gave feedback while pupils worked.</p>",
    "what_worked": "<p>Pupils fixed mistakes the same day.</p>",
    "what_did_not_work": "<p>Feedback sheets were ignored after a month.</p>",
    "licence": "cc-by-4.0",
    "visibility": "public",
}


def draft(network, author, **fields):
    return services.create_artefact(network=network, by=author, fields={**SECTIONS, **fields})


def submitted(network, author, **fields):
    artefact = draft(network, author, **fields)
    services.submit_artefact(artefact=artefact, by=author)
    artefact.refresh_from_db()
    return artefact


def revise(artefact, by, **fields):
    artefact.refresh_from_db()
    return services.save_draft(
        artefact=artefact,
        by=by,
        base_revision_id=artefact.latest_revision_id,
        fields=fields,
    )


def bring_schedule_forward(artefact) -> None:
    """Time passes: the approved publication time is now a minute ago."""
    past = timezone.now() - timedelta(minutes=1)
    revision = ArtefactModeration.objects.get(artefact=artefact).submitted_revision
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
