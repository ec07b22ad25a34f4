"""Search in the Wagtail admin: the synonyms brokers maintain, and the analytics report."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import SearchAnalyticsView
from .models import Synonym
from .permissions import can_view_search_analytics


class SynonymViewSet(SnippetViewSet):
    """Sets of equivalent search terms ("AfL, assessment for learning"). Brokers and admins
    hold the permissions (granted by migration 0003)."""

    model = Synonym
    icon = "list-ul"
    menu_label = "Search synonyms"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["terms", "updated_at"]
    search_fields = ["terms"]


register_snippet(SynonymViewSet)


class AnalyticsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_search_analytics(request.user)


@hooks.register("register_admin_urls")
def register_analytics_url():
    return [path("search-analytics/", SearchAnalyticsView.as_view(), name="search_analytics")]


@hooks.register("register_reports_menu_item")
def register_analytics_menu_item():
    return AnalyticsMenuItem(
        "Search analytics", reverse("search_analytics"), icon_name="search", order=900
    )
