"""The network's response: two keys on the report, the action plan, follow-up, and the
'learning from our review' artefact (a draft that goes through normal moderation)."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import escape

from artefacts import services as artefact_services
from artefacts.models import ArtefactType, Visibility
from networks.models import Membership

from .. import permissions
from ..models import Acknowledgement, Action, ActionStatus, ActionUpdate, ReviewCycle
from ._common import (
    FOLLOW_UP_RECORDED,
    LEARNING_STARTED,
    REPORT_ACKNOWLEDGED,
    audit,
    co_leaders_of,
    lock_cycle,
    refuse,
    refuse_invalid_text,
    require,
    tell,
)
from .self_review import focus_criterion


@transaction.atomic
def acknowledge_report(*, cycle, by, comment: str = "") -> Acknowledgement:
    """One co-leader's key. The report is acknowledged once two different co-leaders have."""
    locked = lock_cycle(cycle)
    require(permissions.why_not_acknowledge(by, locked))
    refuse_invalid_text(Acknowledgement, comment=(comment or "").strip())
    try:
        with transaction.atomic():
            acknowledgement = Acknowledgement.objects.create(
                cycle=locked, by=by, comment=(comment or "").strip()
            )
    except IntegrityError:
        refuse(
            "You have already acknowledged the report: the second key must be another co-leader's."
        )
    audit(locked, REPORT_ACKNOWLEDGED, by=by)
    tell(
        [person for person in co_leaders_of(locked.network) if person.pk != by.pk],
        message=f"{by.display_name} acknowledged the review report.",
        cycle=locked,
    )
    return acknowledgement


@transaction.atomic
def add_action(*, cycle, by, criterion, description: str, owner, due_on) -> Action:
    locked = lock_cycle(cycle)
    require(permissions.why_not_plan_actions(by, locked))
    criterion = focus_criterion(locked, criterion)
    description = (description or "").strip()
    errors = {}
    if not description:
        errors["description"] = "Say what will be done."
    if (
        owner is None
        or not Membership.objects.current()
        .filter(network_id=locked.network_id, user_id=owner.pk)
        .exists()
    ):
        errors["owner"] = "Choose a current member of the network to own the action."
    if due_on is None or due_on < timezone.localdate():
        errors["due_on"] = "Choose a due date from today on."
    if errors:
        refuse(" ".join(errors.values()), **errors)
    refuse_invalid_text(Action, description=description)
    action = Action.objects.create(
        cycle=locked,
        criterion=criterion,
        description=description,
        owner=owner,
        due_on=due_on,
        created_by=by,
    )
    if owner.pk != by.pk:
        tell(
            [owner], message=f"You own an action from the review: {description[:120]}", cycle=locked
        )
    return action


@transaction.atomic
def record_progress(*, action, by, status: str, note: str) -> ActionUpdate:
    action = Action.objects.select_for_update().select_related("cycle__network").get(pk=action.pk)
    lock_cycle(action.cycle)
    require(permissions.why_not_record_progress(by, action))
    if status not in ActionStatus.values:
        refuse("Choose how the action stands.", status="Choose how the action stands.")
    note = (note or "").strip()
    if not note:
        refuse("Say what has happened.", note="Say what has happened.")
    refuse_invalid_text(ActionUpdate, note=note)
    update = ActionUpdate.objects.create(action=action, status=status, note=note, by=by)
    action.status = status
    action.save(update_fields=["status"])
    return update


@transaction.atomic
def record_follow_up(*, cycle, by, summary: str):
    locked = lock_cycle(cycle)
    require(permissions.why_not_record_follow_up(by, locked))
    summary = (summary or "").strip()
    if not summary:
        refuse("Say what the network has done since the review.", summary="Write the follow-up.")
    refuse_invalid_text(
        ReviewCycle, named={"follow_up_summary": "summary"}, follow_up_summary=summary
    )
    locked.follow_up_summary = summary
    locked.save(update_fields=["follow_up_summary"])
    cycle.follow_up_summary = summary
    audit(locked, FOLLOW_UP_RECORDED, by=by)
    return locked


@transaction.atomic
def start_learning_artefact(*, cycle, by):
    """A draft artefact in the network, shared with the network only until its authors choose
    otherwise; it is published only through the artefacts' own moderation."""
    locked = lock_cycle(cycle)
    require(permissions.why_not_start_learning_artefact(by, locked))
    plan = "".join(f"<li>{escape(action.description)}</li>" for action in locked.actions.all())
    artefact = artefact_services.create_artefact(
        network=locked.network,
        by=by,
        fields={
            "title": f"Learning from our review ({timezone.localdate():%Y})",
            "summary": "What our network learned from reviewing itself and being reviewed by peers.",
            "artefact_type": ArtefactType.REVIEW_LEARNING,
            "context": "<p>Why we reviewed ourselves, and what we wanted to learn.</p>",
            "what_we_did": f"<p>Self-review, a peer review with a visit, and an action plan:</p><ul>{plan}</ul>",
            "what_worked": "<p>What the review helped us see and change.</p>",
            "what_did_not_work": "<p>What did not go as we hoped.</p>",
            "visibility": Visibility.NETWORK,
        },
    )
    locked.learning_artefact = artefact
    locked.save(update_fields=["learning_artefact"])
    audit(locked, LEARNING_STARTED, by=by, artefact=artefact.pk)
    return artefact
