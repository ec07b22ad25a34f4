"""What the broker's views share."""

import csv

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse

PER_PAGE = 12


def refuse_unless(allowed: bool, why_not: str | None) -> None:
    """A page the person may not open: 403 with the permission's own words."""
    if not allowed:
        raise PermissionDenied(why_not or "You are not allowed to do that.")


def paginate(request, objects, per_page: int = PER_PAGE):
    return Paginator(objects, per_page).get_page(request.GET.get("page"))


class _Echo:
    def write(self, value):
        return value


def csv_response(filename: str, header: list[str], rows) -> StreamingHttpResponse:
    """A CSV download streamed a row at a time, so a national-scale file never sits in memory."""
    writer = csv.writer(_Echo())

    def lines():
        yield writer.writerow(header)
        for row in rows:
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
