"""The network's response: acknowledgements, the action plan, follow-up, and the broker's
overview of every network's reviews."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.errors import ActionRefused
from core.views import add_refusal_to_form, report_refusal

from .. import permissions, selectors, services
from ..forms import AcknowledgeForm, ActionForm, FollowUpForm, ProgressForm
from ._common import cycle_or_404, refuse_page


@login_required
def plan_page(request, cycle_id):
    """Acknowledgements, the action plan with its progress, and the follow-up."""
    cycle = cycle_or_404(request, cycle_id)
    user = request.user
    actions = selectors.actions_of(cycle)
    posted = request.POST.get("form") if request.method == "POST" else None
    forms = {}
    if permissions.can_acknowledge(user, cycle):
        forms["acknowledge"] = AcknowledgeForm(
            request.POST if posted == "acknowledge" else None, prefix="ack"
        )
    if permissions.can_plan_actions(user, cycle):
        forms["action"] = ActionForm(
            request.POST if posted == "action" else None, cycle=cycle, prefix="action"
        )
    if permissions.can_record_follow_up(user, cycle):
        forms["follow_up"] = FollowUpForm(
            request.POST if posted == "follow_up" else None,
            prefix="follow",
            initial={"summary": cycle.follow_up_summary},
        )
    progress_forms = {
        action.pk: ProgressForm(
            request.POST if posted == f"progress-{action.pk}" else None,
            prefix=f"progress-{action.pk}",
            initial={"status": action.status},
        )
        for action in actions
        if permissions.can_record_progress(user, action)
    }
    calls = {
        "acknowledge": lambda data: services.acknowledge_report(cycle=cycle, by=user, **data),
        "action": lambda data: services.add_action(cycle=cycle, by=user, **data),
        "follow_up": lambda data: services.record_follow_up(cycle=cycle, by=user, **data),
    }
    form = forms.get(posted)
    call = calls.get(posted)
    if posted and posted.startswith("progress-"):
        action_id = int(posted.split("-", 1)[1]) if posted.split("-", 1)[1].isdigit() else None
        form = progress_forms.get(action_id)
        action = next((a for a in actions if a.pk == action_id), None)
        call = lambda data: services.record_progress(action=action, by=user, **data)  # noqa: E731
    if posted and form is None:
        report_refusal(request, ActionRefused("You can not do that at this point of the cycle."))
        return redirect(request.path)
    if form is not None and form.is_valid():
        try:
            call(form.cleaned_data)
        except ActionRefused as error:
            add_refusal_to_form(form, error)
        else:
            return redirect(request.path)
    return render(
        request,
        "peer_review/plan.html",
        {
            "cycle": cycle,
            "network": cycle.network,
            "actions": actions,
            "acknowledgements": list(cycle.acknowledgements.select_related("by")),
            "forms": forms,
            "progress_forms": progress_forms,
            "can_start_learning": permissions.can_start_learning_artefact(user, cycle),
            "can_view_report": permissions.can_view_report(user, cycle),
        },
    )


@login_required
@require_POST
def start_learning(request, cycle_id):
    cycle = cycle_or_404(request, cycle_id)
    refuse_page(permissions.why_not_start_learning_artefact(request.user, cycle))
    try:
        artefact = services.start_learning_artefact(cycle=cycle, by=request.user)
    except ActionRefused as error:
        report_refusal(request, error)
        return redirect(cycle)
    return redirect("artefacts:edit", artefact_id=artefact.pk)


@login_required
def overview(request):
    refuse_page(permissions.why_not_view_overview(request.user))
    return render(
        request,
        "peer_review/overview.html",
        {
            "rows": selectors.overview_rows(),
            "distributions": selectors.level_distributions(),
            "phase_counts": selectors.phase_counts(),
            "smallest_group": selectors.SMALLEST_GROUP,
        },
    )
