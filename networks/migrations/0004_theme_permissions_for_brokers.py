from django.db import migrations

BROKER_GROUP_NAME = "National brokers"
THEME_ACTIONS = ("add", "change", "delete", "view")


def grant_theme_permissions(apps, schema_editor):
    """The national brokers curate the focus themes (a Wagtail snippet)."""
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    group, _ = Group.objects.get_or_create(name=BROKER_GROUP_NAME)
    theme_type, _ = ContentType.objects.get_or_create(app_label="networks", model="theme")
    for action in THEME_ACTIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=theme_type,
            codename=f"{action}_theme",
            defaults={"name": f"Can {action} theme"},
        )
        group.permissions.add(permission)


def revoke_theme_permissions(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group = Group.objects.filter(name=BROKER_GROUP_NAME).first()
    if group is not None:
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="networks", codename__endswith="_theme")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0003_invitations_decisions_access"),
        ("accounts", "0002_broker_group"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(grant_theme_permissions, revoke_theme_permissions)]
