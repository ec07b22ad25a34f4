"""Schools joining and leaving a network; each link keeps joined_on and left_on as history."""

from django.db import transaction
from django.utils import timezone

from core.errors import refuse_unless

from ..models import NetworkSchool
from ..permissions import (
    can_add_school,
    can_remove_school,
    why_not_add_school,
    why_not_remove_school,
)
from . import actions
from ._common import audit, ensure_open, lock_network
from .errors import ActionRefused


@transaction.atomic
def add_school(*, network, school, by, joined_on=None) -> NetworkSchool:
    network = lock_network(network)
    ensure_open(network)
    refuse_unless(can_add_school(by, network), why_not_add_school(by, network))
    if school is None:
        raise ActionRefused("Choose a school from the register.")
    if not school.is_open:
        raise ActionRefused(f"{school.name} is marked closed in the schools register.")
    if NetworkSchool.objects.filter(network=network, school=school, left_on__isnull=True).exists():
        raise ActionRefused(f"{school.name} is already in {network.title}.")
    joined_on = joined_on or timezone.localdate()
    if joined_on > timezone.localdate():
        raise ActionRefused("The date a school joined cannot be in the future.")
    link = NetworkSchool.objects.create(network=network, school=school, joined_on=joined_on)
    audit(network, actions.SCHOOL_ADDED, by=by, school_urn=school.urn, joined_on=str(joined_on))
    return link


@transaction.atomic
def remove_school(*, network, school, by, left_on=None) -> NetworkSchool:
    network = lock_network(network)
    ensure_open(network)
    refuse_unless(can_remove_school(by, network), why_not_remove_school(by, network))
    link = (
        NetworkSchool.objects.select_for_update(of=("self",))
        .select_related("school")
        .filter(network=network, school=school, left_on__isnull=True)
        .first()
    )
    if link is None:
        raise ActionRefused(f"{school.name} is not currently in {network.title}.")
    left_on = left_on or timezone.localdate()
    if left_on < link.joined_on:
        raise ActionRefused("A school cannot leave before the date it joined.")
    link.left_on = left_on
    link.save(update_fields=["left_on"])
    audit(network, actions.SCHOOL_REMOVED, by=by, school_urn=school.urn, left_on=str(left_on))
    return link
