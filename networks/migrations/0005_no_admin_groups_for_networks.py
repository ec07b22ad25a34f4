from django.db import migrations


def delete_network_groups(apps, schema_editor):
    """Network roles no longer reach the Wagtail admin: the per-network groups, with their page
    permissions, admin access and memberships, go (deleting a group deletes those with it)."""
    NetworkAccessGroup = apps.get_model("networks", "NetworkAccessGroup")
    Group = apps.get_model("auth", "Group")
    group_ids = list(NetworkAccessGroup.objects.values_list("group_id", flat=True))
    NetworkAccessGroup.objects.all().delete()
    Group.objects.filter(pk__in=group_ids).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0004_theme_permissions_for_brokers"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        # Going back restores the table, not the groups: nothing needs them any more.
        migrations.RunPython(delete_network_groups, migrations.RunPython.noop),
        migrations.DeleteModel(name="NetworkAccessGroup"),
    ]
