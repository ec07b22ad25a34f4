"""What every artefact service shares: locking, the moderation record, the audit log, telling
people, and counting their part in the network's engagement."""

from django.conf import settings
from django.urls import reverse

from wagtail.log_actions import log

from core.accounts.models import User
from core.notifications.models import subject_key
from core.notifications.services import mark_read_about, notify
from networks.engagement.models import ActivityKind
from networks.engagement.services import record_member_activity
from networks.models import Membership

from .. import permissions
from ..models import ArtefactModeration, ArtefactPage, ModerationStatus

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


def audit(artefact, action: str, *, by, revision=None, **data) -> None:
    log(
        instance=artefact,
        action=action,
        user=by if getattr(by, "pk", None) else None,
        revision=revision,
        data=data,
    )


def workspace_path(artefact) -> str:
    return reverse("artefacts:workspace", kwargs={"artefact_id": artefact.pk})


def absolute(url: str) -> str:
    return url if url.startswith("http") else f"{settings.SITE_URL}{url}"


def co_leader_users(network) -> list:
    return [
        membership.user
        for membership in Membership.objects.co_leaders()
        .filter(network_id=network.pk)
        .select_related("user")
    ]


def author_users(artefact) -> list:
    return list(User.objects.filter(pk__in=permissions.author_ids(artefact), is_active=True))


def moderation_subject(artefact) -> str:
    """What every moderation notification about the artefact is about."""
    return subject_key("artefacts.moderation", artefact.pk)


def settle_notifications(artefact) -> None:
    """A moderation step was taken: everyone's notifications of the earlier steps are read."""
    mark_read_about(subject=moderation_subject(artefact))


def tell(people, *, by, artefact, message: str, comment: str = "") -> None:
    """Notify each person once (never the person who acted), in the app and by e-mail, with a
    link to the artefact's moderation page."""
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
            subject=moderation_subject(artefact),
            email_template=EMAIL_TEMPLATE,
            context={
                "artefact_title": artefact.draft_title or artefact.title,
                "network_title": artefact.network.title,
                "comment": comment,
                "link": absolute(url),
            },
        )


def count_activity(artefact, *, reviewer=None, authors=()) -> None:
    """Engagement: reviewing and publishing an artefact count as taking part in the network."""
    if reviewer is not None:
        record_member_activity(
            user=reviewer, network=artefact.network, kind=ActivityKind.REVIEWED, source=artefact
        )
    for author in authors:
        record_member_activity(
            user=author, network=artefact.network, kind=ActivityKind.CONTRIBUTED, source=artefact
        )


def lock(artefact) -> ArtefactPage:
    """Lock the artefact's row for the rest of the transaction and return it freshly read."""
    return (
        ArtefactPage.objects.select_for_update(of=("self",))
        .select_related("network")
        .get(pk=artefact.pk)
    )


def moderation_record(artefact) -> ArtefactModeration:
    """The artefact's moderation row, locked (made for a page that has none yet)."""
    moderation, _ = ArtefactModeration.objects.select_for_update().get_or_create(
        artefact=artefact,
        defaults={
            "status": ModerationStatus.PUBLISHED if artefact.live else ModerationStatus.DRAFT
        },
    )
    return moderation
