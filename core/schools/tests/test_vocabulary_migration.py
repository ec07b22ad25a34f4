"""Migration 0005: schools' stored phases and regions become core.vocabulary's values."""

import importlib

import pytest

from django.apps import apps

from core.schools.factories import SchoolFactory
from core.schools.models import School

pytestmark = pytest.mark.django_db

migration = importlib.import_module(
    "core.schools.migrations.0005_schools_phases_and_regions_from_the_vocabulary"
)


def stored(*urns) -> dict:
    return dict(School.objects.filter(urn__in=urns).values_list("urn", "phase"))


def test_the_registers_old_phases_become_vocabulary_values():
    SchoolFactory(urn=100001, phase="Nursery")
    SchoolFactory(urn=100002, phase="16 plus")
    SchoolFactory(urn=100003, phase="Middle deemed primary")
    SchoolFactory(urn=100004, phase="Special")
    SchoolFactory(urn=100005, phase="Not applicable", establishment_type="Pupil referral unit")
    SchoolFactory(urn=100006, phase="Not applicable", establishment_type="Further education")

    migration.forwards(apps, None)

    assert stored(100001, 100002, 100003, 100004, 100005, 100006) == {
        100001: "early-years",
        100002: "post-16",
        100003: "primary",
        100004: "special",
        100005: "alternative-provision",
        100006: "",
    }


def test_running_the_migration_twice_changes_nothing_more():
    SchoolFactory(urn=100001, phase="Nursery", region="Not Applicable")
    SchoolFactory(urn=100002, phase="secondary", region="London")
    migration.forwards(apps, None)
    once = list(School.objects.order_by("urn").values_list("urn", "phase", "region"))

    migration.forwards(apps, None)

    assert once == [(100001, "early-years", ""), (100002, "secondary", "London")]
    assert list(School.objects.order_by("urn").values_list("urn", "phase", "region")) == once
