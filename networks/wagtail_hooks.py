from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.home import MY_HOME_SECTIONS_HOOK
from core.pagecache import kept_with_page, page_path
from core.roles import is_signed_in

from . import home
from .directory import directory_context
from .models import MINIMUM_CO_LEADERS, Role, Theme
from .models.pages import DIRECTORY_CONTEXT_HOOK, PROFILE_CONTEXT_HOOK
from .people import pending_join_request_of, people_by_role
from .permissions import (
    can_invite,
    can_leave_network,
    can_request_to_join,
    can_review_proposals,
    can_view_manage_page,
)
from .profile import PROFILE_SECTIONS_HOOK, ProfileSection, profile_sections
from .selectors import current_school_links
from .services.actions import ACTION_LABELS

hooks.register(MY_HOME_SECTIONS_HOOK, home.networks_section)
hooks.register(MY_HOME_SECTIONS_HOOK, home.decisions_section)
hooks.register(MY_HOME_SECTIONS_HOOK, home.appointments_section)
hooks.register(MY_HOME_SECTIONS_HOOK, home.invitations_section)


@hooks.register("register_log_actions")
def register_network_actions(actions):
    for action, (label, message) in ACTION_LABELS.items():
        actions.register_action(action, label, message)


@hooks.register(DIRECTORY_CONTEXT_HOOK)
def directory_page_context(page, request):
    return {
        **directory_context(request),
        "can_propose_network": is_signed_in(request.user),
        "can_review_proposals": can_review_proposals(request.user),
    }


@hooks.register(PROFILE_CONTEXT_HOOK)
def network_profile_context(network, request):
    """The profile's header and schools, and the sections each app contributes."""
    return {
        "co_leaders": kept_with_page(
            page_path(network), "co-leaders", lambda: people_by_role(network)[Role.CO_LEADER]
        ),
        "school_links": kept_with_page(
            page_path(network), "schools", lambda: list(current_school_links(network))
        ),
        "themes": kept_with_page(page_path(network), "themes", lambda: list(network.themes.all())),
        "sections": profile_sections(network, request.user),
        "minimum_co_leaders": MINIMUM_CO_LEADERS,
    }


@hooks.register(PROFILE_SECTIONS_HOOK)
def people_section(network, user):
    """Co-leaders, members and critical friends with their schools, and what the viewer can do.

    At most three queries: the viewer's roles (read once a request for every network), the
    viewer's pending request, and the people, only when the section's HTML is not already kept
    with the profile for viewers like this one.
    """
    people = SimpleLazyObject(lambda: people_by_role(network))
    can_ask = can_request_to_join(user, network)
    pending_request = pending_join_request_of(user, network) if can_ask else None
    slug = {"network_slug": network.slug}
    is_signed_in = bool(getattr(user, "is_authenticated", False))
    can_manage = can_view_manage_page(user, network)
    can_invite_people = can_invite(user, network)
    can_leave = can_leave_network(user, network)
    return ProfileSection(
        key="people",
        title="People",
        template="networks/manage/people_section.html",
        order=10,
        context={
            "co_leaders": SimpleLazyObject(lambda: people[Role.CO_LEADER]),
            "members": SimpleLazyObject(lambda: people[Role.MEMBER]),
            "critical_friends": SimpleLazyObject(lambda: people[Role.CRITICAL_FRIEND]),
            "can_manage": can_manage,
            "can_invite": can_invite_people,
            "can_request_to_join": can_ask,
            "pending_request": pending_request,
            "can_leave": can_leave,
            "manage_url": reverse("networks:manage", kwargs=slug),
            "invite_url": reverse("networks:invite", kwargs=slug),
            "join_url": reverse("networks:join", kwargs=slug),
            "leave_url": reverse("networks:leave", kwargs=slug),
            "is_signed_in": is_signed_in,
            "is_closed": network.is_closed,
        },
        kept_for=(
            can_manage,
            can_invite_people,
            can_ask,
            pending_request.created_at.date() if pending_request else None,
            can_leave,
            is_signed_in,
        ),
    )


class ThemeViewSet(SnippetViewSet):
    """The focus themes vocabulary, curated by the national brokers (and admins)."""

    model = Theme
    icon = "tag"
    menu_label = "Focus themes"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]


register_snippet(ThemeViewSet)
