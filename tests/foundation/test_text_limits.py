"""Titles hold visible characters and every text field has a maximum length, enforced by forms
and by model validation (issue #15, items 7 and 11)."""

from pathlib import Path

import pytest

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models

from artefacts.factories import DraftArtefactFactory
from artefacts.forms import ArtefactForm
from core.validators import NO_VISIBLE_CHARACTERS
from networks.baselining.forms import IndicatorForm
from networks.factories import ActiveNetworkFactory
from networks.forms import DeclineRequestForm, JoinRequestForm, ProposeNetworkForm
from networks.funding.forms import FundingReceiptForm, SpendingPlanForm

ZERO_WIDTH_TITLE = "\u200b\u200c\u200d"
# Every app of the platform, the roof's included.
AUDITED_PACKAGES = (
    "core.",
    "home",
    "nlc",
    "search",
    "networks",
    "artefacts",
    "visits",
    "peer_review",
    "broker",
)
REPOSITORY = Path(settings.BASE_DIR).resolve()


def audited_text_fields():
    for config in apps.get_app_configs():
        if not config.name.startswith(AUDITED_PACKAGES):
            continue
        for model in config.get_models():
            for field in model._meta.get_fields():
                if isinstance(field, models.TextField) and field.model is model:
                    yield f"{model._meta.label}.{field.name}", field


def test_every_app_of_the_platform_is_audited():
    ours = {
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(REPOSITORY)
        and ".venv" not in Path(config.path).parts
    }

    assert {name for name in ours if not name.startswith(AUDITED_PACKAGES)} == set()


def test_every_text_field_has_a_maximum_length_that_model_validation_checks():
    unbounded = [
        name
        for name, field in audited_text_fields()
        if not field.max_length
        or not any(isinstance(v, MaxLengthValidator) for v in field.validators)
    ]

    assert list(audited_text_fields())
    assert unbounded == []


def test_a_zero_width_network_name_gets_a_clear_form_error(db):
    form = ProposeNetworkForm(data={"title": ZERO_WIDTH_TITLE, "purpose": "Marking."})

    assert form.errors["title"] == [NO_VISIBLE_CHARACTERS]


def test_a_zero_width_artefact_title_gets_a_clear_form_error():
    with pytest.raises(ValidationError) as refusal:
        ArtefactForm.base_fields["title"].clean(ZERO_WIDTH_TITLE)

    assert refusal.value.messages == [NO_VISIBLE_CHARACTERS]


def test_a_zero_width_indicator_name_gets_a_clear_form_error():
    form = IndicatorForm(data={"name": ZERO_WIDTH_TITLE})

    assert form.errors["name"] == [NO_VISIBLE_CHARACTERS]


def test_a_network_page_with_a_zero_width_title_fails_model_validation(db):
    network = ActiveNetworkFactory()
    network.title = ZERO_WIDTH_TITLE

    with pytest.raises(ValidationError) as refusal:
        network.full_clean()

    assert refusal.value.message_dict["title"] == [NO_VISIBLE_CHARACTERS]


def test_an_artefact_with_a_zero_width_title_fails_model_validation(db):
    artefact = DraftArtefactFactory()
    artefact.title = ZERO_WIDTH_TITLE

    with pytest.raises(ValidationError) as refusal:
        artefact.full_clean()

    assert refusal.value.message_dict["title"] == [NO_VISIBLE_CHARACTERS]


@pytest.mark.parametrize(
    ("form_class", "field"),
    [
        (ProposeNetworkForm, "purpose"),
        (JoinRequestForm, "message"),
        (DeclineRequestForm, "reason"),
        (FundingReceiptForm, "note"),
        (SpendingPlanForm, "plan"),
        (SpendingPlanForm, "lines"),
        (IndicatorForm, "measures"),
    ],
)
def test_forms_refuse_text_over_the_fields_maximum(form_class, field, db):
    limit = form_class.base_fields[field].max_length

    form = form_class(data={field: "x" * (limit + 1)})

    assert limit
    assert f"at most {limit} characters" in " ".join(form.errors[field])


def test_a_network_purpose_over_the_maximum_fails_model_validation(db):
    network = ActiveNetworkFactory()
    network.purpose = "x" * (network._meta.get_field("purpose").max_length + 1)

    with pytest.raises(ValidationError) as refusal:
        network.full_clean()

    assert "purpose" in refusal.value.message_dict
