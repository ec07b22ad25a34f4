"""Which year groups a school teaches, from its phase in the register, and which year groups a
piece of writing mentions ("Year 5 and 6", "Years 3 to 6", "Reception").

Year groups are numbers: Nursery is -1, Reception 0, then Year 1 to Year 13. A phase the table
does not know (or an empty one) is taken to fit any year group.
"""

import re

from core.vocabulary import Phase

NURSERY, RECEPTION = -1, 0
ALL_YEARS = frozenset(range(NURSERY, 14))

# Keyed by the phase as stored (core.vocabulary.Phase) and by the register's own names, in
# lower case.
YEARS_BY_PHASE = {
    Phase.EARLY_YEARS.value: frozenset({NURSERY, RECEPTION}),
    Phase.PRIMARY.value: frozenset(range(NURSERY, 7)),
    Phase.SECONDARY.value: frozenset(range(7, 14)),
    Phase.POST_16.value: frozenset({12, 13}),
    Phase.ALL_THROUGH.value: ALL_YEARS,
    Phase.SPECIAL.value: ALL_YEARS,
    Phase.ALTERNATIVE_PROVISION.value: frozenset(range(1, 14)),
    "nursery": frozenset({NURSERY}),
    "early years": frozenset({NURSERY, RECEPTION}),
    "middle deemed primary": frozenset(range(3, 9)),
    "middle deemed secondary": frozenset(range(5, 10)),
    "16 plus": frozenset({12, 13}),
}

_NUMBER = r"\d{1,2}"
_YEARS = re.compile(
    rf"\bYears?\s+({_NUMBER}(?:\s*(?:,|and|or|to|-|–)\s*{_NUMBER})*)", re.IGNORECASE
)
_RANGE = re.compile(rf"({_NUMBER})\s*(?:to|-|–)\s*({_NUMBER})")
_WORDS = {"reception": RECEPTION, "nursery": NURSERY}


def years_for_phase(phase: str) -> frozenset[int]:
    return YEARS_BY_PHASE.get((phase or "").strip().lower(), ALL_YEARS)


def years_mentioned(text: str) -> set[int]:
    """Every year group `text` names: "Years 3 to 6" is {3, 4, 5, 6}."""
    found: set[int] = set()
    for match in _YEARS.finditer(text):
        listed = match.group(1)
        for low, high in _RANGE.findall(listed):
            found.update(range(int(low), int(high) + 1))
        found.update(int(number) for number in re.findall(_NUMBER, _RANGE.sub("", listed)))
    for word, year in _WORDS.items():
        if re.search(rf"\b{word}\b", text, re.IGNORECASE):
            found.add(year)
    return found


def fits_phase(text: str, phase: str) -> bool:
    """Whether every year group `text` mentions is taught in a school of `phase`."""
    return years_mentioned(text) <= years_for_phase(phase)
