"""The broker's view of study visits: who visited whom, by network pair, region pair, term and
theme, with average usefulness (selectors, kept apart from visits.selectors for their size)."""

from collections import Counter
from dataclasses import dataclass

from django.utils import timezone

from networks.models import NetworkSchool

from .models import Booking, BookingStatus, Reflection, SessionStatus


def term_of(moment) -> str:
    """The English school term a moment falls in, e.g. "Autumn 2026/27"."""
    local = timezone.localtime(moment)
    start_year = local.year if local.month >= 9 else local.year - 1
    season = "Autumn" if local.month >= 9 else "Spring" if local.month <= 3 else "Summer"
    return f"{season} {start_year}/{str(start_year + 1)[-2:]}"


def _network_regions(network_ids) -> dict[int, str]:
    """Each network's region: the commonest region of its current schools."""
    counts: dict[int, Counter] = {}
    for network_id, region in NetworkSchool.objects.filter(
        network_id__in=network_ids, left_on__isnull=True
    ).values_list("network_id", "school__region"):
        if region:
            counts.setdefault(network_id, Counter())[region] += 1
    return {nid: counter.most_common(1)[0][0] for nid, counter in counts.items()}


@dataclass
class VisitRow:
    """One visit: a visiting network's visit to a host network's session that took place."""

    session_id: int
    starts_at: object
    term: str
    host: str
    visitor: str
    host_region: str
    visitor_region: str
    theme: str
    visitors: int
    ratings: list


def visits_made(*, now=None) -> list[VisitRow]:
    """Every visit that took place (sessions ended, not cancelled), one row per visiting network,
    with its ratings. Four queries however many visits."""
    now = now or timezone.now()
    bookings = (
        Booking.objects.of_study_visits()
        .filter(
            status=BookingStatus.BOOKED,
            session__status=SessionStatus.SCHEDULED,
            session__ends_at__lte=now,
        )
        .values(
            "session_id",
            "network_id",
            "network__title",
            "session__starts_at",
            "session__offer__network_id",
            "session__offer__network__title",
            "session__offer__theme__name",
        )
        .order_by("session__starts_at", "session_id", "network__title")
    )
    groups: dict[tuple[int, int], dict] = {}
    for row in bookings:
        key = (row["session_id"], row["network_id"])
        if key in groups:
            groups[key]["visitors"] += 1
        else:
            groups[key] = {**row, "visitors": 1}
    ratings: dict[tuple[int, int], list] = {}
    for session_id, network_id, usefulness in Reflection.objects.filter(
        session_id__in={key[0] for key in groups}
    ).values_list("session_id", "network_id", "usefulness"):
        ratings.setdefault((session_id, network_id), []).append(usefulness)
    network_ids = {key[1] for key in groups} | {
        row["session__offer__network_id"] for row in groups.values()
    }
    regions = _network_regions(network_ids)
    return [
        VisitRow(
            session_id=row["session_id"],
            starts_at=row["session__starts_at"],
            term=term_of(row["session__starts_at"]),
            host=row["session__offer__network__title"],
            visitor=row["network__title"],
            host_region=regions.get(row["session__offer__network_id"], "Unknown"),
            visitor_region=regions.get(row["network_id"], "Unknown"),
            theme=row["session__offer__theme__name"] or "No theme",
            visitors=row["visitors"],
            ratings=ratings.get(key, []),
        )
        for key, row in groups.items()
    ]


def _average(values) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def visit_statistics(rows: list[VisitRow]) -> dict:
    """Counts by network pair, region pair, term and theme, with average usefulness."""

    def tally(key_of):
        table: dict = {}
        for row in rows:
            entry = table.setdefault(key_of(row), {"visits": 0, "visitors": 0, "ratings": []})
            entry["visits"] += 1
            entry["visitors"] += row.visitors
            entry["ratings"] += row.ratings
        return [
            {"key": key, **entry, "usefulness": _average(entry["ratings"])}
            for key, entry in sorted(table.items(), key=lambda item: (-item[1]["visits"], item[0]))
        ]

    all_ratings = [value for row in rows for value in row.ratings]
    return {
        "visits": len(rows),
        "visitors": sum(row.visitors for row in rows),
        "usefulness": _average(all_ratings),
        "ratings": len(all_ratings),
        "by_network_pair": tally(lambda row: (row.visitor, row.host)),
        "by_region_pair": tally(lambda row: (row.visitor_region, row.host_region)),
        "by_term": tally(lambda row: row.term),
        "by_theme": tally(lambda row: row.theme),
    }
