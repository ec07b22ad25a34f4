"""The demo artefacts: built on the networks' demo data, of every type and visibility, once."""

import pytest

from django.core.management import call_command

from artefacts.models import (
    ArtefactModeration,
    ArtefactPage,
    ArtefactTrial,
    ArtefactType,
    ModerationStatus,
    TrialOutcome,
    Visibility,
)


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_demo_has_about_forty_artefacts_across_the_demo_networks(seeded):
    assert 38 <= ArtefactPage.objects.count() <= 45
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


def test_demo_has_published_adaptations_across_networks(seeded):
    adaptations = ArtefactPage.objects.live().filter(adapted_from__isnull=False)

    assert adaptations.count() >= 3
    for adaptation in adaptations.select_related("adapted_from"):
        assert adaptation.network_id != adaptation.adapted_from.network_id
        assert adaptation.what_we_changed.strip()


def test_demo_has_we_tried_this_responses_of_every_outcome_from_other_networks(seeded):
    trials = ArtefactTrial.objects.select_related("artefact")

    assert trials.count() >= 6
    assert set(trials.values_list("outcome", flat=True)) == set(TrialOutcome.values)
    assert all(trial.network_id != trial.artefact.network_id for trial in trials)


def test_a_second_demo_run_adds_no_artefacts_or_responses(seeded):
    before = (ArtefactPage.objects.count(), ArtefactTrial.objects.count())

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert (ArtefactPage.objects.count(), ArtefactTrial.objects.count()) == before


def test_demo_does_nothing_without_networks(db):
    from artefacts import demo

    messages = []
    demo.seed(messages.append)

    assert messages == ["no networks yet; no artefacts added"]
    assert not ArtefactPage.objects.exists()
