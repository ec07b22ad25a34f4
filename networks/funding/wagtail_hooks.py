from django.urls import reverse

from wagtail import hooks

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
    """Three queries whatever the data: the totals, the revisions and their lines."""
    if not can_view_funding_totals(user, network):
        return None
    entries = []
    if can_view_spending_plan(user, network):
        entries = plan_history_entries(spending_plan_history(network))
    show_records = can_view_funding_records(user, network)
    return ProfileSection(
        key="funding",
        title="Match funding and spending plan",
        template="funding/profile_section.html",
        order=40,
        context={
            "totals": funding_totals(network),
            "entries": entries,
            "records_url": reverse("funding:overview", kwargs={"network_slug": network.slug})
            if show_records
            else "",
            "can_manage": show_records and can_record_funding(user, network),
        },
    )
