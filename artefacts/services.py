"""Writing, moderating and publishing artefacts. Views, forms, tasks and demo data call these.

Each service checks artefacts.permissions again inside its transaction, writes to Wagtail's
audit log, and tells the people concerned in the app and by e-mail (after commit).

Moderation: draft → submitted → changes requested → (revised) → submitted → published, or
scheduled and then published by `publish_due_artefacts` (run by Celery beat).

Spreading: `record_trial` (“we tried this”), which its writer may `withdraw_trial` and a
moderator may `hide_trial`; and `adapt_artefact`, which starts a draft in the reader's network
that then goes through the same moderation. When moderation publishes an adaptation, the
original's authors who may read it are told, once each.
"""

import os
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from html import unescape

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import get_valid_filename, slugify

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry, Revision

from core.notifications.services import notify
from networks.models import Membership, Role

from . import permissions, selectors
from .errors import ActionRefused, InvalidAdaptation, NotAllowed, StaleDraft
from .models import (
    RESERVED_SLUGS,
    AdaptationNotice,
    ArtefactContributor,
    ArtefactFile,
    ArtefactModeration,
    ArtefactPage,
    ArtefactTrial,
    ModerationStatus,
)
from .models.trials import HIDDEN_REASON_MAX_LENGTH
from .uploads import IMAGE, CheckedUpload

SUBMITTED = "artefacts.submitted"
CHANGES_REQUESTED = "artefacts.changes_requested"
APPROVED = "artefacts.approved"
SCHEDULED = "artefacts.scheduled"
WITHDRAWN = "artefacts.withdrawn"
TRIAL_HIDDEN = "artefacts.trial_hidden"
TRIAL_RESTORED = "artefacts.trial_restored"
ACTION_LABELS = {
    SUBMITTED: ("Artefact submitted for review", "Submitted the artefact for review"),
    CHANGES_REQUESTED: ("Changes requested", "Asked for changes to the artefact"),
    APPROVED: ("Artefact approved", "Approved the artefact for publication"),
    SCHEDULED: ("Artefact approved and scheduled", "Approved the artefact and scheduled it"),
    WITHDRAWN: ("Submission withdrawn", "Changed the artefact after submitting it"),
    TRIAL_HIDDEN: ("Response hidden", "Hid a “we tried this” response"),
    TRIAL_RESTORED: ("Response shown again", "Showed a hidden “we tried this” response again"),
}

EMAIL_TEMPLATE = "artefacts/email/moderation"
TRIAL_EMAIL_TEMPLATE = "artefacts/email/trial"
ADAPTATION_EMAIL_TEMPLATE = "artefacts/email/adaptation"

# What an adaptation copies from the published original: its words, type, licence and reach.
# Not its evidence (the adapters gather their own), files, schools or people.
ADAPTATION_COPIES = (
    "summary",
    "artefact_type",
    "context",
    "what_we_did",
    "what_worked",
    "what_did_not_work",
    "try_it_steps",
    "adaptation_notes",
    "licence",
    "visibility",
)

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


@dataclass
class ResourceChanges:
    """Resources to drop (by block id) and to add to a draft."""

    remove: frozenset = frozenset()
    uploads: list = field(default_factory=list)  # [(CheckedUpload, title)]
    videos: list = field(default_factory=list)  # [(title, url)]


# --- Helpers ---------------------------------------------------------------------------------


def _require(allowed: bool, message: str = "You are not allowed to do that.") -> None:
    if not allowed:
        raise NotAllowed(message)


def _audit(artefact, action: str, *, by, revision=None, **data) -> None:
    log(
        instance=artefact,
        action=action,
        user=by if getattr(by, "pk", None) else None,
        revision=revision,
        data=data,
    )


def workspace_path(artefact) -> str:
    return reverse("artefacts:workspace", kwargs={"artefact_id": artefact.pk})


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def co_leader_users(network) -> list:
    return [
        membership.user
        for membership in Membership.objects.current()
        .filter(network_id=network.pk, role=Role.CO_LEADER)
        .select_related("user")
    ]


