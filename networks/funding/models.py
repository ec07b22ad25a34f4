from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.utils import timezone

NOTE_MAX_LENGTH = 2000
DESCRIPTION_MAX_LENGTH = 2000
PLAN_MAX_LENGTH = 10_000
LEARNING_MAX_LENGTH = 5000

LEARNING_REQUIRED = (
    "Say what the network learned that changed the plan. The programme's only audit asks how "
    "each network's learning changed its plans, so every revision after the first must say."
)


class FundingReceipt(models.Model):
    """Money the network received, e.g. a grant. Recorded by a co-leader."""

    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="funding_receipts"
    )
    source = models.CharField(
        max_length=200,
        help_text="Who the money came from, e.g. 'Local authority school improvement grant'.",
    )
    amount = models.DecimalField(
        "amount (£)",
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"), "The amount must be more than £0.")],
    )
    received_on = models.DateField("date received")
    note = models.TextField(
        blank=True, max_length=NOTE_MAX_LENGTH, validators=[MaxLengthValidator(NOTE_MAX_LENGTH)]
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-pk"]

    def __str__(self):
        return f"{pounds(self.amount)} from {self.source}"

    def clean(self):
        if self.received_on and self.received_on > timezone.localdate():
            raise ValidationError(
                {
                    "received_on": "The date received cannot be in the future: record funding once it has arrived."
                }
            )


class ContributionKind(models.TextChoices):
    STAFF_DAYS = "staff_days", "Staff days"
    HOSTING = "hosting", "Hosting"
    MONEY = "money", "Money"
    OTHER = "other", "Other"


DEFAULT_UNITS = {ContributionKind.STAFF_DAYS: "days", ContributionKind.MONEY: "£"}


class InKindContribution(models.Model):
    """What a member school gave the network in kind: staff time, hosting, money or other.

    Staff days are counted in days; money is counted in pounds and is its own money value; for
    hosting and other contributions the money value is optional (what it would have cost).
    """

    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="in_kind_contributions"
    )
    school = models.ForeignKey(
        "schools.School", on_delete=models.PROTECT, related_name="in_kind_contributions"
    )
    kind = models.CharField(max_length=20, choices=ContributionKind.choices)
    quantity = models.DecimalField(
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"), "The quantity must be more than 0.")],
    )
    unit = models.CharField(
        max_length=40, blank=True, help_text="What the quantity counts, e.g. 'sessions' or 'rooms'."
    )
    money_value = models.DecimalField(
        "money value (£)",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"), "The money value cannot be negative.")],
        help_text="What it would have cost, where you know it.",
    )
    description = models.TextField(
        max_length=DESCRIPTION_MAX_LENGTH, validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)]
    )
    contributed_on = models.DateField("date")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-contributed_on", "-pk"]

    def __str__(self):
        return f"{self.quantity_display} ({self.get_kind_display().lower()}) from {self.school}"

    def clean(self):
        errors = {}
        if self.kind in DEFAULT_UNITS:
            self.unit = DEFAULT_UNITS[self.kind]
        elif not self.unit.strip():
            errors["unit"] = (
                "Say what the quantity counts, for example 'sessions', 'rooms' or 'laptops'."
            )
        if self.kind == ContributionKind.MONEY and self.quantity is not None:
            if self.money_value is not None and self.money_value != self.quantity:
                errors["money_value"] = (
                    "For a contribution of money, the quantity is the amount in pounds: leave the "
                    "money value blank or make it the same."
                )
            self.money_value = self.quantity
        if self.contributed_on and self.contributed_on > timezone.localdate():
            errors["contributed_on"] = (
                "The date cannot be in the future: record a contribution once it has been made."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def quantity_display(self) -> str:
        quantity = _plain_number(self.quantity)
        if self.unit == "£":
            return pounds(self.quantity)
        return f"{quantity} {self.unit}".strip()


class SpendingPlanRevision(models.Model):
    """One version of a network's spending plan. Revisions are append-only: a change to the plan
    is a new revision that says what the network learned that changed it."""

    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="spending_plan_revisions"
    )
    number = models.PositiveIntegerField()
    plan = models.TextField(
        max_length=PLAN_MAX_LENGTH,
        validators=[MaxLengthValidator(PLAN_MAX_LENGTH)],
        help_text="What the money and time will be spent on, and why.",
    )
    total = models.DecimalField("total planned (£)", max_digits=12, decimal_places=2)
    learning = models.TextField(
        "what we learned that changed the plan",
        blank=True,
        max_length=LEARNING_MAX_LENGTH,
        validators=[MaxLengthValidator(LEARNING_MAX_LENGTH)],
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["network", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "number"], name="one_spending_plan_revision_per_number"
            )
        ]

    def __str__(self):
        return f"Spending plan revision {self.number} of {self.network}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError(
                "Spending plan revisions are append-only: record a new revision instead."
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Spending plan revisions are append-only and cannot be deleted.")

    def clean(self):
        if self.number and self.number > 1 and not self.learning.strip():
            raise ValidationError({"learning": LEARNING_REQUIRED})


class SpendingPlanLine(models.Model):
    """One planned amount in a revision, e.g. 'Supply cover for enquiry trios: £4,800'."""

    revision = models.ForeignKey(
        SpendingPlanRevision, on_delete=models.CASCADE, related_name="lines"
    )
    position = models.PositiveSmallIntegerField()
    description = models.CharField(max_length=200)
    amount = models.DecimalField(
        "amount (£)",
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"), "A planned amount cannot be negative.")],
    )

    class Meta:
        ordering = ["revision", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "position"], name="one_plan_line_per_position"
            )
        ]

    def __str__(self):
        return f"{self.description}: {pounds(self.amount)}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("Spending plan lines belong to an append-only revision.")
        super().save(*args, **kwargs)


def pounds(value: Decimal) -> str:
    """Money as people write it: £4,800 for whole pounds, £12.50 otherwise; -£300 when negative."""
    sign = "-" if value < 0 else ""
    value = abs(value)
    text = f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.2f}"
    return f"{sign}£{text}"


def _plain_number(value: Decimal) -> str:
    """12.50 → '12.5', 3.00 → '3'."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
