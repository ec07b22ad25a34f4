"""The study visits' sections of a person's home (core.home): the visits they host or have a
place on, and the reflections they still owe. One query each."""

from django.db.models import Exists, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from core.home import HomeItem, HomeSection, first_and_count
from networks.models import Role
from networks.permissions import roles_by_network

from .models import (
    Booking,
    BookingStatus,
    OfferStatus,
    Reflection,
    SessionStatus,
    VisitSession,
)


def _when(moment) -> str:
    return f"{timezone.localtime(moment):%-d %B %Y, %H:%M}"


def visits_section(user) -> HomeSection:
    """Sessions still to come that the person hosts (as a co-leader of the host network or as
    the host lead) or has a place on, soonest first."""
    led = [pk for pk, role in roles_by_network(user).items() if role == Role.CO_LEADER]
    my_places = Booking.objects.active().filter(person=user, session=OuterRef("pk"))
    sessions, count = first_and_count(
        VisitSession.objects.filter(ends_at__gt=timezone.now(), status=SessionStatus.SCHEDULED)
        .exclude(offer__status=OfferStatus.DRAFT)
        .filter(Q(offer__network_id__in=led) | Q(host_lead=user) | Exists(my_places))
        .annotate(my_place=Subquery(my_places.values("status")[:1]))
        .select_related("offer__network")
        .order_by("starts_at", "pk")
    )
    return HomeSection(
        key="visits",
        title="Your study visits",
        count=count,
        items=[
            HomeItem(
                label=session.offer.title,
                url=_url_for(session),
                meta=f"{_role_in(session)} · {session.offer.network.title} · "
                f"{_when(session.starts_at)}",
            )
            for session in sessions
        ],
        empty_text="You are not hosting or booked on a study visit.",
        link=reverse("visits:mine"),
        link_text="All your visits",
    )


def _url_for(session) -> str:
    """A place on the waitlist does not open the visit's own page: its offer says the rest."""
    if session.my_place == BookingStatus.WAITLISTED:
        return reverse("visits:offer", kwargs={"offer_id": session.offer_id})
    return session.get_absolute_url()


def _role_in(session) -> str:
    if session.my_place:
        return BookingStatus(session.my_place).label
    return "Hosting"


def reflections_section(user) -> HomeSection | None:
    """Visits the person took part in that have ended and that they have not reflected on.
    Left out for someone who has none."""
    bookings, count = first_and_count(
        Booking.objects.filter(
            person=user,
            status=BookingStatus.BOOKED,
            session__ends_at__lte=timezone.now(),
            session__status=SessionStatus.SCHEDULED,
        )
        .exclude(Exists(Reflection.objects.filter(author=user, session_id=OuterRef("session_id"))))
        .select_related("session__offer__network")
        .order_by("-session__ends_at", "pk")
    )
    if not count:
        return None
    return HomeSection(
        key="reflections",
        title="Reflections you owe",
        count=count,
        items=[
            HomeItem(
                label=f"Reflect on {booking.session.offer.title}",
                url=reverse("visits:reflect", kwargs={"session_id": booking.session_id}),
                meta=f"{booking.session.offer.network.title} · visited "
                f"{_when(booking.session.starts_at)}",
            )
            for booking in bookings
        ],
        link=reverse("visits:mine"),
        link_text="All your visits",
    )
