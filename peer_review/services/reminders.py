"""Reminders: whoever owes the next step hears 7 days and 1 day before the current phase's
deadline and once it is missed; 14 days overdue, the national broker hears. Each reminder goes
once: a unique ReminderSent row is written before the notification, in the same transaction."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format

from ..models import Phase, PhaseDeadline, ReminderKind, ReminderSent, ReviewCycle
from ..selectors import owed_by
from ._common import brokers, tell

ESCALATE_AFTER_DAYS = 14


def reminder_kind(days_left: int) -> str | None:
    if 2 <= days_left <= 7:
        return ReminderKind.WEEK_BEFORE
    if days_left in (0, 1):
        return ReminderKind.DAY_BEFORE
    if days_left < 0:
        return ReminderKind.MISSED
    return None


def _send_once(cycle, deadline, kind, recipient, message) -> bool:
    try:
        with transaction.atomic():
            ReminderSent.objects.create(
                cycle=cycle,
                phase=deadline.phase,
                due_on=deadline.due_on,
                kind=kind,
                recipient=recipient,
            )
            tell([recipient], message=message, cycle=cycle)
    except IntegrityError:
        return False
    return True


def _message(cycle, deadline, kind, days_left: int) -> str:
    phase = deadline.get_phase_display().lower()
    due = date_format(deadline.due_on, "j F Y")
    if kind == ReminderKind.WEEK_BEFORE:
        return f"{cycle}: {phase} is due in {days_left} days ({due}). You have a step to take."
    if kind == ReminderKind.DAY_BEFORE:
        when = "today" if days_left == 0 else "tomorrow"
        return f"{cycle}: {phase} is due {when} ({due}). You have a step to take."
    if kind == ReminderKind.MISSED:
        return f"{cycle}: the {phase} deadline ({due}) has passed. You have a step to take."
    return f"{cycle}: {phase} is {-days_left} days overdue (due {due})."


def send_due_reminders(*, today: date | None = None) -> int:
    """Send every reminder that is due and not yet sent. Returns how many were sent."""
    today = today or timezone.localdate()
    deadlines = PhaseDeadline.objects.filter(
        cycle__phase__in=[phase for phase in Phase.values if phase != Phase.CLOSED]
    ).select_related("cycle__network")
    sent = 0
    for deadline in deadlines:
        cycle: ReviewCycle = deadline.cycle
        if deadline.phase != cycle.phase:
            continue
        days_left = (deadline.due_on - today).days
        kind = reminder_kind(days_left)
        if kind is not None:
            for person in owed_by(cycle):
                sent += _send_once(
                    cycle, deadline, kind, person, _message(cycle, deadline, kind, days_left)
                )
        if days_left <= -ESCALATE_AFTER_DAYS:
            message = _message(cycle, deadline, ReminderKind.ESCALATED, days_left)
            for broker in brokers():
                sent += _send_once(cycle, deadline, ReminderKind.ESCALATED, broker, message)
    return sent
