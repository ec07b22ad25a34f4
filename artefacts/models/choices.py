"""The fixed choices an artefact is described with."""

from django.db import models

from core.visibility import Visibility  # noqa: F401  (re-exported: artefacts.models.Visibility)


class ArtefactType(models.TextChoices):
    CASE_STUDY = "case_study", "Case study"
    ENQUIRY_REPORT = "enquiry_report", "Enquiry report"
    TOOL = "tool", "Tool or protocol"
    TEACHING_RESOURCE = "teaching_resource", "Teaching resource"
    VIDEO = "video", "Video"
    STUDY_VISIT_REPORT = "study_visit_report", "Study-visit report"
    REVIEW_LEARNING = "review_learning", "Learning from a review"


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_NC_SA = "cc-by-nc-sa-4.0", "CC BY-NC-SA 4.0"
    ALL_RIGHTS_RESERVED = "all-rights-reserved", "All rights reserved"


LICENCE_DETAILS = {
    Licence.CC_BY: (
        "https://creativecommons.org/licenses/by/4.0/",
        "Anyone may share and adapt it, crediting the authors.",
    ),
    Licence.CC_BY_NC_SA: (
        "https://creativecommons.org/licenses/by-nc-sa/4.0/",
        "Anyone may share and adapt it for non-commercial use, crediting the authors and "
        "sharing their adaptations under the same licence.",
    ),
    Licence.ALL_RIGHTS_RESERVED: (
        "",
        "Ask the authors before copying or adapting it.",
    ),
}


class EvidenceKind(models.TextChoices):
    PUPIL_OUTCOMES = "pupil_outcomes", "Pupil outcome data"
    OBSERVATION = "observation", "Observation"
    PUPIL_VOICE = "pupil_voice", "Pupil voice"
    STAFF_SURVEY = "staff_survey", "Staff survey"
    OTHER = "other", "Other"


class EvidenceStrength(models.IntegerChoices):
    """The authors' own rating of their evidence, with what each level means."""

    ANECDOTE = 1, "1 – Early signs"
    SOME = 2, "2 – Some evidence"
    MODERATE = 3, "3 – Moderate evidence"
    STRONG = 4, "4 – Strong evidence"
    VERY_STRONG = 5, "5 – Very strong evidence"


EVIDENCE_STRENGTH_GUIDANCE = {
    1: "We noticed a change, but have not yet collected anything systematically.",
    2: "A small sample of work, comments or observations, gathered once, in one school.",
    3: "Evidence gathered before and after, from more than one class or source.",
    4: "Consistent evidence from several schools or sources over time, with a comparison.",
    5: "Robust data over a year or more across schools, with a comparison group, "
    "checked by someone outside the network.",
}


class ModerationStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Waiting for review"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    SCHEDULED = "scheduled", "Approved, scheduled"
    PUBLISHED = "published", "Published"


class TrialOutcome(models.TextChoices):
    """How it went when a teacher tried an artefact ("We tried this")."""

    WORKED = "worked", "It worked"
    PARTLY = "partly", "It partly worked"
    DID_NOT_WORK = "did_not_work", "It did not work"


# How widely each visibility shares an artefact: an adaptation is never shared more widely than
# the artefact it copies (see ArtefactPage.adaptation_problems).
VISIBILITY_REACH = {Visibility.NETWORK: 1, Visibility.MEMBERS: 2, Visibility.PUBLIC: 3}
# The licences under which anyone may adapt an artefact, and the licence an adaptation must keep.
ADAPTABLE_LICENCES = (Licence.CC_BY, Licence.CC_BY_NC_SA)
SHARE_ALIKE_LICENCES = (Licence.CC_BY_NC_SA,)
