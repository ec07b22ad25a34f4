"""The broker's demo data: collections (one featured), a featured artefact, a synthesis, an
introduction and the demo teacher's follows, made once."""

import pytest

from django.core.management import call_command

from broker.models import Collection, Feature, Follow, Introduction, Synthesis


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_demo_has_two_published_collections_with_items(seeded):
    collections = Collection.objects.published()

    assert collections.count() == 2
    assert all(collection.items.exists() for collection in collections)


def test_demo_features_a_collection_and_an_artefact_on_the_home_page(client, seeded):
    assert Feature.objects.filter(collection__isnull=False).count() == 1
    assert Feature.objects.filter(artefact__isnull=False).count() == 1
    assert "Feedback that moves learning on" in client.get("/").content.decode()


def test_demo_has_a_published_synthesis_citing_artefacts(seeded):
    synthesis = Synthesis.objects.get()

    assert synthesis.is_published
    assert synthesis.citations.count() == 3


def test_demo_has_an_introduction_waiting_for_mersey(seeded):
    introduction = Introduction.objects.get()

    assert introduction.learner.title == "Mersey Learning Partnership"
    assert not introduction.learner_accepted


def test_demo_teacher_follows_a_theme_and_a_collection(seeded):
    kinds = sorted(f.kind for f in Follow.objects.filter(user__email="teacher@example.org"))

    assert kinds == ["collection", "theme"]


def test_running_the_demo_again_adds_nothing(seeded):
    counts = [Collection.objects.count(), Feature.objects.count(), Follow.objects.count()]

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert [Collection.objects.count(), Feature.objects.count(), Follow.objects.count()] == counts


def test_demo_collection_on_pupil_voice_shows_its_study_visit_to_a_visitor(client, seeded):
    collection = Collection.objects.get(slug="pupils-as-researchers")
    (item,) = collection.items.filter(visit_offer__isnull=False)

    html = client.get("/collections/pupils-as-researchers/").content.decode()

    assert item.visit_offer.title in html
