from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.dateformat import format as format_date

from core.validators import require_visible_characters

MEASURES_MAX_LENGTH = 2000
NOTE_MAX_LENGTH = 2000


class Direction(models.TextChoices):
    HIGHER = "higher", "Higher is better"
    LOWER = "lower", "Lower is better"


class Indicator(models.Model):
    """Something a network chose to measure to see whether its work makes a difference.

    The network owns its indicators: it defines them, its baseline and its later observations.
    """

    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField(
        max_length=200,
        validators=[require_visible_characters],
        help_text="e.g. 'Pupils reaching expected standard in reading (%)'.",
    )
    unit = models.CharField(
        max_length=40, help_text="What the numbers count: '%', 'pupils', 'staff', 'days'…"
    )
    measures = models.TextField(
        "what it measures",
        max_length=MEASURES_MAX_LENGTH,
        validators=[MaxLengthValidator(MEASURES_MAX_LENGTH)],
        help_text="Who and what is counted, and why it matters to the network.",
    )
    source = models.CharField(
        max_length=255,
        help_text="Where the numbers come from, e.g. 'Key stage 2 teacher assessment'.",
    )
    baseline_value = models.DecimalField(max_digits=12, decimal_places=2)
    baseline_on = models.DateField("baseline date")
    direction = models.CharField(max_length=10, choices=Direction.choices, default=Direction.HIGHER)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["network", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "name"], name="one_indicator_name_per_network"
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.baseline_on and self.baseline_on > timezone.localdate():
            raise ValidationError(
                {
                    "baseline_on": "The baseline date cannot be in the future: the baseline is where the network starts from."
                }
            )

    def format_value(self, value: Decimal) -> str:
        return format_measure(value, self.unit)


class Observation(models.Model):
    """A later measurement of an indicator. It cannot come before the indicator's baseline."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="observations")
    value = models.DecimalField(max_digits=12, decimal_places=2)
    observed_on = models.DateField("date")
    note = models.TextField(
        blank=True,
        max_length=NOTE_MAX_LENGTH,
        validators=[MaxLengthValidator(NOTE_MAX_LENGTH)],
        help_text="Anything that helps read the number: a change of cohort, a new test…",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["indicator", "observed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "observed_on"], name="one_observation_per_indicator_and_date"
            )
        ]

    def __str__(self):
        return f"{self.indicator}: {self.indicator.format_value(self.value)} on {self.observed_on:%d %b %Y}"

    def clean(self):
        if not self.observed_on:
            return
        if self.observed_on > timezone.localdate():
            raise ValidationError({"observed_on": "An observation cannot be dated in the future."})
        baseline_on = self.indicator.baseline_on
        if self.observed_on < baseline_on:
            raise ValidationError(
                {
                    "observed_on": f"This date ({long_date(self.observed_on)}) is before the "
                    f"indicator's baseline date ({long_date(baseline_on)}). Observations show "
                    "change since the baseline, so they must be dated on or after it."
                }
            )


def plain_number(value: Decimal) -> str:
    """Decimal('62.00') → '62'; Decimal('3.50') → '3.5'; thousands separated."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_measure(value: Decimal, unit: str) -> str:
    number = plain_number(value)
    if unit == "%":
        return f"{number}%"
    if unit == "£":
        return f"£{number}"
    return f"{number} {unit}".strip()


def long_date(day) -> str:
    return format_date(day, "j F Y")
