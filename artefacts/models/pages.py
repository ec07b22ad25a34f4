"""The artefact: a network's write-up of its joint work, as a Wagtail page under the network.

Its content is versioned by Wagtail revisions: the page row holds the published version and the
drafts live in revisions. Moderation state lives beside it (artefacts.models.moderation), not in
the page's fields, so publishing an older revision never rewinds it.
"""

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from django import forms
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.html import strip_tags

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.errors import field_problems
from core.pagecache import CachedForAnonymous
from core.routing import ViewRestrictionsInOneQuery
from core.validators import check_visible_title, rich_text_validators
from networks.models import NetworkPage

from ..blocks import ResourcesBlock, resource_text_problem
from .choices import (
    ADAPTABLE_LICENCES,
    EVIDENCE_STRENGTH_GUIDANCE,
    LICENCE_DETAILS,
    SHARE_ALIKE_LICENCES,
    VISIBILITY_REACH,
    ArtefactType,
    EvidenceKind,
    EvidenceStrength,
    Licence,
    Visibility,
)
from .submission import WHAT_WE_CHANGED_REQUIRED, Missing, missing_for_submission

# Rich text may hold headings, emphasis, lists, quotations and links: nothing that embeds
# content (images, documents, media) and so could bypass the resources' permission checks.
RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "blockquote", "link"]

# The sections, in reading order: (field name, heading). Forms, templates and the revision
# comparison all read this list.
SECTIONS = [
    ("context", "Context and the shared challenge"),
    ("what_we_did", "What we did"),
    ("what_worked", "What worked"),
    ("what_did_not_work", "What did not work"),
    ("evidence_of_impact", "Evidence of impact"),
    ("try_it_steps", "Try it yourself: steps"),
    ("adaptation_notes", "Notes for adapting it"),
    ("what_we_changed", "What we changed and why"),
]

# Paths beneath a network page that are not artefacts (networks.urls and artefacts.urls).
RESERVED_SLUGS = frozenset({"artefacts", "join", "leave", "manage", "edit", "new"})

# What the page shows and who may do what with it in the Wagtail admin come from modules that
# import this one (artefacts.reading, artefacts.wagtail_permissions): artefacts.wagtail_hooks
# registers them with these Wagtail hooks, so this module never imports them.
PAGE_CONTEXT_HOOK = "artefact_page_context"
PERMISSION_TESTER_HOOK = "artefact_permission_tester"

# Lengths in characters of text (for the sections, the text a reader sees, not its HTML). The
# revision comparison is measured at these (artefacts.tests.test_diff, bench/bench_compare.py).
SUMMARY_MAX_LENGTH = 600
SECTION_MAX_LENGTH = 20_000
WHAT_WE_CHANGED_MAX_LENGTH = 5_000
SECTION_MAX_LENGTHS = {
    name: WHAT_WE_CHANGED_MAX_LENGTH if name == "what_we_changed" else SECTION_MAX_LENGTH
    for name, _ in SECTIONS
}


def section_field(*args, limit: int = SECTION_MAX_LENGTH, **kwargs) -> RichTextField:
    """A rich text section. Wagtail's editor counts `max_length` as text, as the validators do."""
    return RichTextField(
        *args,
        features=RICH_TEXT_FEATURES,
        max_length=limit,
        validators=rich_text_validators(limit),
        **kwargs,
    )


EVIDENCE_KIND_REQUIRED = "Say what kind of evidence this is."
EVIDENCE_STRENGTH_REQUIRED = "Rate how strong the evidence is, from 1 to 5."


def evidence_problems(*, impact: str, kind: str, strength) -> dict[str, str]:
    """What stops this evidence being published, by field name: evidence of impact needs a kind
    and a strength, so readers can weigh it. `impact` is plain or rich text. No query."""
    if not strip_tags(impact or "").strip():
        return {}
    problems = {}
    if not kind:
        problems["evidence_kind"] = EVIDENCE_KIND_REQUIRED
    if not strength:
        problems["evidence_strength"] = EVIDENCE_STRENGTH_REQUIRED
    return problems


