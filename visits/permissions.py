"""Who may do what with study visits. Views, templates, services and the admin ask here only.

Each rule is a `why_not_*(user, …) -> str | None` giving the message a person reads when the
answer is no (None when allowed), and a `can_*` predicate that is true when there is no reason
not to. Services raise `core.errors.NotAllowed(why_not_…)`; pages show the same words.

* Offers: the current co-leaders of the host network manage its offers together (create, edit,
  publish, close, cancel, add, reschedule and cancel sessions, give roles). A closed network
  hosts nothing new. Published offers are read by anyone (or anyone signed in, as the offer
  says); drafts only by the host co-leaders; an arranged visit (from a request) by both networks;
  a private visit (a peer review's) by the host network's members and its booked visitors only.
* Booking: a signed-in current member of an allowed network other than the host books a place
  for themself; a co-leader of that network books for colleagues. The offer must be open (or
  full, for the waitlist), the session scheduled and not started, the deadline not passed.
* Requests: a co-leader of network A asks network B; B's co-leaders propose sessions or decline;
  A's co-leaders pick a proposal (or withdraw the request).
* The visit protocol: participants are the booked visitors, the host lead and the host
  network's co-leaders. They add and agree focus questions before the visit ends; hosts give
  roles; each booked visitor reflects once the visit has ended. Reflections are read by the
  participants and the co-leaders of both networks, never the public; ratings by the hosts.
* The broker's statistics: national brokers and admins.
"""

from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format

from core.roles import is_admin, is_broker, is_signed_in
from core.visibility import Visibility
from networks.models import NetworkStatus, Role
from networks.permissions import belongs_to_a_network, current_role, roles_by_network

from .models import (
    BOOKABLE_STATUSES,
    BookingStatus,
    OfferStatus,
    RequestStatus,
    VisitOffer,
    VisitRequest,
    VisitSession,
)

# --- Helpers ------------------------------------------------------------------------------------


def _is_closed(network) -> bool:
    return network.status == NetworkStatus.CLOSED


def _is_co_leader(user, network) -> bool:
    return is_signed_in(user) and current_role(user, network) == Role.CO_LEADER


def _is_member(user, network) -> bool:
    return is_signed_in(user) and current_role(user, network) is not None


def _is_member_of_id(user, network_id) -> bool:
    return is_signed_in(user) and roles_by_network(user).get(network_id) is not None


def _local(moment) -> str:
    return date_format(timezone.localtime(moment), "j F Y, H:i")


def visiting_bookings(session) -> list:
    """The session's booked (not waitlisted) bookings, loaded once per session object."""
    if "_visiting_bookings" not in session.__dict__:
        session.__dict__["_visiting_bookings"] = list(
            session.bookings.filter(status=BookingStatus.BOOKED).select_related("network")
        )
    return session.__dict__["_visiting_bookings"]


def is_host(user, session) -> bool:
    """The host network's co-leaders and the session's host lead."""
    if not is_signed_in(user):
        return False
    return session.host_lead_id == user.pk or _is_co_leader(user, session.offer.network)


def is_booked_visitor(user, session) -> bool:
    return is_signed_in(user) and any(b.person_id == user.pk for b in visiting_bookings(session))


def is_participant(user, session) -> bool:
    return is_host(user, session) or is_booked_visitor(user, session)


def _is_visiting_co_leader(user, session) -> bool:
    if not is_signed_in(user):
        return False
    roles = roles_by_network(user)
    return any(roles.get(b.network_id) == Role.CO_LEADER for b in visiting_bookings(session))


def allows(reason: str | None) -> bool:
    return reason is None


# --- Offers -------------------------------------------------------------------------------------


def why_not_create_offer(user, network) -> str | None:
    if not is_signed_in(user):
        return "Sign in to offer a study visit."
    if _is_closed(network):
        return f"{network.title} has closed: it no longer hosts visits."
    if not _is_co_leader(user, network):
        return "Only the network's co-leaders can offer study visits."
    return None


def can_create_offer(user, network) -> bool:
    return allows(why_not_create_offer(user, network))


def why_not_manage_offer(user, offer) -> str | None:
    if not is_signed_in(user):
        return "Sign in to manage this offer."
    if not _is_co_leader(user, offer.network):
        return "Only the host network's co-leaders can manage this offer."
    if _is_closed(offer.network):
        return f"{offer.network.title} has closed: its offers are read-only."
    return None


