"""Recording what people do in a network. Other apps call `record_activity` from their services.

Activity is a record of something that has already happened and was allowed by the service that
did it, so recording it checks no permissions and is allowed in a closed network (a review of a
closed network's published work still counts for the reviewer).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone

from networks.models import Membership

from .models import Activity


def record_activity(*, user, network, kind, school=None, when=None, source=None) -> Activity:
    """Count `user` as active in `network` at `when` (default now).

    With a `source` (any saved model instance) this is idempotent: recording the same kind of
    activity by the same person on the same source again returns the first record unchanged.
    Without a school, the school the person currently represents in the network is used.
    """
    if school is None:
        membership = _current_membership(user, network)
        school = membership.school if membership is not None else None
    return _record(user=user, network=network, kind=kind, school=school, when=when, source=source)


def record_member_activity(*, user, network, kind, when=None, source=None) -> Activity | None:
    """Record activity only for a current member of the network, with the school they represent.

    For a network's own record keeping: an administrator correcting a network's records for
    support is not taking part in the network, so they are not counted. Returns None for them.
    """
    membership = _current_membership(user, network)
    if membership is None:
        return None
    return _record(
        user=user, network=network, kind=kind, school=membership.school, when=when, source=source
    )


def forget_activity(*, kind, source) -> int:
    """Stop counting the activity recorded about `source` (say, a withdrawn response).
    Returns how many records were removed; none is not an error."""
    deleted, _ = Activity.objects.filter(
        kind=kind,
        source_type=ContentType.objects.get_for_model(source),
        source_id=source.pk,
    ).delete()
    return deleted


@transaction.atomic
def _record(*, user, network, kind, school, when, source) -> Activity:
    source_type = source_key = None
    if source is not None:
        if source.pk is None:
            raise ValueError("Save the source object before recording activity about it.")
        source_type = ContentType.objects.get_for_model(source)
        source_key = {
            "kind": kind,
            "source_type": source_type,
            "source_id": source.pk,
            "user": user,
        }
        existing = Activity.objects.filter(**source_key).first()
        if existing is not None:
            return existing
    activity = Activity(
        user=user,
        network=network,
        school=school,
        kind=kind,
        occurred_at=when or timezone.now(),
        source_type=source_type,
        source_id=source.pk if source is not None else None,
    )
    # The related objects are passed in as instances, so skip re-fetching each one to validate it;
    # the constraints are enforced by the database below.
    activity.full_clean(
        exclude=["user", "network", "school", "source_type"], validate_constraints=False
    )
    try:
        with transaction.atomic():
            activity.save()
    except IntegrityError:
        if source_key is None:
            raise
        return Activity.objects.get(**source_key)  # a concurrent request recorded it first
    return activity


def _current_membership(user, network) -> Membership | None:
    return (
        Membership.objects.current()
        .filter(network=network, user=user)
        .select_related("school")
        .first()
    )
