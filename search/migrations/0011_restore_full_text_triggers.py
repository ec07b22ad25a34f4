"""Put back the FTS5 triggers on SQLite after 0008_text_limits.

Changing a field of search_searchtext makes SQLite's schema editor rebuild the table (copy,
drop, rename), and the triggers that keep search_fts in step (0002_full_text_index) go with the
old table: from then on nothing new was findable by its words. This recreates them and rebuilds
the full-text index from the table. PostgreSQL's generated column is unaffected.

Any later migration that alters a field of SearchText on SQLite must do the same.
"""

import importlib

from django.db import migrations

full_text_index = importlib.import_module("search.migrations.0002_full_text_index")

TRIGGER_NAMES = ("search_text_ai", "search_text_ad", "search_text_au")


def restore_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for name in TRIGGER_NAMES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    for statement in full_text_index.SQLITE_FORWARD:
        if statement.lstrip().startswith("CREATE TRIGGER"):
            schema_editor.execute(statement)
    schema_editor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")


class Migration(migrations.Migration):
    dependencies = [("search", "0010_merge_20261202_0109")]

    operations = [migrations.RunPython(restore_triggers, migrations.RunPython.noop)]
