"""Every text of an artefact has a maximum length, enforced by the site's forms, by model
validation and by the services, so no door stores more (issue #15, item 7)."""

import pytest

from django.core.exceptions import ValidationError

from artefacts import services
from artefacts.errors import ActionRefused
from artefacts.models import ArtefactModeration, ArtefactPage, ModerationStatus
from artefacts.models.pages import SECTION_MAX_LENGTH, WHAT_WE_CHANGED_MAX_LENGTH
from core.validators import TOO_MUCH_MARKUP

from .helpers import draft, revise, submitted
from .test_writing import create_url, form_data


def test_a_section_over_its_maximum_gets_the_message_and_saves_nothing(client, world):
    client.force_login(world.author)

    response = client.post(create_url(world), form_data(what_worked="x" * (SECTION_MAX_LENGTH + 1)))

    assert response.status_code == 400
    assert f"at most {SECTION_MAX_LENGTH} characters" in response.content.decode()
    assert not ArtefactPage.objects.filter(title="Talk partners in maths").exists()


def test_a_section_at_its_maximum_is_saved(client, world):
    client.force_login(world.author)

    response = client.post(create_url(world), form_data(what_worked="x" * SECTION_MAX_LENGTH))

    assert response.status_code == 302
    assert ArtefactPage.objects.filter(title="Talk partners in maths").exists()


def test_a_summary_over_its_maximum_gets_the_message_and_saves_nothing(client, world):
    client.force_login(world.author)

    response = client.post(create_url(world), form_data(summary="x" * 601))

    assert "at most 600 characters" in response.content.decode()
    assert not ArtefactPage.objects.filter(title="Talk partners in maths").exists()


def test_a_section_whose_text_is_over_its_maximum_fails_model_validation(world):
    artefact = draft(world.network, world.author)
    artefact.what_worked = f"<p>{'x' * (SECTION_MAX_LENGTH + 1)}</p>"

    with pytest.raises(ValidationError) as refusal:
        artefact.full_clean()

    assert (
        f"at most {SECTION_MAX_LENGTH} characters" in refusal.value.message_dict["what_worked"][0]
    )


def test_a_section_is_measured_by_its_text_not_its_markup(world):
    artefact = draft(world.network, world.author)
    item = "Pupils talk it through first"
    bullets = "<ul>" + f"<li>{item}</li>" * ((SECTION_MAX_LENGTH - 20) // len(item)) + "</ul>"
    artefact.what_worked = f'<p>See <a href="https://example.org/talk">our notes</a>.</p>{bullets}'

    artefact.full_clean()


def test_a_short_text_in_a_mass_of_markup_fails_model_validation(world):
    artefact = draft(world.network, world.author)
    artefact.what_worked = (
        f'<p><a href="https://example.org/{"a" * 3 * SECTION_MAX_LENGTH}">x</a></p>'
    )

    with pytest.raises(ValidationError) as refusal:
        artefact.full_clean()

    assert refusal.value.message_dict["what_worked"][0].startswith(TOO_MUCH_MARKUP.split(":")[0])


def test_what_we_changed_over_its_maximum_fails_model_validation(world):
    artefact = draft(world.network, world.author)
    artefact.what_we_changed = f"<p>{'x' * (WHAT_WE_CHANGED_MAX_LENGTH + 1)}</p>"

    with pytest.raises(ValidationError) as refusal:
        artefact.full_clean()

    assert "what_we_changed" in refusal.value.message_dict


def test_a_summary_over_its_maximum_fails_model_validation(world):
    artefact = draft(world.network, world.author)
    artefact.summary = "x" * 601

    with pytest.raises(ValidationError) as refusal:
        artefact.full_clean()

    assert "summary" in refusal.value.message_dict


def test_a_document_description_over_its_maximum_fails_model_validation(world):
    artefact = draft(world.network, world.author)
    artefact.resources = [
        ("document", {"title": "Protocol", "document": None, "description": "x" * 1001})
    ]

    with pytest.raises(ValidationError) as refusal:
        artefact.full_clean()

    assert "at most 1,000 characters" in refusal.value.message_dict["resources"][0]


def test_the_service_refuses_a_section_over_its_maximum_and_saves_no_version(world):
    artefact = draft(world.network, world.author)
    before = artefact.revisions.count()

    with pytest.raises(ActionRefused) as refusal:
        revise(artefact, world.author, what_worked=f"<p>{'x' * (SECTION_MAX_LENGTH + 1)}</p>")

    assert f"at most {SECTION_MAX_LENGTH} characters" in refusal.value.field_errors["what_worked"]
    assert artefact.revisions.count() == before


def test_the_service_refuses_to_start_an_artefact_with_a_section_over_its_maximum(world):
    with pytest.raises(ActionRefused) as refusal:
        draft(world.network, world.author, context=f"<p>{'x' * (SECTION_MAX_LENGTH + 1)}</p>")

    assert "context" in refusal.value.field_errors
    assert not ArtefactPage.objects.exists()


def test_a_request_for_changes_over_its_maximum_gets_the_message(client, world):
    artefact = submitted(world.network, world.author)
    client.force_login(world.co_leader)

    response = client.post(f"/artefacts/{artefact.pk}/request-changes/", {"comment": "x" * 5001})

    assert response.status_code == 400
    assert "at most 5000 characters" in response.content.decode()
    assert ArtefactModeration.objects.get(artefact=artefact).status == ModerationStatus.SUBMITTED


def test_the_service_refuses_a_request_for_changes_over_its_maximum(world):
    artefact = submitted(world.network, world.author)

    with pytest.raises(ActionRefused) as refusal:
        services.request_changes(artefact=artefact, by=world.co_leader, comment="x" * 5001)

    assert "at most 5000 characters" in refusal.value.field_errors["comment"]
    assert ArtefactModeration.objects.get(artefact=artefact).status == ModerationStatus.SUBMITTED
