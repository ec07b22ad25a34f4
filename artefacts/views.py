"""The site's artefact pages outside the Wagtail page itself: writing, moderation, revisions,
files and lists. Views fetch through permissions' accessors and write through services."""

import mimetypes
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Revision

from core.views import add_refusal_to_form
from networks.models import NetworkPage, Theme
from networks.permissions import can_view_network

from . import diff, selectors, services
from .errors import ActionRefused, InvalidAdaptation, StaleDraft
from .forms import (
    AdaptForm,
    ApproveForm,
    ArtefactForm,
    HideTrialForm,
    RequestChangesForm,
    TrialForm,
)
from .models import ArtefactFile, ArtefactType, ModerationStatus, Visibility
from .permissions import (
    artefact_or_404,
    can_adapt_artefact,
    can_approve,
    can_create_artefact,
    can_download,
    can_edit_artefact,
    can_hide_trial,
    can_moderate_trials,
    can_read_live_artefact,
    can_record_trial,
    can_request_changes,
    can_submit,
    can_view_draft,
    can_view_revisions,
    can_withdraw_trial,
)
from .reading import body_context

PER_PAGE = 12


def _network_or_404(user, network_slug) -> NetworkPage:
    network = NetworkPage.objects.filter(slug=network_slug).first()
    if network is None or not can_view_network(user, network):
        raise Http404("No network found.")
    return network


