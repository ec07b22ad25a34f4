"""Connecting networks: the brokers' suggestions and introductions, and the co-leaders' answer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.errors import ActionRefused
from core.views import add_refusal_to_form, perform_and_redirect
from networks.models import NetworkPage

from ..forms import IntroductionForm
from ..permissions import (
    can_accept_introduction,
    can_curate,
    introduction_or_404,
    why_not_curate,
)
from ..selectors.connections import (
    introductions_sent,
    needs_of,
    searched_themes,
    suggestions_for,
    weakest_criteria,
)
from ..services import introductions as services
from ._common import paginate, refuse_unless


def _broker(request) -> None:
    refuse_unless(can_curate(request.user), why_not_curate(request.user))


@login_required
def introductions(request):
    _broker(request)
    networks = NetworkPage.objects.live().order_by("title").only("title", "slug")
    return render(
        request,
        "broker/curate/introductions.html",
        {"page_obj": paginate(request, introductions_sent(), 25), "networks": networks},
    )


@login_required
def choose_network(request):
    _broker(request)
    slug = request.GET.get("network", "").strip()
    if not NetworkPage.objects.live().filter(slug=slug).exists():
        messages.error(request, "Choose a network from the list.")
        return redirect("broker:introductions")
    return redirect("broker:connect", network_slug=slug)


@login_required
def connect(request, network_slug):
    """Suggestions of networks to learn from, and the form to introduce one."""
    _broker(request)
    learner = NetworkPage.objects.live().filter(slug=network_slug).first()
    if learner is None:
        raise Http404("No network found.")
    form = IntroductionForm(request.POST or None, learner=learner)
    if request.method == "POST" and form.is_valid():
        try:
            services.send_introduction(by=request.user, learner=learner, **form.cleaned_data)
        except ActionRefused as error:
            add_refusal_to_form(form, error)
        else:
            messages.success(
                request,
                f"Both networks' co-leaders have the introduction to "
                f"{form.cleaned_data['source'].title}.",
            )
            return redirect("broker:introductions")
    searched = searched_themes(learner)
    return render(
        request,
        "broker/curate/connect.html",
        {
            "learner": learner,
            "needs": needs_of(learner, searched),
            "searched": searched,
            "weakest": weakest_criteria(learner),
            "suggestions": suggestions_for(learner),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@login_required
def introduction(request, introduction_id):
    introduction = introduction_or_404(request.user, introduction_id)
    sides = [
        (network, can_accept_introduction(request.user, introduction, network))
        for network in (introduction.learner, introduction.source)
    ]
    return render(
        request,
        "broker/introduction.html",
        {"introduction": introduction, "sides": sides},
    )


@login_required
@require_POST
def accept(request, introduction_id):
    introduction = introduction_or_404(request.user, introduction_id)
    network = next(
        (
            network
            for network in (introduction.learner, introduction.source)
            if str(network.pk) == request.POST.get("network")
        ),
        None,
    )
    if network is None:
        messages.error(request, "Choose which of the two networks accepts.")
        return redirect("broker:introduction", introduction_id=introduction.pk)
    return perform_and_redirect(
        request,
        lambda: services.accept_introduction(
            introduction=introduction, network=network, by=request.user
        ),
        success=f"Accepted for {network.title}: the other network's co-leaders are told.",
        to="broker:introduction",
        introduction_id=introduction.pk,
    )