def _registered(hook_name: str):
    functions = hooks.get_hooks(hook_name)
    if not functions:
        raise ImproperlyConfigured(f"Nothing is registered with the {hook_name!r} hook.")
    return functions[-1]


class ArtefactAdminPageForm(WagtailAdminPageForm):
    """The Wagtail editor's form keeps the artefact's own rules. Admins edit there for support,
    so it keeps asking for the sections a submission needs (the site's form saves drafts
    without them)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("summary", "what_did_not_work"):
            if name in self.fields:
                self.fields[name].required = True

    def clean(self):
        cleaned = super().clean()
        problems = evidence_problems(
            impact=cleaned.get("evidence_of_impact"),
            kind=cleaned.get("evidence_kind"),
            strength=cleaned.get("evidence_strength"),
        )
        for name, message in problems.items():
            self.add_error(name, message)
        return cleaned


class ArtefactTag(TaggedItemBase):
    content_object = ParentalKey(
        "artefacts.ArtefactPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArtefactPage(CachedForAnonymous, ViewRestrictionsInOneQuery, Page):
    routing_select_related = ("network",)  # core.routing.SpecificChildRouting reads it
    network = models.ForeignKey(
        "networks.NetworkPage",
        on_delete=models.PROTECT,
        related_name="artefacts",
        editable=False,
        null=True,
        help_text="The network whose page this sits under (kept in step with the tree).",
    )
    summary = models.TextField(
        max_length=SUMMARY_MAX_LENGTH,
        blank=True,
        validators=[MaxLengthValidator(SUMMARY_MAX_LENGTH)],
        help_text="One or two sentences another teacher reads first.",
    )
    artefact_type = models.CharField(
        "type", max_length=24, choices=ArtefactType.choices, default=ArtefactType.CASE_STUDY
    )

    context = section_field("context and the shared challenge", blank=True)
    what_we_did = section_field(blank=True)
    what_worked = section_field(blank=True)
    what_did_not_work = section_field(
        blank=True,
        help_text="Required to submit. What did not work is valued as highly as what did.",
    )
    evidence_of_impact = section_field(blank=True)
    evidence_kind = models.CharField(
        "kind of evidence", max_length=20, choices=EvidenceKind.choices, blank=True
    )
    evidence_strength = models.PositiveSmallIntegerField(
        "strength of evidence (self-rated)",
        choices=EvidenceStrength.choices,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    try_it_steps = section_field("steps", blank=True)
    adaptation_notes = section_field("notes for adapting it", blank=True)
    resources = StreamField(ResourcesBlock(), blank=True)

    themes = ParentalManyToManyField("networks.Theme", blank=True, related_name="artefacts")
    tags = ClusterTaggableManager(through=ArtefactTag, blank=True)
    phases = ParentalManyToManyField("artefacts.Phase", blank=True, related_name="artefacts")
    subjects = ParentalManyToManyField("artefacts.Subject", blank=True, related_name="artefacts")
    schools = ParentalManyToManyField("schools.School", blank=True, related_name="artefacts")

    licence = models.CharField(max_length=24, choices=Licence.choices, default=Licence.CC_BY)
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC, db_index=True
    )

    adapted_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adaptations",
        help_text="The artefact this one adapts, in this network or another.",
    )
    what_we_changed = section_field(
        "what we changed and why", limit=WHAT_WE_CHANGED_MAX_LENGTH, blank=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("artefact_type"), FieldPanel("visibility")]),
        FieldPanel("context"),
        FieldPanel("what_we_did"),
        FieldPanel("what_worked"),
        FieldPanel("what_did_not_work"),
        MultiFieldPanel(
            [
                FieldPanel("evidence_of_impact"),
                FieldRowPanel([FieldPanel("evidence_kind"), FieldPanel("evidence_strength")]),
            ],
            heading="Evidence of impact",
        ),
        MultiFieldPanel(
            [FieldPanel("try_it_steps"), FieldPanel("adaptation_notes")],
            heading="Try it yourself",
        ),
        FieldPanel("resources"),
        MultiFieldPanel(
            [FieldPanel("adapted_from"), FieldPanel("what_we_changed")], heading="Adaptation"
        ),
    ]
    metadata_panels = [
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        FieldPanel("phases"),
        FieldPanel("subjects"),
        FieldPanel("schools"),
        InlinePanel("contributors", heading="Contributors", label="Contributor"),
        FieldPanel("licence"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(metadata_panels, heading="Metadata"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("what_did_not_work"),
        index.FilterField("visibility"),
    ]

    base_form_class = ArtefactAdminPageForm
    parent_page_types = ["networks.NetworkPage"]
    subpage_types = []
    template = "artefacts/artefact_page.html"

    class Meta:
        verbose_name = "artefact"
        indexes = [models.Index(fields=["network", "visibility"])]

    def save(self, *args, **kwargs):
        self.network_id = self._network_id_from_tree() or self.network_id
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        check_visible_title(self)
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": f"“{self.slug}” is reserved: choose another slug."})
        if problem := resource_text_problem(self.resources.raw_data):
            raise ValidationError({"resources": problem})

    # --- Tree ------------------------------------------------------------------------------

    def _network_id_from_tree(self):
        if not self.path or len(self.path) <= self.steplen:
            return None
        return (
            NetworkPage.objects.filter(path=self.path[: -self.steplen])
            .values_list("pk", flat=True)
            .first()
        )

    # --- Serving -----------------------------------------------------------------------------

    def route(self, request, path_components):
        parent = getattr(self, "_cached_parent_obj", None)
        if parent is not None and parent.pk == self.network_id:
            self.network = parent  # routed through its network's page: no need to load it again
        elif (
            parent is None
            and ArtefactPage.network.is_cached(self)
            and self.network
            and self.network.path == self.path[: -self.steplen]
        ):
            self._cached_parent_obj = self.network  # loaded with it by url_path routing
        return super().route(request, path_components)

    def get_sitemap_urls(self, request=None):
        """Only public artefacts belong in a sitemap (the others are not findable by URL)."""
        if not self.is_public:
            return []
        return super().get_sitemap_urls(request)

    # Reading it: artefacts.wagtail_hooks serves it only to people who may read it (the same
    # 404 as for a page that does not exist) and keeps non-public ones out of shared caches.

    def cacheable_for_anonymous(self) -> bool:
        return self.is_public

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        preview = getattr(request, "is_preview", False)
        context.update(_registered(PAGE_CONTEXT_HOOK)(self, request.user, live=not preview))
        return context

    def permissions_for_user(self, user):
        return _registered(PERMISSION_TESTER_HOOK)(user, self)

    # --- Reading helpers -------------------------------------------------------------------

    # Who may read it is artefacts.permissions' rule; these only name the value.
    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC

    @property
    def is_members_only(self) -> bool:
        return self.visibility == Visibility.MEMBERS

    @property
    def is_network_only(self) -> bool:
        return self.visibility == Visibility.NETWORK

    @property
    def licence_url(self) -> str:
        return LICENCE_DETAILS[Licence(self.licence)][0]

    @property
    def licence_terms(self) -> str:
        return LICENCE_DETAILS[Licence(self.licence)][1]

    @property
    def evidence_strength_guidance(self) -> str:
        return EVIDENCE_STRENGTH_GUIDANCE.get(self.evidence_strength or 0, "")

    def evidence_problems(self) -> dict[str, str]:
        """What stops this version's evidence being published, by field name. No query."""
        return evidence_problems(
            impact=self.evidence_of_impact,
            kind=self.evidence_kind,
            strength=self.evidence_strength,
        )

    def missing_for_submission(self) -> list[Missing]:
        """What this version still needs before it can be submitted for moderation (see
        artefacts.models.submission). An empty list means it may be submitted. No query."""
        return missing_for_submission(self)

    def text_problems(self) -> dict[str, str]:
        """This version's text that its fields' own validation refuses (over a maximum length,
        say), by field name: what full_clean would say, for a service to refuse before saving a
        revision. No query."""
        names = ("title", "summary", *SECTION_MAX_LENGTHS)
        problems = field_problems(ArtefactPage, **{name: getattr(self, name) for name in names})
        if problem := resource_text_problem(self.resources.raw_data):
            problems["resources"] = problem
        return problems

    # --- Lineage -----------------------------------------------------------------------------

    @property
    def may_be_adapted(self) -> bool:
        """Its licence lets other networks adapt it (all rights reserved: ask the authors)."""
        return self.licence in ADAPTABLE_LICENCES

    def adaptation_problems(self, original) -> dict[str, str]:
        """What stops this version being an adaptation of `original`, by field name. No query.

        An adaptation starts as a copy of the original's words, so it says what changed and why,
        is never shared more widely than the original, stays in the original's network when the
        original is for that network only, and keeps a share-alike licence.
        """
        problems = {}
        if not strip_tags(self.what_we_changed or "").strip():
            problems["what_we_changed"] = WHAT_WE_CHANGED_REQUIRED
        if original.is_network_only and self.network_id != original.network_id:
            problems["network"] = (
                f"“{original.title}” is shared with {original.network.title} only: adapt it "
                "there, or ask its authors to share it more widely."
            )
        reach = VISIBILITY_REACH.get(Visibility(original.visibility), 0)
        if VISIBILITY_REACH.get(Visibility(self.visibility), 0) > reach:
            problems["visibility"] = (
                "An adaptation cannot be shared more widely than the artefact it adapts, which "
                f"is shared with: {original.get_visibility_display()}."
            )
        if original.licence in SHARE_ALIKE_LICENCES and self.licence != original.licence:
            problems["licence"] = (
                f"The artefact you adapted is licensed {original.get_licence_display()}: "
                "adaptations must be shared under the same licence."
            )
        return problems

    def resource_ids(self, kind: str) -> set[int]:
        """Ids of the documents ("document") or images ("image") this version holds.

        Reads the stored JSON, so it runs no query.
        """
        ids = set()
        for item in self.resources.raw_data:
            if item.get("type") == kind:
                value = (item.get("value") or {}).get(kind)
                if value:
                    ids.add(int(value))
        return ids

    def attached_documents(self) -> list:
        """The Wagtail documents among the resources (for search's text extraction)."""
        return [
            block.value["document"]
            for block in self.resources
            if block.block_type == "document" and block.value["document"]
        ]


class ArtefactContributor(Orderable):
    """A person who did or wrote up the work, with their school and network at the time.

    `user` is set for people with an account (their name is copied, so the credit survives
    them leaving); people without one are credited by name and organisation.
    """

    page = ParentalKey(ArtefactPage, on_delete=models.CASCADE, related_name="contributors")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="artefact_contributions",
    )
    name = models.CharField(max_length=200)
    school = models.ForeignKey(
        "schools.School", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    organisation = models.CharField(
        max_length=200, blank=True, help_text="For someone not at a school on the register."
    )
    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    panels = [
        FieldPanel("user"),
        FieldPanel("name"),
        FieldPanel("school"),
        FieldPanel("organisation"),
        FieldPanel("network"),
    ]

    def __str__(self):
        return self.name

    @property
    def affiliation(self) -> str:
        parts = [self.school.name if self.school_id else self.organisation]
        if self.network_id:
            parts.append(self.network.title)
        return ", ".join(part for part in parts if part)

    @property
    def citation_name(self) -> str:
        """ "Hussain, A." from "Amira Hussain"; a single name as it is."""
        words = self.name.split()
        if len(words) < 2:
            return self.name
        return f"{words[-1]}, {' '.join(word[0] + '.' for word in words[:-1])}"
