"""A teacher proposes a network and becomes its first co-leader."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.log_actions import log

from core.errors import refuse_unless

from ..models import Membership, NetworkIndexPage, NetworkPage, NetworkSchool, NetworkStatus, Role
from ..permissions import can_propose_network, forget_cached_roles, why_not_propose_network
from . import actions
from ._common import audit
from .errors import ActionRefused

# Paths under /networks/ that networks.urls serves: no network may take them as its slug.
RESERVED_SLUGS = frozenset({"propose", "invitations"})


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


@transaction.atomic
def propose_network(*, title: str, purpose: str, themes=(), school, by) -> NetworkPage:
    """Create the network's live page as *forming*, with `by` as first co-leader from `school`."""
    refuse_unless(can_propose_network(by), why_not_propose_network(by))
    title, purpose = (title or "").strip(), (purpose or "").strip()
    if not title:
        raise ActionRefused("Give the network a name.")
    if not purpose:
        raise ActionRefused("Say why the schools will work together: the network's purpose.")
    if school is None:
        raise ActionRefused("Choose your school from the register.")
    if not school.is_open:
        raise ActionRefused(f"{school.name} is marked closed in the schools register.")
    index = NetworkIndexPage.objects.first()
    if index is None:
        raise ActionRefused("The network directory is not set up yet.")

    network = NetworkPage(
        title=title,
        slug=_unique_slug(index, title),
        purpose=purpose,
        status=NetworkStatus.FORMING,
        owner=by,
    )
    network.themes.set(list(themes))
    index.add_child(instance=network)
    revision = network.save_revision(user=by, log_action=True)
    revision.publish(user=by, skip_permission_checks=True)
    network.refresh_from_db()

    Membership.objects.create(network=network, user=by, role=Role.CO_LEADER, school=school)
    NetworkSchool.objects.create(network=network, school=school, joined_on=timezone.localdate())
    forget_cached_roles(by)
    log(instance=network, action="wagtail.create", user=by)
    audit(network, actions.PROPOSED, by=by, school_urn=school.urn)
    return network
