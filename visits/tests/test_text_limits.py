"""Every text of a visit has a maximum length, enforced by the forms, by model validation and by
the services, so nothing stores more (issue #15, item 7)."""

import pytest

from django.core.exceptions import ValidationError

from core.errors import ActionRefused
from visits import forms, services
from visits.models import Reflection, VisitOffer, VisitRequest

from .test_requests import ask
from .test_views import offer_post

pytestmark = pytest.mark.django_db


def limit_of(model, field: str) -> int:
    return model._meta.get_field(field).max_length


@pytest.mark.parametrize(
    ("form_class", "field"),
    [
        (forms.ReflectionForm, "what_we_saw"),
        (forms.ReflectionForm, "what_we_will_try"),
        (forms.ReflectionForm, "questions"),
        (forms.ReflectionForm, "comment_for_hosts"),
        (forms.ReasonForm, "reason"),
    ],
)
def test_forms_refuse_text_over_the_fields_maximum(form_class, field):
    limit = form_class.base_fields[field].max_length

    form = form_class(data={field: "x" * (limit + 1)})

    assert limit
    assert f"at most {limit} characters" in " ".join(form.errors[field])


@pytest.mark.parametrize("field", ["summary", "practical_info", "access_info"])
def test_an_offer_text_over_its_maximum_gets_the_message_and_saves_nothing(client, world, field):
    limit = limit_of(VisitOffer, field)
    client.force_login(world.host_co_leader)

    response = client.post("/visits/offers/new/", offer_post(world, **{field: "x" * (limit + 1)}))

    assert f"at most {limit} characters" in response.content.decode()
    assert not VisitOffer.objects.filter(title="Maths talk in Year 3").exists()


@pytest.mark.parametrize(
    ("model", "field"),
    [
        (VisitOffer, "summary"),
        (VisitOffer, "practical_info"),
        (VisitRequest, "hoping_to_learn"),
        (VisitRequest, "decline_reason"),
        (Reflection, "what_we_saw"),
        (Reflection, "comment_for_hosts"),
    ],
)
def test_text_over_its_maximum_fails_model_validation(model, field):
    instance = model(**{field: "x" * (limit_of(model, field) + 1)})

    with pytest.raises(ValidationError) as refusal:
        instance.full_clean()

    assert f"at most {limit_of(model, field)} characters" in refusal.value.message_dict[field][0]


def test_asking_for_a_visit_with_text_over_its_maximum_is_refused_and_saves_nothing(world):
    limit = limit_of(VisitRequest, "hoping_to_learn")

    with pytest.raises(ActionRefused) as refusal:
        ask(world, hoping_to_learn="x" * (limit + 1))

    assert f"at most {limit} characters" in refusal.value.field_errors["hoping_to_learn"]
    assert not VisitRequest.objects.exists()


def test_declining_with_a_reason_over_its_maximum_is_refused(world):
    visit_request = ask(world)
    limit = limit_of(VisitRequest, "decline_reason")

    with pytest.raises(ActionRefused) as refusal:
        services.decline_request(
            visit_request=visit_request, by=world.host_co_leader, reason="x" * (limit + 1)
        )

    assert "reason" in refusal.value.field_errors
    visit_request.refresh_from_db()
    assert visit_request.decline_reason == ""