def can_manage_offer(user, offer) -> bool:
    return allows(why_not_manage_offer(user, offer))


def why_not_edit_offer(user, offer) -> str | None:
    reason = why_not_manage_offer(user, offer)
    if reason:
        return reason
    if offer.status in (OfferStatus.CANCELLED, OfferStatus.COMPLETED):
        return f"This offer is {offer.get_status_display().lower()}: it can no longer change."
    return None


def can_edit_offer(user, offer) -> bool:
    return allows(why_not_edit_offer(user, offer))


def has_place(user, offer) -> bool:
    """A booked place on one of the offer's sessions."""
    return (
        is_signed_in(user)
        and offer.sessions.filter(
            bookings__person=user, bookings__status=BookingStatus.BOOKED
        ).exists()
    )


def why_not_view_offer(user, offer) -> str | None:
    if can_manage_offer(user, offer) or is_admin(user):
        return None
    if offer.private:
        if _is_member(user, offer.network) or has_place(user, offer):
            return None
        return "This visit is private to its hosts and visitors."
    if offer.status == OfferStatus.DRAFT:
        return "This offer is not published yet."
    if offer.from_request_id:
        asking_network_id = offer.from_request.from_network_id
        if _is_member_of_id(user, asking_network_id) or _is_member(user, offer.network):
            return None
        if is_broker(user):
            return None
        return "This visit was arranged between two networks."
    if offer.visibility != Visibility.PUBLIC and not reads_members_only(user):
        if not is_signed_in(user):
            return "Sign in to see this offer."
        return "This offer is for members of a network."
    return None


def reads_members_only(user) -> bool:
    """ "Members only" means what it means for artefacts: a current member of any network, the
    national broker or an admin."""
    return belongs_to_a_network(user) or is_broker(user) or is_admin(user)


def can_view_offer(user, offer) -> bool:
    return allows(why_not_view_offer(user, offer))


# --- Sessions -----------------------------------------------------------------------------------


def why_not_change_session(user, session) -> str | None:
    """Reschedule or cancel a session."""
    reason = why_not_edit_offer(user, session.offer)
    if reason:
        return reason
    if session.is_cancelled:
        return "This session has been cancelled."
    if session.ends_at <= timezone.now():
        return "This session has already taken place."
    return None


def can_change_session(user, session) -> bool:
    return allows(why_not_change_session(user, session))


# --- Booking ------------------------------------------------------------------------------------


def why_not_book_place(user, session, *, network, person=None) -> str | None:
    """Book a place (or join the waitlist) on `session`, visiting for `network`. `person` is the
    colleague a co-leader books for (the user themself when None). Capacity and booking twice
    are counted by the service, under the session's lock."""
    person = person or user
    if not is_signed_in(user):
        return "Sign in to book a place."
    offer = session.offer
    if offer.status == OfferStatus.CANCELLED or session.is_cancelled:
        return "This visit has been cancelled."
    if offer.status not in BOOKABLE_STATUSES:
        return f"This offer is not open for booking (it is {offer.get_status_display().lower()})."
    now = timezone.now()
    if session.starts_at <= now:
        return "This session has already started: it can no longer be booked."
    if offer.booking_deadline and offer.booking_deadline <= now:
        return f"Booking closed on {_local(offer.booking_deadline)}."
    if network is None:
        return "Choose the network you visit for."
    if network.pk == offer.network_id:
        return "Your network hosts this visit: book places on other networks' visits."
    if _is_closed(network):
        return f"{network.title} has closed."
    if not offer.open_to_all_networks and network.pk not in {
        allowed.pk for allowed in offer.allowed_networks.all()
    }:
        return f"This visit is open to named networks only, and {network.title} is not one of them."
    if person.pk == user.pk:
        if not _is_member(user, network):
            return f"You can book only for a network you belong to, and you are not in {network.title}."
        return None
    if not _is_co_leader(user, network):
        return f"Only a co-leader of {network.title} can book places for colleagues."
    if current_role(person, network) is None:
        return f"{person.display_name} is not a current member of {network.title}."
    return None


def can_book_place(user, session, *, network, person=None) -> bool:
    return allows(why_not_book_place(user, session, network=network, person=person))


