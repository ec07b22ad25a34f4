"""Spreading a published artefact: “we tried this” responses (written, withdrawn, hidden) and
adaptations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.views import add_refusal_to_form, perform_and_redirect

from .. import selectors, services
from ..errors import ActionRefused
from ..forms import AdaptForm, HideTrialForm, TrialForm
from ..permissions import (
    artefact_or_404,
    can_adapt_artefact,
    can_read_live_artefact,
    can_record_trial,
    can_withdraw_trial,
    is_readable_by_anyone,
    why_not_hide_trial,
    why_not_record_trial,
    why_not_withdraw_trial,
)
from .common import check, trials_url


@login_required
def tried(request, artefact_id):
    """Say (or change) that you tried a published artefact, and how it went."""
    artefact = artefact_or_404(request.user, artefact_id, allowed=can_read_live_artefact)
    check(can_record_trial(request.user, artefact))
    trial = selectors.trial_by(request.user, artefact)
    if refusal := why_not_record_trial(request.user, artefact, existing=trial):
        messages.error(request, refusal)
        return redirect(trials_url(artefact))
    form = TrialForm(
        request.POST or None, networks=selectors.trial_networks_for(request.user), trial=trial
    )
    if request.method == "POST" and form.is_valid():
        try:
            _, created = services.record_trial(
                artefact=artefact, by=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            form.add_error(None, error)
        except ActionRefused as error:
            add_refusal_to_form(form, error)
        else:
            messages.success(
                request,
                "Thank you: the authors have been told how it went."
                if created
                else "Your response is updated.",
            )
            return redirect(trials_url(artefact))
    return render(
        request,
        "artefacts/trial_form.html",
        {
            "form": form,
            "artefact": artefact,
            "network": artefact.network,
            "trial": trial,
            "can_withdraw": trial is not None and can_withdraw_trial(request.user, trial),
        },
        status=400 if form.is_bound else 200,
    )


@login_required
def withdraw_trial(request, artefact_id, trial_id):
    """Ask the person who wrote a response to confirm, then withdraw (delete) it."""
    artefact = artefact_or_404(request.user, artefact_id, allowed=can_read_live_artefact)
    if request.method == "POST":
        return perform_and_redirect(
            request,
            lambda: services.withdraw_trial(artefact=artefact, trial_id=trial_id, by=request.user),
            success="Your response is withdrawn: it no longer shows or counts.",
            to=trials_url(artefact),
        )
    trial = selectors.trial_on(artefact, trial_id)
    if refusal := why_not_withdraw_trial(request.user, trial):
        messages.error(request, refusal)
        return redirect(trials_url(artefact))
    return render(
        request,
        "artefacts/trial_withdraw.html",
        {"artefact": artefact, "network": artefact.network, "trial": trial},
    )


@login_required
def hide_trial(request, artefact_id, trial_id):
    """A moderator hides a response that breaks the community's norms, saying why."""
    artefact = artefact_or_404(request.user, artefact_id, allowed=can_read_live_artefact)
    trial = selectors.trial_on(artefact, trial_id)
    if refusal := why_not_hide_trial(request.user, trial):
        messages.error(request, refusal)
        return redirect(trials_url(artefact))
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
            add_refusal_to_form(form, error)
        else:
            messages.success(
                request,
                f"The response is hidden. {trial.user.display_name} has been told why.",
            )
            return redirect(trials_url(artefact))
    return render(
        request,
        "artefacts/trial_hide.html",
        {"form": form, "artefact": artefact, "network": artefact.network, "trial": trial},
        status=400 if form.is_bound else 200,
    )


@require_POST
@login_required
def restore_trial(request, artefact_id, trial_id):
    """A moderator shows a hidden response again (a button on the artefact page: no form)."""
    artefact = artefact_or_404(request.user, artefact_id, allowed=can_read_live_artefact)
    return perform_and_redirect(
        request,
        lambda: services.restore_trial(artefact=artefact, trial_id=trial_id, by=request.user),
        success="The response shows again. {result.user.display_name} has been told.",
        to=trials_url(artefact),
    )


@login_required
def adapt(request, artefact_id):
    """Start a draft in your network that adapts a published artefact."""
    artefact = artefact_or_404(request.user, artefact_id, allowed=can_read_live_artefact)
    networks = selectors.networks_to_adapt_into(request.user, artefact)
    form = AdaptForm(request.POST or None, original=artefact, networks=networks)
    check(can_adapt_artefact(request.user, artefact, networks=form.networks))
    if request.method == "POST" and form.is_valid():
        try:
            adaptation = services.adapt_artefact(
                original=artefact, by=request.user, **form.service_arguments()
            )
        except ActionRefused as error:
            add_refusal_to_form(form, error)
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
            "shared_with_everyone": is_readable_by_anyone(artefact),
        },
        status=400 if form.is_bound else 200,
    )
