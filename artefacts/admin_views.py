"""“We tried this” responses in the Wagtail admin, for the people who moderate them.

Each person sees only the responses they may moderate (selectors.trials_moderated_by: every one
for the national brokers and admins, their networks' for co-leaders), shown and hidden, and can
open one and hide it with a reason (services.hide_trial), or show a hidden one again
(services.restore_trial). Nobody adds, edits or deletes a
response here: their writers change or withdraw them on the site.
"""

import django_filters

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView

from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import BasePermissionPolicy

from core.accounts.models import BROKER_GROUP_NAME
from core.views import add_refusal_to_form, perform_and_redirect
from networks.models import Membership, NetworkStatus

from . import selectors, services
from .errors import ActionRefused
from .forms import HideTrialForm
from .models import ArtefactTrial, TrialOutcome
from .permissions import (
    can_hide_trial,
    can_moderate_any_trials,
    can_restore_trial,
    why_not_hide_trial,
    why_not_restore_trial,
)

URL_NAMESPACE = "artefact_trials"


def hide_url(trial) -> str:
    return reverse(f"{URL_NAMESPACE}:hide", args=[trial.pk])


def restore_url(trial) -> str:
    return reverse(f"{URL_NAMESPACE}:restore", args=[trial.pk])


class TrialModerationPermissionPolicy(BasePermissionPolicy):
    """People who moderate responses somewhere may view the list; nobody adds, changes or
    deletes a response here (hiding is its own view, which asks artefacts.permissions)."""

    def user_has_permission(self, user, action):
        return action == "view" and can_moderate_any_trials(user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if "view" not in actions:
            return users.none()
        co_leaders = Q(
            pk__in=Membership.objects.co_leaders()
            .exclude(network__status=NetworkStatus.CLOSED)
            .values("user_id")
        )
        return users.filter(
            Q(is_superuser=True) | Q(groups__name=BROKER_GROUP_NAME) | co_leaders
        ).distinct()


def _status(trial) -> str:
    if not trial.is_hidden:
        return "Shown"
    who = trial.hidden_by.display_name if trial.hidden_by else "a moderator"
    return f"Hidden by {who}: {trial.hidden_reason}"


class TrialFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=[("shown", "Shown"), ("hidden", "Hidden")],
        method="filter_status",
        empty_label="Shown and hidden",
    )
    outcome = django_filters.ChoiceFilter(label="How it went", choices=TrialOutcome.choices)

    class Meta:
        model = ArtefactTrial
        fields = ["status", "outcome"]

    def filter_status(self, queryset, name, value):
        return queryset.filter(hidden_at__isnull=(value == "shown"))


class TrialIndexView(IndexView):
    def get_base_queryset(self):
        return selectors.trials_moderated_by(self.request.user)

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if can_hide_trial(self.request.user, instance):
            buttons.append(MenuItem("Hide", url=hide_url(instance), icon_name="cross"))
        if can_restore_trial(self.request.user, instance):
            buttons.append(MenuItem("Show again", url=restore_url(instance), icon_name="view"))
        return buttons


class TrialInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(selectors.trials_moderated_by(self.request.user), pk=self.pk)

    def get_hidden_by_display_value(self):
        return self.object.hidden_by.display_name if self.object.hidden_by else "—"

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if can_hide_trial(self.request.user, self.object):
            buttons.append(HeaderButton("Hide", url=hide_url(self.object), icon_name="cross"))
        if can_restore_trial(self.request.user, self.object):
            buttons.append(
                HeaderButton("Show again", url=restore_url(self.object), icon_name="view")
            )
        return buttons


class TrialActionView(WagtailAdminTemplateMixin):
    """One moderator action on one response: the trial is found among those the person
    moderates (404 otherwise). Each action's view names its rule's `why_not` (from
    artefacts.permissions), which says why the action does not apply to it (None when it does)."""

    action_label = ""

    def dispatch(self, request, *args, **kwargs):
        self.trial = get_object_or_404(selectors.trials_moderated_by(request.user), pk=kwargs["pk"])
        refusal = self.why_not(request.user, self.trial)
        if refusal:
            messages.error(request, refusal)
            return redirect(f"{URL_NAMESPACE}:inspect", self.trial.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{URL_NAMESPACE}:index"), "label": "“We tried this” responses"},
            {"url": "", "label": self.action_label},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(trial=self.trial, **kwargs)


class TrialHideView(TrialActionView, FormView):
    """Hide one response, saying why (its writer is told)."""

    form_class = HideTrialForm
    template_name = "artefacts/admin/trial_hide.html"
    page_title = "Hide a “we tried this” response"
    header_icon = "cross"
    action_label = "Hide"

    why_not = staticmethod(why_not_hide_trial)

    def form_valid(self, form):
        try:
            services.hide_trial(
                artefact=self.trial.artefact,
                trial_id=self.trial.pk,
                by=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except ActionRefused as error:
            add_refusal_to_form(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Hidden. {self.trial.user.display_name} has been told why.")
        return redirect(f"{URL_NAMESPACE}:index")

    def form_invalid(self, form):
        messages.error(self.request, "The response was not hidden. See the error below.")
        return self.render_to_response(self.get_context_data(form=form), status=400)


class TrialRestoreView(TrialActionView, TemplateView):
    """Show a hidden response again, after confirming (its writer is told)."""

    template_name = "artefacts/admin/trial_restore.html"
    page_title = "Show a hidden “we tried this” response again"
    header_icon = "view"
    action_label = "Show again"

    why_not = staticmethod(why_not_restore_trial)

    def post(self, request, *args, **kwargs):
        return perform_and_redirect(
            request,
            lambda: services.restore_trial(
                artefact=self.trial.artefact, trial_id=self.trial.pk, by=request.user
            ),
            success=f"Shown again. {self.trial.user.display_name} has been told.",
            to=f"{URL_NAMESPACE}:index",
        )


COLUMNS = [
    "artefact",
    Column("user", label="Who", accessor=lambda trial: trial.user.display_name),
    Column("network", label="Network", accessor=lambda trial: trial.network or "—"),
    "outcome",
    DateColumn("updated_at", label="Updated", sort_key="updated_at"),
    Column("status", label="Status", accessor=_status),
]
