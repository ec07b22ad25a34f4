"""What the broker's views share."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator

PER_PAGE = 12


def refuse_unless(allowed: bool, why_not: str | None) -> None:
    """A page the person may not open: 403 with the permission's own words."""
    if not allowed:
        raise PermissionDenied(why_not or "You are not allowed to do that.")


def paginate(request, objects, per_page: int = PER_PAGE):
    return Paginator(objects, per_page).get_page(request.GET.get("page"))
