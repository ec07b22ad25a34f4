"""The artefact form a teacher who has never seen Wagtail can use.

Sections are plain text areas (see artefacts.richtext); the form turns them into sanitised rich
text. What it offers (people to credit, schools, vocabularies) comes from
selectors.artefact_form_options, passed in by the view; `service_arguments()` returns what
artefacts.services.create_artefact and save_draft take.
"""

import re

from django import forms
from django.core.exceptions import ValidationError

from core.validators import require_visible_characters

from ..models import (
    EVIDENCE_STRENGTH_GUIDANCE,
    ArtefactType,
    EvidenceKind,
    EvidenceStrength,
    Licence,
    Visibility,
)
from ..models.pages import (
    SECTION_MAX_LENGTH,
    SUMMARY_MAX_LENGTH,
    WHAT_WE_CHANGED_MAX_LENGTH,
    evidence_problems,
)
from ..richtext import plain_to_rich_text, rich_text_to_plain
from ..selectors import ArtefactFormOptions
from ..services.drafting import Contributor, credits
from ..services.files import ResourceChanges
from ..uploads import ACCEPT_ATTRIBUTE, IMAGE, check_upload

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


def textarea(rows=6):
    return forms.Textarea(attrs={"rows": rows})


def _same_text(a: str, b: str) -> bool:
    return " ".join((a or "").split()) == " ".join((b or "").split())


class ArtefactForm(forms.Form):
    title = forms.CharField(max_length=255, validators=[require_visible_characters])
    summary = forms.CharField(
        max_length=SUMMARY_MAX_LENGTH,
        widget=textarea(3),
        help_text="One or two sentences another teacher reads first, in the lists and search.",
    )
    artefact_type = forms.ChoiceField(
        label="Type", choices=ArtefactType.choices, widget=forms.RadioSelect
    )

    context = forms.CharField(
        label="Context and the shared challenge",
        max_length=SECTION_MAX_LENGTH,
        widget=textarea(),
        help_text="Who you are, the schools and pupils involved, and the problem you shared.",
    )
    what_we_did = forms.CharField(
        label="What we did", max_length=SECTION_MAX_LENGTH, widget=textarea(8)
    )
    what_worked = forms.CharField(
        label="What worked", max_length=SECTION_MAX_LENGTH, widget=textarea(), required=False
    )
    what_did_not_work = forms.CharField(
        label="What did not work",
        max_length=SECTION_MAX_LENGTH,
        widget=textarea(),
        help_text="What did not go to plan, what you stopped doing, what surprised you. "
        "Other networks learn most from this part.",
        error_messages={"required": WHAT_DID_NOT_WORK_REQUIRED},
    )
    evidence_of_impact = forms.CharField(
        label="Evidence of impact",
        max_length=SECTION_MAX_LENGTH,
        widget=textarea(),
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
        max_length=SECTION_MAX_LENGTH,
        widget=textarea(),
        required=False,
        help_text="The steps another school would follow, one per line: “1. ...”.",
    )
    adaptation_notes = forms.CharField(
        label="Notes for adapting it",
        max_length=SECTION_MAX_LENGTH,
        widget=textarea(4),
        required=False,
        help_text="What another school might need to change for its pupils or setting.",
    )
    what_we_changed = forms.CharField(
        label="What we changed and why",
        max_length=WHAT_WE_CHANGED_MAX_LENGTH,
        widget=textarea(4),
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
        queryset=None,
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
        queryset=None, widget=forms.CheckboxSelectMultiple, required=False
    )
    subjects = forms.ModelMultipleChoiceField(
        queryset=None, widget=forms.CheckboxSelectMultiple, required=False
    )
    schools = forms.ModelMultipleChoiceField(
        label="Schools involved",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    contributors = forms.ModelMultipleChoiceField(
        label="Contributors from the network",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="You are credited as the first author. Tick the colleagues who did the work "
        "with you.",
    )
    other_contributors = forms.CharField(
        label="Other contributors",
        widget=textarea(3),
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

    def __init__(
        self, *args, network, author, options: ArtefactFormOptions, artefact=None, **kwargs
    ):
        """`artefact` is the latest version (a revision's page object) when editing; `options`
        are selectors.artefact_form_options for the same network, author and version."""
        self.network = network
        self.author = author
        self.artefact = artefact
        self.options = options
        if artefact is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_from(artefact, tags=options.tags)
        super().__init__(*args, **kwargs)
        self._offer(options)
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

    def _offer(self, options: ArtefactFormOptions):
        self.fields["themes"].queryset = options.themes
        self.fields["phases"].queryset = options.phases
        self.fields["subjects"].queryset = options.subjects
        if options.schools is None:
            del self.fields["schools"]
        else:
            self.fields["schools"].queryset = options.schools
        if options.contributors is None:
            del self.fields["contributors"]
        else:
            self.fields["contributors"].queryset = options.contributors
            self.fields["contributors"].label_from_instance = options.contributor_label

    @staticmethod
    def resource_label(block) -> str:
        kind = {"document": "Document", "image": "Image", "video": "Video"}[block.block_type]
        title = block.value.get("title") or block.value.get("alt_text") or ""
        return f"{kind}: {title}"

    @staticmethod
    def initial_from(artefact, *, tags) -> dict:
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
            tags=", ".join(sorted(tag.name for tag in tags)),
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
        problems = evidence_problems(
            impact=cleaned.get("evidence_of_impact"),
            kind=cleaned.get("evidence_kind"),
            strength=cleaned.get("evidence_strength"),
        )
        for name, message in problems.items():
            self.add_error(name, message)
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
        return credits(
            network=self.network,
            author=self.author,
            users=self.cleaned_data.get("contributors", []),
            others=self.cleaned_data.get("other_contributors", []),
            existing_rows=self.artefact.contributors.all() if self.artefact is not None else (),
            memberships=self.options.memberships,
        )

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
