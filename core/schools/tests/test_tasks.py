"""The upload's import runs in a task that takes the SchoolImport's id and runs only once."""

import pytest

from django.core.files.base import ContentFile

from core.schools.factories import SchoolImportFactory
from core.schools.models import School, SchoolImport
from core.schools.tasks import run_school_import_task

from .gias import HEADER, gias_csv, school

pytestmark = pytest.mark.django_db


def stored_upload(rows, **options):
    return SchoolImportFactory(file=ContentFile(gias_csv(rows, **options), name="gias.csv"))


def test_task_imports_the_file_and_records_counts_and_bad_rows():
    upload = stored_upload([school(100001), school("abc"), school(100003, status="Closed")])

    run_school_import_task.delay(upload.pk)

    upload.refresh_from_db()
    assert upload.status == SchoolImport.Status.DONE
    assert (upload.rows, upload.created_count, upload.closed_count, upload.error_count) == (
        3,
        2,
        1,
        1,
    )
    assert upload.row_errors == [[3, "URN 'abc' is not a number"]]
    assert upload.started_at <= upload.finished_at
    assert School.objects.count() == 2


def test_task_does_not_run_a_finished_import_again():
    upload = stored_upload([school(100001, "Oakfield Primary School")])
    run_school_import_task.delay(upload.pk)
    School.objects.filter(urn=100001).update(name="Renamed since")

    run_school_import_task.delay(upload.pk)

    assert School.objects.get(urn=100001).name == "Renamed since"
    upload.refresh_from_db()
    assert upload.created_count == 1


def test_task_records_a_refused_file_as_failed_with_the_reason():
    upload = stored_upload([school(100001)], header=[n for n in HEADER if n != "URN"])

    run_school_import_task.delay(upload.pk)

    upload.refresh_from_db()
    assert upload.status == SchoolImport.Status.FAILED
    assert "missing required column: URN" in upload.failure
    assert School.objects.count() == 0


def test_task_records_a_stored_file_that_has_gone_as_failed():
    upload = stored_upload([school(100001)])
    upload.file.storage.delete(upload.file.name)

    run_school_import_task.delay(upload.pk)

    upload.refresh_from_db()
    assert upload.status == SchoolImport.Status.FAILED
    assert upload.failure == "The uploaded file could not be read; upload it again."


def test_task_for_an_import_that_no_longer_exists_does_nothing():
    assert run_school_import_task.delay(987654).get() is None


def test_only_the_first_bad_rows_are_stored_but_all_are_counted(settings):
    rows = [school(f"x{n}") for n in range(600)]
    upload = stored_upload(rows)

    run_school_import_task.delay(upload.pk)

    upload.refresh_from_db()
    assert upload.error_count == 600
    assert len(upload.row_errors) == 500
