from django.db import migrations

BROKER_GROUP_NAME = "National brokers"
ACTIONS = ("add", "change", "delete", "view")
MODELS = ("framework", "frameworkversion", "criterion")


def grant(apps, schema_editor):
    """National brokers maintain the review frameworks (Wagtail snippets), with admins."""
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    group, _ = Group.objects.get_or_create(name=BROKER_GROUP_NAME)
    for model in MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label="peer_review", model=model)
        for action in ACTIONS:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group = Group.objects.filter(name=BROKER_GROUP_NAME).first()
    if group is not None:
        group.permissions.remove(
            *group.permissions.filter(
                content_type__app_label="peer_review", content_type__model__in=MODELS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("peer_review", "0002_default_framework"),
        ("accounts", "0002_broker_group"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
