from django.db import migrations

BROKER_GROUP_NAME = "National brokers"
ACTIONS = ("add", "change", "delete", "view")


def grant(apps, schema_editor):
    """National brokers maintain the search synonyms (a Wagtail snippet)."""
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    group, _ = Group.objects.get_or_create(name=BROKER_GROUP_NAME)
    content_type, _ = ContentType.objects.get_or_create(app_label="search", model="synonym")
    for action in ACTIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_synonym",
            defaults={"name": f"Can {action} synonym"},
        )
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group = Group.objects.filter(name=BROKER_GROUP_NAME).first()
    if group is not None:
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="search", codename__endswith="_synonym")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_full_text_index"),
        ("accounts", "0002_broker_group"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
