"""Validators every app's forms and models share."""

import unicodedata
from html import unescape

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.deconstruct import deconstructible
from django.utils.html import strip_tags

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


# Rich text is stored as HTML, whose tags and entities take room the reader never sees. Its limit
# is on the text (what the person wrote), and the whole HTML may be this many times as long:
# formatting of real text stays well inside it (paragraphs add a few percent, a list of items of
# three or four words about half, a link its address), so only text that is nearly all tags,
# symbols or links reaches it.
MARKUP_ALLOWANCE = 3
TOO_MUCH_MARKUP = (
    "This text holds too much formatting to store: with its links, lists and symbols it takes "
    "%(show_value)d characters of at most %(limit_value)d. Shorten it or remove some formatting."
)


def plain_text_length(html: str) -> int:
    """How many characters a reader sees in rich text: tags stripped, entities decoded."""
    return len(unescape(strip_tags(html or "")))


@deconstructible
class MaxPlainTextLengthValidator(MaxLengthValidator):
    """MaxLengthValidator for rich text: counts the text a reader sees, not the HTML around it."""

    def clean(self, x):
        return plain_text_length(x)


def rich_text_validators(limit: int) -> list:
    """For a rich text field whose text is at most `limit` characters: that limit, and a bound on
    the stored HTML (MARKUP_ALLOWANCE times it), so no text hides a mass of markup."""
    return [
        MaxPlainTextLengthValidator(limit),
        MaxLengthValidator(limit * MARKUP_ALLOWANCE, message=TOO_MUCH_MARKUP),
    ]
