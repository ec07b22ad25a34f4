"""The one list of phases, subjects and regions: every model field, form, filter, search facet,
API and seed uses these values and labels, so the directory and the artefact form never disagree.

The values are the slugs the open-data API has always published for artefacts' phases and
subjects (`?phase=early-years`); regions keep the register's names (`North East`), which the
API already publishes for schools and networks.
"""

from django.db import models


class Phase(models.TextChoices):
    EARLY_YEARS = "early-years", "Early years"
    PRIMARY = "primary", "Primary"
    SECONDARY = "secondary", "Secondary"
    POST_16 = "post-16", "Post-16"
    ALL_THROUGH = "all-through", "All-through"
    SPECIAL = "special", "Special"
    ALTERNATIVE_PROVISION = "alternative-provision", "Alternative provision"


class Subject(models.TextChoices):
    ENGLISH = "english", "English"
    EARLY_READING = "early-reading-and-phonics", "Early reading and phonics"
    MATHEMATICS = "mathematics", "Mathematics"
    SCIENCE = "science", "Science"
    HISTORY = "history", "History"
    GEOGRAPHY = "geography", "Geography"
    LANGUAGES = "modern-foreign-languages", "Modern foreign languages"
    ART = "art-and-design", "Art and design"
    MUSIC = "music", "Music"
    PE = "physical-education", "Physical education"
    COMPUTING = "computing", "Computing"
    DESIGN_TECHNOLOGY = "design-and-technology", "Design and technology"
    RE = "religious-education", "Religious education"
    PSHE = "pshe-and-rshe", "PSHE and RSHE"
    ACROSS = "across-the-curriculum", "Across the curriculum"


class Region(models.TextChoices):
    """England's regions as the register (GIAS "GOR (name)") spells them."""

    NORTH_EAST = "North East", "North East"
    NORTH_WEST = "North West", "North West"
    YORKSHIRE = "Yorkshire and the Humber", "Yorkshire and the Humber"
    EAST_MIDLANDS = "East Midlands", "East Midlands"
    WEST_MIDLANDS = "West Midlands", "West Midlands"
    EAST_OF_ENGLAND = "East of England", "East of England"
    LONDON = "London", "London"
    SOUTH_EAST = "South East", "South East"
    SOUTH_WEST = "South West", "South West"


# The register's "PhaseOfEducation (name)" values, and the phase each one is here.
REGISTER_PHASES = {
    "nursery": Phase.EARLY_YEARS,
    "primary": Phase.PRIMARY,
    "middle deemed primary": Phase.PRIMARY,
    "secondary": Phase.SECONDARY,
    "middle deemed secondary": Phase.SECONDARY,
    "16 plus": Phase.POST_16,
    "all-through": Phase.ALL_THROUGH,
}
# Establishment types the register gives the phase "Not applicable", recognised by these words.
ALTERNATIVE_PROVISION_TYPES = ("pupil referral unit", "alternative provision")


def phase_from_register(phase: str, establishment_type: str = "") -> str:
    """The Phase value of a register row ("" when the register does not say one).

    Values already in this vocabulary (a re-run, or a label such as "Early years") are kept, so
    mapping is idempotent. Special schools and pupil referral units have the register phase
    "Not applicable"; their establishment type says which they are.
    """
    text = " ".join((phase or "").split()).casefold()
    for value, label in Phase.choices:
        if text in {value, label.casefold()}:
            return value
    if text in REGISTER_PHASES:
        return REGISTER_PHASES[text]
    kind = (establishment_type or "").casefold()
    if "special" in kind:
        return Phase.SPECIAL
    if any(words in kind for words in ALTERNATIVE_PROVISION_TYPES):
        return Phase.ALTERNATIVE_PROVISION
    return ""


def region_from_register(region: str) -> str:
    """The Region value of a register row ("" for "Not Applicable" and other non-regions)."""
    text = " ".join((region or "").split()).casefold()
    for value in Region.values:
        if text == value.casefold():
            return value
    return ""


def phase_label(value: str) -> str:
    """The label of a phase value; an unknown value is shown as it is."""
    return dict(Phase.choices).get(value, value)
