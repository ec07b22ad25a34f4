from django.urls import reverse

from wagtail import hooks

from networks.profile import PROFILE_SECTIONS_HOOK, ProfileSection

from .permissions import can_create_offer, can_request_visit
from .selectors import led_networks, network_visit_summary


@hooks.register(PROFILE_SECTIONS_HOOK)
def visits_section(network, user):
    """The network's open study visits and how many it hosted and made. Four queries at most."""
    summary = network_visit_summary(network, user)
    led = [n for n in led_networks(user) if n.pk != network.pk] if can_ask_anyone(user) else []
    return ProfileSection(
        key="visits",
        title="Study visits",
        template="visits/profile_section.html",
        order=30,
        context={
            **summary,
            "can_offer": can_create_offer(user, network),
            "can_ask": any(can_request_visit(user, mine, network) for mine in led),
            "feed_url": reverse("visits:network_feed", kwargs={"network_slug": network.slug}),
        },
    )


def can_ask_anyone(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))
