"""Titles and names must hold something a reader can see (issue #15, item 11)."""

import pytest

from django.core.exceptions import ValidationError

from core.validators import NO_VISIBLE_CHARACTERS, require_visible_characters


@pytest.mark.parametrize(
    "value",
    [
        "\u200b",  # zero-width space
        " \u200b\u200c\u200d\ufeff ",  # zero-width joiners and a byte-order mark among spaces
        "\u2060\u00ad",  # word joiner, soft hyphen
        "\u202e\u202c",  # right-to-left override and pop
        "\u00a0\u2003\u3000",  # no-break, em and ideographic spaces
        "\t\r\n\u2028",  # controls and a line separator
        "\u0301\u034f",  # combining marks with nothing to sit on
        "\u3164\u2800",  # Hangul filler, blank Braille pattern
    ],
)
def test_a_value_of_only_invisible_characters_is_refused(value):
    with pytest.raises(ValidationError) as refusal:
        require_visible_characters(value)

    assert refusal.value.messages == [NO_VISIBLE_CHARACTERS]


@pytest.mark.parametrize(
    "value", ["Maths", " Talk partners ", "数学", "🙂", "e\u0301", "\u200bA", "1", "?"]
)
def test_a_value_with_a_visible_character_is_accepted(value):
    require_visible_characters(value)


def test_an_empty_value_is_left_to_the_fields_own_required_rule():
    require_visible_characters("")
