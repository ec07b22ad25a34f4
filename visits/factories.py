"""Factories for study visits, reused by the demo data.

They write rows directly (no notifications). `VisitOfferFactory(network=…)` is an open offer
with one host school of the network and no sessions; `VisitSessionFactory(offer=…)` a session a
fortnight ahead; `BookingFactory(session=…, network=…)` a place (pass `status=` for the waitlist).
A new session or booking refreshes its offer's listing columns, as the services do.
"""

from datetime import timedelta

import factory

from django.utils import timezone

from core.accounts.factories import UserFactory
from networks.factories import ActiveNetworkFactory, NetworkSchoolFactory, SchoolFactory

from .models import (
    Booking,
    BookingStatus,
    FocusQuestion,
    OfferStatus,
    ProposedSlot,
    Reflection,
    VisitOffer,
    VisitRequest,
    VisitSession,
)


def _future(days: int, hour: int = 9):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class VisitOfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VisitOffer
        skip_postgeneration_save = True

    network = factory.SubFactory(ActiveNetworkFactory)
    title = factory.Sequence(lambda n: f"Live feedback in Year 5, visit {n}")
    summary = "Two Year 5 classes using live verbal feedback instead of written marking."
    question = "How do we make feedback something pupils act on the same day?"
    places = 6
    status = OfferStatus.OPEN
    practical_info = "Sign in at reception from 8.30. Parking on the street."
    access_info = "Step-free entrance by the hall; hearing loop in the library."

    @factory.post_generation
    def host_schools(offer, create, extracted, **kwargs):
        if not create:
            return
        schools = extracted
        if schools is None:
            schools = [NetworkSchoolFactory(network=offer.network, school=SchoolFactory()).school]
        offer.host_schools.set(schools)

    @factory.post_generation
    def allowed_networks(offer, create, extracted, **kwargs):
        if create and extracted:
            offer.allowed_networks.set(extracted)


class VisitSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VisitSession

    offer = factory.SubFactory(VisitOfferFactory)
    starts_at = factory.LazyFunction(lambda: _future(14))
    ends_at = factory.LazyAttribute(lambda session: session.starts_at + timedelta(hours=6))
    host_school = factory.LazyAttribute(lambda session: session.offer.host_schools.first())

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        session = super()._create(model_class, *args, **kwargs)
        VisitOffer.objects.filter(pk=session.offer_id).refresh_listing()
        return session


class BookingFactory(factory.django.DjangoModelFactory):
    """A place; give `network` (the visitor's) or a new network is made."""

    class Meta:
        model = Booking

    session = factory.SubFactory(VisitSessionFactory)
    person = factory.SubFactory(UserFactory)
    network = factory.SubFactory(ActiveNetworkFactory)
    booked_by = factory.SelfAttribute("person")
    status = BookingStatus.BOOKED
    confirmed_at = factory.LazyFunction(timezone.now)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        booking = super()._create(model_class, *args, **kwargs)
        VisitOffer.objects.filter(sessions=booking.session_id).refresh_listing()
        return booking


class FocusQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusQuestion

    session = factory.SubFactory(VisitSessionFactory)
    text = "What do pupils do in the minute after they hear feedback?"
    added_by = factory.SubFactory(UserFactory)


class ReflectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reflection

    session = factory.SubFactory(VisitSessionFactory)
    author = factory.SubFactory(UserFactory)
    network = factory.SubFactory(ActiveNetworkFactory)
    what_we_saw = "Pupils rewriting a sentence straight after a thirty-second conversation."
    what_we_will_try = "Live feedback in one Year 4 class for half a term."
    questions = "How do they keep a record for parents?"
    usefulness = 4
    comment_for_hosts = "Thank you for opening your classrooms."


class VisitRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VisitRequest

    from_network = factory.SubFactory(ActiveNetworkFactory)
    to_network = factory.SubFactory(ActiveNetworkFactory)
    requested_by = factory.SubFactory(UserFactory)
    focus_question = "How do pupils lead their own learning in mixed-age classes?"
    hoping_to_learn = "How planning for three year groups at once is shared across schools."
    preferred_weeks = "Any week in May, not Fridays"
    visitors = 3


class ProposedSlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProposedSlot

    request = factory.SubFactory(VisitRequestFactory)
    starts_at = factory.LazyFunction(lambda: _future(21))
    ends_at = factory.LazyAttribute(lambda slot: slot.starts_at + timedelta(hours=5))
