"""Every text the broker writes has a maximum length, enforced by the forms, by model validation
and by the services, so nothing stores more (issue #15, item 7)."""

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone

from broker import forms
from broker.factories import CollectionFactory
from broker.models import Collection, CollectionItem, Synthesis
from broker.models.collections import INTRODUCTION_MAX_LENGTH, NOTE_MAX_LENGTH
from broker.models.syntheses import SECTION_MAX_LENGTH
from broker.services import collections, syntheses
from core.errors import ActionRefused

from .test_syntheses import WORDS


@pytest.mark.parametrize(
    ("form_class", "field"),
    [
        (forms.CollectionForm, "introduction"),
        (forms.ItemForm, "note"),
        (forms.NoteForm, "note"),
        (forms.SynthesisForm, "summary"),
        (forms.SynthesisForm, "narrative"),
        (forms.SynthesisForm, "what_worked"),
        (forms.SynthesisForm, "what_did_not_work"),
    ],
)
def test_forms_refuse_text_over_the_fields_maximum(form_class, field, db):
    limit = form_class.base_fields[field].max_length

    form = form_class(data={field: "x" * (limit + 1)})

    assert limit
    assert f"at most {limit} characters" in " ".join(form.errors[field])


def test_a_collection_introduction_over_its_maximum_gets_the_message_and_saves_nothing(
    client, world
):
    client.force_login(world.broker)

    response = client.post(
        "/broker/collections/new/",
        {"title": "Feedback", "introduction": "x" * (INTRODUCTION_MAX_LENGTH + 1)},
    )

    assert f"at most {INTRODUCTION_MAX_LENGTH} characters" in response.content.decode()
    assert not Collection.objects.exists()


def test_a_synthesis_section_over_its_maximum_fails_model_validation(world, theme):
    synthesis = Synthesis(
        theme=theme,
        written_by=world.broker,
        last_reviewed_on=timezone.localdate(),
        **{**WORDS, "narrative": "x" * (SECTION_MAX_LENGTH + 1)},
    )

    with pytest.raises(ValidationError) as refusal:
        synthesis.full_clean()

    assert list(refusal.value.message_dict) == ["narrative"]


def test_writing_a_synthesis_section_over_its_maximum_is_refused_and_saves_nothing(world, theme):
    with pytest.raises(ActionRefused) as refusal:
        syntheses.create_synthesis(
            by=world.broker,
            theme=theme,
            last_reviewed_on=timezone.localdate(),
            **{**WORDS, "what_worked": "x" * (SECTION_MAX_LENGTH + 1)},
        )

    assert f"at most {SECTION_MAX_LENGTH} characters" in refusal.value.field_errors["what_worked"]
    assert not Synthesis.objects.exists()


def test_a_collection_note_over_its_maximum_is_refused(world, make_artefact):
    collection = CollectionFactory()

    with pytest.raises(ActionRefused) as refusal:
        collections.add_artefact(
            collection=collection,
            by=world.broker,
            artefact=make_artefact(),
            note="x" * (NOTE_MAX_LENGTH + 1),
        )

    assert "note" in refusal.value.field_errors
    assert not CollectionItem.objects.exists()
