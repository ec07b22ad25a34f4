"""Reads about study visits, each shaped (select_related, prefetch) for where it is shown, so a
page runs the same number of queries whatever the number of offers, sessions or bookings."""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils import timezone

from artefacts.models import ArtefactPage
from core.pagecache import kept_with_page, page_path
from core.visibility import Visibility
from networks.models import Membership, NetworkPage, Role
from networks.permissions import roles_by_network
from networks.selectors import current_school_links

from .models import (
    LISTED_STATUSES,
    Booking,
    BookingStatus,
    OfferStatus,
    ProposedSlot,
    Reflection,
    SessionStatus,
    VisitOffer,
    VisitRequest,
    VisitSession,
)
from .permissions import reads_members_only

# --- Listing open offers --------------------------------------------------------------------------


def _local_midnight(day) -> datetime:
    """The start of a day in the site's time (Europe/London), as an aware moment."""
    return timezone.make_aware(datetime.combine(day, time.min))


def _sessions_to_come(now, *, date_from=None, date_to=None, has_places: bool = False):
    """The offer's (OuterRef) scheduled sessions still to come, on those days, with a place."""
    sessions = VisitSession.objects.filter(
        offer=OuterRef("pk"), status=SessionStatus.SCHEDULED, starts_at__gt=now
    )
    # Ranges of moments rather than `__date`, so the database compares the indexed column.
    if date_from:
        sessions = sessions.filter(starts_at__gte=_local_midnight(date_from))
    if date_to:
        sessions = sessions.filter(starts_at__lt=_local_midnight(date_to + timedelta(days=1)))
    if has_places:
        taken = (
            Booking.objects.filter(session=OuterRef("pk"), status=BookingStatus.BOOKED)
            .order_by()
            .values("session")
            .annotate(n=Count("pk"))
            .values("n")
        )
        sessions = sessions.annotate(taken=Coalesce(Subquery(taken), 0)).filter(
            taken__lt=F("offer__places")
        )
    return sessions


def open_offers(
    *,
    user,
    theme: str = "",
    region: str = "",
    phase: str = "",
    date_from=None,
    date_to=None,
    has_places: bool = False,
):
    """Offers open to booking (or full, for the waitlist) that this person may read, with a
    session still to come, soonest first. Region and phase match through the host schools;
    the dates through the sessions; `has_places` keeps offers with a session not yet full.

    Without dates it filters and sorts on the offer's listing columns (`VisitOffer.
    refresh_listing`); only an offer whose soonest session has started since they were worked
    out has its next one looked up. With dates it looks at the sessions on those days."""
    now = timezone.now()
    if date_from and _local_midnight(date_from) <= now:
        date_from = None  # every session still to come starts after it
    offers = VisitOffer.objects.listed().with_sessions_to_come(now, with_places=has_places)
    if not reads_members_only(user):
        offers = offers.filter(visibility=Visibility.PUBLIC)
    if theme:
        offers = offers.filter(theme__slug=theme)
    if region:
        offers = offers.filter(Exists(_host_schools_where(region=region)))
    if phase:
        offers = offers.filter(Exists(_host_schools_where(phase=phase)))
    sessions = _sessions_to_come(now, date_from=date_from, date_to=date_to, has_places=has_places)
    looked_up = Subquery(sessions.order_by("starts_at").values("starts_at")[:1])
    if date_from or date_to:
        offers = offers.filter(Exists(sessions))
        next_start = looked_up
    else:
        column = "next_open_session_start" if has_places else "next_session_start"
        next_start = Case(When(**{f"{column}__gt": now}, then=F(column)), default=looked_up)
    return offers.annotate(next_start=next_start).order_by("next_start", "pk")


def soonest_session_start():
    """When the next scheduled session of any offer starts (None if none is to come): until
    then, time alone changes nothing the listing shows. One query, on the indexed start."""
    return (
        VisitSession.objects.filter(status=SessionStatus.SCHEDULED, starts_at__gt=timezone.now())
        .order_by("starts_at")
        .values_list("starts_at", flat=True)
        .first()
    )


def _host_schools_where(**school_fields):
    lookups = {f"school__{name}": value for name, value in school_fields.items()}
    return VisitOffer.host_schools.through.objects.filter(visitoffer_id=OuterRef("pk"), **lookups)


def offer_cards(ids) -> list:
    """The offers of one page of the listing, by id, in that order, with what their cards show.
    Four queries however many."""
    by_id = VisitOffer.objects.select_related("network", "theme").in_bulk(ids)
    return prefetch_offer_cards([by_id[pk] for pk in ids if pk in by_id])


def prefetch_offer_cards(offers) -> list:
    """Load what the offer cards show for one page of offers: three queries however many."""
    offers = list(offers)
    prefetch_related_objects(
        offers,
        "host_schools",
        Prefetch(
            "sessions",
            queryset=VisitSession.objects.filter(
                status=SessionStatus.SCHEDULED, starts_at__gt=timezone.now()
            )
            .with_counts()
            .order_by("starts_at"),
            to_attr="upcoming",
        ),
    )
    for offer in offers:
        offer.places_left = sum(max(offer.places - s.booked_count, 0) for s in offer.upcoming)
        offer.regions = sorted({s.region for s in offer.host_schools.all() if s.region})
    return offers


