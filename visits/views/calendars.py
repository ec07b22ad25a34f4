"""iCalendar downloads and feeds: one session, a person's secret feed, a network's open offers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from networks.models import NetworkPage
from networks.permissions import can_view_network

from .. import permissions, selectors, services
from ..calendars import calendar_for
from ..models import CalendarFeed, VisitSession


def _ics(content: bytes, *, filename: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "private, max-age=300"
    return response


def session_calendar(request, session_id):
    """/visits/<id>/calendar.ics: one session, for anyone who may read its offer."""
    session = (
        VisitSession.objects.select_related("offer__network", "host_school", "offer__from_request")
        .filter(pk=session_id)
        .first()
    )
    if session is None or not permissions.can_view_offer(request.user, session.offer):
        raise Http404("No study visit found.")
    content = calendar_for([session], name=session.offer.title)
    return _ics(content, filename=f"study-visit-{session.pk}.ics", attachment=True)


def personal_feed(request, token):
    """/visits/feed/<token>.ics: everything the person hosts or attends. A wrong or old token
    answers 404, the same as one that never existed."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404("No calendar feed found.")
    sessions = selectors.calendar_sessions_of(feed.user)
    content = calendar_for(sessions, name="My study visits")
    return _ics(content, filename="study-visits.ics", attachment=False)


@login_required
@require_POST
def regenerate_feed(request):
    services.regenerate_feed_token(user=request.user)
    messages.success(request, "Your calendar feed has a new address: the old one no longer works.")
    next_path = request.POST.get("next", "")
    return redirect(
        next_path if next_path.startswith("/") and not next_path.startswith("//") else "visits:mine"
    )


def network_feed(request, network_slug):
    """The network's public feed of its open offers' sessions."""
    network = get_object_or_404(NetworkPage, slug=network_slug)
    if not network.live or not can_view_network(request.user, network):
        raise Http404("No network found.")
    content = calendar_for(
        selectors.network_calendar_sessions(network), name=f"Study visits: {network.title}"
    )
    return _ics(content, filename=f"{network.slug}-visits.ics", attachment=False)
