"""Schools' phases become core.vocabulary values ("Nursery" -> "early-years", "16 plus" ->
"post-16", special schools and pupil referral units from their establishment type) and regions
that are not one of England's regions ("Not Applicable") become blank. Idempotent: a value
already in the vocabulary is kept. The mapping is frozen here, as the vocabulary was when
this was written."""

from django.db import migrations

PHASES = {
    "early years": "early-years",
    "nursery": "early-years",
    "primary": "primary",
    "middle deemed primary": "primary",
    "secondary": "secondary",
    "middle deemed secondary": "secondary",
    "post-16": "post-16",
    "16 plus": "post-16",
    "all-through": "all-through",
    "special": "special",
    "alternative provision": "alternative-provision",
}
VALUES = set(PHASES.values())
REGIONS = {
    "North East",
    "North West",
    "Yorkshire and the Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
}


def new_phase(phase, establishment_type):
    text = " ".join(phase.split()).casefold()
    if text in VALUES:
        return text
    if text in PHASES:
        return PHASES[text]
    kind = establishment_type.casefold()
    if "special" in kind:
        return "special"
    if "pupil referral unit" in kind or "alternative provision" in kind:
        return "alternative-provision"
    return ""


def new_region(region):
    by_folded = {name.casefold(): name for name in REGIONS}
    return by_folded.get(" ".join(region.split()).casefold(), "")


def forwards(apps, schema_editor):
    School = apps.get_model("schools", "School")
    pairs = School.objects.values_list("phase", "establishment_type").distinct()
    for phase, establishment_type in pairs.order_by():
        mapped = new_phase(phase, establishment_type)
        if mapped != phase:
            School.objects.filter(phase=phase, establishment_type=establishment_type).update(
                phase=mapped
            )
    for region in School.objects.order_by().values_list("region", flat=True).distinct():
        mapped = new_region(region)
        if mapped != region:
            School.objects.filter(region=region).update(region=mapped)


class Migration(migrations.Migration):
    dependencies = [("schools", "0004_vocabulary_choices")]

    # Backwards keeps the new values: the old ones cannot be told apart again (both "Nursery"
    # and "Early years" became "early-years") and the new ones read well.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