# --- One offer ------------------------------------------------------------------------------------


def offer_sessions(offer, user):
    """The offer's sessions by date, each with `booked_count`, `waiting_count` and its booked
    bookings (what visits.permissions asks about participants), and the person's own active
    bookings by session id. Two queries, however many sessions and bookings."""
    sessions = list(
        VisitSession.objects.filter(offer=offer)
        .select_related("host_school")
        .order_by("starts_at", "pk")
    )
    by_id = {session.pk: session for session in sessions}
    for session in sessions:
        session.offer = offer
        session.booked_count = session.waiting_count = 0
        session.__dict__["_visiting_bookings"] = []
    mine = {}
    for booking in Booking.objects.active().filter(session_id__in=by_id).order_by("pk"):
        session = booking.session = by_id[booking.session_id]
        if booking.status == BookingStatus.BOOKED:
            session.booked_count += 1
            session.__dict__["_visiting_bookings"].append(booking)
        else:
            session.waiting_count += 1
        if booking.person_id == user.pk:
            mine[session.pk] = booking
    return sessions, mine


def remember_my_roles(user, networks=()) -> None:
    """Load the person's role in every network they belong to (one query, kept on the user), so
    the permission checks a page makes for many sessions and networks ask nothing more."""
    roles_by_network(user)


def networks_of(user):
    """The live networks the person belongs to now, by title, with their role as `my_role`.
    One query, after the roles that the permission checks load once per request."""
    roles = roles_by_network(user)
    if not roles:
        return []
    networks = list(NetworkPage.objects.live().filter(pk__in=roles).order_by("title"))
    for network in networks:
        network.my_role = roles[network.pk]
    return networks


def colleagues_in(networks) -> list:
    """Current members of the networks a co-leader books for (already loaded), by network
    title and name. One query."""
    by_id = {network.pk: network for network in networks}
    memberships = list(
        Membership.objects.current()
        .filter(network_id__in=by_id)
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "pk")
    )
    for membership in memberships:
        membership.network = by_id[membership.network_id]
    return sorted(memberships, key=lambda membership: membership.network.title)


def session_bookings(session):
    return (
        Booking.objects.active()
        .filter(session=session)
        .select_related("person", "network")
        .order_by("status", "created_at", "pk")
    )


def linkable_artefacts(network):
    """The network's published artefacts an offer may link to."""
    return ArtefactPage.objects.live().filter(network=network).order_by("title")


def offer_artefacts(offer):
    return list(offer.artefacts.live().order_by("title"))


def offer_about(offer) -> dict:
    """What the offer's page shows the same to everyone who may read it: the host schools (as
    the register has them) and the artefacts to read before going, as plain values that can be
    kept in the cache. Two queries."""
    return {
        "host_schools": list(offer.host_schools.order_by("name")),
        "artefacts": [
            {"title": artefact.title, "url": artefact.url} for artefact in offer_artefacts(offer)
        ],
    }


def host_school_choices(network):
    return current_school_links(network).order_by("school__name")


# --- /visits/mine/ ----------------------------------------------------------------------------


@dataclass
class MyVisits:
    hosting: list = field(default_factory=list)  # sessions the person hosts, still to come
    attending: list = field(default_factory=list)  # their booked places, still to come
    waiting: list = field(default_factory=list)  # their places on a waitlist
    reflections_owed: list = field(default_factory=list)  # bookings of ended visits to reflect on
    past: list = field(default_factory=list)  # bookings of ended visits, reflected on


def my_visits(user) -> MyVisits:
    """Everything a person hosts, attends, waits for, and still has to reflect on. Four queries."""
    now = timezone.now()
    mine = MyVisits()
    led = Membership.objects.co_leaders().filter(user=user).values("network_id")
    mine.hosting = list(
        VisitSession.objects.filter(ends_at__gt=now)
        .filter(Q(offer__network_id__in=led) | Q(host_lead=user))
        .exclude(offer__status=OfferStatus.DRAFT)
        .with_counts()
        .select_related("offer__network", "host_school")
        .order_by("starts_at")
    )
    bookings = list(
        Booking.objects.active()
        .filter(person=user)
        .select_related("session__offer__network", "session__host_school", "network")
        .order_by("session__starts_at")
    )
    reflected = set(Reflection.objects.filter(author=user).values_list("session_id", flat=True))
    for booking in bookings:
        session = booking.session
        if booking.status == BookingStatus.WAITLISTED:
            if session.ends_at > now:
                mine.waiting.append(booking)
        elif session.ends_at > now:
            mine.attending.append(booking)
        elif session.is_cancelled:
            continue
        elif session.pk in reflected:
            mine.past.append(booking)
        else:
            mine.reflections_owed.append(booking)
    return mine


# --- Requests -----------------------------------------------------------------------------------


