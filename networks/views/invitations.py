from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from .. import services
from ..forms import ApproveRequestForm, DeclineRequestForm, InviteForm, JoinRequestForm
from ..models import Invitation, JoinRequest
from ..people import pending_join_request_of
from ..permissions import (
    can_decide_join_request,
    can_invite,
    can_request_to_join,
    can_revoke_invitation,
    is_member,
)
from ._common import back_to_manage, check, form_page, manage_url, network_or_404, report_refusal


@login_required
def invite(request, network_slug):
    network = network_or_404(request.user, network_slug)
    check(can_invite(request.user, network))
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invite_member(
                network=network,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                school=form.cleaned_data["school"],
                by=request.user,
            )
        except services.ActionRefused as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                f"Invitation sent to {invitation.email}. It expires on "
                f"{invitation.expires_at:%d %B %Y}.",
            )
            return back_to_manage(network)
    return form_page(
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
    network = network_or_404(request.user, network_slug)
    check(can_revoke_invitation(request.user, network))
    invitation = get_object_or_404(Invitation, pk=invitation_id, network=network)
    try:
        services.revoke_invitation(invitation=invitation, by=request.user)
    except services.ActionRefused as error:
        report_refusal(request, error)
    else:
        messages.success(request, f"The invitation for {invitation.email} has been revoked.")
    return back_to_manage(network)


def invitation(request, token):
    """The link in the invitation e-mail: explain, send to log in or sign up, then accept."""
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
            messages.error(request, error.message)
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
    network = network_or_404(request.user, network_slug)
    if is_member(request.user, network):
        messages.info(request, f"You are already a member of {network.title}.")
        return redirect(network.get_url() or "/")
    check(can_request_to_join(request.user, network))
    pending = pending_join_request_of(request.user, network)
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and pending is None and form.is_valid():
        try:
            services.request_to_join(
                network=network,
                school=form.cleaned_data["school"],
                message=form.cleaned_data["message"],
                by=request.user,
            )
        except services.ActionRefused as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                f"Your request has been sent to the co-leaders of {network.title}. "
                "We will tell you when they reply.",
            )
            return redirect(network.get_url() or "/")
    return form_page(
        request,
        network=network,
        title=f"Ask to join {network.title}",
        intro="The network's co-leaders will see your request and approve or decline it.",
        form=form,
        submit_label="Send the request",
        back_url=network.get_url() or "/",
        pending_request=pending,
    )


def _join_request_or_404(network, request_id) -> JoinRequest:
    return get_object_or_404(
        JoinRequest.objects.select_related("user", "school"), pk=request_id, network=network
    )


@login_required
@require_POST
def approve_request(request, network_slug, request_id):
    network = network_or_404(request.user, network_slug)
    check(can_decide_join_request(request.user, network))
    join_request = _join_request_or_404(network, request_id)
    form = ApproveRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Approve them as a member or as a critical friend.")
        return back_to_manage(network)
    try:
        services.approve_join_request(
            join_request=join_request, role=form.cleaned_data["role"], by=request.user
        )
    except services.ActionRefused as error:
        report_refusal(request, error)
    else:
        messages.success(request, f"{join_request.user.display_name} has joined {network.title}.")
    return back_to_manage(network)


@login_required
def decline_request(request, network_slug, request_id):
    network = network_or_404(request.user, network_slug)
    check(can_decide_join_request(request.user, network))
    join_request = _join_request_or_404(network, request_id)
    form = DeclineRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decline_join_request(
                join_request=join_request, reason=form.cleaned_data["reason"], by=request.user
            )
        except services.ActionRefused as error:
            report_refusal(request, error)
        else:
            messages.success(request, f"You declined {join_request.user.display_name}'s request.")
        return back_to_manage(network)
    return form_page(
        request,
        network=network,
        title=f"Decline {join_request.user.display_name}'s request",
        intro="Say why: they will see your reason in the e-mail we send them.",
        form=form,
        submit_label="Decline the request",
        back_url=manage_url(network),
    )
