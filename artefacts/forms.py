"""The artefact form a teacher who has never seen Wagtail can use, and the moderation forms.

Sections are plain text areas (see artefacts.richtext); the form turns them into sanitised rich
text. Each form's `service_arguments()` returns what artefacts.services take.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.accounts.models import User
from core.schools.models import School
from core.validators import require_visible_characters
from networks.models import Membership, NetworkPage, Theme

from .models import (
    EVIDENCE_STRENGTH_GUIDANCE,
    ArtefactType,
    EvidenceKind,
    EvidenceStrength,
    Licence,
    Phase,
    Subject,
    TrialOutcome,
    Visibility,
)
from .models.trials import CONTEXT_MAX_LENGTH, HIDDEN_REASON_MAX_LENGTH, NOTE_MAX_LENGTH
from .richtext import plain_to_rich_text, rich_text_to_plain
from .services import Contributor, ResourceChanges
from .uploads import ACCEPT_ATTRIBUTE, IMAGE, check_upload

WHAT_DID_NOT_WORK_REQUIRED = (
    "Tell readers what did not work. What did not work is valued as highly as what did: "
    "other networks learn most from it."
)
WRITING_HELP = (
    "Leave a blank line between paragraphs. Start lines with “- ” for a bulleted list or "
    "“1. ” for numbered steps. Web addresses become links."
)
WHAT_WE_CHANGED_REQUIRED = (
    "Say what you changed and why: readers of both artefacts see it, and it helps the next "
    "school choose between them."
)
MAX_TAGS = 20

RICH_SECTIONS = (
    "context",
    "what_we_did",
    "what_worked",
    "what_did_not_work",
    "evidence_of_impact",
    "try_it_steps",
    "adaptation_notes",
    "what_we_changed",
)


def _textarea(rows=6):
    return forms.Textarea(attrs={"rows": rows})


def _same_text(a: str, b: str) -> bool:
    return " ".join((a or "").split()) == " ".join((b or "").split())


class ArtefactForm(forms.Form):
    title = forms.CharField(max_length=255, validators=[require_visible_characters])
    summary = forms.CharField(
        max_length=600,
        widget=_textarea(3),
        help_text="One or two sentences another teacher reads first, in the lists and search.",
    )
    artefact_type = forms.ChoiceField(
        label="Type", choices=ArtefactType.choices, widget=forms.RadioSelect
    )

    context = forms.CharField(
        label="Context and the shared challenge",
        widget=_textarea(),
        help_text="Who you are, the schools and pupils involved, and the problem you shared.",
    )
    what_we_did = forms.CharField(label="What we did", widget=_textarea(8))
    what_worked = forms.CharField(label="What worked", widget=_textarea(), required=False)
    what_did_not_work = forms.CharField(
        label="What did not work",
        widget=_textarea(),
        help_text="What did not go to plan, what you stopped doing, what surprised you. "
        "Other networks learn most from this part.",
        error_messages={"required": WHAT_DID_NOT_WORK_REQUIRED},
    )
    evidence_of_impact = forms.CharField(
        label="Evidence of impact",
        widget=_textarea(),
        required=False,
        help_text="What changed for pupils or staff, and how you know.",
    )
    evidence_kind = forms.ChoiceField(
        label="Kind of evidence",
        choices=EvidenceKind.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    evidence_strength = forms.TypedChoiceField(
        label="How strong is the evidence? (your own rating)",
        choices=[
            (value, f"{label}: {EVIDENCE_STRENGTH_GUIDANCE[value]}")
            for value, label in EvidenceStrength.choices
        ],
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
        required=False,
    )
    try_it_steps = forms.CharField(
        label="Try it yourself: steps",
        widget=_textarea(),
        required=False,
        help_text="The steps another school would follow, one per line: “1. ...”.",
    )
    adaptation_notes = forms.CharField(
        label="Notes for adapting it",
        widget=_textarea(4),
        required=False,
        help_text="What another school might need to change for its pupils or setting.",
    )
    what_we_changed = forms.CharField(
        label="What we changed and why",
        widget=_textarea(4),
        required=False,
        help_text="How your version differs from the artefact you adapted, and why.",
    )

    remove_resources = forms.MultipleChoiceField(
        label="Remove resources",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick a resource to take it off this artefact when you save.",
    )
    new_file = forms.FileField(
        label="Add a document or image",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
        help_text="PDF, Word, PowerPoint, Excel, OpenDocument or plain text documents; PNG, "
        "JPEG, GIF or WebP images. Video is linked below, not uploaded.",
    )
    new_file_title = forms.CharField(
        label="Title of the document, or what the image shows",
        max_length=255,
        validators=[require_visible_characters],
        required=False,
    )
    new_video_url = forms.URLField(
        label="Add a video: its web address",
        required=False,
        assume_scheme="https",
        help_text="A link to the video on YouTube, Vimeo or another host.",
    )
    new_video_title = forms.CharField(
        label="Title of the video",
        max_length=255,
        required=False,
        validators=[require_visible_characters],
    )

    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="The focus themes the national broker maintains.",
    )
    tags = forms.CharField(
        label="Tags",
        required=False,
        max_length=500,
        help_text="Your own keywords, separated by commas.",
    )
    phases = forms.ModelMultipleChoiceField(
        queryset=Phase.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )
    subjects = forms.ModelMultipleChoiceField(
        queryset=Subject.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )
    schools = forms.ModelMultipleChoiceField(
        label="Schools involved",
        queryset=School.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    contributors = forms.ModelMultipleChoiceField(
        label="Contributors from the network",
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="You are credited as the first author. Tick the colleagues who did the work "
        "with you.",
    )
    other_contributors = forms.CharField(
        label="Other contributors",
        widget=_textarea(3),
        required=False,
        help_text="People from other schools or organisations, one per line: “Name, organisation”.",
    )
    licence = forms.ChoiceField(
        choices=Licence.choices,
        initial=Licence.CC_BY,
        widget=forms.RadioSelect,
        help_text="CC BY 4.0 lets other networks share and adapt it, crediting you.",
    )
    visibility = forms.ChoiceField(
        label="Who can read it once it is published",
        choices=Visibility.choices,
        initial=Visibility.PUBLIC,
        widget=forms.RadioSelect,
    )
    base_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, network, author, artefact=None, **kwargs):
        """`artefact` is the latest version (a revision's page object) when editing."""
        self.network = network
        self.author = author
        self.artefact = artefact
        if artefact is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_from(artefact)
        super().__init__(*args, **kwargs)
        self._limit_choices()
        if artefact is None or not artefact.adapted_from_id:
            del self.fields["what_we_changed"]
        else:  # an adaptation always says what it changed
            self.fields["what_we_changed"].required = True
            self.fields["what_we_changed"].error_messages["required"] = WHAT_WE_CHANGED_REQUIRED
        self.resources = list(artefact.resources) if artefact is not None else []
        if self.resources:
            self.fields["remove_resources"].choices = [
                (block.id, self.resource_label(block)) for block in self.resources
            ]
        else:
            del self.fields["remove_resources"]

    # --- Choices and initial values -----------------------------------------------------

    def _limit_choices(self):
        memberships = list(
            Membership.objects.current()
            .filter(network=self.network)
            .exclude(user=self.author)
            .select_related("user", "school")
            .order_by("user__first_name", "user__last_name")
        )
        school_names = {m.user_id: m.school.name if m.school_id else "" for m in memberships}
        current_ids = set(school_names)
        previous = self._existing_contributor_user_ids() - current_ids - {self.author.pk}
        users = User.objects.filter(pk__in=current_ids | previous).order_by(
            "first_name", "last_name"
        )
        self.fields["contributors"].queryset = users
        self.fields["contributors"].label_from_instance = lambda user: (
            f"{user.display_name} ({school_names[user.pk]})"
            if school_names.get(user.pk)
            else user.display_name
        )
        school_ids = set(
            self.network.school_links.filter(left_on__isnull=True).values_list(
                "school_id", flat=True
            )
        )
        if self.artefact is not None:
            school_ids |= {school.pk for school in self.artefact.schools.all()}
        self.fields["schools"].queryset = School.objects.filter(pk__in=school_ids).order_by("name")
        if not school_ids:
            del self.fields["schools"]
        if not (current_ids | previous):
            del self.fields["contributors"]

    def _existing_contributor_user_ids(self) -> set[int]:
        if self.artefact is None:
            return set()
        return {row.user_id for row in self.artefact.contributors.all() if row.user_id}

    @staticmethod
    def resource_label(block) -> str:
        kind = {"document": "Document", "image": "Image", "video": "Video"}[block.block_type]
        title = block.value.get("title") or block.value.get("alt_text") or ""
        return f"{kind}: {title}"

    @staticmethod
    def initial_from(artefact) -> dict:
        initial = {name: rich_text_to_plain(getattr(artefact, name)) for name in RICH_SECTIONS}
        rows = list(artefact.contributors.all())
        initial.update(
            title=artefact.title,
            summary=artefact.summary,
            artefact_type=artefact.artefact_type,
            evidence_kind=artefact.evidence_kind,
            evidence_strength=artefact.evidence_strength,
            themes=[theme.pk for theme in artefact.themes.all()],
            phases=[phase.pk for phase in artefact.phases.all()],
            subjects=[subject.pk for subject in artefact.subjects.all()],
            schools=[school.pk for school in artefact.schools.all()],
            tags=", ".join(sorted(tag.name for tag in _tags(artefact))),
            contributors=[row.user_id for row in rows if row.user_id],
            other_contributors="\n".join(
                f"{row.name}, {row.organisation}" if row.organisation else row.name
                for row in rows
                if not row.user_id
            ),
            licence=artefact.licence,
            visibility=artefact.visibility,
            base_revision=artefact.latest_revision_id,
        )
        return initial

    # --- Cleaning ----------------------------------------------------------------------------

    def clean_tags(self) -> list[str]:
        tags = []
        for part in (self.cleaned_data.get("tags") or "").split(","):
            tag = " ".join(part.split())
            if tag and tag.lower() not in {t.lower() for t in tags}:
                if len(tag) > 100:
                    raise ValidationError("Keep each tag under 100 characters.")
                tags.append(tag)
        if len(tags) > MAX_TAGS:
            raise ValidationError(f"Use at most {MAX_TAGS} tags.")
        return tags

    def clean_other_contributors(self) -> list[tuple[str, str]]:
        people = []
        for line in (self.cleaned_data.get("other_contributors") or "").splitlines():
            if not line.strip():
                continue
            name, _, organisation = line.partition(",")
            name, organisation = " ".join(name.split()), " ".join(organisation.split())
            if len(name) > 200 or len(organisation) > 200:
                raise ValidationError("Keep each name and organisation under 200 characters.")
            people.append((name, organisation))
        return people

    def clean_new_file(self):
        file = self.cleaned_data.get("new_file")
        return check_upload(file) if file else None

    def clean_new_video_url(self) -> str:
        url = self.cleaned_data.get("new_video_url") or ""
        if url and not re.match(r"^https?://", url, re.IGNORECASE):
            raise ValidationError("Enter a web address starting with https://")
        return url

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("evidence_of_impact"):
            if not cleaned.get("evidence_kind"):
                self.add_error("evidence_kind", "Say what kind of evidence this is.")
            if not cleaned.get("evidence_strength"):
                self.add_error("evidence_strength", "Rate how strong the evidence is, from 1 to 5.")
        upload = cleaned.get("new_file")
        if upload is not None and upload.kind == IMAGE and not cleaned.get("new_file_title"):
            self.add_error(
                "new_file_title",
                "Say what the image shows: people who cannot see it will hear this instead.",
            )
        return cleaned

    # --- For the services ----------------------------------------------------------------

    def _rich(self, name: str) -> str:
        plain = self.cleaned_data.get(name, "")
        if self.artefact is not None:
            stored = getattr(self.artefact, name) or ""
            if _same_text(plain, rich_text_to_plain(stored)):
                return stored  # unchanged here: keep formatting added in Wagtail's editor
        return plain_to_rich_text(plain)

    def _contributors(self) -> list[Contributor]:
        existing = {
            row.user_id: row
            for row in (self.artefact.contributors.all() if self.artefact is not None else [])
            if row.user_id
        }
        chosen = [self.author] + [
            user for user in self.cleaned_data.get("contributors", []) if user.pk != self.author.pk
        ]
        memberships = {
            m.user_id: m
            for m in Membership.objects.current()
            .filter(network=self.network, user__in=[u.pk for u in chosen])
            .select_related("school")
        }
        people = []
        for user in chosen:
            row = existing.get(user.pk)
            if row is not None:  # keep their school and network at the time
                people.append(
                    Contributor(
                        user=user,
                        name=row.name,
                        school=row.school,
                        organisation=row.organisation,
                        network=row.network,
                    )
                )
                continue
            membership = memberships.get(user.pk)
            people.append(
                Contributor(
                    user=user,
                    name=user.display_name,
                    school=membership.school if membership else None,
                    network=self.network if membership else None,
                )
            )
        people += [
            Contributor(name=name, organisation=organisation)
            for name, organisation in self.cleaned_data.get("other_contributors", [])
        ]
        return people

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        fields = {
            "title": data["title"],
            "summary": data["summary"],
            "artefact_type": data["artefact_type"],
            "evidence_kind": data.get("evidence_kind") or "",
            "evidence_strength": data.get("evidence_strength"),
            "licence": data["licence"],
            "visibility": data["visibility"],
            "themes": list(data.get("themes", [])),
            "phases": list(data.get("phases", [])),
            "subjects": list(data.get("subjects", [])),
            "schools": list(data.get("schools", [])),
        }
        for name in RICH_SECTIONS:
            if name in self.fields:
                fields[name] = self._rich(name)
        upload = data.get("new_file")
        video_url = data.get("new_video_url")
        resources = ResourceChanges(
            remove=frozenset(data.get("remove_resources") or ()),
            uploads=[(upload, data.get("new_file_title", ""))] if upload else [],
            videos=[(data.get("new_video_title") or "Video", video_url)] if video_url else [],
        )
        return {
            "fields": fields,
            "tags": data.get("tags", []),
            "contributors": self._contributors(),
            "resources": resources,
        }


def _tags(artefact):
    from .reading import tags_of

    return tags_of(artefact)


class RequestChangesForm(forms.Form):
    comment = forms.CharField(
        label="What needs to change",
        widget=_textarea(4),
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


class AdaptForm(forms.Form):
    """Start adapting a published artefact: where, under what title, and what changes and why.

    `networks` are the networks the person may adapt it into (selectors.networks_to_adapt_into);
    with only one, the form does not ask.
    """

    network = forms.ModelChoiceField(
        label="Which network is adapting it",
        queryset=NetworkPage.objects.none(),
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
        widget=_textarea(5),
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
            self.fields["network"].queryset = NetworkPage.objects.filter(
                pk__in=[network.pk for network in self.networks]
            ).order_by("title")

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
    people in several)."""

    network = forms.ModelChoiceField(
        label="The network you tried it with",
        queryset=NetworkPage.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": "Choose the network you tried it with."},
    )
    context = forms.CharField(
        label="Where and with whom you tried it",
        max_length=CONTEXT_MAX_LENGTH,
        widget=_textarea(3),
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
        widget=_textarea(6),
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
            self.fields["network"].queryset = NetworkPage.objects.filter(
                pk__in=[network.pk for network in self.networks]
            ).order_by("title")
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
        widget=_textarea(3),
        help_text="Which of the community's norms it breaks, in a sentence. The person who wrote "
        "it sees this in their notification.",
        error_messages={
            "required": "Say why you are hiding it: the person who wrote it is told your reason.",
            "max_length": f"Keep the reason to {HIDDEN_REASON_MAX_LENGTH} characters or fewer.",
        },
    )
