"""The demo artefacts: built on the networks' demo data, of every type and visibility, once."""

import pytest

from django.core.management import call_command

from artefacts.models import (
    ArtefactModeration,
    ArtefactPage,
    ArtefactType,
    ModerationStatus,
    Visibility,
)


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_demo_has_about_forty_artefacts_across_the_demo_networks(seeded):
    assert 38 <= ArtefactPage.objects.count() <= 42
    assert ArtefactPage.objects.values("network").distinct().count() == 8


def test_demo_has_every_type_and_every_visibility(seeded):
    live = ArtefactPage.objects.live()
    assert set(live.values_list("artefact_type", flat=True)) == set(ArtefactType.values)
    assert set(live.values_list("visibility", flat=True)) == set(Visibility.values)


def test_demo_artefacts_say_what_did_not_work_and_credit_contributors(seeded):
    for artefact in ArtefactPage.objects.live():
        assert artefact.what_did_not_work.strip()
        assert artefact.contributors.exists()


def test_some_demo_artefacts_have_documents(seeded):
    assert sum(1 for a in ArtefactPage.objects.live() if a.resource_ids("document")) >= 10


def test_demo_logins_have_moderation_work_waiting(seeded):
    statuses = set(ArtefactModeration.objects.values_list("status", flat=True))
    assert {ModerationStatus.SUBMITTED, ModerationStatus.CHANGES_REQUESTED} <= statuses


def test_a_second_demo_run_adds_no_artefacts(seeded):
    before = ArtefactPage.objects.count()

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert ArtefactPage.objects.count() == before


def test_demo_does_nothing_without_networks(db):
    from artefacts import demo

    messages = []
    demo.seed(messages.append)

    assert messages == ["no networks yet; no artefacts added"]
    assert not ArtefactPage.objects.exists()
