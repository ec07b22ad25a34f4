"""A teacher proposes a network; the national broker approves it before it exists.

A proposal gives nobody any role. On approval the network's page is published as *forming*, the
proposer becomes its first co-leader and a named co-proposer is invited as the second co-leader
(the invitation service's rules apply); the network becomes active once it has two co-leaders.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from wagtail.log_actions import log

from core.accounts.models import BROKER_GROUP_NAME
from core.errors import refuse_unless
from core.notifications.services import mark_read_about, notify_each

from ..models import (
    NetworkIndexPage,
    NetworkPage,
    NetworkProposal,
    NetworkStatus,
    ProposalStatus,
    Role,
)
from ..permissions import (
    can_decide_proposal,
    can_propose_network,
    can_withdraw_proposal,
    forget_cached_roles,
    why_not_decide_proposal,
    why_not_propose_network,
    why_not_withdraw_proposal,
)
from . import actions
from ._common import audit, manage_path, proposal_subject
from .errors import ActionRefused
from .invitations import invite_member, normalise_email
from .memberships import join_network

# Paths under /networks/ that networks.urls serves: no network may take them as its slug.
RESERVED_SLUGS = frozenset({"propose", "proposals", "invitations"})
PROPOSAL_EMAIL = "networks/email/proposal"


def _unique_slug(index, title: str) -> str:
    base = slugify(title)[:200] or "network"
    taken = (
        set(index.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
        | RESERVED_SLUGS
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def proposal_path(proposal) -> str:
    return reverse("networks:proposal", kwargs={"proposal_id": proposal.pk})


def brokers():
    return get_user_model().objects.filter(groups__name=BROKER_GROUP_NAME, is_active=True)


def _check_school(school, field: str, whose: str) -> None:
    if school is None:
        raise ActionRefused(field_errors={field: f"Choose {whose} school from the register."})
    if not school.is_open:
        raise ActionRefused(
            field_errors={field: f"{school.name} is marked closed in the schools register."}
        )


@transaction.atomic
def propose_network(
    *,
    title: str,
    purpose: str,
    themes=(),
    school,
    co_proposer_email: str = "",
    co_proposer_school=None,
    by,
) -> NetworkProposal:
    """Send a proposal to the national broker. Nothing is published and nobody gains a role."""
    refuse_unless(can_propose_network(by), why_not_propose_network(by))
    title, purpose = (title or "").strip(), (purpose or "").strip()
    if not title:
        raise ActionRefused(field_errors={"title": "Give the network a name."})
    if not purpose:
        raise ActionRefused(
            field_errors={
                "purpose": "Say why the schools will work together: the network's purpose."
            }
        )
    _check_school(school, "school", "your")
    email = (co_proposer_email or "").strip()
    if email:
        email = normalise_email(email)
        if email == by.email.lower():
            raise ActionRefused(
                field_errors={"co_proposer_email": "Name someone else as the co-proposer."}
            )
        _check_school(co_proposer_school, "co_proposer_school", "the co-proposer's")
    elif co_proposer_school is not None:
        raise ActionRefused(
            field_errors={"co_proposer_email": "Give the co-proposer's e-mail address."}
        )

    proposal = NetworkProposal.objects.create(
        title=title[:255],
        purpose=purpose[:5000],
        proposed_by=by,
        school=school,
        co_proposer_email=email,
        co_proposer_school=co_proposer_school if email else None,
    )
    proposal.themes.set(list(themes))
    log(instance=proposal, action=actions.PROPOSAL_SUBMITTED, user=by)
    notify_each(
        brokers().exclude(pk=by.pk),
        message=f"{by.display_name} proposed a network: {proposal.title}.",
        url=proposal_path(proposal),
        subject=proposal_subject(proposal),
        email_template=PROPOSAL_EMAIL,
        context={"proposal": proposal},
    )
    return proposal


def _lock_pending(proposal) -> NetworkProposal:
    locked = (
        NetworkProposal.objects.select_for_update(of=("self",))
        .select_related("proposed_by", "school", "co_proposer_school")
        .get(pk=proposal.pk)
    )
    return locked


@transaction.atomic
def approve_proposal(*, proposal, by) -> NetworkPage:
    """Publish the network as forming, with its proposer as first co-leader; invite the
    co-proposer as the second."""
    proposal = _lock_pending(proposal)
    refuse_unless(can_decide_proposal(by, proposal), why_not_decide_proposal(by, proposal))
    proposer = proposal.proposed_by
    if not proposer.is_active:
        raise ActionRefused(f"{proposer.display_name}'s account is closed: decline the proposal.")
    if not proposal.school.is_open:
        raise ActionRefused(
            f"{proposal.school.name} is now marked closed in the schools register: decline the "
            "proposal, giving the reason."
        )
    index = NetworkIndexPage.objects.first()
    if index is None:
        raise ActionRefused("The network directory is not set up yet.")

    network = NetworkPage(
        title=proposal.title,
        slug=_unique_slug(index, proposal.title),
        purpose=proposal.purpose,
        status=NetworkStatus.FORMING,
        owner=proposer,
    )
    network.themes.set(list(proposal.themes.all()))
    index.add_child(instance=network)
    revision = network.save_revision(user=by, log_action=True)
    revision.publish(user=by, skip_permission_checks=True)
    network.refresh_from_db()

    join_network(network, user=proposer, role=Role.CO_LEADER, school=proposal.school)
    proposal.status = ProposalStatus.APPROVED
    proposal.decided_at = timezone.now()
    proposal.decided_by = by
    proposal.network = network
    proposal.save(update_fields=["status", "decided_at", "decided_by", "network"])
    log(instance=proposal, action=actions.PROPOSAL_APPROVED, user=by, data={"network": network.pk})
    audit(
        network,
        actions.PROPOSED,
        by=proposer,
        school_urn=proposal.school.urn,
        approved_by=by.pk,
        proposal=proposal.pk,
    )
    message = (
        f"{network.title} is approved: it is live and forming, with you as its first co-leader. "
        "It becomes active once a second co-leader joins."
    )
    if proposal.co_proposer_email:
        try:
            invite_member(
                network=network,
                email=proposal.co_proposer_email,
                role=Role.CO_LEADER,
                school=proposal.co_proposer_school,
                by=proposer,
            )
        except ActionRefused as refusal:  # its savepoint is rolled back; the network stands
            message += (
                f" We could not invite {proposal.co_proposer_email} ({refusal.message}): invite a second "
                "co-leader from the network's people page."
            )
    forget_cached_roles(proposer)
    mark_read_about(subject=proposal_subject(proposal))
    notify_each(
        [proposer],
        message=message,
        url=manage_path(network),
        subject=proposal_subject(proposal),
        email_template=PROPOSAL_EMAIL,
        context={"network": network, "proposal": proposal},
    )
    return network


@transaction.atomic
def decline_proposal(*, proposal, by, reason: str) -> NetworkProposal:
    reason = (reason or "").strip()
    proposal = _lock_pending(proposal)
    refuse_unless(can_decide_proposal(by, proposal), why_not_decide_proposal(by, proposal))
    if not reason:
        raise ActionRefused(
            field_errors={"reason": "Give a reason: the person who proposed it will read it."}
        )
    proposal.status = ProposalStatus.DECLINED
    proposal.decided_at = timezone.now()
    proposal.decided_by = by
    proposal.reason = reason[:2000]
    proposal.save(update_fields=["status", "decided_at", "decided_by", "reason"])
    log(instance=proposal, action=actions.PROPOSAL_DECLINED, user=by)
    mark_read_about(subject=proposal_subject(proposal))
    notify_each(
        [proposal.proposed_by],
        message=f"Your proposal for {proposal.title} was declined.",
        url=proposal_path(proposal),
        subject=proposal_subject(proposal),
        email_template=PROPOSAL_EMAIL,
        context={"proposal": proposal},
    )
    return proposal


@transaction.atomic
def withdraw_proposal(*, proposal, by) -> NetworkProposal:
    proposal = _lock_pending(proposal)
    refuse_unless(can_withdraw_proposal(by, proposal), why_not_withdraw_proposal(by, proposal))
    proposal.status = ProposalStatus.WITHDRAWN
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "decided_at"])
    log(instance=proposal, action=actions.PROPOSAL_WITHDRAWN, user=by)
    mark_read_about(subject=proposal_subject(proposal))
    return proposal