def _author_users(artefact) -> list:
    from core.accounts.models import User

    return list(User.objects.filter(pk__in=permissions.author_ids(artefact), is_active=True))


def _tell(people, *, by, artefact, message: str, comment: str = "") -> None:
    """Notify each person once (never the person who acted), in the app and by e-mail."""
    url = workspace_path(artefact)
    seen = {getattr(by, "pk", None)}
    for person in people:
        if person is None or person.pk in seen:
            continue
        seen.add(person.pk)
        notify(
            recipient=person,
            message=message,
            url=url,
            email_template=EMAIL_TEMPLATE,
            context={
                "artefact_title": artefact.draft_title or artefact.title,
                "network_title": artefact.network.title,
                "comment": comment,
                "link": url if url.startswith("http") else _absolute(url),
            },
        )


def _count_activity(artefact, *, reviewer=None, authors=()) -> None:
    """Engagement: reviewing and publishing an artefact count as taking part in the network."""
    from networks.engagement.models import ActivityKind
    from networks.engagement.services import record_member_activity

    if reviewer is not None:
        record_member_activity(
            user=reviewer, network=artefact.network, kind=ActivityKind.REVIEWED, source=artefact
        )
    for author in authors:
        record_member_activity(
            user=author, network=artefact.network, kind=ActivityKind.CONTRIBUTED, source=artefact
        )


def _lock(artefact) -> ArtefactPage:
    """Lock the artefact's row for the rest of the transaction and return it freshly read."""
    return (
        ArtefactPage.objects.select_for_update(of=("self",))
        .select_related("network")
        .get(pk=artefact.pk)
    )


def _moderation(artefact) -> ArtefactModeration:
    moderation, _ = ArtefactModeration.objects.select_for_update().get_or_create(
        artefact=artefact,
        defaults={
            "status": ModerationStatus.PUBLISHED if artefact.live else ModerationStatus.DRAFT
        },
    )
    return moderation


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


def _stored_name(upload: CheckedUpload) -> str:
    """The stored file name starts with a random token: media URLs cannot be guessed."""
    stem = slugify(os.path.splitext(upload.name)[0])[:60] or "file"
    return get_valid_filename(f"{secrets.token_hex(12)}-{stem}.{upload.extension}")


def store_upload(*, artefact, upload: CheckedUpload, title: str, by) -> dict:
    """Save a checked upload as a Wagtail document or image linked to the artefact.

    Returns the resources block (raw JSON) that shows it.
    """
    upload.file.seek(0)
    content = ContentFile(upload.file.read(), name=_stored_name(upload))
    title = (title or os.path.splitext(upload.name)[0])[:255]
    if upload.kind == IMAGE:
        image = get_image_model()(title=title, file=content, uploaded_by_user=by)
        image._set_image_file_metadata()
        image.save()
        ArtefactFile.objects.create(
            artefact=artefact, image=image, original_name=upload.name, uploaded_by=by
        )
        value = {"image": image.pk, "alt_text": title, "caption": ""}
        block_type = "image"
    else:
        document = get_document_model()(title=title, file=content, uploaded_by_user=by)
        document._set_document_file_metadata()
        document.save()
        ArtefactFile.objects.create(
            artefact=artefact, document=document, original_name=upload.name, uploaded_by=by
        )
        value = {"title": title, "document": document.pk, "description": ""}
        block_type = "document"
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def _change_resources(page, *, changes: ResourceChanges | None, by) -> None:
    if changes is None:
        return
    raw = [dict(item) for item in page.resources.raw_data if item.get("id") not in changes.remove]
    for upload, title in changes.uploads:
        raw.append(store_upload(artefact=page, upload=upload, title=title, by=by))
    for title, url in changes.videos:
        raw.append(
            {"type": "video", "value": {"title": title, "url": url}, "id": str(uuid.uuid4())}
        )
    page.resources = raw


