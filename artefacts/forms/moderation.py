"""The reviewers' forms: asking for changes and approving (now or at a time)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from ..models.moderation import COMMENT_MAX_LENGTH
from .writing import textarea


class RequestChangesForm(forms.Form):
    comment = forms.CharField(
        label="What needs to change",
        max_length=COMMENT_MAX_LENGTH,
        widget=textarea(4),
        error_messages={"required": "Say what needs to change, so the authors know what to do."},
        help_text="The authors see this in their notification and e-mail.",
    )


class ApproveForm(forms.Form):
    go_live_at = forms.DateTimeField(
        label="Publish on (optional)",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"],
        help_text="Leave empty to publish now, or choose a date and time to schedule it.",
    )

    def clean_go_live_at(self):
        value = self.cleaned_data.get("go_live_at")
        if value is not None and value <= timezone.now():
            raise ValidationError("Choose a time in the future, or leave it empty to publish now.")
        return value


class CompareForm(forms.Form):
    old = forms.IntegerField(widget=forms.HiddenInput)
    new = forms.IntegerField(widget=forms.HiddenInput)
