"""Writes to the schools register. The command, the admin upload and the task all call these."""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from ..queue import enqueue_after_commit
from .importers import COMPARED_FIELDS, Register, RowError, SchoolImportError
from .models import FAILURE_MAX_LENGTH, School, SchoolImport

logger = logging.getLogger(__name__)

WRITE_BATCH = 2000  # rows sent to the database at a time
PROGRESS_EVERY = 1000  # rows between progress reports
STORED_ROW_ERRORS = 500  # bad rows kept on a SchoolImport for the admin page

Progress = Callable[[int, int], None]  # (rows read so far, estimated total rows)


@dataclass
class ImportResult:
    """What an import did.

    created + updated + unchanged + len(errors) == rows. `closed` counts the schools marked
    closed by this import (including new ones that arrive already closed); it overlaps the others.
    """

    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    closed: int = 0
    errors: list[RowError] = field(default_factory=list)

    def summary(self) -> str:
        bad = len(self.errors)
        return (
            f"{self.rows:,} rows read: {self.created:,} created, {self.updated:,} updated, "
            f"{self.unchanged:,} unchanged, {self.closed:,} newly closed, "
            f"{bad:,} bad row{'s' if bad != 1 else ''} skipped."
        )


def import_schools(*, file, progress: Progress | None = None) -> ImportResult:
    """Create and update schools from a GIAS CSV (a binary file object), matched by URN.

    One transaction: if anything unexpected fails, nothing is written. Bad rows are skipped and
    reported; a file that cannot be read at all raises SchoolImportError before any write.
    Schools missing from the file are left as they are: the register never deletes.
    """
    register = Register(file)  # raises SchoolImportError for a fatal problem
    with transaction.atomic():
        return _write(register, progress)


def _write(register: Register, progress: Progress | None) -> ImportResult:
    result = ImportResult()
    writer = SchoolWriter(now=timezone.now())
    stored = {
        urn: (pk, tuple(values))
        for pk, urn, *values in School.objects.values_list("pk", "urn", *COMPARED_FIELDS)
        .order_by()
        .iterator(chunk_size=5000)
    }
    first_line: dict[int, int] = {}
    is_open_index = COMPARED_FIELDS.index("is_open")
    total = register.estimated_rows

    for item in register.rows():
        result.rows += 1
        if progress is not None and result.rows % PROGRESS_EVERY == 0:
            progress(result.rows, total)
        if isinstance(item, RowError):
            result.errors.append(item)
            continue
        if item.urn in first_line:
            result.errors.append(
                RowError(
                    item.line,
                    f"URN {item.urn} appears more than once in the file "
                    f"(first on line {first_line[item.urn]})",
                )
            )
            continue
        first_line[item.urn] = item.line
        is_open = item.values[is_open_index]
        current = stored.get(item.urn)
        if current is None:
            writer.create(item.urn, item.values)
            result.created += 1
            result.closed += not is_open
        elif current[1] == item.values:
            result.unchanged += 1
        else:
            writer.update(current[0], item.values)
            result.updated += 1
            result.closed += current[1][is_open_index] and not is_open

    writer.flush()
    if progress is not None:
        progress(result.rows, result.rows)
    return result


