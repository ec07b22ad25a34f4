"""Building what a person's home shows, the way the site's services leave it."""

from datetime import timedelta

from django.utils import timezone

from artefacts import services as artefact_services
from artefacts.factories import DraftArtefactFactory
from core.home import my_home_sections


def submitted_artefact(network, author, **fields):
    """A draft its author has submitted for moderation."""
    artefact = DraftArtefactFactory(network=network, owner=author, **fields)
    artefact_services.submit_artefact(artefact=artefact, by=author)
    return artefact


def section(user, key):
    """The home section `key` as `user` sees it, or None when it is left out."""
    return next((s for s in my_home_sections(user) if s.key == key), None)


def labels(home_section) -> list[str]:
    return [item.label for item in home_section.items]


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)
