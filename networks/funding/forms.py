import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError

from core.schools.models import School

from .models import (
    DESCRIPTION_MAX_LENGTH,
    LEARNING_MAX_LENGTH,
    LEARNING_REQUIRED,
    NOTE_MAX_LENGTH,
    PLAN_MAX_LENGTH,
    ContributionKind,
    pounds,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MONEY_HELP = "In pounds, e.g. 2500 or 2,500.50."


class MoneyField(forms.DecimalField):
    """A DecimalField that accepts '£2,500' as people write it."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("£", "").replace(",", "").strip()
        return super().to_python(value)


class FundingReceiptForm(forms.Form):
    source = forms.CharField(
        max_length=200,
        help_text="Who the money came from, e.g. 'Local authority school improvement grant'.",
    )
    amount = MoneyField(
        label="Amount (£)",
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.01"),
        help_text=MONEY_HELP,
    )
    received_on = forms.DateField(label="Date received", widget=DATE_WIDGET)
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=NOTE_MAX_LENGTH,
        required=False,
        help_text="Conditions, what it is for, or anything else worth knowing.",
    )


class ContributionForm(forms.Form):
    school = forms.ModelChoiceField(
        queryset=School.objects.none(),
        empty_label="Choose a member school",
        error_messages={"invalid_choice": "Choose one of the network's current member schools."},
    )
    kind = forms.ChoiceField(choices=ContributionKind.choices, widget=forms.RadioSelect)
    quantity = MoneyField(
        max_digits=10,
        decimal_places=2,
        min_value=Decimal("0.01"),
        help_text="Staff days in days; money in pounds; hosting and other in the unit below.",
    )
    unit = forms.CharField(
        max_length=40,
        required=False,
        help_text="For hosting and other contributions: what the quantity counts, e.g. 'sessions'.",
    )
    money_value = MoneyField(
        label="Money value (£)",
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0"),
        required=False,
        help_text="Optional: what it would have cost, where you know it. Leave blank for money.",
    )
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=DESCRIPTION_MAX_LENGTH,
        help_text="What the school gave, e.g. 'Two teachers released for a joint lesson study day'.",
    )
    contributed_on = forms.DateField(label="Date", widget=DATE_WIDGET)

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = School.objects.filter(
            network_links__network=network, network_links__left_on__isnull=True
        ).order_by("name")


LINE_PATTERN = re.compile(r"^(?P<description>.+):\s*(?P<amount>[^:]+)$")


def parse_plan_lines(text: str) -> list[tuple[str, Decimal]]:
    """Read 'description: amount' lines, with a message naming each line that cannot be read."""
    lines, problems = [], []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = LINE_PATTERN.match(line)
        if match is None:
            problems.append(
                f"Line {number} ('{line}'): put the amount after a colon, e.g. 'Supply cover: £4,800'."
            )
            continue
        written = match["amount"].replace("£", "").replace(",", "").strip()
        try:
            amount = Decimal(written)
        except InvalidOperation:
            problems.append(
                f"Line {number}: '{match['amount'].strip()}' is not an amount in pounds."
            )
            continue
        if not amount.is_finite() or amount < 0:
            problems.append(f"Line {number}: a planned amount must be £0 or more.")
            continue
        lines.append((match["description"].strip(), amount.quantize(Decimal("0.01"))))
    if problems:
        raise ValidationError(problems)
    if not lines:
        raise ValidationError("Add at least one planned amount, e.g. 'Supply cover: £4,800'.")
    return lines


def format_plan_lines(revision) -> str:
    return "\n".join(f"{line.description}: {pounds(line.amount)}" for line in revision.lines.all())


class SpendingPlanForm(forms.Form):
    plan = forms.CharField(
        label="The plan",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=PLAN_MAX_LENGTH,
        help_text="What the money and time will be spent on, and why.",
    )
    lines = forms.CharField(
        label="Planned amounts",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=PLAN_MAX_LENGTH,
        help_text="One item per line: what it is, a colon, then the amount in pounds, e.g. "
        "'Supply cover for enquiry trios: £4,800'. The total is worked out for you.",
    )
    learning = forms.CharField(
        label="What we learned that changed the plan",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=LEARNING_MAX_LENGTH,
        error_messages={"required": LEARNING_REQUIRED},
        help_text="What did the network find out (from its enquiries, its indicators, what did "
        "not work) that made you change the plan?",
    )
    based_on = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, latest=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["based_on"].initial = latest.number if latest else 0
        if latest is None:
            del self.fields["learning"]
        else:
            self.fields["plan"].initial = latest.plan
            self.fields["lines"].initial = format_plan_lines(latest)

    def clean_lines(self):
        return parse_plan_lines(self.cleaned_data["lines"])
