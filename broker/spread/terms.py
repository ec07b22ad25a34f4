"""English school terms, for figures over time: autumn (September–December), spring
(January–March) and summer (April–August)."""

from datetime import date

SEASONS = {"Spring": 1, "Summer": 2, "Autumn": 3}


def term_of(day: date) -> tuple[int, int]:
    """(year, season number) for a day: sortable, and the key of a term."""
    if day.month >= 9:
        return day.year, SEASONS["Autumn"]
    if day.month <= 3:
        return day.year, SEASONS["Spring"]
    return day.year, SEASONS["Summer"]


def term_label(term: tuple[int, int]) -> str:
    year, season = term
    name = next(name for name, number in SEASONS.items() if number == season)
    return f"{name} {year}"


def recent_terms(today: date, count: int) -> list[tuple[int, int]]:
    """The last `count` terms up to and including today's, oldest first."""
    year, season = term_of(today)
    terms = []
    for _ in range(count):
        terms.append((year, season))
        season -= 1
        if season == 0:
            year, season = year - 1, 3
    return list(reversed(terms))


def first_day_of(term: tuple[int, int]) -> date:
    year, season = term
    return date(year, {1: 1, 2: 4, 3: 9}[season], 1)
