"""Writing an artefact: starting a draft and saving new versions of it.

Every version is checked against the artefact's own rules (its text's lengths and, for an
adaptation, adaptation_problems) before anything is saved, whichever way it arrives: the site's
form, its autosave, the demo data, a task, or the adaptation service. A draft needs only its
title: what a submission needs (ArtefactPage.missing_for_submission) is checked when it is
submitted (services.moderation.submit_artefact).
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Page, Revision

from networks.models import Membership

from .. import permissions
from ..errors import ActionRefused, InvalidAdaptation, NotAllowed, StaleDraft
from ..models import (
    RESERVED_SLUGS,
    ArtefactContributor,
    ArtefactModeration,
    ArtefactPage,
    ModerationStatus,
)
from .common import WITHDRAWN, audit, lock, moderation_record, settle_notifications
from .files import ResourceChanges, change_resources

# The page fields a draft can set, as the form cleans them (rich text already sanitised HTML).
PAGE_FIELDS = (
    "title",
    "summary",
    "artefact_type",
    "context",
    "what_we_did",
    "what_worked",
    "what_did_not_work",
    "evidence_of_impact",
    "evidence_kind",
    "evidence_strength",
    "try_it_steps",
    "adaptation_notes",
    "what_we_changed",
    "licence",
    "visibility",
)
RELATION_FIELDS = ("themes", "phases", "subjects", "schools")


@dataclass
class Contributor:
    """Someone to credit: a person with an account (`user`), or a name and organisation."""

    user: object = None
    name: str = ""
    school: object = None
    organisation: str = ""
    network: object = None


def credits(*, network, author, users, others, existing_rows=(), memberships) -> list[Contributor]:
    """Who a version credits: the author first, then the chosen `users`, then `others` (name,
    organisation). A person credited before keeps their school and network at the time; someone
    newly credited gets their school in `network` from `memberships` (user id → current
    membership), or none. Runs no query."""
    existing = {row.user_id: row for row in existing_rows if row.user_id}
    chosen = [author] + [user for user in users if user.pk != author.pk]
    people = []
    for user in chosen:
        row = existing.get(user.pk)
        if row is not None:
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
                network=network if membership else None,
            )
        )
    return people + [
        Contributor(name=name, organisation=organisation) for name, organisation in others
    ]


def unique_slug(network, title: str, *, exclude_pk=None) -> str:
    base = slugify(title)[:80].strip("-") or "artefact"
    if base in RESERVED_SLUGS:
        base = f"{base}-artefact"
    taken = set(
        Page.objects.child_of(network)
        .exclude(pk=exclude_pk)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def default_contributors(*, network, by) -> list[Contributor]:
    membership = (
        Membership.objects.current()
        .filter(network=network, user=by)
        .select_related("school")
        .first()
    )
    return [
        Contributor(
            user=by,
            name=by.display_name,
            school=membership.school if membership else None,
            network=network,
        )
    ]


def _apply(page, *, fields: dict, tags=None, contributors=None) -> None:
    for name in PAGE_FIELDS:
        if name in fields:
            setattr(page, name, fields[name])
    for name in RELATION_FIELDS:
        if name in fields:
            getattr(page, name).set(list(fields[name]))
    if tags is not None:
        page.tags.set([tag for tag in tags if tag])
    if contributors is not None:
        page.contributors = [
            ArtefactContributor(
                user=person.user,
                name=(person.name or getattr(person.user, "display_name", ""))[:200],
                school=person.school,
                organisation=person.organisation[:200],
                network=person.network,
                sort_order=position,
            )
            for position, person in enumerate(contributors)
        ]


def check_version(page) -> None:
    """Refuse (saving nothing) a version that breaks the artefact's rules: its text's lengths
    (ActionRefused) or, for an adaptation, the adaptation rules (InvalidAdaptation), each problem
    by field name. An empty "what we changed" waits for submission, like the other sections."""
    problems = page.text_problems()
    original = (
        ArtefactPage.objects.select_related("network").filter(pk=page.adapted_from_id).first()
        if page.adapted_from_id
        else None
    )
    # A deleted original leaves nothing to follow.
    adaptation_problems = page.adaptation_problems(original) if original is not None else {}
    adaptation_problems.pop("what_we_changed", None)
    if adaptation_problems:
        raise InvalidAdaptation({**problems, **adaptation_problems})
    if problems:
        raise ActionRefused(field_errors=problems)


@transaction.atomic
def create_artefact(
    *,
    network,
    by,
    fields: dict,
    tags=(),
    contributors: list[Contributor] | None = None,
    resources: ResourceChanges | None = None,
    adapted_from=None,
) -> ArtefactPage:
    """Start a draft artefact in the network. Returns the page (not live), with one revision.

    With `adapted_from` (a published artefact the person may adapt there) it is an adaptation,
    which must follow ArtefactPage.adaptation_problems; InvalidAdaptation saves nothing.
    """
    if reason := permissions.why_not_create_artefact(by, network):
        raise NotAllowed(reason)
    if adapted_from is not None:
        adapted_from = ArtefactPage.objects.select_related("network").get(pk=adapted_from.pk)
        if reason := permissions.why_not_adapt_into(by, adapted_from, network):
            raise NotAllowed(reason)
    page = ArtefactPage(
        title=fields["title"],
        slug=unique_slug(network, fields["title"]),
        owner=by,
        live=False,
        adapted_from=adapted_from,
        network=network,
    )
    _apply(
        page,
        fields=fields,
        tags=tags,
        contributors=contributors or default_contributors(network=network, by=by),
    )
    check_version(page)
    network.add_child(instance=page)  # validates the page (Page.save runs full_clean)
    if resources is not None:
        change_resources(page, changes=resources, by=by)
    page.save_revision(user=by, log_action=True)
    ArtefactModeration.objects.create(artefact=page, status=ModerationStatus.DRAFT)
    return page


def _revision_to_overwrite(locked, moderation, *, by) -> Revision | None:
    revision_id = moderation.autosave_revision_id
    if not revision_id or revision_id != locked.latest_revision_id:
        return None
    if revision_id in (locked.live_revision_id, moderation.submitted_revision_id):
        return None
    revision = Revision.objects.get(pk=revision_id)
    return revision if revision.user_id == by.pk else None


@transaction.atomic
def save_draft(
    *,
    artefact,
    by,
    base_revision_id: int | None,
    fields: dict,
    tags=None,
    contributors: list[Contributor] | None = None,
    resources: ResourceChanges | None = None,
    autosave: bool = False,
) -> Revision:
    """Save a new draft revision, unless someone saved one since `base_revision_id`.

    Raises StaleDraft (saving nothing) when the latest revision is not the one the person
    started from: two people editing the same draft never overwrite each other silently.
    Changing a submitted artefact takes it out of review (it must be submitted again).

    An `autosave` overwrites the revision the previous autosave wrote while that is still the
    latest, this person's, and neither live nor submitted; otherwise it starts one. A person's
    own "Save draft" always writes a new revision, so each explicit save stays in the history
    and typing adds at most one revision between two of them. Saving the same thing twice
    leaves the same revisions.
    """
    locked = lock(artefact)
    if reason := permissions.why_not_edit_artefact(by, locked):
        raise NotAllowed(reason)
    moderation = moderation_record(locked)
    overwrite = _revision_to_overwrite(locked, moderation, by=by) if autosave else None
    # An autosave sent again (its answer lost) names the revision before the one it wrote:
    # the latest is still this person's own autosave, so nobody else's work is at stake.
    if (
        locked.latest_revision_id
        and locked.latest_revision_id != base_revision_id
        and overwrite is None
    ):
        raise StaleDraft(Revision.objects.select_related("user").get(pk=locked.latest_revision_id))
    page = locked.get_latest_revision_as_object()
    _apply(page, fields=fields, tags=tags, contributors=contributors)
    check_version(page)
    change_resources(page, changes=resources, by=by)
    revision = page.save_revision(
        user=by, log_action=overwrite is None, overwrite_revision=overwrite
    )
    if moderation.autosave_revision_id != (revision.pk if autosave else None):
        moderation.autosave_revision = revision if autosave else None
        moderation.save(update_fields=["autosave_revision", "updated_at"])
    if moderation.status in (
        ModerationStatus.SUBMITTED,
        ModerationStatus.PUBLISHED,
        ModerationStatus.SCHEDULED,
    ):
        if moderation.status == ModerationStatus.SUBMITTED:
            audit(locked, WITHDRAWN, by=by, revision=revision)
            settle_notifications(locked)  # nothing waits for a co-leader now
        moderation.status = ModerationStatus.DRAFT
        moderation.save(update_fields=["status", "updated_at"])
    artefact.__dict__.pop("_author_ids", None)
    return revision
