"""Columns are matched by header name; missing required columns refuse the whole file."""

import io

import pytest

from core.schools.importers import SchoolImportError
from core.schools.models import School
from core.schools.services import import_schools

from .gias import HEADER, gias_csv, school

pytestmark = pytest.mark.django_db


def test_columns_are_found_by_name_whatever_their_order_and_other_columns_are_ignored():
    header = ["Easting", *reversed(HEADER), "Northing"]

    import_schools(file=io.BytesIO(gias_csv([school(100001, "Oakfield School")], header=header)))

    stored = School.objects.get(urn=100001)
    assert (stored.name, stored.local_authority, stored.region, stored.postcode) == (
        "Oakfield School",
        "Liverpool",
        "North West",
        "L4 0TH",
    )


def test_missing_required_column_is_named_in_the_error_and_nothing_is_written():
    header = [name for name in HEADER if name != "GOR (name)"]

    with pytest.raises(SchoolImportError) as error:
        import_schools(file=io.BytesIO(gias_csv([school(100001)], header=header)))

    assert "missing required column: GOR (name)" in str(error.value)
    assert School.objects.count() == 0


def test_every_missing_required_column_is_named():
    header = [name for name in HEADER if name not in {"URN", "Postcode"}]

    with pytest.raises(SchoolImportError, match=r"missing required columns: URN, Postcode"):
        import_schools(file=io.BytesIO(gias_csv([school(100001)], header=header)))


def test_a_csv_with_none_of_the_columns_is_said_not_to_be_the_gias_export():
    data = b"Name,Email\r\nAda,ada@example.org\r\n"

    with pytest.raises(SchoolImportError, match="does not look like the GIAS establishments CSV"):
        import_schools(file=io.BytesIO(data))