def why_not_cancel_booking(user, booking) -> str | None:
    if not is_signed_in(user):
        return "Sign in to cancel a booking."
    if not booking.is_active:
        return "This booking is already cancelled."
    if booking.session.starts_at <= timezone.now():
        return "The visit has started: tell the hosts directly if you cannot stay."
    if booking.person_id == user.pk or _is_co_leader(user, booking.network):
        return None
    return "You can cancel only your own booking (or, as a co-leader, your colleagues')."


def can_cancel_booking(user, booking) -> bool:
    return allows(why_not_cancel_booking(user, booking))


# --- Requests -----------------------------------------------------------------------------------


def why_not_request_visit(user, from_network, to_network) -> str | None:
    if not is_signed_in(user):
        return "Sign in to ask for a visit."
    if not _is_co_leader(user, from_network):
        return "Only a network's co-leaders can ask another network for a visit."
    if _is_closed(from_network):
        return f"{from_network.title} has closed."
    if to_network is None:
        return "Choose the network you would like to visit."
    if to_network.pk == from_network.pk:
        return "Choose another network: a network cannot visit itself."
    if _is_closed(to_network) or not to_network.live:
        return f"{to_network.title} is not hosting visits."
    return None


def can_request_visit(user, from_network, to_network) -> bool:
    return allows(why_not_request_visit(user, from_network, to_network))


def why_not_view_request(user, visit_request) -> str | None:
    if is_admin(user) or is_broker(user):
        return None
    if _is_member(user, visit_request.from_network) or _is_member(user, visit_request.to_network):
        return None
    return "Only the two networks can see this request."


def can_view_request(user, visit_request) -> bool:
    return allows(why_not_view_request(user, visit_request))


def why_not_answer_request(user, visit_request) -> str | None:
    """Propose sessions or decline: the co-leaders of the network asked."""
    if not _is_co_leader(user, visit_request.to_network):
        return "Only the co-leaders of the network asked can answer this request."
    if _is_closed(visit_request.to_network):
        return f"{visit_request.to_network.title} has closed."
    if not visit_request.is_open:
        return (
            f"This request is {visit_request.get_status_display().lower()}: it cannot be answered."
        )
    return None


def can_answer_request(user, visit_request) -> bool:
    return allows(why_not_answer_request(user, visit_request))


def why_not_accept_proposal(user, visit_request) -> str | None:
    if not _is_co_leader(user, visit_request.from_network):
        return "Only the co-leaders of the network that asked can pick a session."
    if visit_request.status != RequestStatus.PROPOSED:
        return "There is no proposed session to pick."
    return None


def can_accept_proposal(user, visit_request) -> bool:
    return allows(why_not_accept_proposal(user, visit_request))


def why_not_withdraw_request(user, visit_request) -> str | None:
    if not _is_co_leader(user, visit_request.from_network):
        return "Only the co-leaders of the network that asked can withdraw the request."
    if not visit_request.is_open:
        return f"This request is {visit_request.get_status_display().lower()}."
    return None


def can_withdraw_request(user, visit_request) -> bool:
    return allows(why_not_withdraw_request(user, visit_request))


# --- The visit protocol -------------------------------------------------------------------------


def why_not_view_visit(user, session) -> str | None:
    """The visit's own page: focus questions, roles and (as allowed below) reflections."""
    if is_admin(user) or is_participant(user, session):
        return None
    if _is_member(user, session.offer.network):
        return None
    if _is_visiting_co_leader(user, session) and not session.offer.private:
        return None
    return "Only the visit's hosts and visitors can see its page."


def can_view_visit(user, session) -> bool:
    return allows(why_not_view_visit(user, session))


def why_not_add_focus_question(user, session) -> str | None:
    if not is_participant(user, session):
        return "Only the visit's hosts and booked visitors can add focus questions."
    if session.is_cancelled:
        return "This session has been cancelled."
    if session.ends_at <= timezone.now():
        return "The visit has taken place: its focus questions are settled."
    return None


def can_add_focus_question(user, session) -> bool:
    return allows(why_not_add_focus_question(user, session))


