"""Proposing a network, and the national broker's queue of proposals to approve or decline."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_POST

from core.views import perform_and_redirect, perform_form

from .. import selectors, services
from ..forms import DeclineProposalForm, ProposeNetworkForm
from ..permissions import (
    can_decide_proposal,
    can_withdraw_proposal,
    deny_unless,
    proposal_for_user_or_404,
    why_not_decide_proposal,
    why_not_propose_network,
    why_not_review_proposals,
    why_not_withdraw_proposal,
)
from ._common import form_page


def _proposal_url(proposal) -> str:
    return services.proposal_path(proposal)


@login_required
def propose(request):
    deny_unless(why_not_propose_network(request.user))
    form = ProposeNetworkForm(request.POST or None)
    done = perform_form(
        request,
        form,
        lambda data: services.propose_network(by=request.user, **data),
        success="Your proposal for {result.title} is with the national broker. We will tell "
        "you when it is decided: once it is approved, the network goes live with you as its "
        "first co-leader.",
        to=_proposal_url,
    )
    return done or form_page(
        request,
        title="Propose a network",
        intro=(
            "A network is a group of schools that choose to work together on a shared challenge. "
            "The national broker reads each proposal; once it is approved the network goes live "
            "with you as its first co-leader, and it becomes active once a second co-leader "
            "joins."
        ),
        form=form,
        submit_label="Send the proposal",
        back_url="/networks/",
    )


@login_required
def queue(request):
    deny_unless(why_not_review_proposals(request.user))
    return render(
        request,
        "networks/proposals/queue.html",
        {
            "pending": list(selectors.pending_proposals()),
            "decided": list(selectors.recently_decided_proposals()),
        },
    )


@login_required
def proposal(request, proposal_id):
    proposal = proposal_for_user_or_404(request.user, proposal_id)
    can_decide = can_decide_proposal(request.user, proposal)
    return render(
        request,
        "networks/proposals/proposal.html",
        {
            "proposal": proposal,
            "themes": list(proposal.themes.all()),
            "can_decide": can_decide,
            "can_withdraw": can_withdraw_proposal(request.user, proposal),
            "decline_form": DeclineProposalForm() if can_decide else None,
        },
    )


@login_required
@require_POST
def approve(request, proposal_id):
    proposal = proposal_for_user_or_404(request.user, proposal_id)
    deny_unless(why_not_decide_proposal(request.user, proposal))
    return perform_and_redirect(
        request,
        lambda: services.approve_proposal(proposal=proposal, by=request.user),
        success="{result.title} is approved: it is live and forming, and its proposer is its "
        "first co-leader.",
        to="networks:proposals",
    )


@login_required
def decline(request, proposal_id):
    proposal = proposal_for_user_or_404(request.user, proposal_id)
    deny_unless(why_not_decide_proposal(request.user, proposal))
    form = DeclineProposalForm(request.POST or None)
    done = perform_form(
        request,
        form,
        lambda data: services.decline_proposal(proposal=proposal, by=request.user, **data),
        success="The proposal for {result.title} is declined; its proposer can read your reason.",
        to="networks:proposals",
    )
    return done or form_page(
        request,
        title=f"Decline the proposal for {proposal.title}",
        intro="Say why: the person who proposed it reads your reason.",
        form=form,
        submit_label="Decline the proposal",
        back_url=_proposal_url(proposal),
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def withdraw(request, proposal_id):
    proposal = proposal_for_user_or_404(request.user, proposal_id)
    deny_unless(why_not_withdraw_proposal(request.user, proposal))
    return perform_and_redirect(
        request,
        lambda: services.withdraw_proposal(proposal=proposal, by=request.user),
        success="Your proposal for {result.title} is withdrawn.",
        to=_proposal_url(proposal),
    )
