"""Self-review, the peer team, blind rating and the review visit."""

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.errors import ActionRefused
from core.views import add_refusal_to_form, report_refusal
from networks.models import NetworkPage

from .. import conflicts, permissions, selectors, services
from ..forms import (
    ConflictForm,
    ConsolidateForm,
    DeclineForm,
    EvidenceForm,
    InviteForm,
    ProposeLevelForm,
    RatingForm,
    VisitForm,
)
from ..models import Evidence, PeerReviewer
from ._common import cycle_or_404, post_service, refuse_page, run_form


def _criterion_or_404(cycle, criterion_id):
    criterion = selectors.focus_criteria(cycle).filter(pk=criterion_id).first()
    if criterion is None:
        raise Http404("No such criterion in this cycle.")
    return criterion


FORMS = {
    "evidence": "add_evidence",
    "propose": "propose_level",
    "consolidate": "consolidate_self_assessment",
    "rate": "rate_criterion",
    "peer": "consolidate_peer_assessment",
}


@login_required
def criterion_page(request, cycle_id, criterion_id):
    """One focus criterion: its rubric and guidance, the evidence, and the forms this person
    may use (propose, consolidate, rate blind, consolidate the team's ratings)."""
    cycle = cycle_or_404(request, cycle_id)
    criterion = _criterion_or_404(cycle, criterion_id)
    user = request.user
    place = permissions.reviewer_place(user, cycle)
    show_self = permissions.can_view_self_assessment(user, cycle)
    row = next(
        r
        for r in selectors.criterion_rows(
            cycle,
            show_self=show_self,
            reviewer=place if place and place.status == "accepted" else None,
        )
        if r.criterion.pk == criterion.pk
    )
    posted = request.POST.get("form") if request.method == "POST" else None
    data = request.POST if posted else None
    forms = {}
    if permissions.can_contribute(user, cycle):
        forms["evidence"] = EvidenceForm(
            data if posted == "evidence" else None,
            request.FILES if posted == "evidence" else None,
            network=cycle.network,
            prefix="evidence",
        )
        mine = next((p for p in row.proposals if p.by_id == user.pk), None)
        forms["propose"] = ProposeLevelForm(
            data if posted == "propose" else None,
            criterion=criterion,
            prefix="propose",
            initial={"level": mine.level, "comment": mine.comment} if mine else None,
        )
    if permissions.can_consolidate_self(user, cycle):
        current = row.self_assessment
        forms["consolidate"] = ConsolidateForm(
            data if posted == "consolidate" else None,
            criterion=criterion,
            prefix="consolidate",
            initial={"level": current.level, "rationale": current.rationale} if current else None,
        )
    if permissions.can_rate(user, cycle):
        mine = row.my_rating
        forms["rate"] = RatingForm(
            data if posted == "rate" else None,
            criterion=criterion,
            prefix="rate",
            initial={"level": mine.level, "evidence": mine.evidence} if mine else None,
        )
    if permissions.can_consolidate_peer(user, cycle):
        current = row.peer_assessment
        forms["peer"] = ConsolidateForm(
            data if posted == "peer" else None,
            criterion=criterion,
            prefix="peer",
            initial={"level": current.level, "rationale": current.rationale} if current else None,
        )
    if posted:
        form = forms.get(posted)
        if form is None:
            report_refusal(
                request, ActionRefused("You can not do that at this point of the cycle.")
            )
            return redirect(request.path)
        if form.is_valid():
            values = dict(form.cleaned_data)
            if posted == "evidence":
                values["note"] = values.get("note") or ""
                values["url"] = values.get("url") or ""
            try:
                getattr(services, FORMS[posted])(
                    cycle=cycle, criterion=criterion, by=user, **values
                )
            except ActionRefused as error:
                add_refusal_to_form(form, error)
            else:
                return redirect(request.path)
    context = {
        "cycle": cycle,
        "network": cycle.network,
        "criterion": criterion,
        "row": row,
        "forms": forms,
        "show_self": show_self,
        "why_not_self": permissions.why_not_view_self_assessment(user, cycle),
        "evidence": selectors.evidence_for(cycle, criterion)
        if permissions.can_view_evidence(user, cycle)
        else [],
        "ratings": selectors.peer_ratings(cycle).get(criterion.pk, [])
        if permissions.can_view_peer_ratings(user, cycle) and show_self
        else [],
        "posted": posted,
    }
    return render(request, "peer_review/criterion.html", context)


