from django import forms

from core.validators import require_visible_characters

from .models import MEASURES_MAX_LENGTH, NOTE_MAX_LENGTH, Direction, long_date

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class IndicatorForm(forms.Form):
    name = forms.CharField(
        max_length=200,
        validators=[require_visible_characters],
        help_text="Say what is counted and in what unit, e.g. 'Pupils reaching expected standard in reading (%)'.",
    )
    unit = forms.CharField(
        max_length=40, help_text="What the numbers count: '%', 'pupils', 'staff', 'days'…"
    )
    measures = forms.CharField(
        label="What it measures",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MEASURES_MAX_LENGTH,
        help_text="Who and what is counted, and why it matters to the network's shared challenge.",
    )
    source = forms.CharField(
        max_length=255,
        help_text="Where the numbers come from, e.g. 'Key stage 2 teacher assessment' or 'Pupil survey, Years 5 and 6'.",
    )
    baseline_value = forms.DecimalField(
        max_digits=12, decimal_places=2, help_text="The value before the network's work began."
    )
    baseline_on = forms.DateField(label="Baseline date", widget=DATE_WIDGET)
    direction = forms.ChoiceField(
        label="Which way is better?",
        choices=Direction.choices,
        widget=forms.RadioSelect,
        initial=Direction.HIGHER,
    )


class ObservationForm(forms.Form):
    value = forms.DecimalField(max_digits=12, decimal_places=2)
    observed_on = forms.DateField(label="Date", widget=DATE_WIDGET)
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=NOTE_MAX_LENGTH,
        required=False,
        help_text="Anything that helps read the number: a change of cohort, a new test, a school joining.",
    )

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["value"].label = f"Value ({indicator.unit})"
        self.fields[
            "observed_on"
        ].help_text = f"On or after the baseline date, {long_date(indicator.baseline_on)}."
