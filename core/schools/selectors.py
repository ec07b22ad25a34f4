"""Reads of the schools register, shaped for the forms and filters that use them."""

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Replace, Upper

from .importers import MAX_URN
from .models import School

MATCH_LIMIT = 20


def schools_matching(query: str, *, limit: int = MATCH_LIMIT, include_closed: bool = False):
    """Schools whose name, URN or postcode matches what someone typed, best matches first.

    A number matches a URN exactly (that school comes first), then names starting with the
    query come before names containing it; a postcode matches with or without its space. At
    most `limit` schools; closed ones only when asked for (a closed school cannot join a network).
    """
    query = " ".join((query or "").split())
    if not query:
        return School.objects.none()
    compact = query.replace(" ", "").upper()
    condition = Q(name__icontains=query) | Q(postcode_compact__startswith=compact)
    ranks = [When(name__istartswith=query, then=Value(1))]
    if query.isdigit() and query.isascii() and int(query) <= MAX_URN:
        condition |= Q(urn=int(query))
        ranks.insert(0, When(urn=int(query), then=Value(0)))
    schools = (
        School.objects.annotate(
            postcode_compact=Replace(Upper("postcode"), Value(" "), Value("")),
            rank=Case(*ranks, default=Value(2), output_field=IntegerField()),
        )
        .filter(condition)
        .order_by("rank", "-is_open", "name", "urn")
    )
    if not include_closed:
        schools = schools.filter(is_open=True)
    return schools[:limit]


def _values_in_use(field: str, *, in_networks: bool) -> list[str]:
    schools = _schools_in_use(in_networks=in_networks).exclude(**{field: ""})
    return list(schools.order_by(field).values_list(field, flat=True).distinct())


def _schools_in_use(*, in_networks: bool) -> QuerySet:
    schools: QuerySet = School.objects.all()
    if in_networks:
        # Both conditions in one filter() apply to the same link; on its own, left_on IS NULL
        # would also match schools with no link at all (the LEFT JOIN's empty row).
        schools = schools.filter(network_links__isnull=False, network_links__left_on__isnull=True)
    else:
        schools = schools.filter(is_open=True)
    return schools


def regions_in_use(*, in_networks: bool = False) -> list[str]:
    """The regions of open schools in the register, or of schools currently in a network."""
    return _values_in_use("region", in_networks=in_networks)


def phases_in_use(*, in_networks: bool = False) -> list[str]:
    """The phases of open schools in the register, or of schools currently in a network."""
    return _values_in_use("phase", in_networks=in_networks)


def regions_and_phases_in_use(*, in_networks: bool = False) -> tuple[list[str], list[str]]:
    """`regions_in_use` and `phases_in_use` together, in one query (for a filter form)."""
    schools = _schools_in_use(in_networks=in_networks)
    pairs = list(schools.order_by().values_list("region", "phase").distinct())
    regions = sorted({region for region, _phase in pairs if region})
    phases = sorted({phase for _region, phase in pairs if phase})
    return regions, phases


def values_in_register(field: str) -> list[str]:
    """Every distinct non-blank value of a School field, open schools or closed (admin filters)."""
    return list(
        School.objects.exclude(**{field: ""})
        .order_by(field)
        .values_list(field, flat=True)
        .distinct()
    )
