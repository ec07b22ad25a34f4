from django.urls import reverse

from wagtail import hooks

from core.accounts.sections import ACCOUNT_SECTIONS_HOOK, AccountSection
from core.home import MY_HOME_SECTIONS_HOOK
from core.pagecache import kept_with_page, page_path
from networks.engagement.sources import ACTIVITY_SOURCES_HOOK
from networks.profile import PROFILE_SECTIONS_HOOK, ProfileSection

from . import home
from .engagement import attended_study_visits
from .models import CalendarFeed
from .permissions import can_create_offer, can_request_visit
from .selectors import (
    led_networks,
    network_visit_counts,
    network_visit_summary,
    study_visit_contacts,
)
from .services import ensure_feed

hooks.register(MY_HOME_SECTIONS_HOOK, home.visits_section)
hooks.register(MY_HOME_SECTIONS_HOOK, home.reflections_section)
hooks.register(ACTIVITY_SOURCES_HOOK, attended_study_visits)


@hooks.register(PROFILE_SECTIONS_HOOK)
def visits_section(network, user):
    """The network's open study visits and how many it hosted and made (the counts kept with the
    profile, core.pagecache). Three queries at most."""
    counts = kept_with_page(page_path(network), "visits", lambda: network_visit_counts(network))
    summary = network_visit_summary(network, user, counts=counts)
    led = list(led_networks(user, besides=network)) if can_ask_anyone(user) else []
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


# Named by peer review (peer_review.visits_link.STUDY_VISIT_CONTACTS_HOOK), which sits above
# visits in the house: visits answers the hook without importing it.
@hooks.register("peer_review_study_visit_contacts")
def visit_contacts(network, since) -> set[int]:
    """Who visited or hosted this network's study visits since `since` (a conflict of interest
    for its peer review)."""
    return study_visit_contacts(network, since)


def can_ask_anyone(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


@hooks.register(ACCOUNT_SECTIONS_HOOK)
def calendar_feed_section(request):
    """The person's secret calendar feed address on their account page, with the button that
    replaces it (the old address then answers 404)."""
    feed = CalendarFeed.objects.filter(user=request.user).first()
    if feed is None:
        feed = ensure_feed(user=request.user)
    return AccountSection(
        key="visit-calendar",
        title="Your study-visit calendar",
        template="visits/account_section.html",
        order=50,
        context={
            "feed_url": request.build_absolute_uri(
                reverse("visits:personal_feed", kwargs={"token": feed.token})
            ),
            "next": request.path,
        },
    )
