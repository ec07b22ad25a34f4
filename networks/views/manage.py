from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from core.views import perform_and_redirect, perform_form

from .. import services
from ..forms import AddSchoolForm, RoleForm, StatusForm
from ..models import (
    MINIMUM_CO_LEADERS,
    DecisionKind,
    DecisionStatus,
    Membership,
    NetworkSchool,
    NetworkStatus,
    Role,
)
from ..people import (
    pending_decisions,
    pending_invitations,
    pending_join_requests,
    people_of,
    school_history,
)
from ..permissions import (
    can_add_school,
    can_change_role,
    can_change_status,
    can_confirm_decision,
    can_decide_join_request,
    can_invite,
    can_leave_network,
    can_propose_decision,
    can_remove_member,
    can_remove_school,
    can_revoke_invitation,
    can_withdraw_decision,
    deny_unless,
    network_for_user_or_404,
    why_not_add_school,
    why_not_change_role,
    why_not_change_status,
    why_not_leave_network,
    why_not_propose_step_down,
    why_not_remove_member,
    why_not_remove_school,
    why_not_view_manage_page,
)
from ._common import form_page, manage_url

BACK = "networks:manage"

ROLE_CHOICES = Role.choices


@login_required
def manage(request, network_slug):
    """The network's people page: co-leaders, members, critical friends, requests, decisions."""
    network = network_for_user_or_404(request.user, network_slug)
    user = request.user
    deny_unless(why_not_view_manage_page(user, network))
    people = list(people_of(network))
    co_leader_count = sum(1 for m in people if m.role == Role.CO_LEADER)
    decisions = list(pending_decisions(network))
    for decision in decisions:
        decision.network = network
        decision.can_confirm = can_confirm_decision(user, decision)
        decision.can_withdraw = can_withdraw_decision(user, decision)
    schools = list(school_history(network))
    two_key = co_leader_count >= MINIMUM_CO_LEADERS
    step_down_refusal = why_not_propose_step_down(user, network, co_leaders=co_leader_count)
    context = {
        "network": network,
        "people": people,
        "co_leader_count": co_leader_count,
        "two_key": two_key,
        "minimum_co_leaders": MINIMUM_CO_LEADERS,
        "invitations": list(pending_invitations(network)),
        "join_requests": list(pending_join_requests(network)),
        "decisions": decisions,
        "pending_targets": {d.target_id for d in decisions if d.target_id},
        "awaiting_consent_targets": {
            d.target_id for d in decisions if d.status == DecisionStatus.AWAITING_CONSENT
        },
        "current_schools": [link for link in schools if link.left_on is None],
        "past_schools": [link for link in schools if link.left_on is not None],
        "role_choices": ROLE_CHOICES,
        "decision_kinds": DecisionKind,
        "can_invite": can_invite(user, network),
        "can_revoke_invitation": can_revoke_invitation(user, network),
        "can_decide_join_request": can_decide_join_request(user, network),
        "can_change_role": can_change_role(user, network),
        "can_remove_member": can_remove_member(user, network),
        "can_add_school": can_add_school(user, network),
        "can_remove_school": can_remove_school(user, network),
        "can_propose_decision": can_propose_decision(user, network),
        "can_propose_step_down": two_key and step_down_refusal is None,
        "step_down_refusal": step_down_refusal if can_propose_decision(user, network) else None,
        "can_leave": can_leave_network(user, network),
        "can_change_status": can_change_status(user, network),
        "can_activate": can_change_status(user, network)
        and network.status == NetworkStatus.FORMING,
        "can_sustain": can_change_status(user, network) and network.status == NetworkStatus.ACTIVE,
        "activation_ready": co_leader_count >= MINIMUM_CO_LEADERS,
        "can_propose_closing": can_propose_decision(user, network)
        and two_key
        and not any(d.kind == DecisionKind.CLOSE_NETWORK for d in decisions),
    }
    return render(request, "networks/manage/manage.html", context)


def _membership_or_404(network, membership_id) -> Membership:
    return get_object_or_404(
        Membership.objects.current().select_related("user", "network"),
        pk=membership_id,
        network=network,
    )


@login_required
@require_POST
def change_role(request, network_slug, membership_id):
    network = network_for_user_or_404(request.user, network_slug)
    deny_unless(why_not_change_role(request.user, network))
    membership = _membership_or_404(network, membership_id)
    form = RoleForm(request.POST)
    # The service refuses a role it does not know with its own message.
    role = form.cleaned_data["role"] if form.is_valid() else ""
    role_label = Role(role).label.lower() if role else ""
    return perform_and_redirect(
        request,
        lambda: services.change_role(membership=membership, role=role, by=request.user),
        success=f"{membership.user.display_name} is now a {role_label}.",
        to=BACK,
        network_slug=network.slug,
    )


@login_required
@require_POST
def remove(request, network_slug, membership_id):
    network = network_for_user_or_404(request.user, network_slug)
    deny_unless(why_not_remove_member(request.user, network))
    membership = _membership_or_404(network, membership_id)
    return perform_and_redirect(
        request,
        lambda: services.remove_member(membership=membership, by=request.user),
        success=f"{membership.user.display_name} has been removed.",
        to=BACK,
        network_slug=network.slug,
    )


@login_required
def leave(request, network_slug):
    network = network_for_user_or_404(request.user, network_slug)
    deny_unless(why_not_leave_network(request.user, network))
    if request.method != "POST":
        return render(request, "networks/manage/leave.html", {"network": network})
    return perform_and_redirect(
        request,
        lambda: services.leave_network(network=network, by=request.user),
        success=f"You have left {network.title}.",
        to=network.get_url() or "/",
    )


@login_required
def add_school(request, network_slug):
    network = network_for_user_or_404(request.user, network_slug)
    deny_unless(why_not_add_school(request.user, network))
    form = AddSchoolForm(request.POST or None)
    done = perform_form(
        request,
        form,
        lambda data: services.add_school(network=network, by=request.user, **data),
        success=f"{{result.school.name}} has joined {network.title}.",
        to=BACK,
        network_slug=network.slug,
    )
    return done or form_page(
        request,
        network=network,
        title=f"Add a school to {network.title}",
        intro="The date the school joined is kept in the network's history.",
        form=form,
        submit_label="Add the school",
        back_url=manage_url(network),
    )


@login_required
@require_POST
def remove_school(request, network_slug, link_id):
    network = network_for_user_or_404(request.user, network_slug)
    deny_unless(why_not_remove_school(request.user, network))
    link = get_object_or_404(
        NetworkSchool.objects.select_related("school"), pk=link_id, network=network
    )
    return perform_and_redirect(
        request,
        lambda: services.remove_school(network=network, school=link.school, by=request.user),
        success=f"{link.school.name} has left {network.title}; its dates stay in the history.",
        to=BACK,
        network_slug=network.slug,
    )


@login_required
@require_POST
def change_status(request, network_slug):
    network = network_for_user_or_404(request.user, network_slug)
    deny_unless(why_not_change_status(request.user, network))
    form = StatusForm(request.POST)
    # The service refuses a status the network cannot move on to with its own message.
    status = form.cleaned_data["status"] if form.is_valid() else ""
    return perform_and_redirect(
        request,
        lambda: (
            services.change_status(network=network, status=status, by=request.user)
            .get_status_display()
            .lower()
        ),
        success=f"{network.title} is now {{result}}.",
        to=BACK,
        network_slug=network.slug,
    )
