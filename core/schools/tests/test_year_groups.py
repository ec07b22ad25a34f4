import pytest

from core.schools.year_groups import NURSERY, RECEPTION, fits_phase, years_mentioned


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Year 5 and 6 in two small village schools", {5, 6}),
        ("A mixed Year 3 to 6 class of 28", {3, 4, 5, 6}),
        ("Years 4 to 8", {4, 5, 6, 7, 8}),
        ("Year 11, 12 and 13", {11, 12, 13}),
        ("A Reception class", {RECEPTION}),
        ("Nursery and Reception classes", {NURSERY, RECEPTION}),
        ("Three classes, for a term", set()),
    ],
)
def test_years_mentioned_reads_lists_and_ranges(text, years):
    assert years_mentioned(text) == years


@pytest.mark.parametrize(
    ("text", "phase", "fits"),
    [
        ("One Year 4 class", "Primary", True),
        ("One Year 4 class", "Nursery", False),
        ("One Year 4 class", "Secondary", False),
        ("Year 11 science", "Primary", False),
        ("Year 11 science", "All-through", True),
        ("A Reception class", "Secondary", False),
        ("Year 8 science", "Special", True),
        ("Year 8 science", "", True),
        ("One Year 4 class", "early-years", False),
        ("A Reception class", "early-years", True),
        ("Year 12 history", "post-16", True),
        ("Year 9 English", "alternative-provision", True),
    ],
)
def test_fits_phase_compares_the_years_with_the_schools_phase(text, phase, fits):
    assert fits_phase(text, phase) is fits
