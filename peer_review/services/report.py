"""The lead reviewer writes the report and issues it to the network."""

from django.db import transaction
from django.utils import timezone

from .. import permissions
from ..models import ReportFinding, ReviewReport
from ._common import (
    REPORT_ISSUED,
    audit,
    co_leaders_of,
    lock_cycle,
    members_of,
    refuse,
    refuse_invalid_text,
    require,
    tell,
)
from .self_review import focus_criterion


@transaction.atomic
def write_report(*, cycle, by, summary: str) -> ReviewReport:
    locked = lock_cycle(cycle)
    require(permissions.why_not_write_report(by, locked))
    summary = (summary or "").strip()
    if not summary:
        refuse("Write the report's summary.", summary="Write the summary.")
    refuse_invalid_text(ReviewReport, summary=summary)
    report, _ = ReviewReport.objects.update_or_create(
        cycle=locked, defaults={"summary": summary, "written_by": by}
    )
    return report


@transaction.atomic
def write_finding(
    *, cycle, criterion, by, strengths: str, areas_to_develop: str, evidence_seen: str
) -> ReportFinding:
    locked = lock_cycle(cycle)
    require(permissions.why_not_write_report(by, locked))
    criterion = focus_criterion(locked, criterion)
    fields = {
        "strengths": (strengths or "").strip(),
        "areas_to_develop": (areas_to_develop or "").strip(),
        "evidence_seen": (evidence_seen or "").strip(),
    }
    empty = {name: "Write this part." for name, value in fields.items() if not value}
    if empty:
        refuse(
            f"Write the strengths, areas to develop and evidence seen for “{criterion.title}”.",
            **empty,
        )
    refuse_invalid_text(ReportFinding, **fields)
    report = ReviewReport.objects.filter(cycle=locked).first()
    if report is None:
        refuse("Write the report's summary first.")
    finding, _ = ReportFinding.objects.update_or_create(
        report=report, criterion=criterion, defaults=fields
    )
    return finding


@transaction.atomic
def issue_report(*, cycle, by) -> ReviewReport:
    locked = lock_cycle(cycle)
    require(permissions.why_not_write_report(by, locked))
    report = ReviewReport.objects.filter(cycle=locked).first()
    if report is None:
        refuse("Write the report's summary first.")
    written = set(report.findings.values_list("criterion_id", flat=True))
    missing = [c.title for c in locked.focus_criteria.all() if c.pk not in written]
    if missing:
        refuse(
            "Write a finding for every focus criterion first. Still to write: "
            + "; ".join(missing)
            + "."
        )
    report.issued_at = timezone.now()
    report.save(update_fields=["issued_at"])
    audit(locked, REPORT_ISSUED, by=by)
    tell(
        members_of(locked.network) + co_leaders_of(locked.network),
        message=f"The peer team's report on {locked} is ready to read.",
        cycle=locked,
    )
    return report
