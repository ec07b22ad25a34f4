"""Recording a network's funding, the schools' contributions in kind and its spending plan.

Each service is keyword-only and atomic, validates with full_clean, refuses (`ActionRefused`, by
field where it can) to write to a closed network, and counts the co-leader who recorded it as
active in the network.
"""

from decimal import Decimal

from django.db import transaction

from core.errors import ActionRefused, clean_or_refuse, refuse_unless
from networks.engagement.models import ActivityKind
from networks.engagement.services import record_member_activity
from networks.models import NetworkPage, NetworkSchool

from .models import (
    LEARNING_REQUIRED,
    FundingReceipt,
    InKindContribution,
    SpendingPlanLine,
    SpendingPlanRevision,
)
from .permissions import can_record_funding, why_not_record_funding


def _ensure_can_manage(network, by) -> None:
    refuse_unless(can_record_funding(by, network), why_not_record_funding(by, network))


@transaction.atomic
def record_funding(
    *, network, by, source: str, amount: Decimal, received_on, note: str = ""
) -> FundingReceipt:
    _ensure_can_manage(network, by)
    receipt = FundingReceipt(
        network=network,
        source=source.strip(),
        amount=amount,
        received_on=received_on,
        note=note.strip(),
        recorded_by=by,
    )
    clean_or_refuse(receipt, exclude=["network", "recorded_by"])
    receipt.save()
    record_member_activity(user=by, network=network, kind=ActivityKind.CONTRIBUTED, source=receipt)
    return receipt


@transaction.atomic
def record_contribution(
    *,
    network,
    by,
    school,
    kind: str,
    quantity: Decimal,
    description: str,
    contributed_on,
    unit: str = "",
    money_value: Decimal | None = None,
) -> InKindContribution:
    """Record what a current member school gave in kind."""
    _ensure_can_manage(network, by)
    if not NetworkSchool.objects.filter(
        network=network, school=school, left_on__isnull=True
    ).exists():
        raise ActionRefused(
            field_errors={
                "school": f"{school.name} is not a current member school of {network.title}. "
                "Only member schools' contributions count towards the network's match funding: "
                "add the school to the network first."
            }
        )
    contribution = InKindContribution(
        network=network,
        school=school,
        kind=kind,
        quantity=quantity,
        unit=unit.strip(),
        money_value=money_value,
        description=description.strip(),
        contributed_on=contributed_on,
        recorded_by=by,
    )
    clean_or_refuse(contribution, exclude=["network", "school", "recorded_by"])
    contribution.save()
    record_member_activity(
        user=by, network=network, kind=ActivityKind.CONTRIBUTED, source=contribution
    )
    return contribution


@transaction.atomic
def revise_spending_plan(
    *,
    network,
    by,
    plan: str,
    lines: list[tuple[str, Decimal]],
    learning: str = "",
    based_on: int | None = None,
) -> SpendingPlanRevision:
    """Append a new revision of the network's spending plan.

    `lines` are (description, amount in £) pairs; the revision's total is their sum. Every
    revision after the first must say what the network learned that changed the plan.
    `based_on` is the revision number the author was looking at (0 for none): if someone else
    revised the plan meanwhile, the new revision is refused rather than silently overriding theirs.
    """
    _ensure_can_manage(network, by)
    # Serialise revisions of one network's plan (a no-op on SQLite, whose writes are serialised).
    NetworkPage.objects.select_for_update().filter(pk=network.pk).values_list("pk").first()
    latest = (
        SpendingPlanRevision.objects.filter(network=network)
        .select_related("author")
        .order_by("-number")
        .first()
    )
    latest_number = latest.number if latest else 0
    if based_on is not None and based_on != latest_number:
        author = latest.author.display_name if latest and latest.author else "someone else"
        raise ActionRefused(
            f"{author} revised the plan (revision {latest_number}) while you were editing. "
            "Read their revision, then make your change again."
        )
    errors = {}
    if latest is not None and not learning.strip():
        errors["learning"] = LEARNING_REQUIRED
    if not plan.strip():
        errors["plan"] = "Describe the plan: what the money and time will be spent on, and why."
    if not lines:
        errors["lines"] = (
            "Add at least one planned amount, e.g. 'Supply cover for enquiry trios: £4,800'."
        )
    if errors:
        raise ActionRefused(field_errors=errors)

    plan_lines = [
        SpendingPlanLine(position=position, description=description.strip(), amount=amount)
        for position, (description, amount) in enumerate(lines, start=1)
    ]
    for line in plan_lines:
        try:
            clean_or_refuse(line, exclude=["revision"], validate_constraints=False)
        except ActionRefused as error:
            raise ActionRefused(
                field_errors={"lines": f"Line {line.position} ({line.description!r}): {error}"}
            ) from error
    revision = SpendingPlanRevision(
        network=network,
        number=latest_number + 1,
        plan=plan.strip(),
        total=sum((line.amount for line in plan_lines), Decimal("0")),
        learning=learning.strip(),
        author=by,
    )
    clean_or_refuse(revision, exclude=["network", "author"])
    revision.save()
    for line in plan_lines:
        line.revision = revision
    SpendingPlanLine.objects.bulk_create(plan_lines)
    record_member_activity(user=by, network=network, kind=ActivityKind.CONTRIBUTED, source=revision)
    return revision
