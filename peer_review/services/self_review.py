"""Self-review: members gather evidence and propose levels; co-leaders consolidate."""

import os
import secrets

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.utils.text import get_valid_filename, slugify

from artefacts.uploads import check_upload

from .. import permissions
from ..models import Evidence, EvidenceKind, ProposedLevel, SelfAssessment
from ._common import SELF_CONSOLIDATED, audit, lock_cycle, refuse, refuse_invalid_text, require


def focus_criterion(cycle, criterion_id):
    """One of the cycle's focus criteria (with its levels), or a refusal."""
    criterion = (
        cycle.focus_criteria.prefetch_related("levels")
        .filter(pk=getattr(criterion_id, "pk", criterion_id))
        .first()
    )
    if criterion is None:
        refuse("That criterion is not one this cycle focuses on.")
    return criterion


def check_level(criterion, level) -> int:
    """A level from the criterion's rubric, or a refusal naming the levels there are."""
    numbers = sorted(level.number for level in criterion.levels.all())
    try:
        level = int(level)
    except (TypeError, ValueError):
        level = None
    if level not in numbers:
        message = (
            f"Choose one of the rubric's levels for “{criterion.title}”: "
            f"{', '.join(str(number) for number in numbers)}."
        )
        refuse(message, level=message)
    return level


@transaction.atomic
def add_evidence(
    *,
    cycle,
    criterion,
    by,
    kind: str,
    title: str,
    note: str = "",
    artefact=None,
    indicator=None,
    upload=None,
    url: str = "",
) -> Evidence:
    locked = lock_cycle(cycle)
    require(permissions.why_not_contribute(by, locked))
    criterion = focus_criterion(locked, criterion)
    title = (title or "").strip()
    if not title:
        refuse("Give the evidence a title.", title="Give the evidence a title.")
    note = (note or "").strip()
    refuse_invalid_text(Evidence, title=title, note=note)
    evidence = Evidence(
        cycle=locked,
        criterion=criterion,
        kind=kind,
        title=title,
        note=note,
        added_by=by,
    )
    if kind == EvidenceKind.ARTEFACT:
        if artefact is None or artefact.network_id != locked.network_id:
            refuse("Choose one of the network's own artefacts.", artefact="Choose an artefact.")
        evidence.artefact = artefact
    elif kind == EvidenceKind.INDICATOR:
        if indicator is None or indicator.network_id != locked.network_id:
            refuse("Choose one of the network's own indicators.", indicator="Choose an indicator.")
        evidence.indicator = indicator
    elif kind == EvidenceKind.FILE:
        if upload is None:
            refuse("Choose a file to upload.", upload="Choose a file to upload.")
        try:
            checked = check_upload(upload)
        except ValidationError as error:
            refuse(" ".join(error.messages), upload=" ".join(error.messages))
        stem = slugify(os.path.splitext(checked.name)[0])[:60] or "evidence"
        name = get_valid_filename(f"{secrets.token_hex(12)}-{stem}.{checked.extension}")
        evidence.file.save(name, File(checked.file), save=False)
    elif kind == EvidenceKind.LINK:
        if not url.startswith(("https://", "http://")):
            refuse("Give the full address, starting https://.", url="Give the full address.")
        evidence.url = url
    elif kind == EvidenceKind.NOTE:
        if not evidence.note:
            refuse("Write the note.", note="Write the note.")
    else:
        refuse("Choose what kind of evidence this is.")
    evidence.save()
    return evidence


@transaction.atomic
def remove_evidence(*, evidence, by) -> None:
    lock_cycle(evidence.cycle)
    require(permissions.why_not_remove_evidence(by, evidence))
    if evidence.file:
        evidence.file.delete(save=False)
    evidence.delete()


@transaction.atomic
def propose_level(*, cycle, criterion, by, level, comment: str = "") -> ProposedLevel:
    locked = lock_cycle(cycle)
    require(permissions.why_not_contribute(by, locked))
    criterion = focus_criterion(locked, criterion)
    level = check_level(criterion, level)
    comment = (comment or "").strip()
    refuse_invalid_text(ProposedLevel, comment=comment)
    proposal, _ = ProposedLevel.objects.update_or_create(
        cycle=locked,
        criterion=criterion,
        by=by,
        defaults={"level": level, "comment": comment},
    )
    return proposal


@transaction.atomic
def consolidate_self_assessment(*, cycle, criterion, by, level, rationale: str) -> SelfAssessment:
    """A co-leader records the network's level for a focus criterion, with why."""
    locked = lock_cycle(cycle)
    require(permissions.why_not_consolidate_self(by, locked))
    criterion = focus_criterion(locked, criterion)
    level = check_level(criterion, level)
    rationale = (rationale or "").strip()
    if not rationale:
        refuse(
            "Say why the network chose this level: the peer team will read it.",
            rationale="Say why the network chose this level.",
        )
    refuse_invalid_text(SelfAssessment, rationale=rationale)
    assessment, _ = SelfAssessment.objects.update_or_create(
        cycle=locked,
        criterion=criterion,
        defaults={"level": level, "rationale": rationale, "by": by},
    )
    audit(locked, SELF_CONSOLIDATED, by=by, criterion=criterion.code, level=level)
    return assessment
