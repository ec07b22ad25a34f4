"""Rich text is bounded by the text a reader sees, with a bound on its markup too (issue #15,
item 7); services refuse, by field, values their model's own validation rejects."""

import pytest

from django.core.exceptions import ValidationError

from core.errors import ActionRefused, field_problems, refuse_invalid_fields
from core.notifications.models import Notification
from core.validators import (
    MARKUP_ALLOWANCE,
    TOO_MUCH_MARKUP,
    MaxPlainTextLengthValidator,
    plain_text_length,
    rich_text_validators,
)


def test_plain_text_length_counts_what_a_reader_sees():
    assert plain_text_length('<p>Fish &amp; <a href="https://example.org/">chips</a></p>') == 12


def test_rich_text_at_its_limit_passes_however_much_markup_holds_it():
    MaxPlainTextLengthValidator(5)("<ul><li>a</li><li>b</li><li>c</li><li>d</li><li>e</li></ul>")


def test_rich_text_over_its_limit_is_refused_with_the_count():
    with pytest.raises(ValidationError) as refusal:
        MaxPlainTextLengthValidator(5)("<p>abcdef</p>")

    assert refusal.value.messages == ["Ensure this value has at most 5 characters (it has 6)."]


def test_short_text_in_a_mass_of_markup_is_refused():
    html = f'<p><a href="https://example.org/{"a" * 10 * MARKUP_ALLOWANCE}">x</a></p>'

    with pytest.raises(ValidationError) as refusal:
        for validator in rich_text_validators(10):
            validator(html)

    assert refusal.value.messages[0].startswith(TOO_MUCH_MARKUP.split(":")[0])


def test_field_problems_are_the_models_own_words_by_field():
    problems = field_problems(Notification, message="x" * 301, url="/fine/")

    assert list(problems) == ["message"]
    assert "at most" in problems["message"]


def test_refuse_invalid_fields_refuses_by_field():
    with pytest.raises(ActionRefused) as refusal:
        refuse_invalid_fields(Notification, message="x" * 301)

    assert list(refusal.value.field_errors) == ["message"]
