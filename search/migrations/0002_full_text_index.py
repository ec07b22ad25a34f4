"""The full-text index over search_searchtext, in the database's own dialect.

SQLite: an external-content FTS5 table (porter stemming over unicode61) kept in step by
triggers, with bm25 weights favouring the title as its default rank.
PostgreSQL: a generated, weighted tsvector column (title A; summary and keywords B; body C;
attachments D) with a GIN index.
Other databases get no full-text index (the project supports only these two).
"""

from django.db import migrations

COLUMNS = ["title", "summary", "body", "attachments", "keywords"]

SQLITE_FORWARD = [
    f"""CREATE VIRTUAL TABLE search_fts USING fts5(
        {", ".join(COLUMNS)},
        content='search_searchtext', content_rowid='document_id',
        tokenize='porter unicode61 remove_diacritics 2', prefix='2 3'
    )""",
    "INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 0.5, 3.0)')",
    f"""CREATE TRIGGER search_text_ai AFTER INSERT ON search_searchtext BEGIN
        INSERT INTO search_fts(rowid, {", ".join(COLUMNS)})
        VALUES (new.document_id, {", ".join("new." + c for c in COLUMNS)});
    END""",
    f"""CREATE TRIGGER search_text_ad AFTER DELETE ON search_searchtext BEGIN
        INSERT INTO search_fts(search_fts, rowid, {", ".join(COLUMNS)})
        VALUES ('delete', old.document_id, {", ".join("old." + c for c in COLUMNS)});
    END""",
    f"""CREATE TRIGGER search_text_au AFTER UPDATE ON search_searchtext BEGIN
        INSERT INTO search_fts(search_fts, rowid, {", ".join(COLUMNS)})
        VALUES ('delete', old.document_id, {", ".join("old." + c for c in COLUMNS)});
        INSERT INTO search_fts(rowid, {", ".join(COLUMNS)})
        VALUES (new.document_id, {", ".join("new." + c for c in COLUMNS)});
    END""",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_text_au",
    "DROP TRIGGER IF EXISTS search_text_ad",
    "DROP TRIGGER IF EXISTS search_text_ai",
    "DROP TABLE IF EXISTS search_fts",
]

POSTGRES_FORWARD = [
    """ALTER TABLE search_searchtext ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
            setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B') ||
            setweight(to_tsvector('english'::regconfig, coalesce(keywords, '')), 'B') ||
            setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'C') ||
            setweight(to_tsvector('english'::regconfig, coalesce(attachments, '')), 'D')
        ) STORED""",
    "CREATE INDEX search_text_vector ON search_searchtext USING GIN (search_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_text_vector",
    "ALTER TABLE search_searchtext DROP COLUMN IF EXISTS search_vector",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
