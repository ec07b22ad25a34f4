"""Opening a cycle, moving it through its phases, and extending deadlines."""

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format

from networks.models import MINIMUM_CO_LEADERS, Membership

from .. import permissions
from ..models import (
    DEADLINE_PHASES,
    MAXIMUM_REVIEWERS,
    MINIMUM_REVIEWERS,
    DeadlineExtension,
    Phase,
    PhaseDeadline,
    ReviewCycle,
    ReviewerStatus,
    next_phase,
)
from ._common import (
    DEADLINE_EXTENDED,
    OPENED,
    PHASE_MOVED,
    audit,
    co_leaders_of,
    lock_cycle,
    members_of,
    refuse,
    refuse_invalid_text,
    require,
    tell,
)


def _long(day: date) -> str:
    return date_format(day, "j F Y")


def _check_deadlines(deadlines: dict, *, today: date) -> dict:
    missing = [Phase(phase).label for phase in DEADLINE_PHASES if not deadlines.get(phase)]
    if missing:
        refuse(f"Give a deadline for every phase: {', '.join(missing)}.")
    previous = None
    for phase in DEADLINE_PHASES:
        due = deadlines[phase]
        if previous is None and due < today:
            refuse(
                "The first deadline cannot be in the past.",
                **{f"deadline_{phase}": "Choose today or a later date."},
            )
        if previous is not None and due <= previous[1]:
            refuse(
                f"{Phase(phase).label} must be due after {Phase(previous[0]).label.lower()} "
                f"({_long(previous[1])}): phases follow one another.",
                **{f"deadline_{phase}": f"Choose a date after {_long(previous[1])}."},
            )
        previous = (phase, due)
    return deadlines


@transaction.atomic
def open_cycle(
    *, network, by, framework_version, focus_criteria, deadlines: dict, purpose: str = ""
) -> ReviewCycle:
    """A co-leader opens the network's next cycle in planning. `deadlines` maps each phase but
    'closed' to its due date."""
    require(permissions.why_not_open_cycle(by, network))
    if not framework_version.ready:
        refuse(f"{framework_version} is not ready for cycles yet: choose another version.")
    criteria = list(focus_criteria)
    if not criteria:
        refuse(
            "Choose at least one criterion to focus on.",
            focus_criteria="Choose at least one criterion.",
        )
    if any(criterion.domain.version_id != framework_version.pk for criterion in criteria):
        refuse("Every focus criterion must come from the chosen framework version.")
    _check_deadlines(deadlines, today=timezone.localdate())
    refuse_invalid_text(ReviewCycle, purpose=(purpose or "").strip())
    number = (network.review_cycles.aggregate(highest=Max("number"))["highest"] or 0) + 1
    try:
        with transaction.atomic():
            cycle = ReviewCycle.objects.create(
                network=network,
                number=number,
                framework_version=framework_version,
                purpose=(purpose or "").strip(),
                opened_by=by,
            )
    except IntegrityError:
        refuse("The network already has a review cycle under way: close it before opening another.")
    cycle.focus_criteria.set(criteria)
    PhaseDeadline.objects.bulk_create(
        PhaseDeadline(cycle=cycle, phase=phase, due_on=due, original_due_on=due)
        for phase, due in deadlines.items()
        if phase in DEADLINE_PHASES
    )
    audit(cycle, OPENED, by=by, number=number)
    tell(
        members_of(network),
        message=f"{by.display_name} opened review cycle {number} of {network.title}.",
        cycle=cycle,
    )
    return cycle


# --- What each phase needs before it can move on ---------------------------------------------


