"""The workspace's moderation history, labelled in any process."""

import pytest

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.log_actions import registry as log_registry
from wagtail.models import PageLogEntry

from artefacts.selectors import moderation_history

from .helpers import submitted


@pytest.fixture
def fresh_log_registry(monkeypatch):
    """The registry as a new web worker has it: no register_log_actions hook collected yet."""
    monkeypatch.setattr(log_registry, "has_scanned_for_actions", False)
    monkeypatch.setattr(log_registry, "formatters", {})
    monkeypatch.setattr(log_registry, "choices", [])


def test_history_names_our_own_actions_in_a_process_that_has_not_collected_them(
    world, fresh_log_registry
):
    artefact = submitted(world.network, world.author)

    labels = [entry.label for entry in moderation_history(artefact)]

    assert "Artefact submitted for review" in labels


def test_history_shows_an_action_no_app_registers_by_its_name(world):
    artefact = submitted(world.network, world.author)
    # Wagtail refuses to save an unregistered action: a removed app's entries stay behind.
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                page=artefact,
                content_type=ContentType.objects.get_for_model(artefact),
                action="retired.app.action",
                label=artefact.title,
                timestamp=timezone.now(),
            )
        ]
    )

    labels = [entry.label for entry in moderation_history(artefact)]

    assert "retired.app.action" in labels
