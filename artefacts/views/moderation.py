"""The workspace of one artefact: its latest version, its moderation state, and the reviewers'
and authors' next steps."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.views import perform_and_redirect, report_refusal

from .. import selectors, services
from ..errors import ActionRefused, IncompleteArtefact
from ..forms import ApproveForm, RequestChangesForm
from ..models import ModerationStatus
from ..permissions import (
    artefact_or_404,
    can_approve,
    can_edit_artefact,
    can_request_changes,
    can_submit,
    can_view_draft,
)
from ..reading import body_context
from .drafting import CHECK_SUBMIT


def _workspace_page(request, artefact, *, approve_form=None, changes_form=None, status=200):
    user = request.user
    latest = artefact.get_latest_revision_as_object()
    moderation = selectors.moderation_of(artefact)
    context = body_context(latest, artefact.network, url=artefact.full_url or "")
    context.update(
        {
            "moderation": moderation,
            "live_url": artefact.url if artefact.live else "",
            "has_unpublished_changes": artefact.has_unpublished_changes,
            "history": selectors.moderation_history(artefact, limit=20),
            "can_edit": can_edit_artefact(user, artefact),
            "can_submit": can_submit(user, artefact, moderation),
            "can_approve": can_approve(user, artefact, moderation),
            "can_request_changes": can_request_changes(user, artefact, moderation),
            "adapted_from": selectors.adapted_from_for(latest, user),
            "approve_form": approve_form or ApproveForm(),
            "changes_form": changes_form or RequestChangesForm(),
            "statuses": ModerationStatus,
        }
    )
    return render(request, "artefacts/workspace.html", context, status=status)


@login_required
def workspace(request, artefact_id):
    """The latest version with its moderation state and what this person can do next."""
    artefact = artefact_or_404(request.user, artefact_id, allowed=can_view_draft)
    return _workspace_page(request, artefact)


@login_required
@require_POST
def submit(request, artefact_id):
    artefact = artefact_or_404(request.user, artefact_id, allowed=can_view_draft)
    try:
        services.submit_artefact(artefact=artefact, by=request.user)
    except IncompleteArtefact:
        # The form lists what is missing, each linked to its field.
        messages.warning(request, "Not submitted yet: it still needs the parts below.")
        edit_url = reverse("artefacts:edit", kwargs={"artefact_id": artefact.pk})
        return redirect(f"{edit_url}?check={CHECK_SUBMIT}")
    except ActionRefused as error:
        report_refusal(request, error)
    else:
        messages.success(request, "Submitted: a co-leader of the network will review it.")
    return redirect("artefacts:workspace", artefact_id=artefact.pk)


@login_required
@require_POST
def approve(request, artefact_id):
    artefact = artefact_or_404(request.user, artefact_id, allowed=can_view_draft)
    form = ApproveForm(request.POST)
    if not form.is_valid():
        return _workspace_page(request, artefact, approve_form=form, status=400)
    go_live_at = form.cleaned_data["go_live_at"]
    return perform_and_redirect(
        request,
        lambda: services.approve_artefact(
            artefact=artefact, by=request.user, go_live_at=go_live_at
        ),
        success="Approved: it will be published at the time you chose."
        if go_live_at
        else "Approved and published.",
        to="artefacts:workspace",
        artefact_id=artefact.pk,
    )


@login_required
@require_POST
def request_changes(request, artefact_id):
    artefact = artefact_or_404(request.user, artefact_id, allowed=can_view_draft)
    form = RequestChangesForm(request.POST)
    if not form.is_valid():
        return _workspace_page(request, artefact, changes_form=form, status=400)
    return perform_and_redirect(
        request,
        lambda: services.request_changes(
            artefact=artefact, by=request.user, comment=form.cleaned_data["comment"]
        ),
        success="Your request for changes has been sent to the authors.",
        to="artefacts:workspace",
        artefact_id=artefact.pk,
    )
