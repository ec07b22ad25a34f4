"""The broker's search analytics in the Wagtail admin: top and zero-result queries by week."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .permissions import can_view_search_analytics
from .selectors import recent_weeks, top_queries, zero_result_queries

WEEKS_SHOWN = 12


class SearchAnalyticsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/admin/analytics.html"
    page_title = "Search analytics"
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_search_analytics(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("search_analytics"), "label": self.page_title}
        ]

    def selected_week(self, weeks: list[date]) -> date:
        value = self.request.GET.get("week", "")
        for week in weeks:
            if week.isoformat() == value:
                return week
        return weeks[0]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        weeks = recent_weeks(WEEKS_SHOWN)
        week = self.selected_week(weeks)
        context.update(
            {
                "weeks": weeks,
                "week": week,
                "top_queries": list(top_queries(week=week)),
                "zero_result_queries": list(zero_result_queries(week=week)),
            }
        )
        return context
