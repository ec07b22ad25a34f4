from django.db import migrations


def load(apps, schema_editor):
    from peer_review.framework_data import load_default_framework

    load_default_framework(apps)


class Migration(migrations.Migration):
    dependencies = [("peer_review", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