def _check_adaptation(page) -> None:
    """Refuse (saving nothing) a version of an adaptation that breaks the adaptation rules."""
    if not page.adapted_from_id:
        return
    original = (
        ArtefactPage.objects.select_related("network").filter(pk=page.adapted_from_id).first()
    )
    if original is None:  # the original was deleted: nothing left to follow
        return
    problems = page.adaptation_problems(original)
    if problems:
        raise InvalidAdaptation(problems)


# --- Writing ---------------------------------------------------------------------------------


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
    _require(
        permissions.can_create_artefact(by, network),
        "Only current co-leaders and members of the network can write its artefacts.",
    )
    if adapted_from is not None:
        adapted_from = ArtefactPage.objects.select_related("network").get(pk=adapted_from.pk)
        _require(
            permissions.can_adapt_into(by, adapted_from, network),
            "You cannot adapt this artefact in that network.",
        )
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
    _check_adaptation(page)
    network.add_child(instance=page)  # validates the page (Page.save runs full_clean)
    if resources is not None:
        _change_resources(page, changes=resources, by=by)
    page.save_revision(user=by, log_action=True)
    ArtefactModeration.objects.create(artefact=page, status=ModerationStatus.DRAFT)
    return page


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
) -> Revision:
    """Save a new draft revision, unless someone saved one since `base_revision_id`.

    Raises StaleDraft (saving nothing) when the latest revision is not the one the person
    started from: two people editing the same draft never overwrite each other silently.
    Changing a submitted artefact takes it out of review (it must be submitted again).
    """
    locked = _lock(artefact)
    _require(permissions.can_edit_artefact(by, locked), "You cannot edit this artefact.")
    if locked.latest_revision_id and locked.latest_revision_id != base_revision_id:
        raise StaleDraft(Revision.objects.select_related("user").get(pk=locked.latest_revision_id))
    page = locked.get_latest_revision_as_object()
    _apply(page, fields=fields, tags=tags, contributors=contributors)
    _check_adaptation(page)
    _change_resources(page, changes=resources, by=by)
    revision = page.save_revision(user=by, log_action=True)
    moderation = _moderation(locked)
    if moderation.status in (
        ModerationStatus.SUBMITTED,
        ModerationStatus.PUBLISHED,
        ModerationStatus.SCHEDULED,
    ):
        if moderation.status == ModerationStatus.SUBMITTED:
            _audit(locked, WITHDRAWN, by=by, revision=revision)
        moderation.status = ModerationStatus.DRAFT
        moderation.save(update_fields=["status", "updated_at"])
    artefact.__dict__.pop("_author_ids", None)
    return revision


# --- Moderation ------------------------------------------------------------------------------


@transaction.atomic
def submit_artefact(*, artefact, by) -> ArtefactModeration:
    """An author sends the latest draft to the network's co-leaders for review."""
    locked = _lock(artefact)
    moderation = _moderation(locked)
    _require(
        permissions.can_submit(by, locked, moderation),
        "Only its authors can submit a draft artefact for review.",
    )
    if not locked.latest_revision_id:
        raise ActionRefused("Save the artefact before submitting it.")
    moderation.status = ModerationStatus.SUBMITTED
    moderation.submitted_revision_id = locked.latest_revision_id
    moderation.submitted_by = by
    moderation.submitted_at = timezone.now()
    moderation.save()
    _audit(locked, SUBMITTED, by=by, revision=moderation.submitted_revision)
    title = locked.draft_title or locked.title
    _tell(
        co_leader_users(locked.network) + _author_users(locked),
        by=by,
        artefact=locked,
        message=f"{by.display_name} submitted “{title}” for review by a co-leader of "
        f"{locked.network.title}.",
    )
    return moderation


