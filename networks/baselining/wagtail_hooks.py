from django.urls import reverse

from wagtail import hooks

from core.pagecache import kept_with_page, page_path
from networks.profile import PROFILE_SECTIONS_HOOK, ProfileSection

from .permissions import can_manage_indicators, can_view_indicators, can_view_observation_notes
from .selectors import indicator_trends


@hooks.register(PROFILE_SECTIONS_HOOK)
def indicators_section(network, user):
    """Two queries whatever the data (the indicators and their observations), none while they
    are kept with the profile (core.pagecache)."""
    if not can_view_indicators(user, network):
        return None
    insider = can_view_observation_notes(user, network)
    can_manage = insider and can_manage_indicators(user, network)
    return ProfileSection(
        key="indicators",
        title="Indicators: how we know it is working",
        template="baselining/profile_section.html",
        order=50,
        context={
            "trends": kept_with_page(
                page_path(network), "indicators", lambda: indicator_trends(network)
            ),
            "show_notes": insider,
            "manage_url": reverse("baselining:indicators", kwargs={"network_slug": network.slug})
            if insider
            else "",
            "can_manage": can_manage,
        },
        kept_for=(insider, can_manage),
    )
