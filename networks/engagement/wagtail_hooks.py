from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.pagecache import kept_with_page, page_path
from networks.profile import PROFILE_SECTIONS_HOOK, ProfileSection

from .permissions import (
    can_view_active_people_by_school,
    can_view_active_people_total,
    can_view_engagement_overview,
)
from .selectors import ACTIVE_WINDOW_DAYS, active_people_by_school, active_people_in_network


@hooks.register(PROFILE_SECTIONS_HOOK)
def engagement_section(network, user):
    """Two queries at most (the network's total and, for insiders, the per-school counts), none
    while they are kept with the profile (core.pagecache)."""
    if not can_view_active_people_total(user, network):
        return None
    path = page_path(network)
    school_links = None
    if can_view_active_people_by_school(user, network):
        school_links = kept_with_page(
            path, "active-by-school", lambda: list(active_people_by_school(network))
        )
    return ProfileSection(
        key="engagement",
        title="Engagement",
        template="engagement/profile_section.html",
        order=60,
        context={
            "active_people": kept_with_page(
                path, "active-people", lambda: active_people_in_network(network)
            ),
            "window_days": ACTIVE_WINDOW_DAYS,
            "school_links": school_links,
            "overview_url": reverse("engagement:overview")
            if can_view_engagement_overview(user)
            else "",
        },
    )


class BrokerMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_engagement_overview(request.user)


@hooks.register("register_admin_menu_item")
def register_engagement_menu_item():
    return BrokerMenuItem(
        "Network engagement", reverse("engagement:overview"), icon_name="group", order=900
    )