@transaction.atomic
def request_changes(*, artefact, by, comment: str) -> ArtefactModeration:
    """A co-leader who is not an author sends it back, saying what to change."""
    comment = (comment or "").strip()
    if not comment:
        raise ActionRefused("Say what needs to change, so the authors know what to do.")
    locked = _lock(artefact)
    moderation = _moderation(locked)
    _require(
        permissions.can_request_changes(by, locked, moderation),
        "Only a co-leader of the network who is not one of its authors can review it.",
    )
    moderation.status = ModerationStatus.CHANGES_REQUESTED
    moderation.decided_by = by
    moderation.decided_at = timezone.now()
    moderation.comment = comment[:5000]
    moderation.save()
    _audit(
        locked, CHANGES_REQUESTED, by=by, revision=moderation.submitted_revision, comment=comment
    )
    _count_activity(locked, reviewer=by)
    title = locked.draft_title or locked.title
    _tell(
        _author_users(locked) + co_leader_users(locked.network),
        by=by,
        artefact=locked,
        message=f"{by.display_name} asked for changes to “{title}”.",
        comment=comment,
    )
    return moderation


@transaction.atomic
def approve_artefact(*, artefact, by, go_live_at: datetime | None = None) -> ArtefactModeration:
    """A co-leader who is not an author approves the submitted version: published now, or at
    `go_live_at` when that is in the future."""
    locked = _lock(artefact)
    moderation = _moderation(locked)
    _require(
        permissions.can_approve(by, locked, moderation),
        "Only a co-leader of the network who is not one of its authors can approve it.",
    )
    if locked.latest_revision_id != moderation.submitted_revision_id:
        raise ActionRefused(
            "The artefact changed after it was submitted: its authors must submit it again."
        )
    now = timezone.now()
    scheduled = go_live_at is not None and go_live_at > now
    revision = moderation.submitted_revision
    page = revision.as_object()
    if scheduled or page.go_live_at:
        # The publication date is part of the content: approve a copy of the submitted
        # version that carries it.
        page.go_live_at = go_live_at if scheduled else None
        revision = page.save_revision(user=by, clean=False)
    revision.publish(user=by, skip_permission_checks=True)
    moderation.status = ModerationStatus.SCHEDULED if scheduled else ModerationStatus.PUBLISHED
    moderation.submitted_revision = revision
    moderation.decided_by = by
    moderation.decided_at = now
    moderation.comment = ""
    moderation.save()
    title = page.title
    if scheduled:
        when = timezone.localtime(go_live_at).strftime("%-d %B %Y at %H:%M")
        _audit(locked, SCHEDULED, by=by, revision=revision, go_live_at=go_live_at.isoformat())
        message = f"{by.display_name} approved “{title}”: it will be published on {when}."
    else:
        _audit(locked, APPROVED, by=by, revision=revision)
        message = f"{by.display_name} approved and published “{title}”."
    authors = _author_users(locked)
    _count_activity(locked, reviewer=by, authors=authors)
    _tell(authors + co_leader_users(locked.network), by=by, artefact=locked, message=message)
    if not scheduled:
        _tell_original_authors(locked, by=by)
    return moderation


def publish_due_artefacts() -> int:
    """Publish approved artefacts whose time has come. Safe to run any number of times."""
    now = timezone.now()
    published = 0
    # Due, or already published by Wagtail's own `publish_scheduled` command.
    due = ArtefactModeration.objects.filter(
        Q(submitted_revision__approved_go_live_at__lte=now)
        | Q(artefact__live_revision=F("submitted_revision")),
        status=ModerationStatus.SCHEDULED,
    ).values_list("pk", flat=True)
    for moderation_id in list(due):
        with transaction.atomic():
            moderation = (
                ArtefactModeration.objects.select_for_update(of=("self",))
                .select_related("submitted_revision", "artefact", "artefact__network")
                .filter(pk=moderation_id, status=ModerationStatus.SCHEDULED)
                .first()
            )
            if moderation is None:
                continue
            revision = moderation.submitted_revision
            artefact = moderation.artefact
            if artefact.live_revision_id != revision.pk:
                revision.publish(user=moderation.decided_by, skip_permission_checks=True)
            moderation.status = ModerationStatus.PUBLISHED
            moderation.save(update_fields=["status", "updated_at"])
            _tell(
                _author_users(artefact) + co_leader_users(artefact.network),
                by=None,
                artefact=artefact,
                message=f"“{artefact.title}” is now published.",
            )
            _tell_original_authors(artefact, by=moderation.decided_by)
            published += 1
    return published


