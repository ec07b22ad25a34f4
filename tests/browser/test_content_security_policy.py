"""Every kind of page runs under the Content-Security-Policy without a single violation: the
site's own scripts and styles, and the video players embeds need (issue #15, item 9).

Each test visits many pages in one browser session: the pages a network's people reach, the
broker's, and the Wagtail admin's. Requests that would leave the machine (the video players) are
answered with an empty page, so the test needs no network and still sees the browser apply
frame-src to them.
"""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from django.urls import reverse
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from artefacts.factories import ArtefactPageFactory, sample_pdf
from broker.factories import CollectionFactory, CollectionItemFactory
from broker.services.spread import refresh_spread
from broker.services.syntheses import cite_artefact, create_synthesis, publish_synthesis
from networks.factories import ThemeFactory
from peer_review.factories import cycle_for
from tests.world import build_world, sign_in
from visits.factories import BookingFactory, VisitOfferFactory, VisitSessionFactory

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


@pytest.fixture
def watched(page, live_server):
    """The browser tab, recording CSP violations from events and from the console, and
    uncaught script errors."""
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    # A widget that no longer starts (its inline script replaced) shows as an uncaught error.
    page.on("pageerror", lambda error: console.append(f"uncaught: {error}"))
    page.context.add_init_script(RECORD_VIOLATIONS)
    page.context.route(
        lambda url: not url.startswith(live_server.url),
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>player</p>"),
    )

    def violations_on(path: str, *, settle: str = "load") -> list[str]:
        console.clear()
        response = page.goto(path)
        assert response.ok, f"{path} answered {response.status}"
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state(settle)
        return [*page.evaluate("window.__cspViolations"), *console]

    return violations_on


def assert_no_violations(watched, paths, **options) -> None:
    """Visits every path, then names each page that had a violation and what it was."""
    found = {path: watched(path, **options) for path in paths}
    offenders = [f"{path}: {' | '.join(found[path])}" for path in paths if found[path]]
    assert not offenders, "\n".join(offenders)


