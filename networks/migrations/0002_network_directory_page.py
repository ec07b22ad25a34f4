from django.db import migrations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def base36_step(number: int) -> str:
    digits = ""
    while number:
        number, remainder = divmod(number, 36)
        digits = ALPHABET[remainder] + digits
    return digits.rjust(4, "0")


def create_directory(apps, schema_editor):
    """Put the network directory at /networks/ under the home page."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    NetworkIndexPage = apps.get_model("networks.NetworkIndexPage")
    home = Page.objects.filter(depth=2, slug="home").first()
    if home is None or NetworkIndexPage.objects.exists():
        return
    last_child = Page.objects.filter(path__startswith=home.path, depth=3).order_by("-path").first()
    step = int(last_child.path[-4:], 36) + 1 if last_child else 1
    content_type, _ = ContentType.objects.get_or_create(app_label="networks", model="networkindexpage")
    NetworkIndexPage.objects.create(
        title="Networks",
        draft_title="Networks",
        slug="networks",
        content_type=content_type,
        path=home.path + base36_step(step),
        depth=3,
        numchild=0,
        url_path=home.url_path + "networks/",
        locale_id=home.locale_id,
        intro=(
            "Networks of schools that chose to work together on a shared challenge. "
            "Each is led by two or more co-leaders."
        ),
    )
    Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)


def remove_directory(apps, schema_editor):
    apps.get_model("networks.NetworkIndexPage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("networks", "0001_initial"), ("home", "0002_create_homepage")]
    operations = [migrations.RunPython(create_directory, remove_directory)]