# --- Spreading: adapting and trying ----------------------------------------------------------


@transaction.atomic
def adapt_artefact(*, original, network, by, what_we_changed: str, title: str = "") -> ArtefactPage:
    """Start a draft in `network` that adapts the published `original`.

    The draft starts as a copy of the original's published words (see ADAPTATION_COPIES) with the
    adapter as its author; they rewrite it and submit it through the usual moderation.
    `what_we_changed` is sanitised rich text. Raises NotAllowed or InvalidAdaptation, saving
    nothing.
    """
    source = ArtefactPage.objects.select_related("network").filter(pk=original.pk).first()
    _require(
        source is not None and permissions.can_adapt_into(by, source, network),
        "You cannot adapt this artefact in that network.",
    )
    fields = {name: getattr(source, name) for name in ADAPTATION_COPIES}
    fields.update(
        title=(title or source.title).strip()[:255],
        what_we_changed=what_we_changed,
        themes=list(source.themes.all()),
        phases=list(source.phases.all()),
        subjects=list(source.subjects.all()),
    )
    tags = [tag.name for tag in source.tags.all()]
    return create_artefact(network=network, by=by, fields=fields, tags=tags, adapted_from=source)


@transaction.atomic
def tell_about_published_adaptation(adaptation_id: int) -> None:
    """Tell the original's authors about an adaptation published outside moderation: in the
    Wagtail editor (admins, for support) or by Wagtail's own scheduler. Called after commit by a
    task; safe to run any number of times (after moderation it finds everyone already told).
    Whoever published it, as Wagtail's log records, is not told."""
    adaptation = (
        ArtefactPage.objects.select_for_update(of=("self",))
        .filter(pk=adaptation_id, live=True, adapted_from__isnull=False)
        .first()
    )
    if adaptation is None:
        return
    publisher_id = (
        PageLogEntry.objects.filter(page_id=adaptation_id, action="wagtail.publish")
        .order_by("-timestamp", "-pk")
        .values_list("user_id", flat=True)
        .first()
    )
    publisher = get_user_model().objects.filter(pk=publisher_id).first() if publisher_id else None
    _tell_original_authors(adaptation, by=publisher)


def _tell_original_authors(adaptation, *, by) -> None:
    """An adaptation is published: tell the authors of the artefact it adapts, in the app and by
    e-mail. Only those who may read the adaptation (nobody else learns that it exists, nor its
    title), and each person once, however often it is published again (AdaptationNotice rows,
    written in the publishing transaction, which holds the lock on the adaptation's moderation
    row). Nobody is told about their own adaptation, nor the person who approved it."""
    if not adaptation.adapted_from_id:
        return
    # Read again: publishing has just changed the row (live, visibility, title).
    published = ArtefactPage.objects.select_related("network", "latest_revision")
    adaptation = published.filter(pk=adaptation.pk, live=True).first()
    original = (
        published.filter(pk=adaptation.adapted_from_id).first() if adaptation is not None else None
    )
    if original is None:
        return
    skip = set(
        AdaptationNotice.objects.filter(adaptation=adaptation).values_list(
            "recipient_id", flat=True
        )
    )
    skip |= permissions.author_ids(adaptation) | {getattr(by, "pk", None)}
    url = adaptation.get_url() or ""
    message = (
        f"{adaptation.network.title} adapted your artefact “{original.title}”: "
        f"“{adaptation.title}” is now published."
    )
    for person in _author_users(original):
        if person.pk in skip or not permissions.can_read_live_artefact(person, adaptation):
            continue
        AdaptationNotice.objects.create(adaptation=adaptation, recipient=person)
        notify(
            recipient=person,
            message=message,
            url=url,
            email_template=ADAPTATION_EMAIL_TEMPLATE,
            context={
                "original_title": original.title,
                "adaptation_title": adaptation.title,
                "network_title": adaptation.network.title,
                "what_we_changed": unescape(strip_tags(adaptation.what_we_changed or "")).strip(),
                "link": url if url.startswith("http") else _absolute(url),
            },
        )


