"""Forms for study visits. They check the shape of what was typed; the rules live in the
services, whose refusals the views put back on the form (core.views.add_refusal_to_form)."""

from django import forms
from django.utils import timezone

from core.schools.models import School
from core.visibility import Visibility
from core.vocabulary import Phase, Region
from networks.models import NetworkPage, Theme

from .models import MAX_PLACES, MAX_VISITORS, Usefulness, VisitorRole
from .models.offers import OFFER_VISIBILITY_CHOICES
from .selectors import host_school_choices, linkable_artefacts
from .services import SessionTimes

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
SESSION_ROWS = 3


def datetime_field(label: str, *, required: bool = True, help_text: str = ""):
    return forms.DateTimeField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT),
    )


class SchoolChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, school):
        return f"{school.name}, {school.town}" if school.town else school.name


class SchoolsChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, school):
        return f"{school.name}, {school.town}" if school.town else school.name


def _school_queryset(network):
    return School.objects.filter(pk__in=host_school_choices(network).values("school_id")).order_by(
        "name"
    )


class OfferForm(forms.Form):
    title = forms.CharField(max_length=200)
    summary = forms.CharField(
        label="What visitors will see",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="The classrooms, practice and people visitors will meet.",
    )
    question = forms.CharField(
        label="The question it helps with",
        max_length=500,
        help_text="For example: “How do we make feedback something pupils act on?”",
    )
    theme = forms.ModelChoiceField(
        label="Focus theme", queryset=Theme.objects.all(), required=False, empty_label="None"
    )
    host_schools = SchoolsChoiceField(
        label="Host schools",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text="Their addresses come from the schools register.",
    )
    artefacts = forms.ModelMultipleChoiceField(
        label="Artefacts that show the practice",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    places = forms.IntegerField(label="Places per session", min_value=1, max_value=MAX_PLACES)
    waitlist = forms.BooleanField(
        label="Keep a waitlist when a session is full", required=False, initial=True
    )
    open_to_all_networks = forms.BooleanField(
        label="Any network may book", required=False, initial=True
    )
    allowed_networks = forms.ModelMultipleChoiceField(
        label="Only these networks may book",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Used when “Any network may book” is not ticked.",
    )
    booking_deadline = datetime_field(
        "Booking deadline (UK time)",
        required=False,
        help_text="Bookings close then, and always when a session starts.",
    )
    practical_info = forms.CharField(
        label="Practical information",
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Arrival, parking, safeguarding, what to bring.",
    )
    access_info = forms.CharField(
        label="Access information",
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Step-free access, hearing loops, quiet rooms, who to ask.",
    )
    visibility = forms.ChoiceField(
        label="Who may see the offer", choices=OFFER_VISIBILITY_CHOICES, initial=Visibility.PUBLIC
    )

    def __init__(self, *args, network, with_sessions: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network
        self.fields["host_schools"].queryset = _school_queryset(network)
        self.fields["artefacts"].queryset = linkable_artefacts(network)
        self.fields["allowed_networks"].queryset = (
            NetworkPage.objects.live().exclude(pk=network.pk).order_by("title")
        )
        self.with_sessions = with_sessions
        if with_sessions:
            for number in range(1, SESSION_ROWS + 1):
                required = number == 1
                self.fields[f"starts_at_{number}"] = datetime_field(
                    f"Session {number} starts (UK time)", required=required
                )
                self.fields[f"ends_at_{number}"] = datetime_field(
                    f"Session {number} ends (UK time)",
                    required=required,
                    help_text="A visit may run over several days."
                    if number == 1
                    else "Leave both empty for no further session.",
                )

    def clean(self):
        cleaned = super().clean()
        if self.with_sessions:
            for number in range(2, SESSION_ROWS + 1):
                start, end = cleaned.get(f"starts_at_{number}"), cleaned.get(f"ends_at_{number}")
                if bool(start) != bool(end):
                    self.add_error(
                        f"ends_at_{number}" if start else f"starts_at_{number}",
                        "Give both the start and the end, or neither.",
                    )
        return cleaned

    def offer_fields(self) -> dict:
        names = (
            "title",
            "summary",
            "question",
            "theme",
            "places",
            "waitlist",
            "open_to_all_networks",
            "booking_deadline",
            "practical_info",
            "access_info",
            "visibility",
        )
        return {name: self.cleaned_data[name] for name in names}

    def relations(self) -> dict:
        return {
            "host_schools": list(self.cleaned_data["host_schools"]),
            "artefacts": list(self.cleaned_data["artefacts"]),
            "allowed_networks": list(self.cleaned_data["allowed_networks"]),
        }

    def sessions(self) -> list[SessionTimes]:
        return [
            SessionTimes(self.cleaned_data[f"starts_at_{n}"], self.cleaned_data[f"ends_at_{n}"])
            for n in range(1, SESSION_ROWS + 1)
            if self.cleaned_data.get(f"starts_at_{n}")
        ]

    def add_refusal(self, error) -> None:
        """Put a service's refusal beside its field (a session's time on the first row)."""
        for name, message in error.field_errors.items():
            target = {"starts_at": "starts_at_1", "ends_at": "ends_at_1"}.get(name, name)
            if target == "host_school":
                target = "host_schools"
            self.add_error(target if target in self.fields else None, message)
        if not error.field_errors:
            self.add_error(None, error.message)

    @classmethod
    def initial_for(cls, offer) -> dict:
        return {
            "title": offer.title,
            "summary": offer.summary,
            "question": offer.question,
            "theme": offer.theme_id,
            "host_schools": list(offer.host_schools.all()),
            "artefacts": list(offer.artefacts.all()),
            "places": offer.places,
            "waitlist": offer.waitlist,
            "open_to_all_networks": offer.open_to_all_networks,
            "allowed_networks": list(offer.allowed_networks.all()),
            "booking_deadline": timezone.localtime(offer.booking_deadline)
            if offer.booking_deadline
            else None,
            "practical_info": offer.practical_info,
            "access_info": offer.access_info,
            "visibility": offer.visibility,
        }


class SessionForm(forms.Form):
    starts_at = datetime_field("Starts (UK time)")
    ends_at = datetime_field("Ends (UK time)", help_text="A visit may run over several days.")
    host_school = SchoolChoiceField(label="Host school", queryset=None, required=False)

    def __init__(self, *args, offer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host_school"].queryset = offer.host_schools.order_by("name")


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Why (the people who booked read this)",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class BookForm(forms.Form):
    """Which session, for which network, and (for a co-leader) for whom."""

    session = forms.IntegerField(widget=forms.HiddenInput)
    network = forms.ModelChoiceField(label="Visiting for", queryset=NetworkPage.objects.none())
    person = forms.IntegerField(required=False, widget=forms.HiddenInput)


class FilterForm(forms.Form):
    theme = forms.ChoiceField(label="Focus theme", required=False)
    region = forms.ChoiceField(label="Region", required=False)
    phase = forms.ChoiceField(label="Phase", required=False)
    date_from = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    has_places = forms.BooleanField(label="Only with places left", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", "Any")]
        self.fields["theme"].choices = anything + list(Theme.objects.values_list("slug", "name"))
        self.fields["region"].choices = anything + list(Region.choices)
        self.fields["phase"].choices = anything + list(Phase.choices)

    def filters(self) -> dict:
        """The valid filters; an unknown value is left out rather than failing the page."""
        self.is_valid()
        return {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if value and name not in self.errors
        }


class FocusQuestionForm(forms.Form):
    text = forms.CharField(label="A focus question", max_length=500)


class RolesForm(forms.Form):
    host_lead = forms.ModelChoiceField(
        label="Host lead", queryset=None, required=False, empty_label="Not named yet"
    )

    def __init__(self, *args, members, bookings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host_lead"].queryset = members
        self.fields["host_lead"].label_from_instance = lambda user: user.display_name
        self.bookings = list(bookings)
        for booking in self.bookings:
            self.fields[f"role_{booking.pk}"] = forms.ChoiceField(
                label=f"Role of {booking.person.display_name}",
                choices=VisitorRole.choices,
                initial=booking.role,
            )


class ReflectionForm(forms.Form):
    what_we_saw = forms.CharField(
        label="What we saw", max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    what_we_will_try = forms.CharField(
        label="What we will try", max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    questions = forms.CharField(
        label="Questions we still have",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    usefulness = forms.TypedChoiceField(
        label="How useful was the visit?",
        choices=Usefulness.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment_for_hosts = forms.CharField(
        label="A comment for the hosts",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The hosts read this with your rating.",
    )


class RequestForm(forms.Form):
    from_network = forms.ModelChoiceField(label="Your network", queryset=None)
    to_network = forms.ModelChoiceField(label="The network you would like to visit", queryset=None)
    focus_question = forms.CharField(label="Focus question", max_length=500)
    hoping_to_learn = forms.CharField(
        label="What you hope to learn", max_length=3000, widget=forms.Textarea(attrs={"rows": 4})
    )
    preferred_weeks = forms.CharField(
        label="Preferred weeks",
        max_length=300,
        help_text="For example: “w/c 12 or 19 April, not Fridays”.",
    )
    visitors = forms.IntegerField(label="Number of visitors", min_value=1, max_value=MAX_VISITORS)
    theme = forms.ModelChoiceField(
        label="Focus theme", queryset=Theme.objects.all(), required=False, empty_label="None"
    )

    def __init__(self, *args, led, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from_network"].queryset = led
        self.fields["to_network"].queryset = (
            NetworkPage.objects.live().exclude(status="closed").order_by("title")
        )


class ProposeForm(forms.Form):
    note = forms.CharField(label="A note for the visitors", required=False, max_length=300)

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        schools = _school_queryset(network)
        for number in range(1, SESSION_ROWS + 1):
            required = number == 1
            self.fields[f"starts_at_{number}"] = datetime_field(
                f"Option {number} starts (UK time)", required=required
            )
            self.fields[f"ends_at_{number}"] = datetime_field(
                f"Option {number} ends (UK time)", required=required
            )
            self.fields[f"host_school_{number}"] = SchoolChoiceField(
                label=f"Option {number} host school", queryset=schools, required=False
            )

    def slots(self) -> list[SessionTimes]:
        return [
            SessionTimes(
                self.cleaned_data[f"starts_at_{n}"],
                self.cleaned_data[f"ends_at_{n}"],
                self.cleaned_data.get(f"host_school_{n}"),
            )
            for n in range(1, SESSION_ROWS + 1)
            if self.cleaned_data.get(f"starts_at_{n}") and self.cleaned_data.get(f"ends_at_{n}")
        ]


class AcceptForm(forms.Form):
    slot = forms.ModelChoiceField(
        label="The session you pick", queryset=None, widget=forms.RadioSelect
    )
    visitors = forms.ModelMultipleChoiceField(
        label="Who will visit", queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, slots, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = slots
        self.fields["slot"].label_from_instance = lambda slot: " ".join(
            part
            for part in (
                timezone.localtime(slot.starts_at).strftime("%A %-d %B %Y, %H:%M"),
                "to",
                timezone.localtime(slot.ends_at).strftime("%A %-d %B %Y, %H:%M"),
                f"at {slot.host_school.name}" if slot.host_school_id else "",
                f"({slot.note})" if slot.note else "",
            )
            if part
        )
        self.fields["visitors"].queryset = members
        self.fields["visitors"].label_from_instance = lambda user: user.display_name


ATTENDED, ABSENT = "attended", "absent"


class AttendanceForm(forms.Form):
    """One question per booked visitor: did they come? Left unanswered stays unmarked."""

    def __init__(self, *args, bookings, **kwargs):
        super().__init__(*args, **kwargs)
        self.bookings = list(bookings)
        for booking in self.bookings:
            self.fields[f"attended_{booking.pk}"] = forms.ChoiceField(
                label=f"{booking.person.display_name} ({booking.network.title})",
                choices=[(ATTENDED, "Attended"), (ABSENT, "Did not attend")],
                widget=forms.RadioSelect,
                required=False,
                initial={True: ATTENDED, False: ABSENT}.get(booking.attended),
            )

    def attended(self) -> dict[int, bool]:
        """{booking id: attended} for the visitors answered."""
        answers = {
            booking.pk: self.cleaned_data.get(f"attended_{booking.pk}") for booking in self.bookings
        }
        return {pk: answer == ATTENDED for pk, answer in answers.items() if answer}
