from datetime import timedelta

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone

from networks.baselining.factories import IndicatorFactory
from networks.engagement.models import Activity, ActivityKind
from networks.engagement.services import (
    forget_activity,
    record_activity,
    record_member_activity,
)
from tests.world import world_built_once

# These tests only read the world: it is built once for the module.
world = world_built_once()
pytestmark = pytest.mark.django_db


def test_record_activity_uses_the_school_the_person_represents(world):
    activity = record_activity(user=world.member, network=world.network, kind=ActivityKind.ATTENDED)

    assert activity.school == world.school


def test_record_activity_keeps_an_explicit_school(world):
    activity = record_activity(
        user=world.member,
        network=world.network,
        kind=ActivityKind.ATTENDED,
        school=world.second_school,
    )

    assert activity.school == world.second_school


def test_record_activity_for_someone_without_a_school_has_none(world):
    activity = record_activity(
        user=world.critical_friend, network=world.network, kind=ActivityKind.REVIEWED
    )

    assert activity.school is None


def test_record_activity_keeps_when_it_happened(world):
    when = timezone.now() - timedelta(days=12)

    activity = record_activity(
        user=world.member, network=world.network, kind=ActivityKind.ATTENDED, when=when
    )

    assert activity.occurred_at == when


def test_record_activity_is_idempotent_for_the_same_source(world):
    source = IndicatorFactory(network=world.network)
    first = record_activity(
        user=world.member, network=world.network, kind=ActivityKind.REVIEWED, source=source
    )

    again = record_activity(
        user=world.member, network=world.network, kind=ActivityKind.REVIEWED, source=source
    )

    assert again == first and Activity.objects.count() == 1


def test_record_activity_counts_another_kind_on_the_same_source_separately(world):
    source = IndicatorFactory(network=world.network)
    record_activity(
        user=world.member, network=world.network, kind=ActivityKind.REVIEWED, source=source
    )

    record_activity(
        user=world.member, network=world.network, kind=ActivityKind.CONTRIBUTED, source=source
    )

    assert Activity.objects.count() == 2


def test_record_activity_counts_another_person_on_the_same_source_separately(world):
    source = IndicatorFactory(network=world.network)
    record_activity(
        user=world.member, network=world.network, kind=ActivityKind.ATTENDED, source=source
    )

    record_activity(
        user=world.co_leader, network=world.network, kind=ActivityKind.ATTENDED, source=source
    )

    assert Activity.objects.count() == 2


def test_record_activity_without_a_source_records_every_time(world):
    record_activity(user=world.member, network=world.network, kind=ActivityKind.ATTENDED)
    record_activity(user=world.member, network=world.network, kind=ActivityKind.ATTENDED)

    assert Activity.objects.count() == 2


def test_record_activity_refuses_an_unknown_kind(world):
    with pytest.raises(ValidationError):
        record_activity(user=world.member, network=world.network, kind="lurked")

    assert Activity.objects.count() == 0


def test_record_activity_refuses_an_unsaved_source(world):
    with pytest.raises(ValueError, match="Save the source"):
        record_activity(
            user=world.member,
            network=world.network,
            kind=ActivityKind.REVIEWED,
            source=IndicatorFactory.build(network=world.network),
        )


def test_record_member_activity_ignores_someone_who_is_not_a_member(world):
    assert (
        record_member_activity(
            user=world.admin, network=world.network, kind=ActivityKind.CONTRIBUTED
        )
        is None
    )
    assert Activity.objects.count() == 0


def test_record_member_activity_records_a_member_with_their_school(world):
    activity = record_member_activity(
        user=world.co_leader, network=world.network, kind=ActivityKind.CONTRIBUTED
    )

    assert (activity.user, activity.school) == (world.co_leader, world.school)


def test_forget_activity_removes_only_that_kind_on_that_source(world):
    source = IndicatorFactory(network=world.network)
    other_source = IndicatorFactory(network=world.network)
    for kind, about in (
        (ActivityKind.REVIEWED, source),
        (ActivityKind.CONTRIBUTED, source),
        (ActivityKind.REVIEWED, other_source),
    ):
        record_activity(user=world.member, network=world.network, kind=kind, source=about)

    removed = forget_activity(kind=ActivityKind.REVIEWED, source=source)

    assert removed == 1
    assert sorted(Activity.objects.values_list("kind", "source_id")) == sorted(
        [(ActivityKind.CONTRIBUTED, source.pk), (ActivityKind.REVIEWED, other_source.pk)]
    )