@pytest.fixture
def site():
    """The world's networks and people, with something of every kind to look at."""
    world = build_world()
    theme = ThemeFactory(name="Feedback")
    artefact = ArtefactPageFactory(
        network=world.network,
        owner=world.member,
        title="Live marking in Year 5",
        themes=[theme],
        documents=[sample_pdf()],
        videos=[
            ("Feedback at the desk", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
            ("Ten minutes to edit", "https://vimeo.com/76979871"),
        ],
    )
    offer = VisitOfferFactory(network=world.other_network)
    session = VisitSessionFactory(offer=offer)
    BookingFactory(session=session, person=world.member, network=world.network)
    collection = CollectionFactory(title="Feedback that sticks", created_by=world.broker)
    CollectionItemFactory(collection=collection, artefact=artefact)
    synthesis = create_synthesis(
        by=world.broker,
        theme=theme,
        title="What networks learned about feedback",
        summary="Spoken feedback in the lesson is acted on; written comments are not.",
        narrative="Three networks moved feedback into the lesson [1].",
        what_did_not_work="Whole-class feedback sheets.",
        last_reviewed_on=timezone.localdate() - timedelta(days=3),
    )
    cite_artefact(synthesis=synthesis, by=world.broker, artefact=artefact)
    publish_synthesis(synthesis=synthesis, by=world.broker)
    refresh_spread()
    image = Image.objects.create(title="Classroom", file=get_test_image_file())
    return SimpleNamespace(
        world=world,
        network=world.network,
        co_leader=world.co_leader,
        artefact=artefact,
        theme=theme,
        offer=offer,
        session=session,
        cycle=cycle_for(world.network, world.co_leader),
        collection=collection,
        synthesis=synthesis,
        image=image,
    )


def test_the_pages_a_visitor_reaches_run_without_a_policy_violation(watched, site):
    paths = [
        "/",
        "/networks/",
        site.network.url,
        site.artefact.url,
        f"/networks/{site.network.slug}/artefacts/",
        "/artefacts/",
        "/search/?q=marking",
        "/visits/",
        reverse("broker:collection_index"),
        reverse("broker:collection", kwargs={"slug": site.collection.slug}),
        reverse("broker:synthesis_index"),
        reverse("broker:synthesis", kwargs={"theme_slug": site.theme.slug}),
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
    ]

    assert_no_violations(watched, paths)


def test_the_pages_a_networks_people_reach_run_without_a_policy_violation(
    watched, site, page, live_server
):
    world = site.world
    artefact_id = site.artefact.pk
    sign_in(page, live_server, world.member)
    member_paths = [
        "/",
        site.artefact.url,
        f"/artefacts/{artefact_id}/",
        f"/artefacts/{artefact_id}/edit/",
        f"/artefacts/{artefact_id}/revisions/",
        "/artefacts/yours/",
        f"/networks/{site.network.slug}/artefacts/new/",
        "/search/?q=marking",
        "/visits/",
        reverse("visits:offer", kwargs={"offer_id": site.offer.pk}),
        reverse("visits:mine"),
        reverse("visits:session", kwargs={"session_id": site.session.pk}),
        reverse("visits:requests"),
        "/notifications/",
        "/following/",
        "/accounts/profile/",
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/2fa/",
        "/networks/propose/",
    ]
    assert_no_violations(watched, member_paths)

    page.context.clear_cookies()
    sign_in(page, live_server, world.co_leader)
    co_leader_paths = [
        f"/networks/{site.network.slug}/manage/",
        reverse("peer_review:mine"),
        reverse("peer_review:cycle", kwargs={"cycle_id": site.cycle.pk}),
        reverse("peer_review:team", kwargs={"cycle_id": site.cycle.pk}),
        reverse("visits:create"),
    ]

    assert_no_violations(watched, co_leader_paths)


def test_the_brokers_pages_run_without_a_policy_violation(watched, site, page, live_server):
    sign_in(page, live_server, site.world.broker)
    paths = [
        reverse("broker:dashboard"),
        reverse("broker:collections"),
        reverse("broker:new_collection"),
        reverse("broker:edit_collection", kwargs={"collection_id": site.collection.pk}),
        reverse("broker:syntheses"),
        reverse("broker:new_synthesis"),
        reverse("broker:edit_synthesis", kwargs={"synthesis_id": site.synthesis.pk}),
        reverse("broker:spread"),
        reverse("broker:introductions"),
        reverse("broker:home"),
        reverse("networks:proposals"),
        reverse("visits:broker"),
    ]

    assert_no_violations(watched, paths)


def test_the_wagtail_admin_pages_run_without_a_policy_violation(watched, site, page, live_server):
    network, artefact = site.network, site.artefact
    document = get_document_model().objects.get(title="Observation protocol")
    sign_in(page, live_server, site.world.admin)
    paths = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{network.pk}/",
        f"/admin/pages/{artefact.pk}/edit/",
        f"/admin/pages/{network.pk}/edit/",
        f"/admin/pages/{artefact.pk}/history/",
        "/admin/pages/search/?q=marking",
        "/admin/snippets/",
        "/admin/snippets/networks/theme/",
        f"/admin/snippets/networks/theme/edit/{site.theme.pk}/",
        "/admin/snippets/peer_review/framework/",
        "/admin/snippets/peer_review/frameworkversion/",
        "/admin/snippets/peer_review/criterion/",
        "/admin/snippets/search/synonym/",
        "/admin/snippets/search/synonym/add/",
        "/admin/schools/",
        "/admin/artefact_listing/",
        "/admin/artefact_trials/",
        "/admin/search-analytics/",
        "/admin/documents/",
        f"/admin/documents/edit/{document.pk}/",
        "/admin/images/",
        f"/admin/images/{site.image.pk}/",
        "/admin/collections/",
        "/admin/sites/",
        "/admin/users/",
        f"/admin/users/edit/{site.world.member.pk}/",
        "/admin/groups/",
        "/admin/redirects/",
        "/admin/reports/site-history/",
        "/admin/reports/locked/",
        "/admin/account/",
    ]

    assert_no_violations(watched, paths, settle="networkidle")


def test_the_video_players_load_inside_the_policy(watched, site, page):
    violations = watched(site.artefact.url)
    page.locator(".video-embed iframe").last.scroll_into_view_if_needed()
    page.wait_for_load_state("load")

    assert violations == []
    assert page.evaluate("window.__cspViolations") == []
    expect(page.locator(".video-embed iframe")).to_have_count(2)


def test_search_suggestions_run_without_a_policy_violation(watched, site, page):
    watched("/search/")
    page.get_by_role("combobox", name="Search for").fill("Live mar")
    expect(page.get_by_role("option").first).to_be_visible()

    assert page.evaluate("window.__cspViolations") == []