@transaction.atomic
def record_trial(
    *, artefact, by, context: str, outcome: str, note: str, network=None
) -> tuple[ArtefactTrial, bool]:
    """Say that `by` tried the published artefact: where and with whom, how it went, and what
    happened. Returns (response, created).

    One response per person per artefact: calling again changes it. `network` is the network
    they tried it with, one of their current networks (needed when they belong to several; none
    when they belong to none). The first response tells the artefact's authors, in the app and by
    e-mail, and counts as activity in that network. Raises NotAllowed, ActionRefused or
    ValidationError (by field), saving nothing.
    """
    locked = _lock(artefact)
    _require(
        permissions.can_record_trial(by, locked),
        "Only readers who are not its authors can say they tried an artefact.",
    )
    trial = ArtefactTrial.objects.select_for_update().filter(artefact=locked, user=by).first()
    if not permissions.can_record_trial(by, locked, existing=trial):
        raise NotAllowed("A moderator hid your response, so it can no longer be changed.")
    networks = {item.pk: item for item in selectors.trial_networks_for(by)}
    if network is None and len(networks) == 1:
        network = next(iter(networks.values()))
    if network is None and networks:
        raise ActionRefused("Choose the network you tried it with.")
    if network is not None and network.pk not in networks:
        raise NotAllowed("You can only record trying it with a network you belong to.")
    membership = (
        Membership.objects.current()
        .filter(network=network, user=by)
        .select_related("school")
        .first()
        if network is not None
        else None
    )
    created = trial is None
    if created:
        trial = ArtefactTrial(artefact=locked, user=by)
    trial.network = network
    trial.school = membership.school if membership is not None else None
    trial.context = (context or "").strip()
    trial.outcome = outcome
    trial.note = (note or "").strip()
    trial.full_clean(exclude=["artefact", "user", "network", "school"], validate_constraints=False)
    trial.save()
    if created:
        _count_trial(trial)
        _tell_authors_about_trial(trial, artefact=locked, by=by)
    return trial, created


def _locked_trial(artefact, trial_id) -> ArtefactTrial | None:
    return (
        ArtefactTrial.objects.select_for_update(of=("self",))
        .select_related("artefact__network", "artefact__latest_revision", "user")
        .filter(pk=trial_id, artefact_id=artefact.pk)
        .first()
    )


@transaction.atomic
def withdraw_trial(*, artefact, trial_id: int, by) -> None:
    """The person who wrote a “we tried this” response about `artefact` withdraws it: it is
    deleted, so it no longer shows or counts (on the artefact, nor as activity in the network).
    They may say they tried it again later. Raises NotAllowed (the same for a response that does
    not exist and one that is someone else's) or ActionRefused, deleting nothing."""
    trial = _locked_trial(artefact, trial_id)
    _require(
        trial is not None and trial.user_id == getattr(by, "pk", None),
        "That response was not found, or it is not yours to withdraw.",
    )
    if trial.is_hidden:
        raise ActionRefused(
            "A moderator hid your response: it is kept on record, so it cannot be withdrawn."
        )
    _require(permissions.can_withdraw_trial(by, trial))
    _uncount_trial(trial)
    trial.delete()


