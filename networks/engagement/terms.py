"""English school terms, the periods engagement trends are counted in.

The boundaries live here and nowhere else. Every day of the year belongs to one term, holidays
included: autumn runs from 1 September to 31 December, spring from 1 January to 31 March (the
Easter holidays usually start around then), summer from 1 April to 31 August (the summer holiday
counts with the summer term, when little happens).
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone

AUTUMN, SPRING, SUMMER = "autumn", "spring", "summer"
# (term, first month) in the order the terms come within one calendar year.
TERM_STARTS = ((SPRING, 1), (SUMMER, 4), (AUTUMN, 9))


@dataclass(frozen=True, order=True)
class Term:
    start: date  # the first day
    end: date  # the day after the last
    name: str

    @property
    def school_year(self) -> str:
        """The academic year the term belongs to, like "2025/26"."""
        first = self.start.year if self.name == AUTUMN else self.start.year - 1
        return f"{first}/{(first + 1) % 100:02d}"

    @property
    def label(self) -> str:
        """ "Autumn 2025", "Spring 2026": the calendar year the term is taught in."""
        return f"{self.name.capitalize()} {self.start.year}"

    def start_at(self) -> datetime:
        return _midnight(self.start)

    def end_at(self) -> datetime:
        return _midnight(self.end)

    def previous(self) -> "Term":
        return term_of(date.fromordinal(self.start.toordinal() - 1))


def term_of(day: date) -> Term:
    """The term `day` falls in."""
    starts = [month for _, month in TERM_STARTS]
    index = max(i for i, month in enumerate(starts) if month <= day.month)
    name, month = TERM_STARTS[index]
    start = date(day.year, month, 1)
    if index + 1 < len(TERM_STARTS):
        end = date(day.year, TERM_STARTS[index + 1][1], 1)
    else:
        end = date(day.year + 1, TERM_STARTS[0][1], 1)
    return Term(start=start, end=end, name=name)


def last_terms(count: int, *, today: date | None = None) -> list[Term]:
    """The current term and the `count - 1` before it, oldest first."""
    term = term_of(today or timezone.localdate())
    terms = [term]
    for _ in range(count - 1):
        term = term.previous()
        terms.append(term)
    return terms[::-1]


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))
