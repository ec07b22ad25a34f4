"""The schools register in the Wagtail admin: a read-only list with filters, and the GIAS import.

Only the national brokers and administrators see it (`permissions.py`). Nobody edits a school by
hand: the register is England's official list, kept current by importing the GIAS export.
"""

import django_filters

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.urls import path, reverse
from django.utils.functional import cached_property

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from core.accounts.models import BROKER_GROUP_NAME
from core.vocabulary import Phase, Region

from . import views
from .models import School
from .permissions import can_import_schools, can_view_school_register
from .selectors import values_in_register


class SchoolRegisterPermissionPolicy(BasePermissionPolicy):
    """Brokers and admins may view the register; no one may add, change or delete by hand."""

    def user_has_permission(self, user, action):
        return action == "view" and can_view_school_register(user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if "view" not in actions:
            return users.none()
        return users.filter(Q(is_superuser=True) | Q(groups__name=BROKER_GROUP_NAME)).distinct()


# Registered before the viewset, which would otherwise make a Django-permissions fallback policy.
register_permission_policy(School, SchoolRegisterPermissionPolicy(School))


def _choices(field):
    return lambda: [(value, value) for value in values_in_register(field)]


class SchoolFilterSet(WagtailFilterSet):
    region = django_filters.ChoiceFilter(label="Region", choices=Region.choices)
    phase = django_filters.ChoiceFilter(label="Phase", choices=Phase.choices)
    status = django_filters.ChoiceFilter(label="Status", choices=_choices("status"))
    is_open = django_filters.BooleanFilter(label="Open")

    class Meta:
        model = School
        fields = ["region", "phase", "status", "is_open"]


class SchoolIndexView(IndexView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if can_import_schools(self.request.user):
            buttons.append(
                HeaderButton("Import GIAS CSV", url=reverse("schools:import"), icon_name="upload")
            )
        return buttons


class SchoolViewSet(ModelViewSet):
    model = School
    icon = "home"
    menu_label = "Schools"
    menu_order = 310
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = SchoolIndexView
    list_display = ["name", "urn", "phase", "local_authority", "region", "postcode", "status"]
    filterset_class = SchoolFilterSet
    search_fields = ["name", "urn", "postcode"]
    search_backend_name = None
    list_per_page = 50
    # No one can add or edit a school here (see the policy); the generic views still need a form.
    form_fields = ["name"]
    inspect_view_fields = [
        "urn",
        "name",
        "establishment_type",
        "phase",
        "local_authority",
        "region",
        "town",
        "postcode",
        "status",
        "is_open",
        "updated_at",
    ]

    def get_permissions_to_register(self):
        # The policy above does not use Django's model permissions: offer none on group pages.
        return Permission.objects.none()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/", views.SchoolImportFormView.as_view(), name="import"),
            path("imports/<int:pk>/", views.SchoolImportDetailView.as_view(), name="import_detail"),
        ]


@hooks.register("register_admin_viewset")
def register_school_viewset():
    return SchoolViewSet("schools")
