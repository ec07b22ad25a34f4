"""Autosave: artefacts/static/artefacts/autosave.js posts the artefact form here while the
person types (every ~20 s, when something changed) and says "Saved at 10:42".

JSON in, JSON out: every refusal is a 4xx with a `message` for the person. Files, resource
removals and kept uploads wait for the person's own "Save draft": an autosave saves the words
and choices only (services.save_draft(autosave=True) overwrites its own latest revision rather
than piling them up). A new artefact's first autosave starts its draft, once per form
(views.drafting's `draft_key`), and answers with the draft's edit and autosave addresses.
"""

from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.roles import is_signed_in
from networks.permissions import network_for_user_or_404

from .. import selectors, services
from ..errors import ActionRefused, StaleDraft
from ..forms import ArtefactForm
from ..permissions import (
    artefact_or_404,
    can_view_draft,
    why_not_create_artefact,
    why_not_edit_artefact,
)
from .drafting import edit_form_arguments, remember_started_draft, started_draft_id

# Fields an autosave leaves alone (the file input is never sent by the script; a hand-made post
# carrying these is treated the same).
NOT_AUTOSAVED = ("new_file", "pending_uploads", "remove_pending", "remove_resources")
SIGN_IN = "Sign in again to save your draft: your words are still in the form."
NO_TITLE = "Not saved yet: give it a title first."


def _refuse(message: str, status: int, **extra) -> JsonResponse:
    return JsonResponse({"saved": False, "message": message, **extra}, status=status)


def _saved(revision, **extra) -> JsonResponse:
    saved_at = timezone.localtime(revision.created_at).strftime("%H:%M")
    return JsonResponse(
        {"saved": True, "saved_at": saved_at, "base_revision": revision.pk, **extra}
    )


def _autosave_data(request):
    data = request.POST.copy()
    for name in NOT_AUTOSAVED:
        data.pop(name, None)
    return data


def _invalid(form) -> JsonResponse:
    if "title" in form.errors:
        return _refuse(NO_TITLE, 400, errors=form.errors.get_json_data())
    return _refuse(
        "Not saved: some answers need changing. Use “Save draft” to see where.",
        400,
        errors=form.errors.get_json_data(),
    )


def _save_existing(request, artefact_id, *, same_form=False) -> JsonResponse:
    try:
        artefact = artefact_or_404(request.user, artefact_id, allowed=can_view_draft)
    except Http404:
        return _refuse("This draft does not exist, or you cannot see it.", 404)
    if reason := why_not_edit_artefact(request.user, artefact):
        return _refuse(reason, 403)
    latest = artefact.get_latest_revision_as_object()
    form = ArtefactForm(
        _autosave_data(request), artefact=latest, **edit_form_arguments(request, artefact, latest)
    )
    if not form.is_valid():
        return _invalid(form)
    arguments = form.service_arguments()
    arguments["resources"] = None
    base_revision = form.cleaned_data.get("base_revision")
    if same_form and not base_revision:
        base_revision = artefact.latest_revision_id
    try:
        revision = services.save_draft(
            artefact=artefact,
            by=request.user,
            base_revision_id=base_revision,
            autosave=True,
            **arguments,
        )
    except StaleDraft as stale:
        return _refuse(stale.message, 409)
    except ActionRefused as error:
        return _refuse(f"Not saved: {error.message}", 400)
    return _saved(revision, **_addresses(artefact))


def _addresses(artefact) -> dict:
    return {
        "edit_url": reverse("artefacts:edit", kwargs={"artefact_id": artefact.pk}),
        "autosave_url": reverse("artefacts:autosave", kwargs={"artefact_id": artefact.pk}),
    }


@require_POST
def autosave(request, artefact_id):
    if not is_signed_in(request.user):
        return _refuse(SIGN_IN, 403)
    return _save_existing(request, artefact_id)


@require_POST
def autosave_new(request, network_slug):
    if not is_signed_in(request.user):
        return _refuse(SIGN_IN, 403)
    try:
        network = network_for_user_or_404(request.user, network_slug)
    except Http404:
        return _refuse("This network does not exist, or you cannot see it.", 404)
    if reason := why_not_create_artefact(request.user, network):
        return _refuse(reason, 403)
    key = request.POST.get("draft_key", "")
    if started_id := started_draft_id(request, key):
        return _save_existing(request, started_id, same_form=True)
    form = ArtefactForm(
        _autosave_data(request),
        network=network,
        author=request.user,
        options=selectors.artefact_form_options(network, author=request.user),
    )
    if not form.is_valid():
        return _invalid(form)
    arguments = form.service_arguments()
    arguments["resources"] = None
    try:
        artefact = services.create_artefact(network=network, by=request.user, **arguments)
    except ActionRefused as error:
        return _refuse(f"Not saved: {error.message}", 400)
    remember_started_draft(request, key, artefact)
    return _saved(artefact.latest_revision, **_addresses(artefact))
