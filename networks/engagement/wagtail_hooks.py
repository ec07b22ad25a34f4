from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.pagecache import kept_with_page, page_path
from networks.profile import PROFILE_SECTIONS_HOOK, ProfileSection

from .charts import term_chart
from .permissions import (
    can_view_active_people_by_school,
    can_view_active_people_total,
    can_view_engagement_overview,
)
from .selectors import ACTIVE_WINDOW_DAYS, network_engagement
from .sources import ACTIVITY_SOURCES_HOOK, joined_networks, recorded_activity


@hooks.register(PROFILE_SECTIONS_HOOK)
def engagement_section(network, user):
    """One query per activity source and one for the schools, none while the figures are kept
    with the profile (core.pagecache). Everyone who may see the total sees its trend by term."""
    if not can_view_active_people_total(user, network):
        return None
    engagement = kept_with_page(
        page_path(network), "engagement", lambda: network_engagement(network)
    )
    by_school = can_view_active_people_by_school(user, network)
    overview = can_view_engagement_overview(user)
    return ProfileSection(
        key="engagement",
        title="Engagement",
        template="engagement/profile_section.html",
        order=60,
        context={
            "active_people": engagement.active_people,
            "window_days": ACTIVE_WINDOW_DAYS,
            "terms": engagement.terms,
            "chart": term_chart(network, engagement.terms),
            "school_links": engagement.school_links if by_school else None,
            "overview_url": reverse("engagement:overview") if overview else "",
        },
        kept_for=(by_school, overview),
    )


class BrokerMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_engagement_overview(request.user)


@hooks.register("register_admin_menu_item")
def register_engagement_menu_item():
    return BrokerMenuItem(
        "Network engagement", reverse("engagement:overview"), icon_name="group", order=900
    )


hooks.register(ACTIVITY_SOURCES_HOOK, recorded_activity)
hooks.register(ACTIVITY_SOURCES_HOOK, joined_networks)