def _check(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _workspace(artefact):
    return redirect("artefacts:workspace", artefact_id=artefact.pk)


# --- Writing -----------------------------------------------------------------------------------


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
    network = _network_or_404(request.user, network_slug)
    _check(can_create_artefact(request.user, network))
    form = ArtefactForm(
        request.POST or None, request.FILES or None, network=network, author=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            artefact = services.create_artefact(
                network=network, by=request.user, **form.service_arguments()
            )
        except ActionRefused as error:
            messages.error(request, error.message)
        else:
            _save_and_maybe_submit(request, artefact)
            return _workspace(artefact)
    status = 400 if form.is_bound else 200
    return _form_page(request, form=form, network=network, status=status)


@login_required
def edit(request, artefact_id):
    artefact = artefact_or_404(request.user, artefact_id, allowed=can_view_draft)
    _check(can_edit_artefact(request.user, artefact))
    latest = artefact.get_latest_revision_as_object()
    form_args = {"network": artefact.network, "author": artefact.owner or request.user}
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
            # Keep every word the person typed; start the next save from the newer version.
            data = request.POST.copy()
            data["base_revision"] = str(stale.latest_revision.pk)
            form = ArtefactForm(data, artefact=latest, **form_args)
            form.is_valid()
            return _form_page(
                request,
                form=form,
                network=artefact.network,
                artefact=latest,
                stale={
                    "message": stale.message,
                    "revision": stale.latest_revision,
                    "lost_file": bool(request.FILES),
                    "compare_url": reverse("artefacts:compare", kwargs={"artefact_id": artefact.pk})
                    + f"?old={request.POST.get('base_revision', '')}&new={stale.latest_revision.pk}",
                },
                status=409,
            )
        except InvalidAdaptation as error:
            add_refusal_to_form(form, error)
        except ActionRefused as error:
            messages.error(request, error.message)
        else:
            _save_and_maybe_submit(request, artefact)
            return _workspace(artefact)
    return _form_page(request, form=form, network=artefact.network, artefact=latest, status=400)


# --- Moderation --------------------------------------------------------------------------------


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
    except ActionRefused as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Submitted: a co-leader of the network will review it.")
    return _workspace(artefact)


@login_required
@require_POST
def approve(request, artefact_id):
    artefact = artefact_or_404(request.user, artefact_id, allowed=can_view_draft)
    form = ApproveForm(request.POST)
    if not form.is_valid():
        return _workspace_page(request, artefact, approve_form=form, status=400)
    try:
        moderation = services.approve_artefact(
            artefact=artefact, by=request.user, go_live_at=form.cleaned_data["go_live_at"]
        )
    except ActionRefused as error:
        messages.error(request, error.message)
    else:
        if moderation.status == ModerationStatus.SCHEDULED:
            messages.success(request, "Approved: it will be published at the time you chose.")
        else:
            messages.success(request, "Approved and published.")
    return _workspace(artefact)


@login_required
@require_POST
def request_changes(request, artefact_id):
    artefact = artefact_or_404(request.user, artefact_id, allowed=can_view_draft)
    form = RequestChangesForm(request.POST)
    if not form.is_valid():
        return _workspace_page(request, artefact, changes_form=form, status=400)
    try:
        services.request_changes(
            artefact=artefact, by=request.user, comment=form.cleaned_data["comment"]
        )
    except ActionRefused as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Your request for changes has been sent to the authors.")
    return _workspace(artefact)


# --- Spreading: “we tried this” and adapting -------------------------------------------------


@login_required
def tried(request, artefact_id):
    """Say (or change) that you tried a published artefact, and how it went."""
    artefact = artefact_or_404(request.user, artefact_id, allowed=can_read_live_artefact)
    _check(can_record_trial(request.user, artefact))
    trial = selectors.trial_by(request.user, artefact)
    if not can_record_trial(request.user, artefact, existing=trial):
        messages.error(request, "A moderator hid your response, so it can no longer be changed.")
        return redirect(f"{artefact.url}#tried")
    networks = list(selectors.trial_networks_for(request.user))
    form = TrialForm(request.POST or None, networks=networks, trial=trial)
    if request.method == "POST" and form.is_valid():
        try:
            _, created = services.record_trial(
                artefact=artefact, by=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            form.add_error(None, error)
        except ActionRefused as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                "Thank you: the authors have been told how it went."
                if created
                else "Your response is updated.",
            )
            return redirect(f"{artefact.url}#tried")
    withdraw_url = (
        reverse(
            "artefacts:withdraw_trial", kwargs={"artefact_id": artefact.pk, "trial_id": trial.pk}
        )
        if trial is not None and can_withdraw_trial(request.user, trial)
        else ""
    )
    return render(
        request,
        "artefacts/trial_form.html",
        {
            "form": form,
            "artefact": artefact,
            "network": artefact.network,
            "trial": trial,
            "withdraw_url": withdraw_url,
        },
        status=400 if form.is_bound else 200,
    )


def _back_to_trials(artefact):
    return redirect(f"{artefact.url}#tried")


@login_required
def withdraw_trial(request, artefact_id, trial_id):
    """Ask the person who wrote a response to confirm, then withdraw (delete) it."""
    artefact = artefact_or_404(request.user, artefact_id, allowed=can_read_live_artefact)
    if request.method == "POST":
        try:
            services.withdraw_trial(artefact=artefact, trial_id=trial_id, by=request.user)
        except ActionRefused as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "Your response is withdrawn: it no longer shows or counts.")
        return _back_to_trials(artefact)
    trial = selectors.trial_on(artefact, trial_id)
    if trial is None or not can_withdraw_trial(request.user, trial):
        messages.error(request, "That response was not found, or it is not yours to withdraw.")
        return _back_to_trials(artefact)
    return render(
        request,
        "artefacts/trial_withdraw.html",
        {"artefact": artefact, "network": artefact.network, "trial": trial},
    )


def _why_not_hide(user, trial) -> str:
    """What stops this person hiding the response ("" when nothing does)."""
    if trial is None or not can_moderate_trials(user, trial.artefact):
        return "That response was not found, or you cannot hide it."
    if trial.is_hidden:
        return "That response is already hidden."
    if not can_hide_trial(user, trial):
        return "You cannot hide your own response: withdraw it instead."
    return ""


@login_required
def hide_trial(request, artefact_id, trial_id):
    """A moderator hides a response that breaks the community's norms, saying why."""
    artefact = artefact_or_404(request.user, artefact_id, allowed=can_read_live_artefact)
    trial = selectors.trial_on(artefact, trial_id)
    refusal = _why_not_hide(request.user, trial)
    if refusal:
        messages.error(request, refusal)
        return _back_to_trials(artefact)
    form = HideTrialForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.hide_trial(
                artefact=artefact,
                trial_id=trial.pk,
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ActionRefused as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                f"The response is hidden. {trial.user.display_name} has been told why.",
            )
            return _back_to_trials(artefact)
    return render(
        request,
        "artefacts/trial_hide.html",
        {"form": form, "artefact": artefact, "network": artefact.network, "trial": trial},
        status=400 if form.is_bound else 200,
    )


@login_required
def adapt(request, artefact_id):
    """Start a draft in your network that adapts a published artefact."""
    artefact = artefact_or_404(request.user, artefact_id, allowed=can_read_live_artefact)
    networks = list(selectors.networks_to_adapt_into(request.user, artefact))
    _check(can_adapt_artefact(request.user, artefact, networks=networks))
    form = AdaptForm(request.POST or None, original=artefact, networks=networks)
    if request.method == "POST" and form.is_valid():
        try:
            adaptation = services.adapt_artefact(
                original=artefact, by=request.user, **form.service_arguments()
            )
        except InvalidAdaptation as error:
            add_refusal_to_form(form, error)
        except ActionRefused as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                "Your adaptation is saved as a draft, starting from the original's words. Make "
                "it your own, then submit it for review.",
            )
            return redirect("artefacts:edit", artefact_id=adaptation.pk)
    return render(
        request,
        "artefacts/adapt.html",
        {
            "form": form,
            "artefact": artefact,
            "network": artefact.network,
            "only_network": form.only_network,
        },
        status=400 if form.is_bound else 200,
    )


