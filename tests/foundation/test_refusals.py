"""The one refusal (core.errors) and how a form page shows it (core.views.perform_form)."""

import pytest

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from core.errors import ActionRefused, clean_or_refuse
from core.views import perform_form
from networks.models import Theme


class NameForm(forms.Form):
    name = forms.CharField()


def request_for(method: str, data=None):
    request = getattr(RequestFactory(), method)("/somewhere/", data or {})
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_a_validation_error_by_field_becomes_field_errors():
    error = ValidationError({"name": ["Too short.", "Too plain."], "slug": ["Taken."]})

    refusal = ActionRefused.from_validation_error(error)

    assert refusal.field_errors == {"name": "Too short. Too plain.", "slug": "Taken."}


def test_a_validation_error_without_fields_becomes_the_message():
    refusal = ActionRefused.from_validation_error(ValidationError(["Not now.", "Try later."]))

    assert (refusal.message, refusal.field_errors) == ("Not now. Try later.", {})


@pytest.mark.django_db
def test_clean_or_refuse_refuses_with_the_model_s_own_words():
    with pytest.raises(ActionRefused) as refusal:
        clean_or_refuse(Theme(name="", slug=""))

    assert set(refusal.value.field_errors) == {"name", "slug"}


def test_perform_form_runs_the_action_says_so_and_redirects():
    request = request_for("post", {"name": "Mersey"})

    response = perform_form(
        request,
        NameForm(request.POST),
        lambda data: data["name"].upper(),
        success="Saved {result}.",
        to="/done/",
    )

    assert (response.status_code, response.url) == (302, "/done/")
    assert [str(message) for message in get_messages(request)] == ["Saved MERSEY."]


def test_perform_form_puts_a_refusal_beside_its_field_and_lets_the_page_render():
    request = request_for("post", {"name": "Mersey"})
    form = NameForm(request.POST)

    def refuse(data):
        raise ActionRefused(field_errors={"name": "That name is taken."})

    response = perform_form(request, form, refuse, success="Saved.", to="/done/")

    assert response is None
    assert form.errors == {"name": ["That name is taken."]}
    assert list(get_messages(request)) == []


def test_perform_form_does_nothing_until_the_form_is_posted():
    request = request_for("get")
    ran = []

    response = perform_form(
        request, NameForm(), lambda data: ran.append(data), success="Saved.", to="/done/"
    )

    assert (response, ran) == (None, [])
