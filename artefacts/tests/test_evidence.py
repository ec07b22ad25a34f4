"""Evidence of impact needs a kind and a strength, whichever way an artefact is saved: the site's
form, the services (demo data, adaptations, tasks) and the Wagtail editor."""

import json

import pytest

from wagtail.models import Revision

from artefacts import services
from artefacts.errors import ActionRefused
from artefacts.models import ArtefactPage

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


def test_the_site_form_says_evidence_needs_its_kind_and_strength(client, world):
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
    }

    response = client.post(f"/networks/{world.network.slug}/artefacts/new/", data)

    assert response.status_code == 400
    assert KIND_REQUIRED in response.content.decode()
    assert not ArtefactPage.objects.exists()


def test_starting_an_artefact_with_impact_but_no_kind_or_strength_is_refused(world):
    with pytest.raises(ActionRefused) as refused:
        services.create_artefact(
            network=world.network,
            by=world.author,
            fields={**SECTIONS, "evidence_of_impact": IMPACT},
        )

    assert refused.value.field_errors == {
        "evidence_kind": KIND_REQUIRED,
        "evidence_strength": STRENGTH_REQUIRED,
    }
    assert not ArtefactPage.objects.exists()


def test_saving_a_draft_with_impact_but_no_strength_is_refused(world):
    artefact = draft(world.network, world.author)
    revisions = Revision.page_revisions.filter(object_id=str(artefact.pk)).count()

    with pytest.raises(ActionRefused) as refused:
        services.save_draft(
            artefact=artefact,
            by=world.author,
            base_revision_id=artefact.latest_revision_id,
            fields={"evidence_of_impact": IMPACT, "evidence_kind": "observation"},
        )

    assert refused.value.field_errors == {"evidence_strength": STRENGTH_REQUIRED}
    assert Revision.page_revisions.filter(object_id=str(artefact.pk)).count() == revisions


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
