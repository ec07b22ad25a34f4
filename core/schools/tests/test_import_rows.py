"""Bad rows are reported with their line number and reason; the good rows still import."""

import io

import pytest

from core.schools.importers import RowError, SchoolImportError
from core.schools.models import School
from core.schools.services import import_schools

from .gias import HEADER, gias_csv, school

pytestmark = pytest.mark.django_db


def run(rows, **options):
    return import_schools(file=io.BytesIO(gias_csv(rows, **options)))


def test_bad_rows_are_reported_with_line_numbers_while_good_rows_import():
    result = run(
        [
            school(100001, "Oakfield Primary School"),  # line 2
            school("abc", "Brookside School"),  # line 3
            school("", "Hillcrest School"),  # line 4
            school(100004, ""),  # line 5
            school(100005, "Riverside Academy"),  # line 6
        ]
    )

    assert result.errors == [
        RowError(3, "URN 'abc' is not a number"),
        RowError(4, "URN is missing"),
        RowError(5, "EstablishmentName is missing for URN 100004"),
    ]
    assert set(School.objects.values_list("urn", flat=True)) == {100001, 100005}
    assert (result.rows, result.created) == (5, 2)


def test_row_error_reads_as_line_and_reason():
    assert str(RowError(17, "URN 'abc' is not a number")) == "line 17: URN 'abc' is not a number"


def test_duplicate_urn_within_the_file_is_reported_and_the_first_row_wins():
    result = run(
        [
            school(100001, "Oakfield Primary School"),
            school(100002, "Brookside School"),
            school(100001, "Oakfield Primary School (again)"),
        ]
    )

    assert result.errors == [
        RowError(4, "URN 100001 appears more than once in the file (first on line 2)")
    ]
    assert School.objects.get(urn=100001).name == "Oakfield Primary School"
    assert result.created == 2


def test_zero_or_negative_urn_is_not_a_valid_urn():
    result = run([school("0"), school("-5")])

    assert [error.reason for error in result.errors] == [
        "URN '0' is not a valid URN",
        "URN '-5' is not a number",
    ]


def test_value_longer_than_the_register_holds_is_a_bad_row_not_a_database_error():
    result = run([school(100001, postcode="L4 0TH" * 5), school(100002)])

    assert result.errors == [
        RowError(2, "Postcode is longer than 12 characters ('L4 0THL4 0THL4 0THL4 0THL4 0TH'…)")
    ]
    assert list(School.objects.values_list("urn", flat=True)) == [100002]


def test_short_row_is_reported_with_the_column_counts():
    result = run([["100001", "341", "Liverpool"], school(100002)])

    assert result.errors == [RowError(2, f"the row has 3 columns but the header has {len(HEADER)}")]
    assert result.created == 1


def test_blank_lines_are_skipped_silently():
    header, first, second, end = gias_csv([school(100001), school(100002)]).split(b"\r\n")
    data = b"\r\n".join([header, first, b"", b"   ", second, b"", b""])

    result = import_schools(file=io.BytesIO(data))

    assert (result.created, result.errors) == (2, [])


def test_line_numbers_count_the_lines_of_a_quoted_name_spanning_two_lines():
    result = run([school(100001, "Oakfield\nPrimary School"), school("x")])

    assert result.errors == [RowError(4, "URN 'x' is not a number")]


def test_values_are_trimmed_of_surrounding_spaces():
    run([school(" 100001 ", "  Oakfield Primary School ", postcode=" L4 0TH ")])

    stored = School.objects.get(urn=100001)
    assert (stored.name, stored.postcode) == ("Oakfield Primary School", "L4 0TH")


def test_phase_not_applicable_is_special_or_alternative_provision_by_establishment_type():
    run(
        [
            school(100001, establishment_type="Community special school", phase="Not applicable"),
            school(100002, establishment_type="Pupil referral unit", phase="Not applicable"),
            school(100003, establishment_type="Further education", phase="Not applicable"),
        ]
    )

    assert dict(School.objects.values_list("urn", "phase")) == {
        100001: "special",
        100002: "alternative-provision",
        100003: "",
    }


def test_register_phases_are_stored_as_the_vocabulary_values():
    run(
        [
            school(100001, phase="Nursery"),
            school(100002, phase="Middle deemed secondary"),
            school(100003, phase="16 plus"),
            school(100004, phase="Primary"),
        ]
    )

    assert dict(School.objects.values_list("urn", "phase")) == {
        100001: "early-years",
        100002: "secondary",
        100003: "post-16",
        100004: "primary",
    }


def test_a_region_that_is_not_one_of_englands_is_left_blank():
    run([school(100001, region="Not Applicable"), school(100002, region="North East")])

    assert dict(School.objects.values_list("urn", "region")) == {
        100001: "",
        100002: "North East",
    }


def test_a_file_that_breaks_part_way_writes_nothing_even_after_earlier_batches():
    """The whole import is one transaction: 2,500 good rows, then a line CSV cannot read."""
    rows = [school(100000 + n, f"Oakfield School {n}") for n in range(2500)]
    rows.append(school(200000, "x" * 200_000))  # longer than the csv module's field limit

    with pytest.raises(SchoolImportError, match="Line 2502 could not be read as CSV"):
        run(rows)

    assert School.objects.count() == 0