class SchoolWriter:
    """Batched INSERTs and UPDATEs of schools, each batch one `executemany` of a single statement.

    Measured on this project's 2-core machine with SQLite, for 50,000 schools: `bulk_create`
    took 4.7 s where this takes 0.5 s, and `bulk_update` took 10.7 s for only 5,000 schools (it
    builds a CASE expression per field that grows with the batch) where this updates all 50,000
    in 0.4 s. Like the bulk methods, it sends no signals; values are prepared by the model fields,
    so the SQL is the same on SQLite and PostgreSQL.
    """

    def __init__(self, *, now, batch_size: int = WRITE_BATCH):
        opts = School._meta
        quote = connection.ops.quote_name
        self.fields = [opts.get_field(name) for name in COMPARED_FIELDS]
        updated_at = opts.get_field("updated_at")
        self.now = updated_at.get_db_prep_save(now, connection)
        self.batch_size = batch_size
        self.to_create: list[tuple] = []
        self.to_update: list[tuple] = []

        # Identifiers come from the model's metadata, quoted; every value is a parameter.
        table = quote(opts.db_table)
        columns = [quote(field.column) for field in [*self.fields, updated_at]]
        inserted = [quote(opts.get_field("urn").column), *columns]
        placeholders = ", ".join(["%s"] * len(inserted))
        self.insert_sql = f"INSERT INTO {table} ({', '.join(inserted)}) VALUES ({placeholders})"  # noqa: S608
        assignments = ", ".join(f"{column} = %s" for column in columns)
        self.update_sql = f"UPDATE {table} SET {assignments} WHERE {quote(opts.pk.column)} = %s"  # noqa: S608

    def _prepared(self, values: tuple) -> list:
        return [
            field.get_db_prep_save(value, connection)
            for field, value in zip(self.fields, values, strict=True)
        ]

    def create(self, urn: int, values: tuple) -> None:
        self.to_create.append((urn, *self._prepared(values), self.now))
        if len(self.to_create) >= self.batch_size:
            self._execute(self.insert_sql, self.to_create)

    def update(self, pk: int, values: tuple) -> None:
        self.to_update.append((*self._prepared(values), self.now, pk))
        if len(self.to_update) >= self.batch_size:
            self._execute(self.update_sql, self.to_update)

    def flush(self) -> None:
        self._execute(self.insert_sql, self.to_create)
        self._execute(self.update_sql, self.to_update)

    @staticmethod
    def _execute(sql: str, rows: list[tuple]) -> None:
        if rows:
            with connection.cursor() as cursor:
                cursor.executemany(sql, rows)
            rows.clear()


# --- Imports uploaded in the admin --------------------------------------------------------------


@transaction.atomic
def start_school_import(*, file, by) -> SchoolImport:
    """Store an uploaded GIAS CSV and run its import in the background once this commits."""
    school_import = SchoolImport(original_name=getattr(file, "name", "")[:255], uploaded_by=by)
    school_import.file.save(school_import.original_name or "gias.csv", file, save=False)
    school_import.save()
    enqueue_after_commit("core.schools.tasks.run_school_import_task", school_import.pk)
    return school_import


def run_school_import(*, school_import_id: int) -> SchoolImport | None:
    """Run a stored upload's import once. A finished import is never run again.

    The school rows and the DONE status are written in one transaction, so a worker that dies
    half-way leaves the import RUNNING with nothing written, and a redelivered task runs it again.
    """
    with transaction.atomic():
        school_import = _locked_import(school_import_id)
        if school_import is None or school_import.is_finished:
            return school_import
        school_import.status = SchoolImport.Status.RUNNING
        school_import.started_at = timezone.now()
        school_import.save(update_fields=["status", "started_at"])

    try:
        with transaction.atomic():
            school_import = _locked_import(school_import_id)
            if school_import is None or school_import.is_finished:
                return school_import
            with school_import.file.open("rb") as file:
                result = import_schools(file=file)
            _record_result(school_import, result)
    except (SchoolImportError, OSError) as error:
        reason = (
            str(error)
            if isinstance(error, SchoolImportError)
            else "The uploaded file could not be read; upload it again."
        )
        logger.warning("School import %s failed: %s", school_import_id, error)
        with transaction.atomic():
            school_import = _locked_import(school_import_id)
            if school_import is not None and not school_import.is_finished:
                school_import.status = SchoolImport.Status.FAILED
                school_import.failure = reason[:FAILURE_MAX_LENGTH]
                school_import.finished_at = timezone.now()
                school_import.save(update_fields=["status", "failure", "finished_at"])
    return school_import


def _locked_import(school_import_id: int) -> SchoolImport | None:
    return SchoolImport.objects.select_for_update().filter(pk=school_import_id).first()


def _record_result(school_import: SchoolImport, result: ImportResult) -> None:
    school_import.status = SchoolImport.Status.DONE
    school_import.finished_at = timezone.now()
    school_import.rows = result.rows
    school_import.created_count = result.created
    school_import.updated_count = result.updated
    school_import.unchanged_count = result.unchanged
    school_import.closed_count = result.closed
    school_import.error_count = len(result.errors)
    school_import.row_errors = [list(error) for error in result.errors[:STORED_ROW_ERRORS]]
    school_import.save()
