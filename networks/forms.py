"""Forms for proposing a network and managing its people, schools and decisions.

Forms only clean input; the rules live in networks.services, whose refusals the views add to the
form as non-field errors.
"""

from django import forms
from django.core.exceptions import ValidationError

from core.schools.models import School
from core.validators import require_visible_characters

from .models import NetworkStatus, Role, Theme
from .models.invitations import MESSAGE_MAX_LENGTH, REASON_MAX_LENGTH
from .models.pages import PURPOSE_MAX_LENGTH

ROLE_HELP = (
    "Co-leaders lead the network together; members take part from their school; a critical "
    "friend comes from outside the schools to question and support."
)


class SchoolField(forms.Field):
    """A school from the register, entered by its URN or its name (a name must match one school)."""

    widget = forms.TextInput
    default_error_messages = {
        "unknown": "No school in the register matches “%(value)s”. Check the URN or the name.",
        "several": "Several schools match “%(value)s”: %(names)s. Enter the school's URN instead.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text",
            "The school's URN (its six-digit number in Get Information about Schools) or its "
            "full name.",
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        value = str(value or "").strip()[:255]
        if not value:
            return None
        if value.isdigit():
            school = School.objects.filter(urn=int(value)).first() if len(value) <= 9 else None
            if school is None:
                raise ValidationError(self.error_messages["unknown"], params={"value": value})
            return school
        matches = list(School.objects.filter(name__iexact=value)[:4]) or list(
            School.objects.filter(name__icontains=value)[:4]
        )
        if not matches:
            raise ValidationError(self.error_messages["unknown"], params={"value": value})
        if len(matches) > 1:
            names = "; ".join(f"{school} (URN {school.urn})" for school in matches[:3])
            raise ValidationError(
                self.error_messages["several"], params={"value": value, "names": names}
            )
        return matches[0]

    def prepare_value(self, value):
        if isinstance(value, School):
            return str(value.urn)
        return value


class ProposeNetworkForm(forms.Form):
    title = forms.CharField(
        label="Network name",
        max_length=255,
        validators=[require_visible_characters],
        help_text="The name people will know the network by, e.g. “Mersey Learning Partnership”.",
    )
    purpose = forms.CharField(
        label="Purpose",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=PURPOSE_MAX_LENGTH,
        help_text="The compelling reason your schools will work together: the shared challenge.",
    )
    themes = forms.ModelMultipleChoiceField(
        label="Focus themes",
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    school = SchoolField(label="Your school")
    co_proposer_email = forms.EmailField(
        label="Co-proposer's e-mail address",
        max_length=254,
        required=False,
        help_text="Optional: a colleague from another school who will co-lead the network with "
        "you. Once the network is approved we invite them as its second co-leader.",
    )
    co_proposer_school = SchoolField(
        label="Co-proposer's school",
        required=False,
        help_text="The school's URN or full name (needed with the co-proposer's address).",
    )


class DeclineProposalForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text="The person who proposed the network will read this.",
    )


class DeclineAppointmentForm(forms.Form):
    # Not bounded here: the service refuses an over-long reason with its own message.
    reason = forms.CharField(
        label="Reason (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The network's co-leaders will read this.",
    )


class InviteForm(forms.Form):
    email = forms.EmailField(label="E-mail address", max_length=254)
    role = forms.ChoiceField(
        label="Role",
        choices=Role.choices,
        initial=Role.MEMBER,
        widget=forms.RadioSelect,
        help_text=ROLE_HELP,
    )
    school = SchoolField(
        label="School they represent",
        required=False,
        help_text="The school's URN or full name. Leave empty for a critical friend from outside "
        "the schools.",
    )


class JoinRequestForm(forms.Form):
    school = SchoolField(
        label="Your school",
        required=False,
        help_text="The school's URN or full name. Leave empty if you would join as a critical "
        "friend from outside the schools.",
    )
    message = forms.CharField(
        label="Message to the co-leaders",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MESSAGE_MAX_LENGTH,
        required=False,
        help_text="What you would bring and what you hope to learn.",
    )


class ApproveRequestForm(forms.Form):
    role = forms.ChoiceField(
        label="Role",
        choices=[
            (Role.MEMBER, Role.MEMBER.label),
            (Role.CRITICAL_FRIEND, Role.CRITICAL_FRIEND.label),
        ],
        initial=Role.MEMBER,
    )


class DeclineRequestForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=REASON_MAX_LENGTH,
        help_text="The person asking will see this.",
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label="New role", choices=Role.choices)


class AddSchoolForm(forms.Form):
    school = SchoolField(label="School")
    joined_on = forms.DateField(
        label="Joined on",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Leave empty for today.",
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        choices=[
            (NetworkStatus.ACTIVE, NetworkStatus.ACTIVE.label),
            (NetworkStatus.SUSTAINING, NetworkStatus.SUSTAINING.label),
        ]
    )


class DecisionForm(forms.Form):
    kind = forms.CharField(max_length=30)
    target = forms.IntegerField(required=False, min_value=1)
    # Not bounded here: the service refuses an over-long reason with its own message.
    reason = forms.CharField(required=False, strip=True)
