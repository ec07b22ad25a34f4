from django.db import migrations

PHASES = [
    "Early years",
    "Primary",
    "Secondary",
    "Post-16",
    "All-through",
    "Special",
    "Alternative provision",
]
SUBJECTS = [
    "English",
    "Early reading and phonics",
    "Mathematics",
    "Science",
    "History",
    "Geography",
    "Modern foreign languages",
    "Art and design",
    "Music",
    "Physical education",
    "Computing",
    "Design and technology",
    "Religious education",
    "PSHE and RSHE",
    "Across the curriculum",
]


def slug(name):
    from django.utils.text import slugify

    return slugify(name)


def add_terms(apps, schema_editor):
    for model_name, names in (("Phase", PHASES), ("Subject", SUBJECTS)):
        model = apps.get_model("artefacts", model_name)
        for position, name in enumerate(names):
            model.objects.get_or_create(
                slug=slug(name), defaults={"name": name, "sort_order": position}
            )


def remove_terms(apps, schema_editor):
    for model_name, names in (("Phase", PHASES), ("Subject", SUBJECTS)):
        apps.get_model("artefacts", model_name).objects.filter(
            slug__in=[slug(name) for name in names]
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("artefacts", "0001_initial")]

    operations = [migrations.RunPython(add_terms, remove_terms)]
