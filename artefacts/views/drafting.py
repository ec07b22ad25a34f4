"""Writing an artefact in the site's form: starting one, and saving new versions of it.

A draft saves with whatever is there (only its title is needed); "Save and submit" then checks
what a submission needs and, when something is missing, brings the person back to the form with
a list linking to each missing section. A file chosen in a form that comes back with errors is
kept (services.keep_pending_upload) and attached on the next save. A new artefact's form carries
a `draft_key`: the session remembers which draft its first save started, so saving that form
again (or its autosave, views.autosave) updates the draft instead of starting another.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse

from core.views import add_refusal_to_form
from networks.permissions import network_for_user_or_404

from .. import selectors, services
from ..errors import ActionRefused, IncompleteArtefact, StaleDraft
from ..forms import ArtefactForm
from ..permissions import artefact_or_404, can_create_artefact, can_edit_artefact, can_view_draft
from .common import check, to_workspace

STARTED_DRAFTS = "artefacts.started_drafts"  # session key: {draft_key: artefact id}
STARTED_DRAFTS_KEPT = 20
CHECK_SUBMIT = "submit"  # ?check=submit: show what the draft lacks before it can be submitted


def started_draft_id(request, key: str) -> int | None:
    return (request.session.get(STARTED_DRAFTS) or {}).get(key) if key else None


def remember_started_draft(request, key: str, artefact) -> None:
    if not key:
        return
    started = dict(request.session.get(STARTED_DRAFTS) or {})
    started[key] = artefact.pk
    request.session[STARTED_DRAFTS] = dict(list(started.items())[-STARTED_DRAFTS_KEPT:])


def missing_items(form, missing) -> list[dict]:
    """What the draft lacks before submission, each with the link to its field in the form."""
    items = []
    for item in missing:
        anchor = form[item.field].id_for_label if item.field in form.fields else ""
        items.append({"label": item.label, "message": item.message, "anchor": anchor})
    return items


def _form_page(
    request, *, form, network, artefact=None, stale=None, missing=(), checking=False, status=200
):
    if artefact is not None:
        autosave_url = reverse("artefacts:autosave", kwargs={"artefact_id": artefact.pk})
    else:
        autosave_url = reverse("artefacts:autosave_new", kwargs={"network_slug": network.slug})
    return render(
        request,
        "artefacts/form.html",
        {
            "form": form,
            "network": network,
            "artefact": artefact,
            "stale": stale,
            "missing": missing_items(form, missing),
            "checking_submission": checking,
            "autosave_url": autosave_url,
            "title": f"Edit “{artefact.title}”" if artefact else "Write an artefact",
        },
        status=status,
    )


def _save_and_maybe_submit(request, artefact):
    if request.POST.get("then") != "submit":
        messages.success(request, "Your draft is saved.")
        return to_workspace(artefact)
    try:
        services.submit_artefact(artefact=artefact, by=request.user)
    except IncompleteArtefact:
        messages.warning(
            request, "Your draft is saved, but not submitted yet: it still needs the parts below."
        )
        edit_url = reverse("artefacts:edit", kwargs={"artefact_id": artefact.pk})
        return redirect(f"{edit_url}?check={CHECK_SUBMIT}")
    except ActionRefused as error:
        messages.warning(request, f"Your draft is saved, but was not submitted: {error.message}")
    else:
        messages.success(
            request, "Your draft is saved and submitted: a co-leader of the network will review it."
        )
    return to_workspace(artefact)


def _form_after_error(request, form, *, artefact, network, make_form, base_revision=None):
    """The form again after an error, keeping every word and the chosen file (as a pending
    upload of the draft), without the files the person ticked to remove."""
    cleaned = getattr(form, "cleaned_data", {})
    data = request.POST.copy()
    removed = [item.pk for item in cleaned.get("remove_pending") or ()]
    if removed:
        services.discard_pending_uploads(by=request.user, pending_ids=removed)
    kept = [value for value in data.getlist("pending_uploads") if value not in map(str, removed)]
    upload = cleaned.get("new_file")
    if upload is not None:
        pending = services.keep_pending_upload(
            artefact=artefact,
            network=network,
            by=request.user,
            upload=upload,
            title=cleaned.get("new_file_title", ""),
        )
        kept.append(str(pending.pk))
        if pending.title:
            data["new_file_title"] = ""
    data.setlist("pending_uploads", kept)
    data.setlist("remove_pending", [])
    if base_revision is not None:
        data["base_revision"] = str(base_revision)
    again = make_form(data)
    again.is_valid()
    for field, errors in form.errors.items():
        for error in errors:
            if error not in again.errors.get(field, []):
                again.add_error(field if field in again.fields else None, error)
    return again


@login_required
def create(request, network_slug):
    network = network_for_user_or_404(request.user, network_slug)
    check(can_create_artefact(request.user, network))
    started_id = started_draft_id(request, request.POST.get("draft_key", ""))
    if request.method == "POST" and started_id:
        return _edit(request, started_id, same_form=True)
    form_args = {
        "network": network,
        "author": request.user,
        "options": selectors.artefact_form_options(network, author=request.user),
        "pending": selectors.pending_uploads(owner=request.user),
    }
    if request.method != "POST":
        form = ArtefactForm(initial={"draft_key": uuid.uuid4().hex}, **form_args)
        return _form_page(request, form=form, network=network)
    form = ArtefactForm(request.POST, request.FILES, **form_args)
    if form.is_valid():
        try:
            artefact = services.create_artefact(
                network=network, by=request.user, **form.service_arguments()
            )
        except ActionRefused as error:
            add_refusal_to_form(form, error)
        else:
            remember_started_draft(request, form.cleaned_data.get("draft_key"), artefact)
            services.discard_pending_uploads(
                by=request.user, pending_ids=form.removed_pending_ids()
            )
            return _save_and_maybe_submit(request, artefact)
    form = _form_after_error(
        request,
        form,
        artefact=None,
        network=network,
        make_form=lambda data: ArtefactForm(data, **form_args),
    )
    return _form_page(request, form=form, network=network, status=400)


def _stale_page(request, *, form, artefact, latest, stale: StaleDraft, make_form):
    """Keep every word the person typed (and their file); start the next save from the newer
    version."""
    form = _form_after_error(
        request,
        form,
        artefact=artefact,
        network=artefact.network,
        make_form=make_form,
        base_revision=stale.latest_revision.pk,
    )
    compare_url = reverse("artefacts:compare", kwargs={"artefact_id": artefact.pk})
    return _form_page(
        request,
        form=form,
        network=artefact.network,
        artefact=latest,
        stale={
            "message": stale.message,
            "revision": stale.latest_revision,
            "compare_url": f"{compare_url}?old={request.POST.get('base_revision', '')}"
            f"&new={stale.latest_revision.pk}",
        },
        status=409,
    )


def edit_form_arguments(request, artefact, latest) -> dict:
    author = artefact.owner or request.user
    return {
        "network": artefact.network,
        "author": author,
        "options": selectors.artefact_form_options(
            artefact.network, author=author, artefact=latest
        ),
        "pending": selectors.pending_uploads(owner=request.user, artefact=artefact),
    }


@login_required
def edit(request, artefact_id):
    return _edit(request, artefact_id)


def _edit(request, artefact_id, *, same_form=False):
    """`same_form`: a new artefact's form posted again after its first save started the draft:
    it carries no base revision, and the latest one is the person's own."""
    artefact = artefact_or_404(request.user, artefact_id, allowed=can_view_draft)
    check(can_edit_artefact(request.user, artefact))
    latest = artefact.get_latest_revision_as_object()
    form_args = edit_form_arguments(request, artefact, latest)
    if request.method != "POST":
        initial = ArtefactForm.initial_from(latest, tags=form_args["options"].tags)
        initial["pending_uploads"] = list(
            form_args["pending"].filter(artefact=artefact).values_list("pk", flat=True)
        )
        form = ArtefactForm(artefact=latest, initial=initial, **form_args)
        checking = request.GET.get("check") == CHECK_SUBMIT
        return _form_page(
            request,
            form=form,
            network=artefact.network,
            artefact=latest,
            missing=latest.missing_for_submission(),
            checking=checking,
        )
    form = ArtefactForm(request.POST, request.FILES, artefact=latest, **form_args)
    if form.is_valid():
        base_revision = form.cleaned_data.get("base_revision")
        if same_form and not base_revision:
            base_revision = artefact.latest_revision_id
        try:
            services.save_draft(
                artefact=artefact,
                by=request.user,
                base_revision_id=base_revision,
                **form.service_arguments(),
            )
        except StaleDraft as stale:
            return _stale_page(
                request,
                form=form,
                artefact=artefact,
                latest=latest,
                stale=stale,
                make_form=lambda data: ArtefactForm(data, artefact=latest, **form_args),
            )
        except ActionRefused as error:
            add_refusal_to_form(form, error)
        else:
            services.discard_pending_uploads(
                by=request.user, pending_ids=form.removed_pending_ids()
            )
            return _save_and_maybe_submit(request, artefact)
    form = _form_after_error(
        request,
        form,
        artefact=artefact,
        network=artefact.network,
        make_form=lambda data: ArtefactForm(data, artefact=latest, **form_args),
    )
    return _form_page(
        request,
        form=form,
        network=artefact.network,
        artefact=latest,
        missing=latest.missing_for_submission(),
        status=400,
    )