# --- Revisions ---------------------------------------------------------------------------------


@login_required
def revisions(request, artefact_id):
    artefact = artefact_or_404(request.user, artefact_id, allowed=can_view_revisions)
    all_revisions = selectors.revisions_of(artefact)
    page_obj = Paginator(all_revisions, 25).get_page(request.GET.get("page"))
    versions = list(page_obj.object_list)
    for newer, older in zip(versions, versions[1:], strict=False):
        newer.previous_id = older.pk
    if versions:
        oldest = versions[-1]
        older = (
            all_revisions.filter(created_at__lte=oldest.created_at)
            .exclude(pk=oldest.pk)
            .exclude(created_at=oldest.created_at, pk__gt=oldest.pk)
            .values_list("pk", flat=True)
            .first()
        )
        oldest.previous_id = older
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


# --- Files -------------------------------------------------------------------------------------


def _private_headers(response, artefact):
    response["X-Content-Type-Options"] = "nosniff"
    if not (artefact.live and artefact.visibility == Visibility.PUBLIC):
        response["Cache-Control"] = "private, no-store"
    return response


def document(request, artefact_id, document_id):
    """A document of an artefact, for people who may read a version that holds it."""
    artefact = artefact_or_404(request.user, artefact_id)
    if not can_download(request.user, artefact, kind="document", file_id=document_id):
        raise Http404("No document found.")
    document = get_object_or_404(get_document_model(), pk=document_id)
    link = ArtefactFile.objects.filter(artefact=artefact, document=document).first()
    name = (link.original_name if link else "") or document.filename
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=name,
        content_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
    )
    return _private_headers(response, artefact)


def image(request, artefact_id, image_id):
    """An image of an artefact, resized, for people who may read a version that holds it."""
    artefact = artefact_or_404(request.user, artefact_id)
    if not can_download(request.user, artefact, kind="image", file_id=image_id):
        raise Http404("No image found.")
    image = get_object_or_404(get_image_model(), pk=image_id)
    rendition = image.get_rendition("max-1200x1200")
    name = rendition.file.name
    response = FileResponse(
        rendition.file.open("rb"),
        content_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
    )
    return _private_headers(response, artefact)


# --- Lists -------------------------------------------------------------------------------------


def _filtered(request, artefacts):
    artefact_type = request.GET.get("type", "")
    theme = request.GET.get("theme", "")
    if artefact_type in ArtefactType.values:
        artefacts = artefacts.filter(artefact_type=artefact_type)
    else:
        artefact_type = ""
    if theme:
        artefacts = artefacts.filter(themes__slug=theme).distinct()
    return artefacts, {"type": artefact_type, "theme": theme}


def _feed_url(*, network=None, theme_slug: str = "") -> str:
    """The Atom feed of the public artefacts a list shows (the feed has no type filter)."""
    query = urlencode(
        {
            key: value
            for key, value in (("network", network.slug if network else ""), ("theme", theme_slug))
            if value
        }
    )
    url = reverse("artefact_feed")
    return f"{url}?{query}" if query else url


def _list_page(request, artefacts, *, template_context):
    artefacts, filters = _filtered(request, artefacts)
    page_obj = Paginator(artefacts, PER_PAGE).get_page(request.GET.get("page"))
    query = urlencode({key: value for key, value in filters.items() if value})
    themes = list(Theme.objects.all())
    known_theme = filters["theme"] if filters["theme"] in {t.slug for t in themes} else ""
    return render(
        request,
        "artefacts/list.html",
        {
            "page_obj": page_obj,
            "artefacts": list(page_obj.object_list),
            "filters": filters,
            "query": query,
            "types": ArtefactType.choices,
            "themes": themes,
            "feed_url": _feed_url(network=template_context.get("network"), theme_slug=known_theme),
            **template_context,
        },
    )


def network_list(request, network_slug):
    """The network's artefacts this person may read."""
    network = _network_or_404(request.user, network_slug)
    return _list_page(
        request,
        selectors.network_artefacts(network, request.user),
        template_context={
            "network": network,
            "heading": f"Artefacts from {network.title}",
            "can_create": can_create_artefact(request.user, network),
            "create_url": reverse("artefacts:create", kwargs={"network_slug": network.slug}),
        },
    )


def index(request):
    """Every artefact this person may read, from every network."""
    return _list_page(
        request,
        selectors.with_card_data(selectors.artefacts_visible_to(request.user)),
        template_context={"heading": "Learning artefacts"},
    )


@login_required
def yours(request):
    """Drafts the person is writing and artefacts waiting for their review."""
    return render(
        request,
        "artefacts/yours.html",
        {
            "drafts": list(selectors.drafts_of(request.user)[:50]),
            "to_review": list(selectors.awaiting_review_by(request.user)[:50]),
            "networks": list(selectors.networks_to_write_in(request.user)),
        },
    )
