"""Demo study visits: offers in every state, requests in every state, and a calendar feed for
each demo login. Built with the factories on the demo networks; a second run adds nothing
(everything is looked up by its title first).

The demo teacher (Amira, Mersey) has a place on an open visit, waits on a full one, and owes a
reflection; the demo co-leader (Tom, Mersey) hosts a visit that took place, with reflections and
ratings, has a draft offer, a request to answer and a proposal to pick from.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.accounts.demo import DEMO_LOGINS
from core.demo_dates import between
from networks.models import Membership, NetworkPage, NetworkSchool, Role, Theme

from .factories import (
    BookingFactory,
    FocusQuestionFactory,
    ProposedSlotFactory,
    ReflectionFactory,
    VisitOfferFactory,
    VisitRequestFactory,
    VisitSessionFactory,
)
from .models import (
    Booking,
    BookingStatus,
    FocusQuestion,
    OfferStatus,
    Reflection,
    RequestStatus,
    VisitOffer,
    VisitRequest,
    VisitSession,
)
from .services import ensure_feed

MERSEY = "Mersey Learning Partnership"
PENNINE = "Pennine Enquiry Network"
BLACK_COUNTRY = "Black Country Transition Collaborative"
BIRMINGHAM = "Birmingham Pupil Voice Network"
THAMES = "Thames Gateway Literacy Network"
CORNWALL = "Cornwall Rural Schools Network"


def _day(days: int, hour: int = 9):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class _World:
    def __init__(self):
        self.networks = {n.title: n for n in NetworkPage.objects.all()}
        self.themes = {t.name: t for t in Theme.objects.all()}
        self.people = {}
        for m in Membership.objects.current().select_related("user").order_by("pk"):
            self.people.setdefault(m.network_id, []).append(m)
        self.schools = {}
        for link in NetworkSchool.objects.filter(left_on__isnull=True).select_related("school"):
            self.schools.setdefault(link.network_id, []).append(link.school)
        users = get_user_model().objects.filter(email__in=[d.email for d in DEMO_LOGINS])
        self.logins = {user.email: user for user in users}

    def co_leaders(self, title):
        network = self.networks[title]
        return [m.user for m in self.people.get(network.pk, []) if m.role == Role.CO_LEADER]

    def members(self, title):
        network = self.networks[title]
        return [m.user for m in self.people.get(network.pk, []) if m.role == Role.MEMBER]

    def school(self, title):
        return self.schools[self.networks[title].pk][0]

    @property
    def teacher(self):
        return self.logins.get("teacher@example.org")

    @property
    def co_leader(self):
        return self.logins.get("coleader@example.org")


def seed(log) -> None:
    world = _World()
    needed = (MERSEY, PENNINE, BLACK_COUNTRY, BIRMINGHAM, THAMES, CORNWALL)
    if any(title not in world.networks for title in needed) or world.teacher is None:
        log("the demo networks are missing; no study visits added")
        return
    made = 0
    earlier = set(VisitOffer.objects.values_list("pk", flat=True))
    for build in (_open, _full, _past, _owed, _cancelled, _closed, _draft):
        made += build(world)
    requests = _requests(world)
    for offer in VisitOffer.objects.exclude(pk__in=earlier).order_by("pk"):
        _date_history(offer)
    for login in world.logins.values():
        ensure_feed(user=login)
    log(
        f"{made} offers added, {VisitOffer.objects.count()} in all; {requests} requests added; "
        f"a calendar feed for each of the {len(world.logins)} demo logins"
    )


def _offer(world, title, network, **fields):
    if VisitOffer.objects.filter(title=title).exists():
        return None
    return VisitOfferFactory(
        title=title,
        network=world.networks[network],
        host_schools=[world.school(network)],
        created_by=world.co_leaders(network)[0],
        **fields,
    )


def _open(world) -> int:
    offer = _offer(
        world,
        "Cross-school enquiry trios in action",
        PENNINE,
        summary="Watch a trio of teachers from three valley schools observe one lesson, then "
        "join their forty-minute enquiry conversation afterwards.",
        question="How do small schools run teacher enquiry without a research lead each?",
        theme=world.themes.get("Enquiry-based professional learning"),
        places=8,
    )
    if offer is None:
        return 0
    first = VisitSessionFactory(offer=offer, starts_at=_day(21), ends_at=_day(21, 15))
    VisitSessionFactory(offer=offer, starts_at=_day(35), ends_at=_day(36, 13))
    BookingFactory(session=first, person=world.teacher, network=world.networks[MERSEY])
    for person in world.members(THAMES)[:2]:
        BookingFactory(session=first, person=person, network=world.networks[THAMES])
    FocusQuestionFactory(
        session=first,
        added_by=world.teacher,
        text="What does the trio write down during the observation?",
    )
    return 1


def _full(world) -> int:
    offer = _offer(
        world,
        "Pupil researchers observe lessons",
        BIRMINGHAM,
        summary="Year 6 pupil researchers observe a lesson in a partner school and feed back to "
        "the teacher, with their own observation schedule.",
        question="What do pupils notice about learning that teachers miss?",
        theme=world.themes.get("Pupil voice"),
        places=3,
        status=OfferStatus.FULL,
    )
    if offer is None:
        return 0
    session = VisitSessionFactory(offer=offer, starts_at=_day(14), ends_at=_day(14, 14))
    for person in world.members(PENNINE)[:3]:
        BookingFactory(session=session, person=person, network=world.networks[PENNINE])
    for person in (world.members(CORNWALL)[0], world.teacher):
        network = MERSEY if person == world.teacher else CORNWALL
        BookingFactory(
            session=session,
            person=person,
            network=world.networks[network],
            status=BookingStatus.WAITLISTED,
            confirmed_at=None,
        )
    return 1


def _past(world) -> int:
    offer = _offer(
        world,
        "Live feedback in Years 4 to 6",
        MERSEY,
        summary="Three classes giving spoken feedback during lessons instead of written marking.",
        question="How do we make feedback something pupils act on the same day?",
        theme=world.themes.get("Assessment for learning"),
        places=6,
        status=OfferStatus.COMPLETED,
    )
    if offer is None:
        return 0
    session = VisitSessionFactory(offer=offer, starts_at=_day(-20), ends_at=_day(-20, 15))
    session.host_lead = world.co_leader
    session.save(update_fields=["host_lead"])
    FocusQuestionFactory(
        session=session,
        added_by=world.co_leader,
        agreed_by=world.co_leaders(PENNINE)[0],
        agreed_at=_day(-25),
        text="What do pupils do in the minute after they hear feedback?",
    )
    visitors = [(p, PENNINE) for p in world.members(PENNINE)[:2]] + [
        (p, BLACK_COUNTRY) for p in world.members(BLACK_COUNTRY)[:2]
    ]
    notes = [
        ("Pupils rewrote a sentence within a minute of a thirty-second conversation.", 5),
        ("Feedback codes on the board that pupils used without asking.", 4),
        ("Teachers circulating with a visualiser, sharing one pupil's edit with the class.", 4),
        ("Less marking at home, but the younger pupils needed the codes explained twice.", 3),
    ]
    for (person, network), (saw, rating) in zip(visitors, notes, strict=True):
        BookingFactory(
            session=session,
            person=person,
            network=world.networks[network],
            attended=True,
            attendance_marked_at=_day(-20, 16),
            attendance_marked_by=world.co_leader,
        )
        ReflectionFactory(
            session=session,
            author=person,
            network=world.networks[network],
            what_we_saw=saw,
            usefulness=rating,
        )
    return 1


def _owed(world) -> int:
    offer = _offer(
        world,
        "Talk for writing in the early years",
        THAMES,
        summary="Nursery and Reception classes building oral stories before any writing.",
        question="How does talk come before writing for pupils new to English?",
        theme=world.themes.get("Early years"),
        places=5,
        status=OfferStatus.COMPLETED,
    )
    if offer is None:
        return 0
    session = VisitSessionFactory(offer=offer, starts_at=_day(-6), ends_at=_day(-6, 13))
    BookingFactory(session=session, person=world.teacher, network=world.networks[MERSEY])
    return 1


def _cancelled(world) -> int:
    offer = _offer(
        world,
        "Planning for mixed-age classes",
        CORNWALL,
        summary="Three-class schools planning one sequence for Years 3 to 6.",
        question="How do pupils in mixed-age classes plan and check their own learning?",
        theme=world.themes.get("Metacognition"),
        places=4,
        status=OfferStatus.CANCELLED,
    )
    if offer is None:
        return 0
    session = VisitSessionFactory(
        offer=offer,
        starts_at=_day(10),
        ends_at=_day(10, 15),
        status="cancelled",
        cancelled_reason="The host school's building works overran; we will offer new dates.",
        sequence=1,
    )
    BookingFactory(
        session=session, person=world.members(BIRMINGHAM)[0], network=world.networks[BIRMINGHAM]
    )
    return 1


def _closed(world) -> int:
    offer = _offer(
        world,
        "Bridging units between Year 6 and Year 7",
        BLACK_COUNTRY,
        summary="A secondary English teacher teaching the bridging unit in a primary class.",
        question="What helps pupils carry their learning across the move to secondary school?",
        theme=world.themes.get("Transition"),
        places=4,
        status=OfferStatus.CLOSED,
    )
    if offer is None:
        return 0
    VisitSessionFactory(offer=offer, starts_at=_day(28), ends_at=_day(28, 15))
    return 1


def _draft(world) -> int:
    offer = _offer(
        world,
        "Peer feedback with success criteria",
        MERSEY,
        summary="Year 8 pupils giving each other feedback against co-written success criteria.",
        question="When does peer feedback help, and when does it only feel helpful?",
        theme=world.themes.get("Assessment for learning"),
        places=6,
        status=OfferStatus.DRAFT,
    )
    if offer is None:
        return 0
    VisitSessionFactory(offer=offer, starts_at=_day(42), ends_at=_day(42, 15))
    return 1


def _request(world, from_title, to_title, focus, status, **fields):
    if VisitRequest.objects.filter(focus_question=focus).exists():
        return None
    return VisitRequestFactory(
        from_network=world.networks[from_title],
        to_network=world.networks[to_title],
        requested_by=world.co_leaders(from_title)[0],
        focus_question=focus,
        status=status,
        **fields,
    )


def _requests(world) -> int:
    made = 0
    if _request(
        world,
        CORNWALL,
        MERSEY,
        "How do you keep live feedback going with supply teachers?",
        RequestStatus.PENDING,
        hoping_to_learn="How the routines survive when the class teacher is away.",
        preferred_weeks="Any week after half term, not Mondays",
        visitors=3,
    ):
        made += 1
    proposed = _request(
        world,
        MERSEY,
        BIRMINGHAM,
        "How do pupil researchers report back to teachers?",
        RequestStatus.PROPOSED,
        hoping_to_learn="How pupils' findings are shared without upsetting colleagues.",
        preferred_weeks="w/c 9 or 16 March",
        visitors=2,
        answered_by=world.co_leaders(BIRMINGHAM)[0],
    )
    if proposed:
        for days in (24, 31):
            ProposedSlotFactory(
                request=proposed,
                starts_at=_day(days),
                ends_at=_day(days, 14),
                host_school=world.school(BIRMINGHAM),
                proposed_by=world.co_leaders(BIRMINGHAM)[0],
            )
        made += 1
    if _request(
        world,
        THAMES,
        PENNINE,
        "How do trios choose what to observe?",
        RequestStatus.DECLINED,
        hoping_to_learn="How the focus of an observation is agreed.",
        preferred_weeks="June",
        visitors=4,
        decline_reason="June is our moderation month; ask us again for the autumn term.",
        answered_by=world.co_leaders(PENNINE)[0],
    ):
        made += 1
    confirmed = _request(
        world,
        BLACK_COUNTRY,
        MERSEY,
        "How does live feedback work in Year 7?",
        RequestStatus.CONFIRMED,
        hoping_to_learn="Whether the primary routines carry on in secondary lessons.",
        preferred_weeks="Late spring term",
        visitors=2,
        answered_by=world.co_leader,
    )
    if confirmed:
        offer = VisitOfferFactory(
            network=world.networks[MERSEY],
            title=f"Visit from {BLACK_COUNTRY}",
            summary=confirmed.hoping_to_learn,
            question=confirmed.focus_question,
            places=2,
            waitlist=False,
            open_to_all_networks=False,
            status=OfferStatus.CLOSED,
            from_request=confirmed,
            host_schools=[world.school(MERSEY)],
            allowed_networks=[world.networks[BLACK_COUNTRY]],
        )
        session = VisitSessionFactory(offer=offer, starts_at=_day(17), ends_at=_day(17, 14))
        for person in world.members(BLACK_COUNTRY)[:2]:
            BookingFactory(session=session, person=person, network=world.networks[BLACK_COUNTRY])
        made += 1
    if _request(
        world,
        PENNINE,
        CORNWALL,
        "How do three-class schools share planning?",
        RequestStatus.WITHDRAWN,
        hoping_to_learn="Planning across year groups.",
        preferred_weeks="Any",
        visitors=2,
    ):
        made += 1
    return made


def _date_history(offer) -> None:
    """Date a new offer's history before its sessions: offered five weeks or more ahead, booked
    once the visitor had joined their network, reflected on in the days after the visit."""
    sessions = list(offer.sessions.order_by("starts_at"))
    if not sessions:
        return
    now = timezone.now()
    offered = min(sessions[0].starts_at - timedelta(days=35), now - timedelta(days=7))
    offered = offered.replace(minute=0, second=0, microsecond=0)
    VisitOffer.objects.filter(pk=offer.pk).update(
        created_at=offered,
        updated_at=offered,
        opened_at=None if offer.opened_at is None else offered + timedelta(hours=2),
    )
    VisitSession.objects.filter(offer=offer).update(created_at=offered, updated_at=offered)
    joins = {
        (m.network_id, m.user_id): m.joined_at
        for m in Membership.objects.filter(network__visit_bookings__session__offer=offer)
    }
    for number, session in enumerate(sessions):
        until = min(session.starts_at, now) - timedelta(hours=3)
        for booking in Booking.objects.filter(session=session).order_by("pk"):
            joined = joins.get((booking.network_id, booking.person_id), offered)
            booked = between(max(offered, joined) + timedelta(hours=1), until, 0.2 + number / 10)
            Booking.objects.filter(pk=booking.pk).update(
                created_at=booked,
                confirmed_at=None if booking.confirmed_at is None else booked,
            )
        FocusQuestion.objects.filter(session=session).update(
            created_at=between(offered, until, 0.5)
        )
        for days, reflection in enumerate(Reflection.objects.filter(session=session), start=1):
            written = min(session.ends_at + timedelta(days=days, hours=2), now)
            Reflection.objects.filter(pk=reflection.pk).update(
                created_at=written, updated_at=written
            )
