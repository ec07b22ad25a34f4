"""Validators every app's forms and models share."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

# Control and format characters (zero-width spaces and joiners, direction marks, the soft
# hyphen), separators (spaces of every width, line and paragraph separators) and combining marks
# on their own show nothing a reader could recognise a title by.
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me"})
# Letters and symbols that fonts draw as blank space.
BLANK_CHARACTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")

NO_VISIBLE_CHARACTERS = (
    "Write at least one letter, number or symbol: this is only spaces or invisible characters."
)


def has_visible_characters(value: str) -> bool:
    return any(
        unicodedata.category(character) not in INVISIBLE_CATEGORIES
        and character not in BLANK_CHARACTERS
        for character in value or ""
    )


@deconstructible
class RequireVisibleCharacters:
    """Refuses a value made only of whitespace, zero-width or other invisible characters.

    Empty values pass: whether a field may be empty is the field's own `blank`/`required`.
    """

    message = NO_VISIBLE_CHARACTERS
    code = "no_visible_characters"

    def __call__(self, value) -> None:
        if value and not has_visible_characters(str(value)):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other) -> bool:
        return isinstance(other, RequireVisibleCharacters)

    def __hash__(self) -> int:
        return hash(self.code)


require_visible_characters = RequireVisibleCharacters()


def check_visible_title(page) -> None:
    """For a Wagtail page's clean(): its title (Wagtail's own field) must be visible."""
    try:
        require_visible_characters(page.title)
    except ValidationError as error:
        raise ValidationError({"title": error.messages}) from None
