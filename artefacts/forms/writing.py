"""The artefact form a teacher who has never seen Wagtail can use.

A draft needs only its title: the sections a submission needs (SUBMISSION_REQUIRED) are marked
"needed to submit" and checked by services.submit_artefact. A file chosen in a form that comes
back with errors is kept as a PendingUpload (`pending_uploads` carries their ids) and attached on
the next save.

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
    PendingUpload,
    Visibility,
)
from ..models.pages import (
    SECTION_MAX_LENGTH,
    SUMMARY_MAX_LENGTH,
    WHAT_WE_CHANGED_MAX_LENGTH,
)
from ..models.submission import SUBMISSION_REQUIRED
from ..richtext import plain_to_rich_text, rich_text_to_plain
from ..selectors import ArtefactFormOptions
from ..services.drafting import Contributor, credits
from ..services.files import ResourceChanges
from ..uploads import ACCEPT_ATTRIBUTE, IMAGE, check_upload

WRITING_HELP = (
    "Leave a blank line between paragraphs. Start lines with “- ” for a bulleted list or "
    "“1. ” for numbered steps. Web addresses become links."
)
WHAT_WE_CHANGED_REQUIRED = (
    "Say what you changed and why: readers of both artefacts see it, and it helps the next "
    "school choose between them."
)
NEEDED_TO_SUBMIT = "Needed before you submit; a draft can be saved without it."
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


# The form's fieldsets, as (anchor, heading): its contents list links to each.
FORM_SECTIONS = [
    ("about", "About the artefact"),
    ("what-happened", "What happened"),
    ("evidence", "Evidence of impact"),
    ("try-it", "Try it yourself"),
    ("resources", "Resources"),
    ("who-and-what", "Who and what it is about"),
    ("sharing", "Sharing"),
]


def textarea(rows=6):
    return forms.Textarea(attrs={"rows": rows})


def _same_text(a: str, b: str) -> bool:
    return " ".join((a or "").split()) == " ".join((b or "").split())


class ArtefactForm(forms.Form):
    title = forms.CharField(max_length=255, validators=[require_visible_characters])
    summary = forms.CharField(
        max_length=SUMMARY_MAX_LENGTH,
        widget=textarea(3),
        required=False,
        help_text="One or two sentences another teacher reads first, in the lists and search.",
    )
    artefact_type = forms.ChoiceField(
        label="Type", choices=ArtefactType.choices, widget=forms.RadioSelect, required=False
    )

    context = forms.CharField(
        label="Context and the shared challenge",
        max_length=SECTION_MAX_LENGTH,
        widget=textarea(),
        required=False,
        help_text="Who you are, the schools and pupils involved, and the problem you shared.",
    )
    what_we_did = forms.CharField(
        label="What we did", max_length=SECTION_MAX_LENGTH, widget=textarea(8), required=False
    )
    what_worked = forms.CharField(
        label="What worked", max_length=SECTION_MAX_LENGTH, widget=textarea(), required=False
    )
    what_did_not_work = forms.CharField(
        label="What did not work",
        max_length=SECTION_MAX_LENGTH,
        widget=textarea(),
        required=False,
        help_text="What did not go to plan, what you stopped doing, what surprised you. "
        "Other networks learn most from this part.",
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
        required=False,
        initial=Licence.CC_BY,
        widget=forms.RadioSelect,
        help_text="CC BY 4.0 lets other networks share and adapt it, crediting you.",
    )
    visibility = forms.ChoiceField(
        label="Who can read it once it is published",
        choices=Visibility.choices,
        initial=Visibility.PUBLIC,
        widget=forms.RadioSelect,
        required=False,
    )
    base_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # A new artefact's form: which draft its first save (or autosave) started, so saving again
    # updates that draft rather than starting another (views.drafting keeps the map).
    draft_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    pending_uploads = forms.ModelMultipleChoiceField(
        queryset=PendingUpload.objects.none(), widget=forms.MultipleHiddenInput, required=False
    )
    remove_pending = forms.ModelMultipleChoiceField(
        label="Remove a file you attached",
        queryset=PendingUpload.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(
        self,
        *args,
        network,
        author,
        options: ArtefactFormOptions,
        artefact=None,
        pending=None,
        **kwargs,
    ):
        """`artefact` is the latest version (a revision's page object) when editing; `options`
        are selectors.artefact_form_options for the same network, author and version; `pending`
        the files the person editing kept for this draft (selectors.pending_uploads)."""
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
        self.resources = list(artefact.resources) if artefact is not None else []
        if self.resources:
            self.fields["remove_resources"].choices = [
                (block.id, self.resource_label(block)) for block in self.resources
            ]
        else:
            del self.fields["remove_resources"]
        pending = pending if pending is not None else PendingUpload.objects.none()
        self.fields["pending_uploads"].queryset = pending
        kept_ids = [
            int(value) for value in self._raw_list("pending_uploads") if str(value).isdigit()
        ]
        self.pending_files = list(pending.filter(pk__in=kept_ids)) if kept_ids else []
        self.fields["remove_pending"].queryset = pending.filter(
            pk__in=[item.pk for item in self.pending_files]
        )
        self.fields["remove_pending"].label_from_instance = lambda item: (
            f"Remove {item.original_name}"
        )
        required = {name for name, _, _ in SUBMISSION_REQUIRED}
        for name in required & set(self.fields):
            field = self.fields[name]
            field.help_text = f"{NEEDED_TO_SUBMIT} {field.help_text}".strip()

    def _raw_list(self, name) -> list:
        if self.is_bound:
            return self.data.getlist(name) if hasattr(self.data, "getlist") else []
        return list(self.initial.get(name) or [])

    @property
    def sections(self) -> list[tuple[str, str]]:
        """The form's sections as (anchor, heading), for its contents list."""
        return FORM_SECTIONS

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
        upload = cleaned.get("new_file")
        removed = set(cleaned.get("remove_pending") or ())
        kept = [item for item in cleaned.get("pending_uploads") or () if item not in removed]
        untitled_image = any(item.kind == IMAGE and not item.title for item in kept)
        if (
            (upload is not None and upload.kind == IMAGE) or (upload is None and untitled_image)
        ) and not cleaned.get("new_file_title"):
            self.add_error(
                "new_file_title",
                "Say what the image shows: people who cannot see it will hear this instead.",
            )
        return cleaned

    def removed_pending_ids(self) -> list[int]:
        return [item.pk for item in self.cleaned_data.get("remove_pending") or ()]

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
            "summary": data.get("summary") or "",
            "evidence_kind": data.get("evidence_kind") or "",
            "evidence_strength": data.get("evidence_strength"),
            "themes": list(data.get("themes", [])),
            "phases": list(data.get("phases", [])),
            "subjects": list(data.get("subjects", [])),
            "schools": list(data.get("schools", [])),
        }
        for name in ("artefact_type", "licence", "visibility"):
            if data.get(name):  # not chosen yet: the draft keeps what it has (or the default)
                fields[name] = data[name]
        for name in RICH_SECTIONS:
            if name in self.fields:
                fields[name] = self._rich(name)
        upload = data.get("new_file")
        video_url = data.get("new_video_url")
        removed = set(data.get("remove_pending") or ())
        resources = ResourceChanges(
            remove=frozenset(data.get("remove_resources") or ()),
            uploads=[(upload, data.get("new_file_title", ""))] if upload else [],
            pending=[
                (item, item.title or ("" if upload else data.get("new_file_title", "")))
                for item in data.get("pending_uploads") or ()
                if item not in removed
            ],
            videos=[(data.get("new_video_title") or "Video", video_url)] if video_url else [],
        )
        return {
            "fields": fields,
            "tags": data.get("tags", []),
            "contributors": self._contributors(),
            "resources": resources,
        }