def requests_for(user) -> dict[str, list]:
    """Requests received by and made by the networks the person co-leads or belongs to."""
    network_ids = Membership.objects.network_ids_of(user)
    shaped = VisitRequest.objects.select_related(
        "from_network", "to_network", "requested_by"
    ).order_by("-created_at")
    return {
        "received": list(shaped.filter(to_network_id__in=network_ids)),
        "made": list(shaped.filter(from_network_id__in=network_ids)),
    }


def slots_of(visit_request):
    return ProposedSlot.objects.filter(request=visit_request).select_related("host_school")


def led_networks(user, *, besides=None):
    """The live, open networks the person co-leads (where they may offer and ask for visits),
    other than `besides`. No query for the many who lead no other network."""
    led = {pk for pk, role in roles_by_network(user).items() if role == Role.CO_LEADER}
    led.discard(getattr(besides, "pk", None))
    if not led:
        return NetworkPage.objects.none()
    return NetworkPage.objects.live().filter(pk__in=led).exclude(status="closed").order_by("title")


# --- The network profile section ----------------------------------------------------------------


def network_visit_summary(network, user, *, limit: int = 4, counts: dict | None = None) -> dict:
    """Open offers of the network (the first few), and how many visits it hosted and made (read
    here unless given, from `network_visit_counts`). Two queries.

    The offers are the same for everyone who reads offers as this person does (members only or
    public), so they are kept with the profile (core.pagecache: an offer, session or booking
    purges it) until the soonest of their next sessions starts."""
    offers = kept_with_page(
        page_path(network),
        f"offers:{'members' if reads_members_only(user) else 'public'}",
        lambda: list(
            open_offers(user=user).filter(network=network).select_related("theme")[: limit + 1]
        ),
        until=lambda offers: min((offer.next_start for offer in offers), default=None),
    )
    counts = counts if counts is not None else network_visit_counts(network)
    return {
        "offers": offers[:limit],
        "has_more": len(offers) > limit,
        "hosted": counts["hosted"],
        "made": counts["made"],
    }


def network_visit_counts(network) -> dict:
    """How many visits the network hosted and made, the same for everyone. One query."""
    now = timezone.now()
    # Both counts in one query: a visit hosted is a (session, visiting network) pair.
    counts = (
        Booking.objects.of_study_visits()
        .filter(
            Q(session__offer__network=network) | Q(network=network),
            status=BookingStatus.BOOKED,
            session__status=SessionStatus.SCHEDULED,
            session__ends_at__lte=now,
        )
        .aggregate(
            hosted=Count(
                Concat(
                    Cast("session_id", CharField()), Value(":"), Cast("network_id", CharField())
                ),
                distinct=True,
                filter=Q(session__offer__network=network),
            ),
            made=Count("session_id", distinct=True, filter=Q(network=network)),
        )
    )
    return {"hosted": counts["hosted"], "made": counts["made"]}


# --- Calendars ----------------------------------------------------------------------------------


def _calendar_shape(sessions):
    return sessions.select_related("offer__network", "host_school").order_by("starts_at", "pk")


def calendar_sessions_of(user):
    """Every session the person hosts or has a place (or waits) on, cancelled ones included so
    calendars mark them; drafts excluded."""
    led = Membership.objects.co_leaders().filter(user=user).values("network_id")
    booked = Booking.objects.active().filter(person=user).values("session_id")
    sessions = VisitSession.objects.filter(
        Q(pk__in=booked) | Q(offer__network_id__in=led) | Q(host_lead=user)
    ).exclude(offer__status=OfferStatus.DRAFT)
    return _calendar_shape(sessions.distinct())


def network_calendar_sessions(network):
    """The network's public feed: sessions of its open (or full) public offers still to come,
    and those cancelled, so subscribed calendars drop them."""
    now = timezone.now()
    sessions = (
        VisitSession.objects.of_study_visits()
        .filter(
            offer__network=network,
            offer__visibility=Visibility.PUBLIC,
            offer__from_request__isnull=True,
            ends_at__gt=now,
        )
        .filter(Q(offer__status__in=LISTED_STATUSES) | Q(status=SessionStatus.CANCELLED))
    )
    return _calendar_shape(sessions.exclude(offer__status=OfferStatus.DRAFT))


# --- Conflicts of interest ----------------------------------------------------------------------


def study_visit_contacts(network, since) -> set[int]:
    """Ids of the people who visited or hosted this network's study visits in sessions that
    started since `since` (cancelled sessions and places do not count): the visitors it hosted,
    and, for its visits to others, their hosts (the host lead and the host network's current
    co-leaders, as `permissions.is_host`). Three queries."""
    taking_part = Booking.objects.of_study_visits().filter(
        status=BookingStatus.BOOKED,
        session__status=SessionStatus.SCHEDULED,
        session__starts_at__gte=since,
    )
    visitors = taking_part.filter(session__offer__network=network).values_list(
        "person_id", flat=True
    )
    visited = list(
        taking_part.filter(network=network).values_list(
            "session__host_lead_id", "session__offer__network_id"
        )
    )
    host_leaders = Membership.objects.co_leaders().filter(
        network_id__in={network_id for _lead, network_id in visited}
    )
    return (
        set(visitors)
        | {lead for lead, _network_id in visited if lead is not None}
        | set(host_leaders.values_list("user_id", flat=True))
    )
