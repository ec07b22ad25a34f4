from django.urls import reverse

from wagtail import hooks

from core.pagecache import kept_with_page, page_path
from networks.profile import PROFILE_SECTIONS_HOOK, ProfileSection

from .permissions import (
    can_record_funding,
    can_view_funding_records,
    can_view_funding_totals,
    can_view_spending_plan,
)
from .selectors import funding_totals, plan_history_entries, spending_plan_history


@hooks.register(PROFILE_SECTIONS_HOOK)
def funding_section(network, user):
    """Three queries whatever the data (the totals, the revisions and their lines), none while
    they are kept with the profile (core.pagecache)."""
    if not can_view_funding_totals(user, network):
        return None
    path = page_path(network)
    entries = []
    sees_plan = can_view_spending_plan(user, network)
    if sees_plan:
        entries = kept_with_page(
            path, "spending-plan", lambda: plan_history_entries(spending_plan_history(network))
        )
    show_records = can_view_funding_records(user, network)
    can_manage = show_records and can_record_funding(user, network)
    return ProfileSection(
        key="funding",
        title="Match funding and spending plan",
        template="funding/profile_section.html",
        order=40,
        context={
            "totals": kept_with_page(path, "funding-totals", lambda: funding_totals(network)),
            "entries": entries,
            "records_url": reverse("funding:overview", kwargs={"network_slug": network.slug})
            if show_records
            else "",
            "can_manage": can_manage,
        },
        kept_for=(sees_plan, show_records, can_manage),
    )
