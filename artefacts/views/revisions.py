"""An artefact's saved versions, and a word-level comparison of two of them."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from wagtail.models import Revision

from .. import diff, selectors
from ..permissions import artefact_or_404, can_view_revisions


@login_required
def revisions(request, artefact_id):
    artefact = artefact_or_404(request.user, artefact_id, allowed=can_view_revisions)
    page_obj, versions = selectors.revisions_page(artefact, request.GET.get("page"))
    return render(
        request,
        "artefacts/revisions.html",
        {
            "artefact": artefact,
            "page_obj": page_obj,
            "versions": versions,
            "live_revision_id": artefact.live_revision_id,
        },
    )


def _revision_or_404(artefact, value) -> Revision:
    try:
        revision_id = int(value)
    except (TypeError, ValueError):
        raise Http404("No such version.") from None
    revision = selectors.revisions_of(artefact).filter(pk=revision_id).first()
    if revision is None:
        raise Http404("No such version.")
    return revision


@login_required
def compare(request, artefact_id):
    """A word-level comparison of two versions' text, older on the left of each change."""
    artefact = artefact_or_404(request.user, artefact_id, allowed=can_view_revisions)
    old = _revision_or_404(artefact, request.GET.get("old"))
    new = _revision_or_404(artefact, request.GET.get("new"))
    if (old.created_at, old.pk) > (new.created_at, new.pk):
        old, new = new, old
    changes = diff.compare(old.as_object(), new.as_object())
    return render(
        request,
        "artefacts/compare.html",
        {
            "artefact": artefact,
            "old": old,
            "new": new,
            "changes": [change for change in changes if change.changed],
            "unchanged": [change.label for change in changes if not change.changed],
        },
    )
