"""Artefacts in bulk: published pages under their networks, with their sections, vocabulary,
tags, contributors and moderation records; the last tenth adapt earlier artefacts of other
networks (and their authors are told, as publishing an adaptation does)."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from taggit.models import Tag

from django.utils.text import slugify

from artefacts.models import (
    AdaptationNotice,
    ArtefactContributor,
    ArtefactModeration,
    ArtefactPage,
    ArtefactTag,
    ArtefactType,
    EvidenceKind,
    Licence,
    ModerationStatus,
    Phase,
    Subject,
    Visibility,
)
from core.accounts.models import User
from core.demo_dates import between
from networks.models import NetworkPage

from .community import Network
from .rows import Inserter, next_id
from .text import TAG_WORDS, Words
from .tree import PageWriter

SPECIFIC_FIELDS = [
    "network", "summary", "artefact_type", "context", "what_we_did", "what_worked",
    "what_did_not_work", "evidence_of_impact", "evidence_kind", "evidence_strength",
    "try_it_steps", "adaptation_notes", "resources", "licence", "visibility", "adapted_from",
    "what_we_changed",
]  # fmt: skip
VISIBILITIES = [Visibility.PUBLIC] * 7 + [Visibility.MEMBERS] * 2 + [Visibility.NETWORK]
LICENCES = [Licence.CC_BY] * 7 + [Licence.CC_BY_NC_SA] * 2 + [Licence.ALL_RIGHTS_RESERVED]
REACH = {Visibility.NETWORK: 1, Visibility.MEMBERS: 2, Visibility.PUBLIC: 3}


@dataclass(frozen=True)
class Made:
    """What later loaders need to know of an artefact written here."""

    id: int
    network: Network
    owner_id: int
    visibility: str
    published_at: datetime


class ArtefactLoader:
    def __init__(self, words: Words, networks: list[Network]):
        self.words = words
        self.rng = words.random
        self.networks = networks
        self.pages = {
            page.pk: page for page in NetworkPage.objects.filter(pk__in=[n.id for n in networks])
        }
        self.names = dict(
            (pk, f"{first} {last}".strip() or email)
            for pk, first, last, email in User.objects.values_list(
                "pk", "first_name", "last_name", "email"
            )
        )
        self.phases = list(Phase.objects.order_by("pk").values_list("pk", flat=True))
        self.subjects = list(Subject.objects.order_by("pk").values_list("pk", flat=True))
        self.tags = self._tag_ids()
        self.slugs: dict[int, set[str]] = {}
        for network_id, slug in ArtefactPage.objects.values_list("network_id", "slug"):
            self.slugs.setdefault(network_id, set()).add(slug)
        self.writer = PageWriter(ArtefactPage, SPECIFIC_FIELDS)
        through = ArtefactPage._meta
        self.m2m = {
            name: Inserter(through.get_field(name).remote_field.through, ["artefactpage", target])
            for name, target in (
                ("themes", "theme"), ("phases", "phase"), ("subjects", "subject"),
                ("schools", "school"),
            )
        }  # fmt: skip
        self.tagged = Inserter(ArtefactTag, ["content_object", "tag"])
        self.contributors = Inserter(
            ArtefactContributor,
            ["sort_order", "page", "user", "name", "school", "organisation", "network"],
        )
        self.moderation = Inserter(
            ArtefactModeration,
            [
                "artefact",
                "status",
                "submitted_by",
                "submitted_at",
                "decided_at",
                "comment",
                "updated_at",
            ],
        )
        self.notices = Inserter(AdaptationNotice, ["adaptation", "recipient", "created_at"])
        self.made: list[Made] = []
        self.adaptable: list[Made] = []
        self.licences: dict[int, str] = {}

    def _tag_ids(self) -> dict[str, int]:
        """Tag ids by name, for the generated tags (matched by slug: "SEND" is "send")."""
        by_slug = dict(Tag.objects.values_list("slug", "pk"))
        tag_id = next_id(Tag)
        rows = Inserter(Tag, ["id", "name", "slug"])
        ids = {}
        for name in TAG_WORDS:
            slug = slugify(name)
            if slug not in by_slug:
                rows.add(tag_id, name, slug)
                by_slug[slug] = tag_id
                tag_id += 1
            ids[name] = by_slug[slug]
        rows.flush()
        return ids

    def add(self, count: int, adaptations: int, progress) -> int:
        originals_until = count - adaptations
        for number in range(count):
            network = self.networks[number % len(self.networks)]
            original = None
            if number >= originals_until and self.adaptable:
                original = self._original_for(network)
            self._artefact(network, original)
            progress(1)
        written = self.writer.finish()
        for inserter in (
            *self.m2m.values(), self.tagged, self.contributors, self.moderation, self.notices
        ):  # fmt: skip
            inserter.flush()
        return written

    def _original_for(self, network: Network) -> Made | None:
        for _attempt in range(5):
            original = self.rng.choice(self.adaptable)
            if original.network.id != network.id:
                return original
        return None

    def _slug(self, network: Network, title: str) -> str:
        taken = self.slugs.setdefault(network.id, set())
        base = slugify(title)[:70]
        slug, suffix = base, 2
        while slug in taken:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        taken.add(slug)
        return slug

    def _artefact(self, network: Network, original: Made | None) -> None:
        words, rng = self.words, self.rng
        writers = network.writers
        owner = rng.choice(writers)
        team = [owner] + ([m for m in [rng.choice(writers)] if m.user_id != owner.user_id])
        # Published after its authors joined (and after its original), before the network closed.
        earliest = max(m.joined_at or network.started_at for m in team)
        if original is not None:
            earliest = max(earliest, original.published_at)
        published = between(earliest, network.ends_at, rng.uniform(0.05, 1.0))
        title = words.title()
        visibility = rng.choice(VISIBILITIES)
        licence = rng.choice(LICENCES)
        changed = ""
        if original is not None:
            if REACH[Visibility(visibility)] > REACH[Visibility(original.visibility)]:
                visibility = original.visibility
            licence = self.licences[original.id]
            changed = words.what_we_changed()
            title = f"{title} (adapted)"
        has_evidence = rng.random() < 0.6
        fields = {
            "network": network.id,
            "summary": words.paragraph("summary", 1, 2)[:600],
            "artefact_type": rng.choice(ArtefactType.values),
            "context": words.rich("context"),
            "what_we_did": words.rich("did", 3, 5),
            "what_worked": words.rich("worked"),
            "what_did_not_work": words.rich("did_not_work", 2, 5),
            "evidence_of_impact": words.rich("evidence", 1, 3) if has_evidence else "",
            "evidence_kind": rng.choice(EvidenceKind.values) if has_evidence else "",
            "evidence_strength": rng.randint(1, 5) if has_evidence else None,
            "try_it_steps": words.rich("steps", 3, 5),
            "adaptation_notes": words.rich("notes", 1, 2),
            "resources": [],
            "licence": licence,
            "visibility": visibility,
            "adapted_from": original.id if original else None,
            "what_we_changed": changed,
        }
        themes = rng.sample(network.theme_ids, min(len(network.theme_ids), rng.randint(1, 2)))
        phases = [rng.choice(self.phases)] if self.phases else []
        subjects = [rng.choice(self.subjects)] if self.subjects else []
        schools = sorted({m.school_id for m in team if m.school_id})
        artefact_id = self.writer.add(
            self.pages[network.id],
            title=title,
            slug=self._slug(network, title),
            owner_id=owner.user_id,
            published_at=published,
            fields=fields,
            relations={
                "themes": themes,
                "phases": phases,
                "subjects": subjects,
                "schools": schools,
            },
        )
        for name, ids in (
            ("themes", themes), ("phases", phases), ("subjects", subjects), ("schools", schools)
        ):  # fmt: skip
            for target_id in ids:
                self.m2m[name].add(artefact_id, target_id)
        for tag in words.tags():
            self.tagged.add(artefact_id, self.tags[tag])
        for order, member in enumerate(team):
            self.contributors.add(
                order, artefact_id, member.user_id, self.names.get(member.user_id, ""),
                member.school_id, "", network.id,
            )  # fmt: skip
        submitted = max(published - timedelta(days=rng.randint(1, 20)), earliest)
        self.moderation.add(
            artefact_id,
            ModerationStatus.PUBLISHED,
            owner.user_id,
            submitted,
            published,
            "",
            published,
        )
        if original is not None:
            self.notices.add(artefact_id, original.owner_id, published)
        made = Made(artefact_id, network, owner.user_id, visibility, published)
        self.made.append(made)
        self.licences[artefact_id] = licence
        if licence != Licence.ALL_RIGHTS_RESERVED and visibility != Visibility.NETWORK:
            self.adaptable.append(made)
