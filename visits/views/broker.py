"""The national broker's view of who visited whom, and its CSV download."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from .. import permissions, stats


def _check(user) -> None:
    refusal = permissions.why_not_view_visit_statistics(user)
    if refusal:
        raise PermissionDenied(refusal)


def overview(request):
    _check(request.user)
    rows = stats.visits_made()
    return render(
        request, "visits/broker.html", {"stats": stats.visit_statistics(rows), "rows": rows}
    )


def download(request):
    _check(request.user)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="study-visits.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "date",
            "term",
            "visiting network",
            "visiting region",
            "host network",
            "host region",
            "theme",
            "visitors",
            "ratings",
            "average usefulness",
        ]
    )
    for row in stats.visits_made():
        average = round(sum(row.ratings) / len(row.ratings), 1) if row.ratings else ""
        writer.writerow(
            [
                timezone.localtime(row.starts_at).date().isoformat(),
                row.term,
                _cell(row.visitor),
                _cell(row.visitor_region),
                _cell(row.host),
                _cell(row.host_region),
                _cell(row.theme),
                row.visitors,
                len(row.ratings),
                average,
            ]
        )
    return response


def _cell(value: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (CSV injection)."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value
