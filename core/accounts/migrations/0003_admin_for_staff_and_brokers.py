from django.db import migrations

BROKER_GROUP_NAME = "National brokers"
DEFAULT_WORKFLOW_NAME = "Moderators approval"
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")


def admin_for_staff_and_brokers(apps, schema_editor):
    """The Wagtail admin serves platform staff and the national brokers, who moderate in the site.

    * The brokers hold no page or collection permission (Wagtail gave every group with admin
      access "choose" on documents and images): artefacts and networks change in the site only.
    * Wagtail's default "Moderators approval" workflow, unused (moderation happens in the
      site), goes with its task and assignments.
    * Wagtail's default Editors and Moderators groups, which nobody belongs to and which would
      give page rights around the site's rules, go too (kept if someone was put in them).
    """
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    brokers = Group.objects.filter(name=BROKER_GROUP_NAME)
    GroupPagePermission.objects.filter(group__in=brokers).delete()
    GroupCollectionPermission.objects.filter(group__in=brokers).delete()
    for group in brokers:
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="wagtailcore")
        )

    workflows = Workflow.objects.filter(name=DEFAULT_WORKFLOW_NAME)
    task_ids = list(
        WorkflowTask.objects.filter(workflow__in=workflows).values_list("task_id", flat=True)
    )
    workflows.delete()
    GroupApprovalTask.objects.filter(pk__in=task_ids).delete()
    Task.objects.filter(pk__in=task_ids).delete()

    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_broker_group"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    # Going back leaves things as they are: the workflow and groups were never used.
    operations = [migrations.RunPython(admin_for_staff_and_brokers, migrations.RunPython.noop)]
