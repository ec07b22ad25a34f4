"""Spreading by trying: “we tried this” responses, which their writers may change or withdraw
and moderators hide (with a reason) or show again. Each shown response counts as activity in
the network it was tried with."""

from django.db import transaction
from django.utils import timezone

from core.notifications.services import notify
from networks.engagement.models import ActivityKind
from networks.engagement.services import forget_activity, record_activity
from networks.models import Membership

from .. import permissions, selectors
from ..errors import ActionRefused, NotAllowed
from ..models import ArtefactTrial
from ..models.trials import HIDDEN_REASON_MAX_LENGTH
from .common import TRIAL_HIDDEN, TRIAL_RESTORED, absolute, audit, author_users, lock

TRIAL_EMAIL_TEMPLATE = "artefacts/email/trial"


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
    locked = lock(artefact)
    if reason := permissions.why_not_record_trial(by, locked):
        raise NotAllowed(reason)
    trial = ArtefactTrial.objects.select_for_update().filter(artefact=locked, user=by).first()
    if reason := permissions.why_not_record_trial(by, locked, existing=trial):
        raise NotAllowed(reason)
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
    not exist and one that is someone else's, or one a moderator hid), deleting nothing."""
    trial = _locked_trial(artefact, trial_id)
    if reason := permissions.why_not_withdraw_trial(by, trial):
        raise NotAllowed(reason)
    _uncount_trial(trial)
    trial.delete()


def _check_reason(reason: str) -> str:
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
    return reason


@transaction.atomic
def hide_trial(*, artefact, trial_id: int, by, reason: str) -> ArtefactTrial:
    """A moderator (permissions.why_not_hide_trial) hides a response that breaks the community's
    norms, saying why. It stays in the database with who hid it, when and why, and no longer
    shows or counts anywhere; its writer is told in the app, with the reason. Raises NotAllowed
    (the same for a response that does not exist and one they may not moderate; already hidden;
    their own) or ActionRefused (no reason, too long a reason), changing nothing."""
    reason = _check_reason(reason)
    trial = _locked_trial(artefact, trial_id)
    if refusal := permissions.why_not_hide_trial(by, trial):
        raise NotAllowed(refusal)
    trial.hidden_at = timezone.now()
    trial.hidden_by = by
    trial.hidden_reason = reason
    trial.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    _uncount_trial(trial)
    shown = trial.artefact
    audit(shown, TRIAL_HIDDEN, by=by, trial=trial.pk, writer=trial.user_id, reason=reason)
    notify(
        recipient=trial.user,
        message=f"{by.display_name} hid your “we tried this” response to “{shown.title}”. "
        f"Why: {reason}",
        url=f"{shown.get_url() or ''}#tried",
    )
    return trial


@transaction.atomic
def restore_trial(*, artefact, trial_id: int, by) -> ArtefactTrial:
    """A moderator (permissions.why_not_restore_trial) shows a hidden response again: it shows
    and counts as before, and its writer is told. The audit log keeps who hid it and why, and who
    showed it again. Raises NotAllowed (the same for a response that does not exist and one they
    may not moderate; not hidden; their own), changing nothing."""
    trial = _locked_trial(artefact, trial_id)
    if reason := permissions.why_not_restore_trial(by, trial):
        raise NotAllowed(reason)
    trial.hidden_at = None
    trial.hidden_by = None
    trial.hidden_reason = ""
    trial.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    _count_trial(trial, when=trial.updated_at)  # activity dates from when they wrote it
    shown = trial.artefact
    audit(shown, TRIAL_RESTORED, by=by, trial=trial.pk, writer=trial.user_id)
    notify(
        recipient=trial.user,
        message=f"{by.display_name} showed your “we tried this” response to “{shown.title}” again.",
        url=f"{shown.get_url() or ''}#tried",
    )
    return trial


def _count_trial(trial, *, when=None) -> None:
    """Engagement: trying an artefact counts as taking part in the network one tried it with."""
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
    for person in author_users(artefact):
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
                "link": absolute(url),
            },
        )
