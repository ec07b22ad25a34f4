"""Evidence of impact needs a kind and a strength before the artefact is submitted, whichever way
it was written: the site's form, the services (demo data, adaptations, tasks); the Wagtail editor
asks for them on every save. A draft may hold impact without them."""

import json

import pytest

from artefacts import services
from artefacts.errors import IncompleteArtefact
from artefacts.models import ArtefactPage, ModerationStatus

from .helpers import SECTIONS, draft, publish_in_the_wagtail_editor

IMPACT = "<p>Reading ages rose by six months.</p>"
KIND_REQUIRED = "Say what kind of evidence this is."
STRENGTH_REQUIRED = "Rate how strong the evidence is, from 1 to 5."


def contentstate(text: str) -> str:
    """A paragraph as Wagtail's rich text editor posts it."""
    block = {
        "key": "a1b2c",
        "text": text,
        "type": "unstyled",
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": [],
    }
    return json.dumps({"blocks": [block], "entityMap": {}})


def test_the_site_form_saves_impact_alone_and_asks_for_its_kind_before_submitting(client, world):
    client.force_login(world.author)
    data = {
        "title": "Talk partners",
        "summary": "Pairs talk before they write.",
        "artefact_type": "case_study",
        "context": "Our pupils wrote little.",
        "what_we_did": "Two minutes of talk first.",
        "what_did_not_work": "Pairs drifted off task.",
        "evidence_of_impact": "Reading ages rose.",
        "licence": "cc-by-4.0",
        "visibility": "public",
        "then": "submit",
    }

    response = client.post(f"/networks/{world.network.slug}/artefacts/new/", data, follow=True)

    assert KIND_REQUIRED in response.content.decode()
    assert ArtefactPage.objects.get().moderation.status == ModerationStatus.DRAFT


def test_a_draft_with_impact_but_no_kind_or_strength_cannot_be_submitted(world):
    artefact = services.create_artefact(
        network=world.network,
        by=world.author,
        fields={**SECTIONS, "evidence_of_impact": IMPACT},
    )

    with pytest.raises(IncompleteArtefact) as refused:
        services.submit_artefact(artefact=artefact, by=world.author)

    assert refused.value.field_errors == {
        "evidence_kind": KIND_REQUIRED,
        "evidence_strength": STRENGTH_REQUIRED,
    }


def test_a_draft_saved_with_impact_but_no_strength_cannot_be_submitted(world):
    artefact = draft(world.network, world.author)
    services.save_draft(
        artefact=artefact,
        by=world.author,
        base_revision_id=artefact.latest_revision_id,
        fields={"evidence_of_impact": IMPACT, "evidence_kind": "observation"},
    )

    with pytest.raises(IncompleteArtefact) as refused:
        services.submit_artefact(artefact=artefact, by=world.author)

    assert refused.value.field_errors == {"evidence_strength": STRENGTH_REQUIRED}


def test_impact_with_its_kind_and_strength_is_saved(world):
    artefact = draft(
        world.network,
        world.author,
        evidence_of_impact=IMPACT,
        evidence_kind="observation",
        evidence_strength=3,
    )

    latest = artefact.get_latest_revision_as_object()
    assert (latest.evidence_kind, latest.evidence_strength) == ("observation", 3)


def test_the_wagtail_editor_refuses_impact_without_its_kind_and_strength(client, world):
    artefact = draft(world.network, world.author)
    client.force_login(world.admin)

    response = publish_in_the_wagtail_editor(
        client,
        artefact,
        **{"resources-count": "0", "evidence_of_impact": contentstate("Reading ages rose.")},
    )

    assert response.status_code == 200, "the editor shows the form again"
    page = response.content.decode()
    assert KIND_REQUIRED in page and STRENGTH_REQUIRED in page
    assert not ArtefactPage.objects.get(pk=artefact.pk).live
