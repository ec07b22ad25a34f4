"""Rows written in bulk: one `executemany` of a single INSERT per batch, with ids chosen here.

Choosing the ids (after the largest in the table) lets related rows refer to rows not yet
written, with no read back; `bulk_create` measured ten times slower on SQLite for the
schools register (see core.schools.services.SchoolWriter), and cannot write the rows of a
multi-table model such as a Wagtail page. Values are prepared by the model fields, so the SQL
is the same on SQLite and PostgreSQL; `reset_sequences` then tells PostgreSQL about the ids.
"""

from collections.abc import Iterable

from django.core.management.color import no_style
from django.db import connection, models

BATCH = 5_000
# Columns whose Python values the database drivers take as they are: preparing them through the
# field (to_python, then get_db_prep_value) took half the time of loading the artefacts.
PLAIN_TYPES = frozenset(
    {
        "AutoField", "BigAutoField", "BigIntegerField", "BooleanField", "CharField",
        "EmailField", "IntegerField", "PositiveBigIntegerField", "PositiveIntegerField",
        "PositiveSmallIntegerField", "SlugField", "SmallIntegerField", "TextField",
    }
)  # fmt: skip


def next_id(model: type[models.Model]) -> int:
    """The first free id of the model's table (ids are never reused while loading)."""
    largest = model._base_manager.order_by().aggregate(largest=models.Max("pk"))["largest"]
    return (largest or 0) + 1


class Inserter:
    """INSERTs into one table, of the given model fields (by name), flushed in batches.

    Every other column that may not be null gets its field's default ("" for text), as a
    model instance would have it.
    """

    def __init__(self, model: type[models.Model], fields: Iterable[str], *, batch: int = BATCH):
        opts = model._meta
        quote = connection.ops.quote_name
        self.model = model
        self.fields = [opts.get_field(name) for name in fields]
        self.defaults = [
            field
            for field in opts.local_concrete_fields
            if field not in self.fields and not field.null and not field.primary_key
        ]
        self.plain = [_is_plain(field) for field in self.fields]
        self.default_values = [
            field.get_db_prep_save(field.get_default(), connection) for field in self.defaults
        ]
        self.batch = batch
        self.rows: list[list] = []
        self.written = 0
        columns = ", ".join(quote(field.column) for field in [*self.fields, *self.defaults])
        marks = ", ".join(["%s"] * (len(self.fields) + len(self.defaults)))
        # Identifiers come from the model's metadata, quoted; every value is a parameter.
        self.sql = f"INSERT INTO {quote(opts.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608

    def add(self, *values) -> None:
        self.rows.append(
            [
                value if plain or value is None else field.get_db_prep_save(value, connection)
                for field, plain, value in zip(self.fields, self.plain, values, strict=True)
            ]
            + self.default_values
        )
        if len(self.rows) >= self.batch:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            with connection.cursor() as cursor:
                cursor.executemany(self.sql, self.rows)
            self.written += len(self.rows)
            self.rows.clear()


def _is_plain(field) -> bool:
    target = field.target_field if field.is_relation else field
    return target.get_internal_type() in PLAIN_TYPES


def reset_sequences(models_written: Iterable[type[models.Model]]) -> None:
    """After ids were chosen here, PostgreSQL's sequences must continue after them."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_written))
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
