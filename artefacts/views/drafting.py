"""Writing an artefact in the site's form: starting one, and saving new versions of it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from core.views import add_refusal_to_form
from networks.permissions import network_for_user_or_404

from .. import selectors, services
from ..errors import ActionRefused, StaleDraft
from ..forms import ArtefactForm
from ..permissions import artefact_or_404, can_create_artefact, can_edit_artefact, can_view_draft
from .common import check, to_workspace


def _form_page(request, *, form, network, artefact=None, stale=None, status=200):
    return render(
        request,
        "artefacts/form.html",
        {
            "form": form,
            "network": network,
            "artefact": artefact,
            "stale": stale,
            "title": f"Edit “{artefact.title}”" if artefact else "Write an artefact",
        },
        status=status,
    )


def _save_and_maybe_submit(request, artefact) -> None:
    if request.POST.get("then") != "submit":
        messages.success(request, "Your draft is saved.")
        return
    try:
        services.submit_artefact(artefact=artefact, by=request.user)
    except ActionRefused as error:
        messages.warning(request, f"Your draft is saved, but was not submitted: {error.message}")
    else:
        messages.success(
            request, "Your draft is saved and submitted: a co-leader of the network will review it."
        )


@login_required
def create(request, network_slug):
    network = network_for_user_or_404(request.user, network_slug)
    check(can_create_artefact(request.user, network))
    form = ArtefactForm(
        request.POST or None,
        request.FILES or None,
        network=network,
        author=request.user,
        options=selectors.artefact_form_options(network, author=request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            artefact = services.create_artefact(
                network=network, by=request.user, **form.service_arguments()
            )
        except ActionRefused as error:
            add_refusal_to_form(form, error)
        else:
            _save_and_maybe_submit(request, artefact)
            return to_workspace(artefact)
    status = 400 if form.is_bound else 200
    return _form_page(request, form=form, network=network, status=status)


def _stale_page(request, *, artefact, latest, stale: StaleDraft, form_args):
    """Keep every word the person typed; start the next save from the newer version."""
    data = request.POST.copy()
    data["base_revision"] = str(stale.latest_revision.pk)
    form = ArtefactForm(data, artefact=latest, **form_args)
    form.is_valid()
    compare_url = reverse("artefacts:compare", kwargs={"artefact_id": artefact.pk})
    return _form_page(
        request,
        form=form,
        network=artefact.network,
        artefact=latest,
        stale={
            "message": stale.message,
            "revision": stale.latest_revision,
            "lost_file": bool(request.FILES),
            "compare_url": f"{compare_url}?old={request.POST.get('base_revision', '')}"
            f"&new={stale.latest_revision.pk}",
        },
        status=409,
    )


@login_required
def edit(request, artefact_id):
    artefact = artefact_or_404(request.user, artefact_id, allowed=can_view_draft)
    check(can_edit_artefact(request.user, artefact))
    latest = artefact.get_latest_revision_as_object()
    author = artefact.owner or request.user
    form_args = {
        "network": artefact.network,
        "author": author,
        "options": selectors.artefact_form_options(
            artefact.network, author=author, artefact=latest
        ),
    }
    if request.method != "POST":
        form = ArtefactForm(artefact=latest, **form_args)
        return _form_page(request, form=form, network=artefact.network, artefact=latest)
    form = ArtefactForm(request.POST, request.FILES, artefact=latest, **form_args)
    if form.is_valid():
        try:
            services.save_draft(
                artefact=artefact,
                by=request.user,
                base_revision_id=form.cleaned_data.get("base_revision"),
                **form.service_arguments(),
            )
        except StaleDraft as stale:
            return _stale_page(
                request, artefact=artefact, latest=latest, stale=stale, form_args=form_args
            )
        except ActionRefused as error:
            add_refusal_to_form(form, error)
        else:
            _save_and_maybe_submit(request, artefact)
            return to_workspace(artefact)
    return _form_page(request, form=form, network=artefact.network, artefact=latest, status=400)
