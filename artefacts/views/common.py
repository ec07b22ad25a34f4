"""What the artefact views share."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect


def check(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def to_workspace(artefact):
    return redirect("artefacts:workspace", artefact_id=artefact.pk)


def trials_url(artefact) -> str:
    """Where an artefact's “we tried this” responses are, on its page."""
    return f"{artefact.url}#tried"
