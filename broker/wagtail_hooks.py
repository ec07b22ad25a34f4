"""The broker's place in pages other apps own: a section on each network's profile (through the
networks app's hook) and the brokers' desk in the Wagtail admin menu."""

from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.home import MY_HOME_SECTIONS_HOOK
from networks.permissions import is_co_leader
from networks.profile import PROFILE_SECTIONS_HOOK, ProfileSection

from . import home
from .permissions import can_curate, can_follow
from .selectors.connections import introductions_concerning
from .selectors.digests import follow_of

hooks.register(MY_HOME_SECTIONS_HOOK, home.introductions_section)


@hooks.register(PROFILE_SECTIONS_HOOK)
def connections_section(network, user):
    """For the brokers: a link to the suggestions. For the network's co-leaders: the
    introductions that concern it. One query at most (for co-leaders)."""
    if can_curate(user):
        return ProfileSection(
            key="connections",
            title="Connecting this network",
            template="broker/profile_section.html",
            order=90,
            context={
                "connect_url": reverse("broker:connect", kwargs={"network_slug": network.slug})
            },
        )
    if is_co_leader(user, network):
        introductions = list(introductions_concerning(network)[:5])
        if introductions:
            return ProfileSection(
                key="connections",
                title="Introductions from the national broker",
                template="broker/profile_section.html",
                order=90,
                context={"introductions": introductions},
            )
    return None


@hooks.register(PROFILE_SECTIONS_HOOK)
def follow_section(network, user):
    """Signed-in readers follow the network from its profile. One query."""
    if not can_follow(user):
        return None
    return ProfileSection(
        key="follow",
        title="Follow this network",
        template="broker/follow_section.html",
        order=5,
        context={"follow": follow_of(user, "network", network)},
    )


class BrokerDeskMenuItem(MenuItem):
    def is_shown(self, request):
        return can_curate(request.user)


@hooks.register("register_admin_menu_item")
def register_broker_desk_menu_item():
    return BrokerDeskMenuItem(
        "The broker's desk", reverse("broker:dashboard"), icon_name="globe", order=890
    )
