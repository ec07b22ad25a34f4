"""The brokers' forms. They check the shape of what was typed; the rules are the services'."""

from django import forms
from django.conf import settings

from networks.models import NetworkPage, NetworkStatus, Theme

from .models.collections import INTRODUCTION_MAX_LENGTH, NOTE_MAX_LENGTH


class CollectionForm(forms.Form):
    title = forms.CharField(max_length=200)
    theme = forms.ModelChoiceField(
        queryset=Theme.objects.order_by("name"), required=False, empty_label="No one theme"
    )
    introduction = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=INTRODUCTION_MAX_LENGTH,
        help_text="What the collection is for and how to use it, for a teacher arriving cold.",
    )
    cover = forms.ImageField(
        required=False, help_text="A JPEG, PNG or WebP picture, shown wide (16 by 9)."
    )
    cover_description = forms.CharField(
        max_length=200,
        required=False,
        label="What the cover shows",
        help_text="For people who cannot see it. Required with a cover.",
    )
    remove_cover = forms.BooleanField(required=False, label="Remove the cover")

    def __init__(self, *args, has_cover: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not has_cover:
            del self.fields["remove_cover"]

    def clean_cover(self):
        cover = self.cleaned_data.get("cover")
        if cover and cover.size > settings.UPLOAD_MAX_BYTES:
            raise forms.ValidationError(
                f"The picture is larger than {settings.UPLOAD_MAX_BYTES // (1024 * 1024)} MB."
            )
        return cover

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        arguments = {
            "title": data["title"],
            "introduction": data["introduction"],
            "theme": data["theme"],
            "cover": data.get("cover") or None,
            "cover_description": data.get("cover_description", ""),
        }
        if "remove_cover" in self.fields:
            arguments["remove_cover"] = data.get("remove_cover", False)
        return arguments


class ItemForm(forms.Form):
    artefact = forms.CharField(
        label="Artefact",
        max_length=500,
        help_text="Paste the artefact's address (or its number).",
    )
    note = forms.CharField(
        label="Why it is here",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=NOTE_MAX_LENGTH,
        help_text="What a reader will get from it.",
    )


class VisitOfferItemForm(forms.Form):
    visit_offer = forms.CharField(
        label="Study-visit offer",
        max_length=500,
        help_text="Paste the offer's address from /visits/ (or its number).",
    )
    note = forms.CharField(
        label="Why it is here",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=NOTE_MAX_LENGTH,
        help_text="What a visitor will get from it.",
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "offer")  # two add forms on one page: distinct field ids
        super().__init__(*args, **kwargs)


class NoteForm(forms.Form):
    note = forms.CharField(
        label="Why it is here",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=NOTE_MAX_LENGTH,
    )


class FeatureArtefactForm(forms.Form):
    artefact = forms.CharField(
        label="Public artefact to feature",
        max_length=500,
        help_text="Paste the artefact's address (or its number).",
    )


class SynthesisForm(forms.Form):
    theme = forms.ModelChoiceField(queryset=Theme.objects.order_by("name"))
    title = forms.CharField(max_length=200)
    summary = forms.CharField(
        label="Key findings",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Two or three sentences: what the networks' evidence says, in plain words.",
    )
    narrative = forms.CharField(
        label="What networks learned",
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="The story across networks. Cite artefacts by their number, e.g. [2].",
    )
    what_worked = forms.CharField(
        required=False, max_length=6000, widget=forms.Textarea(attrs={"rows": 5})
    )
    what_did_not_work = forms.CharField(max_length=6000, widget=forms.Textarea(attrs={"rows": 5}))
    last_reviewed_on = forms.DateField(
        label="Evidence last reviewed on",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="When you last checked this account against the evidence.",
    )

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["theme"]

    def service_arguments(self) -> dict:
        return dict(self.cleaned_data)


class CitationForm(forms.Form):
    artefact = forms.CharField(
        max_length=500, help_text="Paste the artefact's address (or its number)."
    )
    what_it_shows = forms.CharField(
        label="What it shows", max_length=300, required=False, help_text="Optional, one line."
    )


class IntroductionForm(forms.Form):
    source = forms.ModelChoiceField(
        label="Network to learn from",
        queryset=None,
        help_text="The network whose work could help.",
    )
    theme = forms.ModelChoiceField(
        queryset=Theme.objects.order_by("name"), required=False, empty_label="No one theme"
    )
    reason = forms.CharField(
        label="Why they should meet",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text="Both networks' co-leaders read it.",
    )

    def __init__(self, *args, learner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = (
            NetworkPage.objects.live()
            .exclude(pk=learner.pk)
            .exclude(status=NetworkStatus.CLOSED)
            .order_by("title")
        )


class PreferencesForm(forms.Form):
    weekly_digest = forms.BooleanField(
        label="Send me a weekly digest by e-mail",
        required=False,
        help_text="On Monday mornings: what is new in what you follow.",
    )
    in_app = forms.BooleanField(
        label="Tell me in the app",
        required=False,
        help_text="As soon as something you follow has something new.",
    )


class FollowThemeForm(forms.Form):
    theme = forms.ModelChoiceField(
        label="Follow a theme", queryset=Theme.objects.order_by("name"), empty_label="Choose…"
    )