def missing_for_next_phase(
    cycle,
    *,
    focus=None,
    team=None,
    self_done=None,
    peer_done=None,
    deadlines=None,
    co_leaders=None,
    open_actions=None,
) -> list[str]:
    """What is still needed before the cycle can move on, in words (empty when ready).

    A page that has loaded them already passes the focus criteria as (pk, title) pairs, the
    cycle's reviewers (`team`, with their users), the ids of the criteria with a consolidated
    self-assessment (`self_done`) or peer assessment (`peer_done`), its deadlines, its
    co-leaders (`co_leaders`, from selectors.co_leaders_acknowledging) and its actions without
    an update (`open_actions`); each one not given is read here.
    """
    if focus is None:
        focus = list(cycle.focus_criteria.values_list("pk", "title"))
    focus_ids = {pk for pk, _ in focus}
    titles = dict(focus)
    missing = []
    if cycle.phase == Phase.PLANNING:
        if not focus:
            missing.append("Choose at least one focus criterion.")
        have = (
            {deadline.phase for deadline in deadlines}
            if deadlines is not None
            else set(cycle.deadlines.values_list("phase", flat=True))
        )
        if set(DEADLINE_PHASES) - have:
            missing.append("Set a deadline for every phase.")
    elif cycle.phase == Phase.SELF_REVIEW:
        if self_done is None:
            self_done = set(cycle.self_assessments.values_list("criterion_id", flat=True))
        for pk in sorted(focus_ids - set(self_done)):
            missing.append(f"A consolidated self-assessment for “{titles[pk]}”.")
        if team is None:
            accepted = list(cycle.reviewers.accepted().values_list("is_lead", flat=True))
        else:
            accepted = [place.is_lead for place in team if place.status == ReviewerStatus.ACCEPTED]
        if len(accepted) < MINIMUM_REVIEWERS:
            missing.append(
                f"A peer team of at least {MINIMUM_REVIEWERS} reviewers who have accepted "
                f"({len(accepted)} so far)."
            )
        if len(accepted) > MAXIMUM_REVIEWERS:
            missing.append(f"No more than {MAXIMUM_REVIEWERS} reviewers.")
        if True not in accepted:
            missing.append("A lead reviewer who has accepted.")
    elif cycle.phase == Phase.PEER_REVIEW:
        if team is None:
            waiting = cycle.reviewers.accepted().filter(ratings_submitted_at__isnull=True)
            waiting = waiting.select_related("user")
        else:
            waiting = [
                place
                for place in team
                if place.status == ReviewerStatus.ACCEPTED and place.ratings_submitted_at is None
            ]
        for place in waiting:
            missing.append(f"{place.user.display_name}'s blind ratings.")
        if peer_done is None:
            peer_done = set(cycle.peer_assessments.values_list("criterion_id", flat=True))
        for pk in sorted(focus_ids - set(peer_done)):
            missing.append(f"The lead reviewer's consolidated level for “{titles[pk]}”.")
        if not cycle.visit_scheduled:
            missing.append("The review visit, scheduled.")
    elif cycle.phase == Phase.REPORT:
        report = getattr(cycle, "report", None)
        if report is None or not report.is_issued:
            missing.append("The lead reviewer's report, issued to the network.")
    elif cycle.phase == Phase.RESPONSE:
        if co_leaders is None:
            keys = cycle.acknowledgements.filter(
                by_id__in=Membership.objects.co_leaders()
                .filter(network_id=cycle.network_id)
                .values("user_id")
            ).count()
        else:
            keys = sum(1 for person in co_leaders if person.acknowledged_report)
        if keys < MINIMUM_CO_LEADERS:
            missing.append(
                f"Acknowledgement of the report by {MINIMUM_CO_LEADERS} co-leaders ({keys} so far)."
            )
        if not cycle.actions.exists():
            missing.append("An action plan with at least one action.")
    elif cycle.phase == Phase.FOLLOW_UP:
        if not cycle.follow_up_summary.strip():
            missing.append("The follow-up: what the network has done since the review.")
        if open_actions is None:
            open_actions = cycle.actions.filter(updates__isnull=True)
        for action in open_actions:
            missing.append(f"A progress update on “{action.description[:60]}”.")
    return missing


@transaction.atomic
def advance_phase(*, cycle, by) -> ReviewCycle:
    """Move the cycle to its next phase, when what its current phase needs is there."""
    locked = lock_cycle(cycle)
    require(permissions.why_not_advance_phase(by, locked))
    missing = missing_for_next_phase(locked)
    if missing:
        refuse(
            f"{locked.get_phase_display()} cannot move on yet. Still needed: " + " ".join(missing)
        )
    previous = locked.phase
    locked.phase = next_phase(previous)
    locked.phase_started_at = timezone.now()
    if locked.phase == Phase.CLOSED:
        locked.closed_at = timezone.now()
    locked.save(update_fields=["phase", "phase_started_at", "closed_at"])
    cycle.phase, cycle.phase_started_at, cycle.closed_at = (
        locked.phase,
        locked.phase_started_at,
        locked.closed_at,
    )
    audit(locked, PHASE_MOVED, by=by, **{"from": previous, "to": locked.phase})
    people = members_of(locked.network) + [
        place.user for place in locked.reviewers.accepted().select_related("user")
    ]
    tell(
        people,
        message=f"{locked} moved on to {locked.get_phase_display().lower()}.",
        cycle=locked,
    )
    return locked


@transaction.atomic
def extend_deadline(*, cycle, phase: str, to_date: date, reason: str, by) -> PhaseDeadline:
    locked = lock_cycle(cycle)
    require(permissions.why_not_extend_deadline(by, locked))
    reason = (reason or "").strip()
    if not reason:
        refuse("Say why the deadline moves.", reason="Say why the deadline moves.")
    refuse_invalid_text(DeadlineExtension, reason=reason)
    deadline = locked.deadlines.select_for_update().filter(phase=phase).first()
    if deadline is None:
        refuse("That phase has no deadline.")
    if locked.reached(phase) and phase != locked.phase:
        refuse(f"{deadline.get_phase_display()} is over: its deadline no longer matters.")
    if to_date is None or to_date <= deadline.due_on:
        refuse(
            f"Choose a date after the current deadline ({_long(deadline.due_on)}).",
            to_date=f"Choose a date after {_long(deadline.due_on)}.",
        )
    following = next_phase(phase)
    later = locked.deadlines.filter(phase=following).first() if following else None
    if later is not None and to_date >= later.due_on:
        refuse(
            f"{later.get_phase_display()} is due on {_long(later.due_on)}: extend that deadline "
            "first, or choose an earlier date.",
            to_date=f"Choose a date before {_long(later.due_on)}.",
        )
    DeadlineExtension.objects.create(
        deadline=deadline, from_date=deadline.due_on, to_date=to_date, reason=reason, by=by
    )
    previous = deadline.due_on
    deadline.due_on = to_date
    deadline.save(update_fields=["due_on"])
    audit(
        locked,
        DEADLINE_EXTENDED,
        by=by,
        phase=phase,
        **{"from": previous.isoformat(), "to": to_date.isoformat(), "reason": reason},
    )
    tell(
        co_leaders_of(locked.network),
        message=(
            f"{by.display_name} moved the {deadline.get_phase_display().lower()} deadline of "
            f"{locked} to {_long(to_date)}: {reason}"
        ),
        cycle=locked,
    )
    return deadline
