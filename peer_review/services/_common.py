"""What the review services share: the audit-log actions, locking, guards and telling people."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.log_actions import log

from core.accounts.models import BROKER_GROUP_NAME
from core.errors import ActionRefused, NotAllowed, field_problems
from core.notifications.services import notify
from networks.models import Membership

from ..models import ReviewCycle

EMAIL_TEMPLATE = "peer_review/email/update"

OPENED = "peer_review.opened"
PHASE_MOVED = "peer_review.phase_moved"
DEADLINE_EXTENDED = "peer_review.deadline_extended"
SELF_CONSOLIDATED = "peer_review.self_consolidated"
REVIEWER_INVITED = "peer_review.reviewer_invited"
REVIEWER_ACCEPTED = "peer_review.reviewer_accepted"
REVIEWER_DECLINED = "peer_review.reviewer_declined"
REVIEWER_WITHDRAWN = "peer_review.reviewer_withdrawn"
RATINGS_SUBMITTED = "peer_review.ratings_submitted"
PEER_CONSOLIDATED = "peer_review.peer_consolidated"
VISIT_SCHEDULED = "peer_review.visit_scheduled"
REPORT_ISSUED = "peer_review.report_issued"
REPORT_ACKNOWLEDGED = "peer_review.report_acknowledged"
FOLLOW_UP_RECORDED = "peer_review.follow_up_recorded"
LEARNING_STARTED = "peer_review.learning_started"

ACTION_LABELS = {
    OPENED: ("Review cycle opened", "Opened a review cycle"),
    PHASE_MOVED: ("Review phase moved on", "Moved a review cycle to its next phase"),
    DEADLINE_EXTENDED: ("Review deadline extended", "Extended a review deadline"),
    SELF_CONSOLIDATED: ("Self-assessment consolidated", "Consolidated a self-assessment"),
    REVIEWER_INVITED: ("Peer reviewer invited", "Invited a peer reviewer"),
    REVIEWER_ACCEPTED: ("Peer review accepted", "Accepted a place on a peer team"),
    REVIEWER_DECLINED: ("Peer review declined", "Declined a place on a peer team"),
    REVIEWER_WITHDRAWN: ("Peer reviewer withdrawn", "Withdrew a peer reviewer's place"),
    RATINGS_SUBMITTED: ("Peer ratings submitted", "Submitted blind peer ratings"),
    PEER_CONSOLIDATED: ("Peer ratings consolidated", "Consolidated the peer team's ratings"),
    VISIT_SCHEDULED: ("Review visit scheduled", "Scheduled the review visit"),
    REPORT_ISSUED: ("Review report issued", "Issued the review report"),
    REPORT_ACKNOWLEDGED: ("Review report acknowledged", "Acknowledged the review report"),
    FOLLOW_UP_RECORDED: ("Review follow-up recorded", "Recorded the review follow-up"),
    LEARNING_STARTED: ("Review learning drafted", "Started a 'learning from our review' artefact"),
}


def audit(cycle, action: str, *, by, **data) -> None:
    """One entry in Wagtail's audit log (Reports › Site history) for the cycle."""
    user = by if getattr(by, "pk", None) else None
    log(instance=cycle, action=action, user=user, data={"network": cycle.network_id, **data})


def lock_cycle(cycle) -> ReviewCycle:
    """Lock the cycle's row for the transaction and bring the caller's copy up to date."""
    locked = ReviewCycle.objects.select_for_update().select_related("network").get(pk=cycle.pk)
    for name in ("phase", "phase_started_at", "closed_at", "follow_up_summary"):
        setattr(cycle, name, getattr(locked, name))
    return locked


def require(why_not: str | None) -> None:
    """Refuse with the permission's own message when it says why not."""
    if why_not:
        raise NotAllowed(why_not)


def refuse(message: str, **field_errors) -> None:
    raise ActionRefused(message, field_errors=field_errors or None)


def refuse_invalid_text(model, *, named: dict | None = None, **values) -> None:
    """Refuse text the model's own validation rejects (over its maximum length, say), each
    message under the form field's name (`named` maps model field names to form field names
    where they differ)."""
    if problems := field_problems(model, **values):
        named = named or {}
        refuse(
            " ".join(problems.values()),
            **{named.get(name, name): message for name, message in problems.items()},
        )


def co_leaders_of(network) -> list:
    memberships = Membership.objects.co_leaders().filter(network_id=network.pk)
    return [m.user for m in memberships.select_related("user")]


def members_of(network) -> list:
    memberships = Membership.objects.current().filter(network_id=network.pk)
    return [m.user for m in memberships.select_related("user")]


def brokers() -> list:
    User = get_user_model()
    return list(User.objects.filter(Q(groups__name=BROKER_GROUP_NAME), is_active=True).distinct())


def tell(people, *, message: str, cycle, url: str | None = None) -> None:
    """Notify each person once, in the app and by e-mail."""
    path = url or cycle.get_absolute_url()
    seen = set()
    for person in people:
        if person is None or person.pk in seen:
            continue
        seen.add(person.pk)
        notify(
            recipient=person,
            message=message,
            url=path,
            email_template=EMAIL_TEMPLATE,
            context={"cycle_title": str(cycle), "link": f"{settings.SITE_URL}{path}"},
        )
