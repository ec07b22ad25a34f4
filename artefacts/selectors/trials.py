"""“We tried this” responses: shown ones with their counts, one person's own, and the ones a
moderator sees."""

from django.db.models import (
    Count,
    Q,
)

from core.roles import is_admin, is_broker
from networks.models import Membership, NetworkPage, NetworkStatus

from ..models import (
    ArtefactTrial,
    TrialOutcome,
)


def trials_of(artefact, *, limit: int = 20) -> list:
    """The latest shown “we tried this” responses, with the names of who wrote them, their
    school and network (no more of those rows: the list is kept with the artefact's page). Set
    `artefact` on each before asking artefacts.permissions about it. One query."""
    return list(
        ArtefactTrial.objects.shown()
        .filter(artefact=artefact)
        .select_related("user", "network", "school")
        .only(*SHOWN_TRIAL_FIELDS)
        .order_by("-updated_at", "-pk")[:limit]
    )


SHOWN_TRIAL_FIELDS = (
    "artefact_id",
    "user__first_name",
    "user__last_name",
    "network__title",
    "school__name",
    "outcome",
    "context",
    "note",
    "hidden_at",
    "hidden_by",
    "hidden_reason",
    "created_at",
    "updated_at",
)


def hidden_trials_of(artefact, *, limit: int = 50) -> list:
    """The latest hidden responses to the artefact, with who wrote them and who hid them (and
    `artefact` set, for the permission checks), for its moderators. One query."""
    trials = list(
        ArtefactTrial.objects.hidden()
        .filter(artefact=artefact)
        .select_related("user", "network", "school", "hidden_by")
        .order_by("-hidden_at", "-pk")[:limit]
    )
    for trial in trials:
        trial.artefact = artefact
    return trials


def trial_summary(artefact) -> dict:
    """How many people tried it, in how many networks and schools, and how it went (hidden
    responses left out). One query."""
    return (
        ArtefactTrial.objects.shown()
        .filter(artefact=artefact)
        .aggregate(
            people=Count("pk"),
            networks=Count("network", distinct=True),
            schools=Count("school", distinct=True),
            worked=Count("pk", filter=Q(outcome=TrialOutcome.WORKED)),
            partly=Count("pk", filter=Q(outcome=TrialOutcome.PARTLY)),
            did_not_work=Count("pk", filter=Q(outcome=TrialOutcome.DID_NOT_WORK)),
        )
    )


def trial_by(user, artefact) -> ArtefactTrial | None:
    """The person's own response about the artefact, if they gave one (hidden or not: the
    writer is shown why it was hidden). One query."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        ArtefactTrial.objects.filter(artefact=artefact, user=user)
        .select_related("hidden_by")
        .first()
    )


def trial_on(artefact, trial_id) -> ArtefactTrial | None:
    """One response (shown or hidden) to the artefact, with who wrote it; None if there is no
    such response on it. Callers ask artefacts.permissions what the person may do with it."""
    trial = (
        ArtefactTrial.objects.filter(artefact=artefact, pk=trial_id)
        .select_related("user", "network", "school")
        .first()
    )
    if trial is not None:
        trial.artefact = artefact
    return trial


def trials_moderated_by(user):
    """The responses, shown and hidden, this person may moderate, newest first: every one for
    the national brokers and admins; those to the artefacts of the open networks they co-lead
    for co-leaders; none for anyone else. Loaded with everything a listing shows (one query)."""
    trials = ArtefactTrial.objects.select_related(
        "artefact__network",
        "artefact__latest_revision",
        "user",
        "network",
        "school",
        "hidden_by",
    ).order_by("-updated_at", "-pk")
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return trials.none()
    if is_admin(user) or is_broker(user):
        return trials
    led = (
        Membership.objects.co_leaders()
        .filter(user=user)
        .exclude(network__status=NetworkStatus.CLOSED)
        .values("network_id")
    )
    return trials.filter(artefact__network_id__in=led)


def trial_networks_for(user):
    """The networks a person may say they tried an artefact with: their current ones."""
    return (
        NetworkPage.objects.filter(pk__in=Membership.objects.network_ids_of(user))
        .order_by("title")
        .distinct()
    )
