"""Evidence syntheses: public pages (/syntheses/…) and the brokers' writing pages."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.views import perform_and_redirect, perform_form

from ..forms import CitationForm, SynthesisForm
from ..models import Synthesis
from ..permissions import (
    can_follow,
    can_write_synthesis,
    synthesis_or_404,
    why_not_write_synthesis,
)
from ..selectors.collections import artefact_from_reference
from ..selectors.digests import follow_of
from ..selectors.evidence import citations_for, published_syntheses, theme_evidence
from ..services import syntheses as services
from ._common import refuse_unless


def synthesis_index(request):
    return render(
        request,
        "broker/synthesis_index.html",
        {"syntheses": published_syntheses(), "can_write": can_write_synthesis(request.user)},
    )


def synthesis_detail(request, theme_slug):
    synthesis = synthesis_or_404(request.user, theme_slug)
    return render(
        request,
        "broker/synthesis_detail.html",
        {
            "synthesis": synthesis,
            "evidence": theme_evidence(synthesis.theme),
            "citations": citations_for(synthesis, request.user),
            "can_write": can_write_synthesis(request.user),
            "can_follow": can_follow(request.user),
            "follow": follow_of(request.user, "theme", synthesis.theme),
        },
    )


def _writer(request) -> None:
    refuse_unless(can_write_synthesis(request.user), why_not_write_synthesis(request.user))


@login_required
def syntheses(request):
    _writer(request)
    return render(
        request,
        "broker/curate/syntheses.html",
        {"syntheses": Synthesis.objects.select_related("theme").order_by("theme__name")},
    )


@login_required
def new_synthesis(request):
    _writer(request)
    form = SynthesisForm(request.POST or None)
    done = perform_form(
        request,
        form,
        lambda _: services.create_synthesis(by=request.user, **form.service_arguments()),
        success="The synthesis is saved as a draft: cite its evidence.",
        to=lambda synthesis: reverse("broker:edit_synthesis", args=[synthesis.pk]),
    )
    return done or render(
        request,
        "broker/curate/synthesis_form.html",
        {"form": form, "title": "New evidence synthesis"},
        status=400 if form.errors else 200,
    )


def _edit_page(request, synthesis, *, form=None, citation_form=None):
    form = form or SynthesisForm(
        editing=True,
        initial={
            name: getattr(synthesis, name) for name in (*services.TEXT_FIELDS, "last_reviewed_on")
        },
    )
    citation_form = citation_form or CitationForm()
    return render(
        request,
        "broker/curate/synthesis_edit.html",
        {
            "synthesis": synthesis,
            "form": form,
            "citation_form": citation_form,
            "citations": synthesis.citations.select_related("artefact").order_by("position"),
            "cite_url": reverse("broker:cite", kwargs={"synthesis_id": synthesis.pk}),
        },
        status=400 if form.errors or citation_form.errors else 200,
    )


def _synthesis(request, synthesis_id) -> Synthesis:
    _writer(request)
    return get_object_or_404(Synthesis.objects.select_related("theme"), pk=synthesis_id)


@login_required
def edit_synthesis(request, synthesis_id):
    synthesis = _synthesis(request, synthesis_id)
    form = SynthesisForm(request.POST or None, editing=True) if request.method == "POST" else None
    done = perform_form(
        request,
        form,
        lambda _: services.update_synthesis(
            synthesis=synthesis, by=request.user, **form.service_arguments()
        ),
        success="The synthesis is saved.",
        to="broker:edit_synthesis",
        synthesis_id=synthesis.pk,
    )
    return done or _edit_page(request, synthesis, form=form)


@login_required
@require_POST
def cite(request, synthesis_id):
    synthesis = _synthesis(request, synthesis_id)
    form = CitationForm(request.POST)
    done = perform_form(
        request,
        form,
        lambda data: services.cite_artefact(
            synthesis=synthesis,
            by=request.user,
            artefact=artefact_from_reference(data["artefact"]),
            what_it_shows=data["what_it_shows"],
        ),
        success="The artefact is cited.",
        to="broker:edit_synthesis",
        synthesis_id=synthesis.pk,
    )
    return done or _edit_page(request, synthesis, citation_form=form)


@login_required
@require_POST
def uncite(request, synthesis_id, citation_id):
    synthesis = _synthesis(request, synthesis_id)
    return perform_and_redirect(
        request,
        lambda: services.remove_citation(
            synthesis=synthesis, by=request.user, citation_id=citation_id
        ),
        success="The citation is removed.",
        to="broker:edit_synthesis",
        synthesis_id=synthesis.pk,
    )


@login_required
@require_POST
def publish_synthesis(request, synthesis_id):
    synthesis = _synthesis(request, synthesis_id)
    publish = request.POST.get("publish") != "no"
    return perform_and_redirect(
        request,
        lambda: services.publish_synthesis(synthesis=synthesis, by=request.user, publish=publish),
        success="The synthesis is published." if publish else "The synthesis is a draft again.",
        to="broker:edit_synthesis",
        synthesis_id=synthesis.pk,
    )
