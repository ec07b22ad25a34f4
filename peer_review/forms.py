"""Forms for review pages. They shape input; the rules are the services'."""

from django import forms
from django.contrib.auth import get_user_model

from artefacts.models import ArtefactPage
from core.schools.models import School
from networks.baselining.models import Indicator
from networks.models import Membership, NetworkSchool

from .models import DEADLINE_PHASES, ActionStatus, Criterion, EvidenceKind, FrameworkVersion, Phase
from .models.limits import (
    ACTION_MAX_LENGTH,
    COMMENT_MAX_LENGTH,
    EVIDENCE_NOTE_MAX_LENGTH,
    FINDING_MAX_LENGTH,
    FOLLOW_UP_MAX_LENGTH,
    PROGRESS_NOTE_MAX_LENGTH,
    PURPOSE_MAX_LENGTH,
    RATIONALE_MAX_LENGTH,
    REASON_MAX_LENGTH,
    REPORT_SUMMARY_MAX_LENGTH,
)

DATE = forms.DateInput(attrs={"type": "date"})
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class OpenCycleForm(forms.Form):
    framework_version = forms.ModelChoiceField(
        queryset=FrameworkVersion.objects.filter(ready=True).select_related("framework"),
        label="Framework version",
    )
    focus_criteria = forms.ModelMultipleChoiceField(
        queryset=Criterion.objects.filter(domain__version__ready=True).select_related("domain"),
        widget=forms.CheckboxSelectMultiple,
        label="Criteria in focus",
        help_text="Choose a few that matter most this year: the review goes deep on them.",
    )
    purpose = forms.CharField(
        max_length=PURPOSE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label="What do you want to learn from this review?",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for phase in DEADLINE_PHASES:
            self.fields[f"deadline_{phase}"] = forms.DateField(
                label=f"{Phase(phase).label}: due on", widget=DATE
            )

    def deadlines(self) -> dict:
        return {phase: self.cleaned_data[f"deadline_{phase}"] for phase in DEADLINE_PHASES}


class ExtendDeadlineForm(forms.Form):
    to_date = forms.DateField(label="New deadline", widget=DATE)
    reason = forms.CharField(
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why it moves",
    )


def level_choices(criterion):
    return [("", "Choose a level")] + [
        (level.number, f"{level.number} – {level.label}") for level in criterion.levels.all()
    ]


class LevelForm(forms.Form):
    """A level from the criterion's rubric with words beside it (rationale, evidence…)."""

    text_label = "Rationale"
    text_name = "rationale"
    text_required = True
    text_max_length = RATIONALE_MAX_LENGTH

    def __init__(self, *args, criterion, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"] = forms.TypedChoiceField(
            choices=level_choices(criterion), coerce=int, label="Level"
        )
        self.fields[self.text_name] = forms.CharField(
            widget=forms.Textarea(attrs={"rows": 3}),
            label=self.text_label,
            required=self.text_required,
            max_length=self.text_max_length,
        )


class ProposeLevelForm(LevelForm):
    text_label = "Why this level (optional)"
    text_name = "comment"
    text_required = False
    text_max_length = COMMENT_MAX_LENGTH


class ConsolidateForm(LevelForm):
    text_label = "Rationale"
    text_name = "rationale"


class RatingForm(LevelForm):
    text_label = "Evidence this level rests on"
    text_name = "evidence"


class EvidenceForm(forms.Form):
    kind = forms.ChoiceField(choices=EvidenceKind.choices, label="Kind of evidence")
    title = forms.CharField(max_length=200)
    note = forms.CharField(
        max_length=EVIDENCE_NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    artefact = forms.ModelChoiceField(queryset=ArtefactPage.objects.none(), required=False)
    indicator = forms.ModelChoiceField(
        queryset=Indicator.objects.none(), required=False, label="Indicator chart"
    )
    upload = forms.FileField(required=False, label="File")
    url = forms.URLField(required=False, label="Link", assume_scheme="https")

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["artefact"].queryset = ArtefactPage.objects.filter(network=network).order_by(
            "title"
        )
        self.fields["indicator"].queryset = Indicator.objects.filter(network=network)


class InviteForm(forms.Form):
    email = forms.EmailField(label="E-mail address of the person to invite")
    is_lead = forms.BooleanField(required=False, label="Invite as lead reviewer")


class DeclineForm(forms.Form):
    reason = forms.CharField(
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why you decline",
    )


class ConflictForm(forms.Form):
    reason = forms.CharField(
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="What the conflict is",
    )


class VisitForm(forms.Form):
    starts_at = forms.DateTimeField(label="Starts", widget=DATETIME)
    ends_at = forms.DateTimeField(label="Ends", widget=DATETIME)
    host_school = forms.ModelChoiceField(queryset=None, label="Host school")

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host_school"].queryset = School.objects.filter(
            pk__in=NetworkSchool.objects.filter(network=network, left_on__isnull=True).values(
                "school_id"
            )
        )


class ReportForm(forms.Form):
    summary = forms.CharField(
        max_length=REPORT_SUMMARY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        label="Summary",
    )


class FindingForm(forms.Form):
    strengths = forms.CharField(
        max_length=FINDING_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )
    areas_to_develop = forms.CharField(
        max_length=FINDING_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )
    evidence_seen = forms.CharField(
        max_length=FINDING_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )


class AcknowledgeForm(forms.Form):
    comment = forms.CharField(
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        label="Comment (optional)",
    )


class ActionForm(forms.Form):
    description = forms.CharField(
        max_length=ACTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="What will be done",
    )
    criterion = forms.ModelChoiceField(
        queryset=Criterion.objects.none(), label="Criterion it addresses"
    )
    owner = forms.ModelChoiceField(queryset=None, label="Owner")
    due_on = forms.DateField(label="Due on", widget=DATE)

    def __init__(self, *args, cycle, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criterion"].queryset = cycle.focus_criteria.all()
        self.fields["owner"].queryset = get_user_model().objects.filter(
            pk__in=Membership.objects.current()
            .filter(network_id=cycle.network_id)
            .values("user_id")
        )
        self.fields["owner"].label_from_instance = lambda user: user.display_name


class ProgressForm(forms.Form):
    status = forms.ChoiceField(choices=ActionStatus.choices)
    note = forms.CharField(
        max_length=PROGRESS_NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="What has happened",
    )


class FollowUpForm(forms.Form):
    summary = forms.CharField(
        max_length=FOLLOW_UP_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        label="What the network has done since the review",
    )
