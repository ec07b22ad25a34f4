"""An index on Wagtail's page url_path (core.routing finds a page by it in one query: without
one, every signed-in page read scanned the whole page table, 100,000 artefacts at national
size). Wagtail's own table, so in SQL: the same statement on SQLite and PostgreSQL."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_text_limits"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS nlc_page_url_path ON wagtailcore_page (url_path)",
            "DROP INDEX IF EXISTS nlc_page_url_path",
        ),
    ]
