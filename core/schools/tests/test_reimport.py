"""Re-importing updates schools by URN; closed establishments are marked closed, never deleted."""

import io

import pytest

from core.schools.factories import SchoolFactory
from core.schools.models import School
from core.schools.services import import_schools

from .gias import gias_csv, school

pytestmark = pytest.mark.django_db


def run(rows):
    return import_schools(file=io.BytesIO(gias_csv(rows)))


def test_reimport_updates_changed_fields_and_counts_the_unchanged_ones():
    run([school(100001, "Oakfield Primary School"), school(100002, "Brookside School")])

    result = run(
        [
            school(100001, "Oakfield Primary Academy", establishment_type="Academy converter"),
            school(100002, "Brookside School"),
            school(100003, "Hillcrest School"),
        ]
    )

    assert (result.created, result.updated, result.unchanged) == (1, 1, 1)
    oakfield = School.objects.get(urn=100001)
    assert (oakfield.name, oakfield.establishment_type) == (
        "Oakfield Primary Academy",
        "Academy converter",
    )


def test_reimport_of_the_same_file_changes_nothing():
    rows = [school(100001), school(100002, "Brookside School", status="Closed")]
    run(rows)
    before = list(School.objects.order_by("urn").values_list("urn", "updated_at"))

    result = run(rows)

    assert (result.created, result.updated, result.unchanged, result.closed) == (0, 0, 2, 0)
    assert list(School.objects.order_by("urn").values_list("urn", "updated_at")) == before


def test_update_keeps_the_school_row_so_its_network_links_survive():
    existing = SchoolFactory(urn=100001, name="Old Name School")

    run([school(100001, "New Name School")])

    assert School.objects.get(pk=existing.pk).name == "New Name School"


def test_closed_establishment_is_imported_as_closed():
    result = run([school(100001, status="Closed"), school(100002)])

    assert dict(School.objects.values_list("urn", "is_open")) == {100001: False, 100002: True}
    assert result.closed == 1


def test_school_that_was_open_and_is_now_closed_is_marked_closed_not_deleted():
    run([school(100001, "Oakfield Primary School"), school(100002)])

    result = run([school(100001, "Oakfield Primary School", status="Closed"), school(100002)])

    oakfield = School.objects.get(urn=100001)
    assert (oakfield.is_open, oakfield.status) == (False, "Closed")
    assert (result.updated, result.closed) == (1, 1)
    assert School.objects.count() == 2


def test_school_missing_from_a_later_file_is_kept_as_it_was():
    run([school(100001), school(100002, "Brookside School")])

    run([school(100001)])

    brookside = School.objects.get(urn=100002)
    assert (brookside.name, brookside.is_open) == ("Brookside School", True)


def test_reopened_school_is_marked_open_again():
    run([school(100001, status="Closed")])

    run([school(100001, status="Open, but proposed to close")])

    assert School.objects.get(urn=100001).is_open is True