def why_not_agree_focus_question(user, question) -> str | None:
    reason = why_not_add_focus_question(user, question.session)
    if reason:
        return reason
    if question.is_agreed:
        return "This question is already agreed."
    if question.added_by_id == user.pk:
        return "Someone else agrees a question you added: hosts and visitors agree them together."
    return None


def can_agree_focus_question(user, question) -> bool:
    return allows(why_not_agree_focus_question(user, question))


def why_not_give_roles(user, session) -> str | None:
    """Name the host lead and the visitors' roles (observer, note-taker)."""
    return why_not_change_session(user, session)


def can_give_roles(user, session) -> bool:
    return allows(why_not_give_roles(user, session))


def why_not_mark_attendance(user, session) -> str | None:
    """Say who came: the host network's co-leaders, once the session has started."""
    if not _is_co_leader(user, session.offer.network):
        return f"Only the co-leaders of {session.offer.network.title} mark who attended."
    if session.is_cancelled:
        return "This session was cancelled."
    if session.starts_at > timezone.now():
        return f"Attendance is marked once the visit starts ({_local(session.starts_at)})."
    return None


def can_mark_attendance(user, session) -> bool:
    return allows(why_not_mark_attendance(user, session))


def why_not_write_reflection(user, session) -> str | None:
    if not is_booked_visitor(user, session):
        return "Only the visit's booked visitors write reflections on it."
    if session.is_cancelled:
        return "This session was cancelled."
    if session.ends_at > timezone.now():
        return f"Reflections open when the visit ends ({_local(session.ends_at)})."
    return None


def can_write_reflection(user, session) -> bool:
    return allows(why_not_write_reflection(user, session))


def why_not_view_reflections(user, session) -> str | None:
    if is_participant(user, session):
        return None
    if _is_visiting_co_leader(user, session) and not session.offer.private:
        return None
    return "Reflections are for the visit's participants and the two networks' co-leaders."


def can_view_reflections(user, session) -> bool:
    return allows(why_not_view_reflections(user, session))


def why_not_view_ratings(user, session) -> str | None:
    if is_host(user, session):
        return None
    return "Ratings and comments for the hosts are read by the hosts."


def can_view_ratings(user, session) -> bool:
    return allows(why_not_view_ratings(user, session))


def why_not_draft_report(user, session, network) -> str | None:
    """Turn the visit's reflections into a draft study-visit report artefact of `network`."""
    if network is None or network.pk not in {b.network_id for b in visiting_bookings(session)}:
        return "Only a network that visited can write a report of the visit."
    role = current_role(user, network) if is_signed_in(user) else None
    if role not in (Role.CO_LEADER, Role.MEMBER):
        return f"Only co-leaders and members of {network.title} can write its artefacts."
    if _is_closed(network):
        return f"{network.title} has closed."
    if session.ends_at > timezone.now():
        return "The report is written after the visit."
    return None


def can_draft_report(user, session, network) -> bool:
    return allows(why_not_draft_report(user, session, network))


# --- The broker ---------------------------------------------------------------------------------


def why_not_view_visit_statistics(user) -> str | None:
    if is_broker(user) or is_admin(user):
        return None
    return "Only the national broker sees who visited whom."


def can_view_visit_statistics(user) -> bool:
    return allows(why_not_view_visit_statistics(user))


# --- Accessors: fetch and authorise in one call, with the same 404 for "missing" and "not yours"


def offer_or_404(user, offer_id):
    """The offer, with its network and theme, and its allowed networks when it names them."""
    offer = VisitOffer.objects.select_related("network", "theme").filter(pk=offer_id).first()
    if offer is None or not can_view_offer(user, offer):
        raise Http404("No study visit found.")
    if not offer.open_to_all_networks:
        prefetch_related_objects([offer], "allowed_networks")
    return offer


def session_or_404(user, session_id, *, allowed=can_view_visit):
    session = (
        VisitSession.objects.select_related("offer__network", "host_school", "host_lead")
        .filter(pk=session_id)
        .first()
    )
    if session is None or not allowed(user, session):
        raise Http404("No study visit found.")
    return session


def request_or_404(user, request_id):
    visit_request = (
        VisitRequest.objects.select_related("from_network", "to_network", "requested_by", "theme")
        .filter(pk=request_id)
        .first()
    )
    if visit_request is None or not can_view_request(user, visit_request):
        raise Http404("No visit request found.")
    return visit_request
