"""Phases and subjects are core.vocabulary's lists: the artefact form offers exactly them, the
network directory's filter the same phases, and the migration that made the rows follow the
vocabulary moves artefacts off rows that meant the same under another name."""

import importlib

import pytest

from django.apps import apps

from artefacts.factories import ArtefactPageFactory
from artefacts.forms import ArtefactForm
from artefacts.models import Phase, Subject
from artefacts.selectors import artefact_form_options
from core import vocabulary
from networks.directory import DirectoryFilterForm

pytestmark = pytest.mark.django_db

follow_the_vocabulary = importlib.import_module(
    "artefacts.migrations.0008_phases_and_subjects_follow_the_vocabulary"
)


def artefact_form(world) -> ArtefactForm:
    options = artefact_form_options(world.network, author=world.author)
    return ArtefactForm(network=world.network, author=world.author, options=options)


def offered(field) -> list[tuple[str, str]]:
    return [(term.slug, term.name) for term in field.queryset]


def test_the_artefact_form_offers_the_vocabularys_phases_and_subjects_in_order(world):
    form = artefact_form(world)

    assert offered(form.fields["phases"]) == list(vocabulary.Phase.choices)
    assert offered(form.fields["subjects"]) == list(vocabulary.Subject.choices)


def test_the_directory_filter_and_the_artefact_form_offer_the_same_phases(world):
    directory_phases = DirectoryFilterForm().fields["phase"].choices[1:]

    assert directory_phases == offered(artefact_form(world).fields["phases"])


def test_a_phase_row_added_outside_the_vocabulary_is_not_offered(world):
    Phase.objects.create(name="Nursery", slug="nursery")

    assert "nursery" not in [slug for slug, _ in offered(artefact_form(world).fields["phases"])]


def test_the_migration_moves_artefacts_from_a_row_that_means_a_vocabulary_phase(world):
    nursery = Phase.objects.create(name="Nursery", slug="nursery")
    maths = Subject.objects.create(name="Maths", slug="maths")
    artefact = ArtefactPageFactory(network=world.network, phases=[nursery], subjects=[maths])

    follow_the_vocabulary.forwards(apps, None)

    assert not Phase.objects.filter(slug="nursery").exists()
    assert list(artefact.phases.values_list("slug", flat=True)) == ["early-years"]
    assert list(artefact.subjects.values_list("slug", flat=True)) == ["mathematics"]


def test_the_migration_run_twice_changes_nothing_more(world):
    Phase.objects.filter(slug="primary").update(name="Primary schools", sort_order=40)
    follow_the_vocabulary.forwards(apps, None)
    rows = list(Phase.objects.values_list("slug", "name", "sort_order"))

    follow_the_vocabulary.forwards(apps, None)

    assert list(Phase.objects.values_list("slug", "name", "sort_order")) == rows
    assert Phase.objects.get(slug="primary").name == "Primary"
