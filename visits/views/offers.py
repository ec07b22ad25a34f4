"""Finding, offering and booking study visits. Views fetch through the permissions' accessors,
write through the services and show the services' refusals."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from core.errors import ActionRefused
from core.pagecache import cache_for_anonymous, kept_with_page
from core.views import add_refusal_to_form, perform_and_redirect, report_refusal
from networks.models import NetworkPage, Role

from .. import permissions, selectors, services
from ..forms import BookForm, FilterForm, OfferForm, ReasonForm, SessionForm
from ..models import Booking, OfferStatus

OFFERS_PER_PAGE = 12


@cache_for_anonymous
def index(request):
    """/visits/: open offers, filtered by theme, region, phase, dates and places left."""
    # The listing is the same for everyone who reads what this person reads: kept with the page
    # until an offer, session or booking changes, or the next session starts.
    audience = "members" if permissions.reads_members_only(request.user) else "public"
    listing = kept_with_page(
        reverse("visits:index"),
        f"listing:{audience}?{urlencode(sorted(request.GET.lists()), doseq=True)}",
        lambda: _listing(request),
        until=lambda listing: listing["until"],
    )
    return render(
        request,
        "visits/index.html",
        {
            # Rendered by _listing: kept as SafeString, which the cache gives back as it was.
            "filter_fields": listing["filter_fields"],
            "results": listing["results"],
            "count": listing["count"],
            "filters_applied": listing["filters_applied"],
            "leads_a_network": selectors.led_networks(request.user).exists(),
        },
    )


def _listing(request) -> dict:
    until = selectors.soonest_session_start()  # first: a session starting meanwhile expires it
    form = FilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    # Sort and page the ids only, then load the page's offers whole (sorting whole rows is slow).
    ids = selectors.open_offers(user=request.user, **filters).values_list("pk", flat=True)
    page_obj = Paginator(ids, OFFERS_PER_PAGE).get_page(request.GET.get("page"))
    offers = selectors.offer_cards(list(page_obj.object_list))
    query = urlencode({k: v for k, v in request.GET.items() if k != "page"})
    return {
        "filter_fields": render_to_string(
            "visits/includes/filter_fields.html", {"filter_form": form}
        ),
        "results": render_to_string(
            "visits/includes/offer_results.html",
            {"offers": offers, "page_obj": page_obj, "query": query},
        ),
        "count": page_obj.paginator.count,
        "filters_applied": bool(filters),
        "until": until,
    }


@login_required
def mine(request):
    feed = services.ensure_feed(user=request.user)
    return render(
        request,
        "visits/mine.html",
        {
            "mine": selectors.my_visits(request.user),
            "feed_url": request.build_absolute_uri(
                reverse("visits:personal_feed", kwargs={"token": feed.token})
            ),
        },
    )


def _network_to_host(request) -> NetworkPage:
    led = list(selectors.led_networks(request.user))
    slug = request.GET.get("network") or request.POST.get("network_slug")
    if slug:
        network = next((n for n in led if n.slug == slug), None)
    else:
        network = led[0] if len(led) == 1 else None
    if network is None and led and not slug:
        raise _ChooseNetwork(led)
    if network is None:
        raise PermissionDenied("Only a network's co-leaders can offer study visits.")
    return network


class _ChooseNetwork(Exception):
    def __init__(self, networks):
        self.networks = networks


@login_required
def create(request):
    try:
        network = _network_to_host(request)
    except _ChooseNetwork as choice:
        return render(request, "visits/choose_network.html", {"networks": choice.networks})
    form = OfferForm(request.POST or None, network=network, with_sessions=True)
    if request.method == "POST" and form.is_valid():
        try:
            offer = services.create_offer(
                network=network,
                by=request.user,
                fields=form.offer_fields(),
                sessions=form.sessions(),
                publish=request.POST.get("then") == "publish",
                **form.relations(),
            )
        except ActionRefused as error:
            form.add_refusal(error)
        else:
            messages.success(
                request,
                "Your offer is open for booking."
                if offer.status == OfferStatus.OPEN
                else "Your offer is saved as a draft: open it for booking when it is ready.",
            )
            return redirect(offer.get_url())
    return render(
        request,
        "visits/offer_form.html",
        {"form": form, "network": network, "title": "Offer a study visit", "creating": True},
        status=400 if form.errors else 200,
    )


@login_required
def edit(request, offer_id):
    offer = permissions.offer_or_404(request.user, offer_id)
    refusal = permissions.why_not_edit_offer(request.user, offer)
    if refusal:
        raise PermissionDenied(refusal)
    form = OfferForm(
        request.POST or None, network=offer.network, initial=OfferForm.initial_for(offer)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_offer(
                offer=offer, by=request.user, fields=form.offer_fields(), **form.relations()
            )
        except ActionRefused as error:
            form.add_refusal(error)
        else:
            messages.success(request, "The offer is saved.")
            return redirect(offer.get_url())
    return render(
        request,
        "visits/offer_form.html",
        {"form": form, "network": offer.network, "offer": offer, "title": f"Edit “{offer.title}”"},
        status=400 if form.errors else 200,
    )


@cache_for_anonymous
def detail(request, offer_id):
    offer = permissions.offer_or_404(request.user, offer_id)
    user = request.user
    sessions, my_bookings = selectors.offer_sessions(offer, user)
    my_networks = selectors.networks_of(user)
    can_manage = permissions.can_edit_offer(user, offer)
    rows = []
    for session in sessions:
        booking = my_bookings.get(session.pk)
        networks = [n for n in my_networks if permissions.can_book_place(user, session, network=n)]
        rows.append(
            {
                "session": session,
                "places_left": max(offer.places - session.booked_count, 0),
                "booking": booking,
                "can_cancel_booking": booking is not None
                and permissions.can_cancel_booking(user, booking),
                "book_networks": networks if booking is None else [],
                "why_not_book": None
                if networks or booking
                else _why_not_book(user, session, my_networks),
                "can_change": can_manage and permissions.can_change_session(user, session),
                "can_open_visit": permissions.can_view_visit(user, session),
            }
        )
    led_here = [n for n in my_networks if n.my_role == Role.CO_LEADER]
    can_book_for_colleagues = bool(led_here) and any(row["book_networks"] for row in rows)
    return render(
        request,
        "visits/offer.html",
        {
            "offer": offer,
            "rows": rows,
            # The same for everyone who may read the offer: kept with its page until it changes.
            "about": kept_with_page(offer.get_url(), "about", lambda: selectors.offer_about(offer)),
            "allowed_networks": []
            if offer.open_to_all_networks
            else sorted(offer.allowed_networks.all(), key=lambda network: network.title),
            "can_manage": can_manage,
            "can_book_for_colleagues": can_book_for_colleagues,
            "colleagues": selectors.colleagues_in(led_here) if can_book_for_colleagues else [],
            "is_signed_in": user.is_authenticated,
        },
    )


def _why_not_book(user, session, networks) -> str:
    if not networks:
        return permissions.why_not_book_place(user, session, network=None) or (
            "Only members of a network can book study visits."
        )
    return permissions.why_not_book_place(user, session, network=networks[0]) or ""


@login_required
@require_POST
def book(request, offer_id):
    offer = permissions.offer_or_404(request.user, offer_id)
    form = BookForm(request.POST)
    form.fields["network"].queryset = NetworkPage.objects.all()
    if not form.is_valid():
        messages.error(request, "Choose a session and the network you visit for.")
        return redirect(offer.get_url())
    session = get_object_or_404(offer.sessions, pk=form.cleaned_data["session"])
    person = None
    if form.cleaned_data.get("person"):
        person = get_user_model().objects.filter(pk=form.cleaned_data["person"]).first()
        if person is None:
            raise Http404("No such person.")
    try:
        booking = services.book_place(
            session=session, by=request.user, network=form.cleaned_data["network"], person=person
        )
    except ActionRefused as error:
        report_refusal(request, error)
    else:
        whom = "You have" if booking.person_id == request.user.pk else "They have"
        if booking.status == "booked":
            messages.success(
                request, f"{whom} a place. It is in your visits and your calendar feed."
            )
        else:
            messages.success(
                request, "The session is full: on the waitlist, first come first served."
            )
    return redirect(offer.get_url())


@login_required
@require_POST
def cancel_booking(request, booking_id):
    booking = get_object_or_404(
        Booking.objects.select_related("session__offer__network", "network"), pk=booking_id
    )
    if not permissions.can_view_offer(request.user, booking.session.offer):
        raise Http404("No booking found.")
    return perform_and_redirect(
        request,
        lambda: services.cancel_booking(booking=booking, by=request.user),
        success="The place is cancelled.",
        to=request.POST.get("next") if _safe(request.POST.get("next")) else "visits:mine",
    )


def _safe(path) -> bool:
    return bool(path) and path.startswith("/") and not path.startswith("//")


def _manage(request, offer_id):
    offer = permissions.offer_or_404(request.user, offer_id)
    refusal = permissions.why_not_edit_offer(request.user, offer)
    if refusal:
        raise PermissionDenied(refusal)
    return offer


@login_required
@require_POST
def publish(request, offer_id):
    offer = _manage(request, offer_id)
    return perform_and_redirect(
        request,
        lambda: services.publish_offer(offer=offer, by=request.user),
        success="The offer is open for booking.",
        to=offer.get_url(),
    )


@login_required
@require_POST
def close(request, offer_id):
    offer = _manage(request, offer_id)
    return perform_and_redirect(
        request,
        lambda: services.close_offer(offer=offer, by=request.user),
        success="The offer is closed to booking; the places booked stand.",
        to=offer.get_url(),
    )


@login_required
def cancel(request, offer_id):
    offer = _manage(request, offer_id)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.cancel_offer(offer=offer, by=request.user, reason=form.cleaned_data["reason"])
        except ActionRefused as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "The offer is cancelled; everyone booked has been told.")
            return redirect(offer.get_url())
    return render(
        request,
        "visits/confirm_form.html",
        {
            "form": form,
            "title": f"Cancel “{offer.title}”",
            "lead": "Every session still to come is cancelled and everyone booked or waiting is "
            "told, with your reason.",
            "submit_label": "Cancel the offer",
            "back": offer.get_url(),
        },
        status=400 if form.errors else 200,
    )


@login_required
def add_session(request, offer_id):
    offer = _manage(request, offer_id)
    form = SessionForm(request.POST or None, offer=offer)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_session(offer=offer, by=request.user, **form.cleaned_data)
        except ActionRefused as error:
            add_refusal_to_form(form, error)
        else:
            messages.success(request, "The session is added.")
            return redirect(offer.get_url())
    return render(
        request,
        "visits/confirm_form.html",
        {
            "form": form,
            "title": f"Add a session to “{offer.title}”",
            "submit_label": "Add the session",
            "back": offer.get_url(),
        },
        status=400 if form.errors else 200,
    )


def _session_to_change(request, session_id):
    session = permissions.session_or_404(
        request.user, session_id, allowed=permissions.can_view_visit
    )
    refusal = permissions.why_not_change_session(request.user, session)
    if refusal:
        raise PermissionDenied(refusal)
    return session


@login_required
def reschedule(request, session_id):
    session = _session_to_change(request, session_id)
    form = SessionForm(
        request.POST or None,
        offer=session.offer,
        initial={
            "starts_at": timezone.localtime(session.starts_at),
            "ends_at": timezone.localtime(session.ends_at),
            "host_school": session.host_school_id,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.reschedule_session(session=session, by=request.user, **form.cleaned_data)
        except ActionRefused as error:
            add_refusal_to_form(form, error)
        else:
            messages.success(request, "The session has moved; everyone booked has been told.")
            return redirect(session.offer.get_url())
    return render(
        request,
        "visits/confirm_form.html",
        {
            "form": form,
            "title": "Move this session",
            "lead": "Everyone booked or waiting is told the new time; their calendars update.",
            "submit_label": "Move the session",
            "back": session.offer.get_url(),
        },
        status=400 if form.errors else 200,
    )


@login_required
def cancel_session(request, session_id):
    session = _session_to_change(request, session_id)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.cancel_session(
                session=session, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ActionRefused as error:
            add_refusal_to_form(form, error)
        else:
            messages.success(request, "The session is cancelled; everyone booked has been told.")
            return redirect(session.offer.get_url())
    return render(
        request,
        "visits/confirm_form.html",
        {
            "form": form,
            "title": "Cancel this session",
            "lead": "Everyone booked or waiting is told, with your reason.",
            "submit_label": "Cancel the session",
            "back": session.offer.get_url(),
        },
        status=400 if form.errors else 200,
    )
