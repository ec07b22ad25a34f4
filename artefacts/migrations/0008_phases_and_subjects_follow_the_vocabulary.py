"""Artefacts' phases and subjects follow core.vocabulary: a row for each value (slug), named
with its label and in its order; a row added in the admin under another name that means the
same ("Nursery", "Early Years", "Maths") hands its artefacts to the vocabulary's row and goes.
Idempotent. The lists are frozen here, as the vocabulary was when this was written."""

from django.db import migrations

PHASES = [
    ("early-years", "Early years", ["nursery", "eyfs", "foundation stage"]),
    ("primary", "Primary", ["middle deemed primary"]),
    ("secondary", "Secondary", ["middle deemed secondary"]),
    ("post-16", "Post-16", ["16 plus", "sixth form", "post 16"]),
    ("all-through", "All-through", ["all through"]),
    ("special", "Special", ["send"]),
    ("alternative-provision", "Alternative provision", ["pupil referral unit", "ap"]),
]
SUBJECTS = [
    ("english", "English", []),
    ("early-reading-and-phonics", "Early reading and phonics", ["phonics", "early reading"]),
    ("mathematics", "Mathematics", ["maths", "math"]),
    ("science", "Science", []),
    ("history", "History", []),
    ("geography", "Geography", []),
    ("modern-foreign-languages", "Modern foreign languages", ["mfl", "languages"]),
    ("art-and-design", "Art and design", ["art"]),
    ("music", "Music", []),
    ("physical-education", "Physical education", ["pe"]),
    ("computing", "Computing", []),
    ("design-and-technology", "Design and technology", ["dt", "d&t"]),
    ("religious-education", "Religious education", ["re"]),
    ("pshe-and-rshe", "PSHE and RSHE", ["pshe", "rshe"]),
    ("across-the-curriculum", "Across the curriculum", []),
]


def follow(apps, model_name, field_name, terms):
    Term = apps.get_model("artefacts", model_name)
    through = (
        apps.get_model("artefacts", "ArtefactPage")._meta.get_field(field_name).remote_field.through
    )
    column = f"{model_name.lower()}_id"
    names = {}
    for slug, label, other_names in terms:
        for name in [slug, label, *other_names]:
            names[" ".join(name.replace("-", " ").split()).casefold()] = slug
    wanted = {slug for slug, _label, _others in terms}
    # Rows meaning a vocabulary value under another slug: their links move, then they go (this
    # first, so their names are free for the vocabulary's rows).
    rows = {}
    for term in Term.objects.exclude(slug__in=wanted):
        slug = names.get(" ".join(term.name.replace("-", " ").split()).casefold()) or names.get(
            term.slug.replace("-", " ")
        )
        if slug:
            rows.setdefault(slug, []).append(term)
    for position, (slug, label, _others) in enumerate(terms):
        for old in rows.get(slug, []):
            old.name = f"{old.name} (merged {old.pk})"
            old.save(update_fields=["name"])
        term, _created = Term.objects.update_or_create(
            slug=slug, defaults={"name": label, "sort_order": position}
        )
        for old in rows.get(slug, []):
            for artefact_id in through.objects.filter(**{column: old.pk}).values_list(
                "artefactpage_id", flat=True
            ):
                through.objects.get_or_create(artefactpage_id=artefact_id, **{column: term.pk})
            old.delete()


def forwards(apps, schema_editor):
    follow(apps, "Phase", "phases", PHASES)
    follow(apps, "Subject", "subjects", SUBJECTS)


class Migration(migrations.Migration):
    dependencies = [("artefacts", "0007_drafts_autosave_pending_uploads")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
