"""The cached pages a study-visit offer appears on (core.pagecache): its own page, the list of
offers, home (upcoming visits) and its network's profile. A session or a booking (places left)
purges its offer's pages; an artefact or a network purges the offers that show it; a theme or
a school purges them all."""

from django.urls import reverse

from artefacts.models import ArtefactPage
from core.pagecache import page_path, subtree, touches
from core.schools.models import School
from networks.models import NetworkPage, NetworkSchool, Theme

from .models import Booking, VisitOffer, VisitSession

HOME = "/"


def offer_shown_on(offer: VisitOffer) -> list[str]:
    network = NetworkPage.objects.filter(pk=offer.network_id).first()
    return [
        reverse("visits:offer", kwargs={"offer_id": offer.pk}),
        reverse("visits:index"),
        HOME,
        page_path(network),
    ]


def session_shown_on(session: VisitSession) -> list[str]:
    offer = VisitOffer.objects.filter(pk=session.offer_id).first()
    return offer_shown_on(offer) if offer else []


def booking_shown_on(booking: Booking) -> list[str]:
    """Its offer's pages, and the visiting network's profile (the visits it made)."""
    offer = VisitOffer.objects.filter(sessions=booking.session_id).first()
    visiting = NetworkPage.objects.filter(pk=booking.network_id).first()
    return [*(offer_shown_on(offer) if offer else []), page_path(visiting)]


def offers_showing(queryset) -> list[str]:
    return [
        reverse("visits:offer", kwargs={"offer_id": pk})
        for pk in queryset.values_list("pk", flat=True)
    ]


def artefact_shown_on(artefact: ArtefactPage) -> list[str]:
    return offers_showing(VisitOffer.objects.filter(artefacts=artefact.pk)) if artefact.pk else []


def network_shown_on(network: NetworkPage) -> list[str]:
    """A network's name is on its offers' cards and pages."""
    return [reverse("visits:index"), *offers_showing(VisitOffer.objects.filter(network=network))]


def everything_under_visits(_row) -> list[str]:
    """Themes and schools (names, regions, phases) are on the filters, the cards and the offer
    pages; which schools are in networks is on the filters. Rare changes: purge every page."""
    return [subtree(reverse("visits:index"))]


def register() -> None:
    touches(VisitOffer)(offer_shown_on)
    touches(VisitSession)(session_shown_on)
    touches(Booking)(booking_shown_on)
    touches(ArtefactPage)(artefact_shown_on)
    touches(NetworkPage)(network_shown_on)
    for model in (Theme, School, NetworkSchool):
        touches(model)(everything_under_visits)
