"""The "did you mean" vocabulary: words of public documents, and the closest word to a typo."""

import difflib

from django.db.models.functions import Length

from .models import SearchTerm
from .query import words_of

MIN_LENGTH = 3
MAX_LENGTH = 40
CANDIDATES = 3000
SIMILARITY = 0.75
MAX_WORDS_CORRECTED = 5


def vocabulary_of(document) -> set[str]:
    text = " ".join(
        [document.title, document.summary, document.body, document.keywords, document.attachments]
    )
    return {
        word for word in words_of(text) if MIN_LENGTH <= len(word) <= MAX_LENGTH and word.isalpha()
    }


def closest_words(words: list[str], *, using: str = "default") -> dict[str, str]:
    """{misspelt word: closest vocabulary word} for the words the vocabulary does not know.

    Candidates share the first letter and have a similar length, so each look-up reads a
    bounded slice of the vocabulary through the unique index on `term`.
    """
    words = [word for word in dict.fromkeys(words) if word.isalpha()][:MAX_WORDS_CORRECTED]
    if not words:
        return {}
    terms = SearchTerm.objects.using(using)
    known = set(terms.filter(term__in=words).values_list("term", flat=True))
    corrections = {}
    for word in words:
        if word in known or len(word) < MIN_LENGTH:
            continue
        first = word[0]
        candidates = list(
            terms.filter(term__gte=first, term__lt=chr(ord(first) + 1))
            .annotate(length=Length("term"))
            .filter(length__range=(len(word) - 2, len(word) + 2))
            .order_by("-document_count", "term")
            .values_list("term", flat=True)[:CANDIDATES]
        )
        match = difflib.get_close_matches(word, candidates, n=1, cutoff=SIMILARITY)
        if match:
            corrections[word] = match[0]
    return corrections