@transaction.atomic
def hide_trial(*, artefact, trial_id: int, by, reason: str) -> ArtefactTrial:
    """A moderator (permissions.can_hide_trial) hides a response that breaks the community's
    norms, saying why. It stays in the database with who hid it, when and why, and no longer
    shows or counts anywhere; its writer is told in the app, with the reason. Raises NotAllowed
    (the same for a response that does not exist and one they may not moderate) or
    ActionRefused (no reason, too long a reason, already hidden), changing nothing."""
    reason = (reason or "").strip()
    if not reason:
        raise ActionRefused(
            "Say why you are hiding it: the person who wrote it is told your reason."
        )
    if len(reason) > HIDDEN_REASON_MAX_LENGTH:
        raise ActionRefused(
            f"Keep the reason to {HIDDEN_REASON_MAX_LENGTH} characters or fewer "
            f"(it has {len(reason)})."
        )
    trial = _locked_trial(artefact, trial_id)
    _require(
        trial is not None and permissions.can_moderate_trials(by, trial.artefact),
        "That response was not found, or you cannot hide it.",
    )
    if trial.is_hidden:
        raise ActionRefused("That response is already hidden.")
    _require(
        permissions.can_hide_trial(by, trial),
        "You cannot hide your own response: withdraw it instead.",
    )
    trial.hidden_at = timezone.now()
    trial.hidden_by = by
    trial.hidden_reason = reason
    trial.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    _uncount_trial(trial)
    shown = trial.artefact
    _audit(shown, TRIAL_HIDDEN, by=by, trial=trial.pk, writer=trial.user_id, reason=reason)
    notify(
        recipient=trial.user,
        message=f"{by.display_name} hid your “we tried this” response to “{shown.title}”. "
        f"Why: {reason}",
        url=f"{shown.get_url() or ''}#tried",
    )
    return trial


@transaction.atomic
def restore_trial(*, artefact, trial_id: int, by) -> ArtefactTrial:
    """A moderator (permissions.can_restore_trial) shows a hidden response again: it shows and
    counts as before, and its writer is told. The audit log keeps who hid it and why, and who
    showed it again. Raises NotAllowed (the same for a response that does not exist and one they
    may not moderate) or ActionRefused (it is not hidden), changing nothing."""
    trial = _locked_trial(artefact, trial_id)
    _require(
        trial is not None and permissions.can_moderate_trials(by, trial.artefact),
        "That response was not found, or you cannot show it again.",
    )
    if not trial.is_hidden:
        raise ActionRefused("That response is not hidden.")
    _require(permissions.can_restore_trial(by, trial), "You cannot moderate your own response.")
    trial.hidden_at = None
    trial.hidden_by = None
    trial.hidden_reason = ""
    trial.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    _count_trial(trial, when=trial.updated_at)  # activity dates from when they wrote it
    shown = trial.artefact
    _audit(shown, TRIAL_RESTORED, by=by, trial=trial.pk, writer=trial.user_id)
    notify(
        recipient=trial.user,
        message=f"{by.display_name} showed your “we tried this” response to “{shown.title}” again.",
        url=f"{shown.get_url() or ''}#tried",
    )
    return trial


def _count_trial(trial, *, when=None) -> None:
    """Engagement: trying an artefact counts as taking part in the network one tried it with."""
    from networks.engagement.models import ActivityKind
    from networks.engagement.services import record_activity

    if trial.network_id is None:
        return
    record_activity(
        user=trial.user,
        network=trial.network,
        kind=ActivityKind.TRIED,
        school=trial.school,
        when=when,
        source=trial,
    )


def _uncount_trial(trial) -> None:
    """A withdrawn or hidden response no longer counts as activity in the network either."""
    from networks.engagement.models import ActivityKind
    from networks.engagement.services import forget_activity

    forget_activity(kind=ActivityKind.TRIED, source=trial)


def _tell_authors_about_trial(trial, *, artefact, by) -> None:
    where = ", ".join(
        part.name if hasattr(part, "name") else part.title
        for part in (trial.school, trial.network)
        if part is not None
    )
    who = f"{by.display_name} ({where})" if where else by.display_name
    message = f"{who} tried “{artefact.title}”: {trial.get_outcome_display().lower()}."
    url = f"{artefact.get_url() or ''}#tried"
    for person in _author_users(artefact):
        if person.pk == by.pk:
            continue
        notify(
            recipient=person,
            message=message,
            url=url,
            email_template=TRIAL_EMAIL_TEMPLATE,
            context={
                "artefact_title": artefact.title,
                "network_title": artefact.network.title,
                "trial": trial,
                "link": url if url.startswith("http") else _absolute(url),
            },
        )
