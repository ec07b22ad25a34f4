import re

from allauth.account.adapter import get_adapter
from allauth.account.forms import SignupForm as AllauthSignupForm

from django import forms
from django.urls import reverse

from core.schools.importers import MAX_URN
from core.schools.models import School
from core.schools.selectors import schools_matching

from .claims import is_claimed
from .models import User, WorkRole

LABELLED_URN = re.compile(r"\(URN (\d{1,9})\)$")


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name"]
        labels = {"first_name": "First name", "last_name": "Last name"}


class SignupForm(AllauthSignupForm):
    """allauth's sign-up, except that an address other accounts only listed unverified is free
    for its owner to sign up with (see core.accounts.claims)."""

    def validate_unique_email(self, value):
        if not is_claimed(value):
            self.account_already_exists = False
            return get_adapter().validate_unique_email(value)
        return super().validate_unique_email(value)


class OnboardingForm(forms.Form):
    """Name, role and school, the school found in the register by name or URN without JavaScript.

    The "school" box takes what the person types. A URN, or a name only one open school matches,
    is enough; when several match they are offered as choices ("school_choice") on the next
    round. Unbound (with `initial`), the form shows the matches for a search without judging
    the other fields.
    """

    first_name = forms.CharField(
        label="First name", max_length=150, error_messages={"required": "Enter your first name."}
    )
    last_name = forms.CharField(
        label="Last name", max_length=150, error_messages={"required": "Enter your last name."}
    )
    work_role = forms.ChoiceField(
        label="Your role",
        choices=WorkRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the role that describes your work."},
    )
    school = forms.CharField(
        label="Your school",
        required=False,
        max_length=255,
        help_text="Type its name, or its URN: the six-digit number from Get Information about "
        "Schools. Leave it empty if you do not work in a school.",
    )
    school_choice = forms.CharField(
        label="Choose your school", required=False, widget=forms.RadioSelect
    )

    def __init__(self, *args, person: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["school"].widget.attrs.update(autocomplete="off", spellcheck="false")
        self.person = person
        self.fields["school"].widget.attrs["data-school-search"] = reverse(
            "accounts_school_suggestions"
        )
        self.query = " ".join(str(self._raw("school") or "").split())
        self.matches = list(schools_for(self.query)) if self.query else []
        offered = list(self.matches)
        if person.school and person.school not in offered and self._offers_current_school():
            offered.insert(0, person.school)
        self.offered = offered
        self.fields["school_choice"].widget.choices = [
            (str(school.pk), school_label(school)) for school in offered
        ]

    def _raw(self, name):
        return self.data.get(name) if self.is_bound else self.initial.get(name)

    def _offers_current_school(self) -> bool:
        return self.query == self.person.school.name or not self.query

    def clean(self):
        data = super().clean()
        data["school"] = self._chosen_school()
        return data

    def _chosen_school(self):
        chosen = str(self.cleaned_data.get("school_choice") or "")
        for school in self.offered:
            if str(school.pk) == chosen:
                return school
        if not self.query:
            return None
        if urn := urn_in(self.query):
            return self._school_with_urn(urn)
        if len(self.matches) == 1:
            return self.matches[0]
        if not self.matches:
            self.add_error(
                "school",
                f"No open school in the register matches “{self.query}”. Check the spelling, "
                "or type its URN.",
            )
        else:
            self.add_error(
                "school",
                f"More than one school matches “{self.query}”: choose yours from the list.",
            )
        return None

    def _school_with_urn(self, urn: int):
        school = School.objects.filter(urn=urn).first() if urn <= MAX_URN else None
        if school is None:
            self.add_error(
                "school",
                f"No school in the register has the URN {urn}. Check the number, or type the "
                "school's name.",
            )
        return school


def urn_in(query: str) -> int | None:
    """The URN a person typed, alone or at the end of a suggestion's label ("… (URN 139876)")."""
    if query.isdigit() and query.isascii():
        return int(query)
    labelled = LABELLED_URN.search(query)
    return int(labelled.group(1)) if labelled else None


def schools_for(query: str):
    urn = urn_in(query)
    if urn is not None and not query.isdigit():
        return School.objects.filter(urn=urn, is_open=True) if urn <= MAX_URN else []
    return schools_matching(query)


def school_label(school: School) -> str:
    where = f", {school.town}" if school.town else ""
    return f"{school.name}{where} (URN {school.urn})"
