"""Factories for the schools register: believable English schools, the same on every run."""

import factory

from core.vocabulary import Phase, phase_from_register

from .models import School, SchoolImport

# (region, local authority, town, postcode area)
PLACES = [
    ("North West", "Liverpool", "Liverpool", "L"),
    ("North West", "Wirral", "Birkenhead", "CH"),
    ("North West", "Rochdale", "Littleborough", "OL"),
    ("North West", "Lancashire", "Burnley", "BB"),
    ("West Midlands", "Dudley", "Stourbridge", "DY"),
    ("West Midlands", "Birmingham", "Birmingham", "B"),
    ("West Midlands", "Walsall", "Walsall", "WS"),
    ("London", "Newham", "London", "E"),
    ("London", "Camden", "London", "NW"),
    ("London", "Greenwich", "London", "SE"),
    ("South West", "Cornwall", "Truro", "TR"),
    ("South West", "Bristol, City of", "Bristol", "BS"),
    ("South West", "Devon", "Exeter", "EX"),
    ("Yorkshire and the Humber", "Leeds", "Leeds", "LS"),
    ("East of England", "Norfolk", "Norwich", "NR"),
]

NAME_STEMS = [
    "Oakfield", "St Mary's", "Brookside", "Holy Trinity", "Riverside", "St Anne's", "Hillcrest",
    "Meadowbank", "Christ Church", "Westfield", "St Joseph's", "Ashgrove", "Fernhill",
    "Our Lady of Lourdes", "Kingsmead", "Parkside", "St Peter's", "Moorland", "Woodlands",
    "Greenacres", "St Bede's", "Elmhurst", "Harbour View", "Sandfield", "Highfield",
]  # fmt: skip

# (phase, establishment type, name ending)
KINDS = [
    (Phase.PRIMARY, "Community school", "Primary School"),
    (Phase.PRIMARY, "Voluntary aided school", "Catholic Primary School"),
    (Phase.SECONDARY, "Academy converter", "High School"),
    (Phase.PRIMARY, "Academy sponsor led", "Primary Academy"),
    (Phase.SECONDARY, "Foundation school", "Academy"),
    (Phase.SPECIAL, "Community special school", "School"),
    (Phase.ALL_THROUGH, "Free schools", "All-through School"),
    (Phase.EARLY_YEARS, "Local authority nursery school", "Nursery School"),
]


def _pick(items, n):
    return items[n % len(items)]


class SchoolFactory(factory.django.DjangoModelFactory):
    """An open school: `SchoolFactory(region="London", phase=Phase.SECONDARY)` overrides any
    field. A `kind` given with a register phase ("Nursery") stores the vocabulary's value."""

    class Meta:
        model = School
        django_get_or_create = ("urn",)

    class Params:
        place = factory.Sequence(lambda n: _pick(PLACES, n))
        kind = factory.Sequence(lambda n: _pick(KINDS, n // len(PLACES)))

    urn = factory.Sequence(lambda n: 700000 + n)
    name = factory.LazyAttributeSequence(
        lambda school, n: f"{_pick(NAME_STEMS, n)} {school.kind[2]}"
    )
    establishment_type = factory.LazyAttribute(lambda school: school.kind[1])
    phase = factory.LazyAttribute(
        lambda school: phase_from_register(school.kind[0], school.kind[1])
    )
    region = factory.LazyAttribute(lambda school: school.place[0])
    local_authority = factory.LazyAttribute(lambda school: school.place[1])
    town = factory.LazyAttribute(lambda school: school.place[2])
    postcode = factory.Sequence(lambda n: f"{_pick(PLACES, n)[3]}{n % 20 + 1} {n % 9 + 1}AB")
    status = "Open"
    is_open = True


class ClosedSchoolFactory(SchoolFactory):
    status = "Closed"
    is_open = False


class SchoolImportFactory(factory.django.DjangoModelFactory):
    """A stored upload waiting to run; pass `file=ContentFile(b"...", name="gias.csv")`."""

    class Meta:
        model = SchoolImport

    original_name = "edubasealldata.csv"
    file = factory.django.FileField(filename="edubasealldata.csv", data=b"URN\n")
