import itertools
from datetime import date

import pytest

from networks.engagement.terms import AUTUMN, SPRING, SUMMER, last_terms, term_of


@pytest.mark.parametrize(
    ("day", "name", "start", "end"),
    [
        (date(2025, 8, 31), SUMMER, date(2025, 4, 1), date(2025, 9, 1)),
        (date(2025, 9, 1), AUTUMN, date(2025, 9, 1), date(2026, 1, 1)),
        (date(2025, 12, 31), AUTUMN, date(2025, 9, 1), date(2026, 1, 1)),
        (date(2026, 1, 1), SPRING, date(2026, 1, 1), date(2026, 4, 1)),
        (date(2026, 3, 31), SPRING, date(2026, 1, 1), date(2026, 4, 1)),
        (date(2026, 4, 1), SUMMER, date(2026, 4, 1), date(2026, 9, 1)),
        (date(2024, 2, 29), SPRING, date(2024, 1, 1), date(2024, 4, 1)),
    ],
)
def test_term_of_puts_each_day_in_its_term_across_the_boundaries(day, name, start, end):
    term = term_of(day)

    assert (term.name, term.start, term.end) == (name, start, end)


@pytest.mark.parametrize(
    ("day", "school_year"),
    [(date(2025, 10, 1), "2025/26"), (date(2026, 2, 1), "2025/26"), (date(2026, 6, 1), "2025/26")],
)
def test_the_terms_of_one_school_year_share_its_label(day, school_year):
    assert term_of(day).school_year == school_year


def test_a_term_is_labelled_with_its_season_and_calendar_year():
    assert term_of(date(2025, 11, 5)).label == "Autumn 2025"


def test_last_terms_are_consecutive_oldest_first_ending_with_the_current_one():
    terms = last_terms(6, today=date(2026, 2, 10))

    assert [term.label for term in terms] == [
        "Summer 2024",
        "Autumn 2024",
        "Spring 2025",
        "Summer 2025",
        "Autumn 2025",
        "Spring 2026",
    ]


def test_last_terms_leave_no_gap_between_terms():
    terms = last_terms(6, today=date(2026, 2, 10))

    assert all(earlier.end == later.start for earlier, later in itertools.pairwise(terms))
