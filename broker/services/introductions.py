"""Introducing networks to one another, and answering an introduction."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from core.errors import ActionRefused, refuse_unless
from core.notifications.services import notify
from networks.models import Membership

from ..models import Introduction
from ..models.introductions import REASON_MAX_LENGTH
from ..permissions import (
    why_not_accept_introduction,
    why_not_send_introduction,
)

EMAIL = "broker/email/introduction"


def _co_leaders(network) -> list:
    return [
        membership.user
        for membership in Membership.objects.co_leaders()
        .filter(network=network)
        .select_related("user")
        .order_by("pk")
    ]


@transaction.atomic
def send_introduction(*, by, learner, source, reason: str, theme=None) -> Introduction:
    """Introduce `learner` to `source`, a network it could learn from, saying why. Both
    networks' co-leaders are told, in the app and by e-mail."""
    why_not = why_not_send_introduction(by, learner, source)
    refuse_unless(why_not is None, why_not or "")
    reason = " ".join((reason or "").split())
    if not reason:
        raise ActionRefused(
            field_errors={"reason": "Say why they should meet: it is what they read."}
        )
    if len(reason) > REASON_MAX_LENGTH:
        raise ActionRefused(
            field_errors={"reason": f"Keep the reason under {REASON_MAX_LENGTH} characters."}
        )
    try:
        with transaction.atomic():
            introduction = Introduction.objects.create(
                learner=learner, source=source, theme=theme, reason=reason, sent_by=by
            )
    except IntegrityError:
        raise ActionRefused(
            f"{learner.title} has been introduced to {source.title} already."
        ) from None
    url = reverse("broker:introduction", kwargs={"introduction_id": introduction.pk})
    for network, other, role in ((learner, source, "learn from"), (source, learner, "share with")):
        for person in _co_leaders(network):
            notify(
                recipient=person,
                message=f"The national broker suggests {network.title} could {role} "
                f"{other.title}: {reason}"[:300],
                url=url,
                email_template=EMAIL,
                context={"introduction": introduction, "network": network, "other": other},
            )
    return introduction


@transaction.atomic
def accept_introduction(*, introduction, network, by) -> Introduction:
    """A co-leader accepts the introduction for their network. The other network's co-leaders
    and the broker who sent it are told."""
    introduction = (
        Introduction.objects.select_for_update(of=("self",))
        .select_related("learner", "source", "sent_by")
        .get(pk=introduction.pk)
    )
    why_not = why_not_accept_introduction(by, introduction, network)
    refuse_unless(why_not is None, why_not or "")
    side = introduction.side_of(network)
    setattr(introduction, f"{side}_accepted_at", timezone.now())
    setattr(introduction, f"{side}_accepted_by", by)
    introduction.save(update_fields=[f"{side}_accepted_at", f"{side}_accepted_by"])
    other = introduction.source if side == "learner" else introduction.learner
    url = reverse("broker:introduction", kwargs={"introduction_id": introduction.pk})
    told = _co_leaders(other) + ([introduction.sent_by] if introduction.sent_by else [])
    for person in told:
        notify(
            recipient=person,
            message=f"{network.title} accepted the introduction to {other.title}.",
            url=url,
        )
    return introduction
