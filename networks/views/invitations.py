from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from core.views import perform_and_redirect, perform_form, report_refusal

from .. import services
from ..forms import ApproveRequestForm, DeclineRequestForm, InviteForm, JoinRequestForm
from ..models import Invitation, JoinRequest
from ..people import pending_join_request_of
from ..permissions import (
    deny_unless,
    is_member,
    network_for_user_or_404,
    why_not_decide_join_request,
    why_not_invite,
    why_not_request_to_join,
    why_not_revoke_invitation,
)
from ._common import form_page, manage_url

BACK = "networks:manage"


@login_required
def invite(request, network_slug):
    network = network_for_user_or_404(request.user, network_slug)
    deny_unless(why_not_invite(request.user, network))
    form = InviteForm(request.POST or None)
    done = perform_form(
        request,
        form,
        lambda data: services.invite_member(network=network, by=request.user, **data),
        success="Invitation sent to {result.email}. It expires on {result.expires_at:%d %B %Y}.",
        to=BACK,
        network_slug=network.slug,
    )
    return done or form_page(
        request,
        network=network,
        title=f"Invite someone to {network.title}",
        intro=(
            "We e-mail them a link. They accept after logging in or creating an account with "
            "that address; the link works once and expires."
        ),
        form=form,
        submit_label="Send the invitation",
        back_url=manage_url(network),
    )


@login_required
@require_POST
def revoke(request, network_slug, invitation_id):
    network = network_for_user_or_404(request.user, network_slug)
    deny_unless(why_not_revoke_invitation(request.user, network))
    invitation = get_object_or_404(Invitation, pk=invitation_id, network=network)
    return perform_and_redirect(
        request,
        lambda: services.revoke_invitation(invitation=invitation, by=request.user),
        success=f"The invitation for {invitation.email} has been revoked.",
        to=BACK,
        network_slug=network.slug,
    )


def invitation(request, token):
    """The link in the invitation e-mail: explain, send to sign in or sign up, then accept."""
    invitation = services.invitation_for_token(token)
    user = request.user if request.user.is_authenticated else None
    try:
        services.check_invitation_usable(invitation, user)
    except services.ActionRefused as error:
        if invitation is None:
            status = 404
        elif invitation.is_pending and not invitation.network.is_closed:
            status = 403  # signed in with another address
        else:
            status = 410
        return render(
            request,
            "networks/manage/invitation_problem.html",
            {"invitation": invitation, "problem": error.message},
            status=status,
        )
    network = invitation.network
    if user is None:
        next_query = urlencode({"next": request.get_full_path()})
        return render(
            request,
            "networks/manage/invitation.html",
            {
                "invitation": invitation,
                "network": network,
                "login_url": f"{reverse('account_login')}?{next_query}",
                "signup_url": f"{reverse('account_signup')}?{next_query}",
            },
        )
    if request.method == "POST":
        try:
            services.accept_invitation(invitation=invitation, by=user)
        except services.ActionRefused as error:
            report_refusal(request, error)
        else:
            messages.success(
                request,
                f"Welcome to {network.title}: you are now a "
                f"{invitation.get_role_display().lower()}.",
            )
            return redirect(network.get_url() or "/")
    return render(
        request,
        "networks/manage/invitation.html",
        {
            "invitation": invitation,
            "network": network,
            "already_member": is_member(user, network),
        },
    )


@login_required
def join(request, network_slug):
    network = network_for_user_or_404(request.user, network_slug)
    if is_member(request.user, network):
        messages.info(request, f"You are already a member of {network.title}.")
        return redirect(network.get_url() or "/")
    deny_unless(why_not_request_to_join(request.user, network))
    pending = pending_join_request_of(request.user, network)
    form = JoinRequestForm(request.POST or None)
    done = None
    if pending is None:
        done = perform_form(
            request,
            form,
            lambda data: services.request_to_join(network=network, by=request.user, **data),
            success=f"Your request has been sent to the co-leaders of {network.title}. "
            "We will tell you when they reply.",
            to=network.get_url() or "/",
        )
    return done or form_page(
        request,
        network=network,
        title=f"Ask to join {network.title}",
        intro="The network's co-leaders will see your request and approve or decline it.",
        form=form,
        submit_label="Send the request",
        back_url=network.get_url() or "/",
        pending_request=pending,
    )


def _join_request_or_404(request, network_slug, request_id) -> tuple:
    network = network_for_user_or_404(request.user, network_slug)
    deny_unless(why_not_decide_join_request(request.user, network))
    join_request = get_object_or_404(
        JoinRequest.objects.select_related("user", "school"), pk=request_id, network=network
    )
    return network, join_request


@login_required
@require_POST
def approve_request(request, network_slug, request_id):
    network, join_request = _join_request_or_404(request, network_slug, request_id)
    form = ApproveRequestForm(request.POST)
    # The service refuses any role but member or critical friend, with its own message.
    role = form.cleaned_data["role"] if form.is_valid() else request.POST.get("role", "")
    return perform_and_redirect(
        request,
        lambda: services.approve_join_request(
            join_request=join_request, role=role, by=request.user
        ),
        success=f"{join_request.user.display_name} has joined {network.title}.",
        to=BACK,
        network_slug=network.slug,
    )


@login_required
def decline_request(request, network_slug, request_id):
    network, join_request = _join_request_or_404(request, network_slug, request_id)
    form = DeclineRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return perform_and_redirect(
            request,
            lambda: services.decline_join_request(
                join_request=join_request, reason=form.cleaned_data["reason"], by=request.user
            ),
            success=f"You declined {join_request.user.display_name}'s request.",
            to=BACK,
            network_slug=network.slug,
        )
    return form_page(
        request,
        network=network,
        title=f"Decline {join_request.user.display_name}'s request",
        intro="Say why: they will see your reason in the e-mail we send them.",
        form=form,
        submit_label="Decline the request",
        back_url=manage_url(network),
    )
