"""Asking another network for a visit, and answering."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.errors import ActionRefused
from core.views import add_refusal_to_form, perform_and_redirect
from networks.models import Membership

from .. import permissions, selectors, services
from ..forms import AcceptForm, ProposeForm, ReasonForm, RequestForm


@login_required
def index(request):
    return render(
        request,
        "visits/requests.html",
        {
            **selectors.requests_for(request.user),
            "can_ask": selectors.led_networks(request.user).exists(),
        },
    )


@login_required
def create(request):
    led = selectors.led_networks(request.user)
    if not led.exists():
        raise PermissionDenied("Only a network's co-leaders can ask another network for a visit.")
    initial = {"to_network": request.GET.get("to")} if request.GET.get("to") else None
    form = RequestForm(request.POST or None, led=led, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            visit_request = services.request_visit(by=request.user, **form.cleaned_data)
        except ActionRefused as error:
            add_refusal_to_form(form, error)
        else:
            messages.success(request, "Your request is sent: the network's co-leaders answer it.")
            return redirect(visit_request.get_absolute_url())
    return render(
        request,
        "visits/confirm_form.html",
        {
            "form": form,
            "title": "Ask another network for a visit",
            "lead": "Their co-leaders propose sessions or tell you why they cannot host you.",
            "submit_label": "Send the request",
            "back": "/visits/requests/",
        },
        status=400 if form.errors else 200,
    )


def _forms_for(request, visit_request):
    user = request.user
    forms = {}
    if permissions.can_answer_request(user, visit_request):
        forms["propose_form"] = ProposeForm(network=visit_request.to_network)
        forms["decline_form"] = ReasonForm()
    if permissions.can_accept_proposal(user, visit_request):
        forms["accept_form"] = _accept_form(visit_request)
    return forms


def _accept_form(visit_request, data=None):
    members = get_user_model().objects.filter(
        pk__in=Membership.objects.current()
        .filter(network=visit_request.from_network)
        .values("user_id")
    )
    return AcceptForm(data, slots=selectors.slots_of(visit_request), members=members)


def _detail(request, visit_request, *, status=200, **forms):
    context = {
        "visit_request": visit_request,
        "slots": list(selectors.slots_of(visit_request)),
        "arranged": getattr(visit_request, "arranged_offer", None),
        "can_withdraw": permissions.can_withdraw_request(request.user, visit_request),
        **_forms_for(request, visit_request),
        **forms,
    }
    return render(request, "visits/request.html", context, status=status)


@login_required
def detail(request, request_id):
    return _detail(request, permissions.request_or_404(request.user, request_id))


@login_required
@require_POST
def propose(request, request_id):
    visit_request = permissions.request_or_404(request.user, request_id)
    form = ProposeForm(request.POST, network=visit_request.to_network)
    if form.is_valid():
        try:
            services.propose_sessions(
                visit_request=visit_request,
                by=request.user,
                slots=form.slots(),
                note=form.cleaned_data["note"],
            )
        except ActionRefused as error:
            add_refusal_to_form(form, error)
        else:
            messages.success(request, "Your proposal is sent: they pick a session.")
            return redirect(visit_request.get_absolute_url())
    return _detail(request, visit_request, status=400, propose_form=form)


@login_required
@require_POST
def decline(request, request_id):
    visit_request = permissions.request_or_404(request.user, request_id)
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            services.decline_request(
                visit_request=visit_request, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ActionRefused as error:
            add_refusal_to_form(form, error)
        else:
            messages.success(request, "You have declined the request; they are told why.")
            return redirect(visit_request.get_absolute_url())
    return _detail(request, visit_request, status=400, decline_form=form)


@login_required
@require_POST
def accept(request, request_id):
    visit_request = permissions.request_or_404(request.user, request_id)
    form = _accept_form(visit_request, request.POST)
    if form.is_valid():
        try:
            session = services.accept_proposal(
                visit_request=visit_request,
                by=request.user,
                slot=form.cleaned_data["slot"],
                visitors=list(form.cleaned_data["visitors"]),
            )
        except ActionRefused as error:
            add_refusal_to_form(form, error)
        else:
            messages.success(request, "The visit is confirmed: agree the focus questions next.")
            return redirect(session.get_absolute_url())
    return _detail(request, visit_request, status=400, accept_form=form)


@login_required
@require_POST
def withdraw(request, request_id):
    visit_request = permissions.request_or_404(request.user, request_id)
    return perform_and_redirect(
        request,
        lambda: services.withdraw_request(visit_request=visit_request, by=request.user),
        success="Your request is withdrawn.",
        to=visit_request.get_absolute_url(),
    )