@login_required
def evidence_file(request, cycle_id, evidence_id):
    """Uploaded evidence, for those who may read the cycle's evidence; the same 404 otherwise."""
    cycle = cycle_or_404(request, cycle_id)
    evidence = Evidence.objects.filter(pk=evidence_id, cycle=cycle).first()
    if (
        evidence is None
        or not evidence.file
        or not permissions.can_view_evidence(request.user, cycle)
    ):
        raise Http404("No file found.")
    response = FileResponse(
        evidence.file.open("rb"), as_attachment=True, filename=evidence.file.name.rsplit("/", 1)[-1]
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def remove_evidence(request, cycle_id, evidence_id):
    cycle = cycle_or_404(request, cycle_id)
    evidence = get_object_or_404(
        Evidence.objects.select_related("cycle__network"), pk=evidence_id, cycle=cycle
    )
    return post_service(
        request,
        lambda: services.remove_evidence(evidence=evidence, by=request.user),
        success="The evidence was removed.",
        to=reverse("peer_review:criterion", args=[cycle.pk, evidence.criterion_id]),
    )


@login_required
@require_POST
def submit_ratings(request, cycle_id):
    cycle = cycle_or_404(request, cycle_id)
    return post_service(
        request,
        lambda: services.submit_ratings(cycle=cycle, by=request.user),
        success="Your ratings are submitted. You can now read the network's self-assessment.",
        to=cycle,
    )


# --- The team ------------------------------------------------------------------------------


@login_required
def team_page(request, cycle_id):
    cycle = cycle_or_404(request, cycle_id)
    user = request.user
    can_manage = permissions.can_manage_team(user, cycle)
    form = InviteForm(request.POST or None) if can_manage else None
    if form is not None and request.method == "POST" and form.is_valid():
        person = get_user_model().objects.filter(email__iexact=form.cleaned_data["email"]).first()
        try:
            if person is None:
                raise ActionRefused(
                    "Nobody with that address has an account: ask them to sign up first.",
                    field_errors={"email": "Nobody with that address has an account."},
                )
            services.invite_reviewer(
                cycle=cycle, person=person, by=user, is_lead=form.cleaned_data["is_lead"]
            )
        except ActionRefused as error:
            add_refusal_to_form(form, error)
        else:
            return redirect("peer_review:team", cycle_id=cycle.pk)
    return render(
        request,
        "peer_review/team.html",
        {
            "cycle": cycle,
            "network": cycle.network,
            "team": selectors.team(cycle),
            "suggestions": conflicts.suggest_reviewers(cycle) if can_manage else [],
            "form": form,
            "can_manage": can_manage,
            "yearly_cap": conflicts.yearly_cap(),
        },
    )


@login_required
@require_POST
def invite_suggestion(request, cycle_id, user_id):
    cycle = cycle_or_404(request, cycle_id)
    person = get_object_or_404(get_user_model(), pk=user_id)
    return post_service(
        request,
        lambda: services.invite_reviewer(
            cycle=cycle, person=person, by=request.user, is_lead=request.POST.get("is_lead") == "1"
        ),
        success=f"{person.display_name} is invited.",
        to=reverse("peer_review:team", args=[cycle.pk]),
    )


@login_required
@require_POST
def team_place_action(request, cycle_id, place_id, action):
    cycle = cycle_or_404(request, cycle_id)
    place = get_object_or_404(PeerReviewer, pk=place_id, cycle=cycle)
    service = {"withdraw": services.withdraw_reviewer, "lead": services.make_lead}.get(action)
    if service is None:
        raise Http404
    return post_service(
        request,
        lambda: service(place=place, by=request.user),
        success="The team has changed.",
        to=reverse("peer_review:team", args=[cycle.pk]),
    )


@login_required
def invitation(request, place_id):
    place = (
        PeerReviewer.objects.select_related("cycle__network", "cycle__framework_version")
        .filter(pk=place_id, user=request.user)
        .first()
    )
    if place is None:
        raise Http404("No invitation found.")
    cycle = place.cycle
    form = DeclineForm(request.POST or None)
    if request.method == "POST":
        if request.POST.get("answer") == "accept":
            return post_service(
                request,
                lambda: services.accept_invitation(place=place, by=request.user),
                success="Thank you: you are on the peer team.",
                to=cycle,
            )
        done = run_form(
            request,
            form,
            lambda data: services.decline_invitation(
                place=place, by=request.user, reason=data["reason"]
            ),
            success="You have declined. The network has been told.",
            to="peer_review:mine",
        )
        if done:
            return done
    return render(
        request,
        "peer_review/invitation.html",
        {
            "place": place,
            "cycle": cycle,
            "criteria": list(selectors.focus_criteria(cycle)),
            "form": form,
            "can_respond": permissions.can_respond_to_invitation(request.user, place),
            "why_not": permissions.why_not_respond_to_invitation(request.user, place),
        },
    )


@login_required
def declare_conflict(request, network_slug):
    network = get_object_or_404(NetworkPage.objects.live(), slug=network_slug)
    refuse_page(permissions.why_not_declare_conflict(request.user, network))
    form = ConflictForm(request.POST or None)
    done = run_form(
        request,
        form,
        lambda data: services.declare_conflict(
            user=request.user, network=network, reason=data["reason"]
        ),
        success=f"Noted: you will not be asked to review {network.title}.",
        to="peer_review:mine",
    )
    return done or render(
        request,
        "peer_review/form.html",
        {
            "form": form,
            "heading": f"Declare a conflict with {network.title}",
            "submit": "Declare the conflict",
        },
    )


@login_required
def schedule_visit(request, cycle_id):
    cycle = cycle_or_404(request, cycle_id)
    refuse_page(permissions.why_not_schedule_visit(request.user, cycle))
    form = VisitForm(request.POST or None, network=cycle.network)
    done = run_form(
        request,
        form,
        lambda data: services.schedule_review_visit(cycle=cycle, by=request.user, **data),
        success="The review visit is scheduled.",
        to=cycle,
    )
    return done or render(
        request,
        "peer_review/form.html",
        {
            "form": form,
            "cycle": cycle,
            "heading": "Schedule the review visit",
            "submit": "Schedule the visit",
        },
    )
