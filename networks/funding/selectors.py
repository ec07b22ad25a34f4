"""Reads about a network's funding and spending plan, shaped for where they are shown."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, OuterRef, Q, Subquery, Sum

from networks.models import NetworkPage

from .models import (
    ContributionKind,
    FundingReceipt,
    InKindContribution,
    SpendingPlanRevision,
    pounds,
)

ZERO = Decimal("0")


@dataclass(frozen=True)
class FundingTotals:
    received: Decimal
    receipts: int
    in_kind_money: Decimal
    staff_days: Decimal
    contributions: int


def funding_totals(network) -> FundingTotals:
    """Funding received against contributions in kind. One query."""

    def of_the_network(queryset, value):
        return Subquery(
            queryset.filter(network_id=OuterRef("pk"))
            .order_by()
            .values("network_id")
            .annotate(value=value)
            .values("value")
        )

    row = (
        NetworkPage.objects.filter(pk=network.pk)
        .annotate(
            total=of_the_network(FundingReceipt.objects.all(), Sum("amount")),
            receipts=of_the_network(FundingReceipt.objects.all(), Count("pk")),
            money=of_the_network(InKindContribution.objects.all(), Sum("money_value")),
            staff_days=of_the_network(
                InKindContribution.objects.filter(kind=ContributionKind.STAFF_DAYS),
                Sum("quantity"),
            ),
            contributions=of_the_network(InKindContribution.objects.all(), Count("pk")),
        )
        .values("total", "receipts", "money", "staff_days", "contributions")
        .first()
    )
    return FundingTotals(
        received=row["total"] or ZERO,
        receipts=row["receipts"] or 0,
        in_kind_money=row["money"] or ZERO,
        staff_days=row["staff_days"] or ZERO,
        contributions=row["contributions"] or 0,
    )


def in_kind_by_school(network):
    """Per school: the money value of its contributions and its staff days. One query."""
    return (
        InKindContribution.objects.filter(network=network)
        .values("school__name")
        .annotate(
            money=Sum("money_value"),
            staff_days=Sum("quantity", filter=Q(kind=ContributionKind.STAFF_DAYS)),
            contributions=Count("pk"),
        )
        .order_by("school__name")
    )


def funding_receipts(network):
    return FundingReceipt.objects.filter(network=network).select_related("recorded_by")


def in_kind_contributions(network):
    return InKindContribution.objects.filter(network=network).select_related(
        "school", "recorded_by"
    )


def spending_plan_history(network):
    """Every revision of the plan, newest first, with its author and lines. Two queries."""
    return (
        SpendingPlanRevision.objects.filter(network=network)
        .select_related("author")
        .prefetch_related("lines")
        .order_by("-number")
    )


def latest_spending_plan(network) -> SpendingPlanRevision | None:
    return (
        SpendingPlanRevision.objects.filter(network=network)
        .prefetch_related("lines")
        .order_by("-number")
        .first()
    )


@dataclass(frozen=True)
class PlanHistoryEntry:
    revision: SpendingPlanRevision
    total_change: Decimal | None  # None for the first revision
    changes: list[str]

    @property
    def total_change_text(self) -> str:
        if self.total_change is None:
            return ""
        if self.total_change > 0:
            return f"up {pounds(self.total_change)}"
        if self.total_change < 0:
            return f"down {pounds(-self.total_change)}"
        return "no change to the total"


def plan_history_entries(revisions) -> list[PlanHistoryEntry]:
    """What changed in each revision compared with the one before, newest first.

    Works on revisions from `spending_plan_history` (lines prefetched): no further queries.
    """
    revisions = sorted(revisions, key=lambda revision: revision.number)
    entries, previous = [], None
    for revision in revisions:
        if previous is None:
            entries.append(PlanHistoryEntry(revision=revision, total_change=None, changes=[]))
        else:
            entries.append(
                PlanHistoryEntry(
                    revision=revision,
                    total_change=revision.total - previous.total,
                    changes=_line_changes(previous, revision),
                )
            )
        previous = revision
    return list(reversed(entries))


def _line_changes(before, after) -> list[str]:
    old = {line.description.casefold(): line for line in before.lines.all()}
    new = {line.description.casefold(): line for line in after.lines.all()}
    changes = []
    for key, line in new.items():
        if key not in old:
            changes.append(f"Added: {line.description} ({pounds(line.amount)})")
        elif old[key].amount != line.amount:
            changes.append(
                f"Changed: {line.description} from {pounds(old[key].amount)} to {pounds(line.amount)}"
            )
    for key, line in old.items():
        if key not in new:
            changes.append(f"Removed: {line.description} ({pounds(line.amount)})")
    return changes
