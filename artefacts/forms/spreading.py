"""Spreading an artefact: adapting it, saying “we tried this”, and hiding a response."""

from django import forms

from core.validators import require_visible_characters

from ..models import TrialOutcome
from ..models.trials import CONTEXT_MAX_LENGTH, HIDDEN_REASON_MAX_LENGTH, NOTE_MAX_LENGTH
from ..richtext import plain_to_rich_text
from .writing import WHAT_WE_CHANGED_REQUIRED, textarea


class AdaptForm(forms.Form):
    """Start adapting a published artefact: where, under what title, and what changes and why.

    `networks` are the networks the person may adapt it into (the query
    selectors.networks_to_adapt_into returns); with only one, the form does not ask.
    """

    network = forms.ModelChoiceField(
        label="Which network is adapting it",
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": "Choose the network your adaptation belongs to."},
    )
    title = forms.CharField(
        label="Title of your adaptation",
        max_length=255,
        validators=[require_visible_characters],
        help_text="You can change it, and everything else, before you submit it for review.",
    )
    what_we_changed = forms.CharField(
        label="What we changed and why",
        widget=textarea(5),
        max_length=5000,
        help_text="How your version differs from the original, and why: for example a "
        "different age group, subject or setting. Readers of both artefacts see it.",
        error_messages={"required": WHAT_WE_CHANGED_REQUIRED},
    )

    def __init__(self, *args, original, networks, **kwargs):
        kwargs.setdefault("initial", {"title": original.title})
        super().__init__(*args, **kwargs)
        self.networks = list(networks)
        if len(self.networks) == 1:
            del self.fields["network"]
        else:
            self.fields["network"].queryset = networks

    @property
    def only_network(self):
        return self.networks[0] if len(self.networks) == 1 else None

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "network": data.get("network") or self.only_network,
            "title": data["title"],
            "what_we_changed": plain_to_rich_text(data["what_we_changed"]),
        }


class TrialForm(forms.Form):
    """“We tried this”: where, how it went and what happened (and with which network, for
    people in several: `networks` is the query selectors.trial_networks_for returns)."""

    network = forms.ModelChoiceField(
        label="The network you tried it with",
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": "Choose the network you tried it with."},
    )
    context = forms.CharField(
        label="Where and with whom you tried it",
        max_length=CONTEXT_MAX_LENGTH,
        widget=textarea(3),
        help_text="For example: “Two Year 4 classes in a small rural primary, over half a term.”",
        error_messages={"required": "Say where and with whom you tried it."},
    )
    outcome = forms.ChoiceField(
        label="How it went",
        choices=TrialOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how it went."},
    )
    note = forms.CharField(
        label="What happened",
        max_length=NOTE_MAX_LENGTH,
        widget=textarea(6),
        help_text="What you changed, what happened, and what you would tell the next school. "
        "What did not work helps as much as what did.",
        error_messages={"required": "Say what happened: the next school learns most from it."},
    )

    def __init__(self, *args, networks, trial=None, **kwargs):
        if trial is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "network": trial.network_id,
                "context": trial.context,
                "outcome": trial.outcome,
                "note": trial.note,
            }
        super().__init__(*args, **kwargs)
        self.networks = list(networks)
        if len(self.networks) > 1:
            self.fields["network"].queryset = networks
        else:
            del self.fields["network"]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "network": data.get("network") or (self.networks[0] if self.networks else None),
            "context": data["context"],
            "outcome": data["outcome"],
            "note": data["note"],
        }


class HideTrialForm(forms.Form):
    """Why a moderator hides a “we tried this” response (its writer is told)."""

    reason = forms.CharField(
        label="Why you are hiding it",
        max_length=HIDDEN_REASON_MAX_LENGTH,
        widget=textarea(3),
        help_text="Which of the community's norms it breaks, in a sentence. The person who wrote "
        "it sees this in their notification.",
        error_messages={
            "required": "Say why you are hiding it: the person who wrote it is told your reason.",
            "max_length": f"Keep the reason to {HIDDEN_REASON_MAX_LENGTH} characters or fewer.",
        },
    )
