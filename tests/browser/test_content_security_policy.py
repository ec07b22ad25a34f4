"""Every kind of page runs under the Content-Security-Policy without a single violation: the
site's own scripts and styles, and the video players embeds need (issue #15, item 9).

Requests that would leave the machine (the video players) are answered with an empty page, so
the test needs no network and still sees the browser apply frame-src to them.
"""

import pytest
from playwright.sync_api import expect

from artefacts.factories import ArtefactPageFactory
from core.accounts.factories import TEST_PASSWORD, AdminFactory
from networks.factories import ActiveNetworkFactory, CoLeaderFactory

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


@pytest.fixture
def watched(page, live_server):
    """The browser tab, recording CSP violations from events and from the console."""
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.context.add_init_script(RECORD_VIOLATIONS)
    page.context.route(
        lambda url: not url.startswith(live_server.url),
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>player</p>"),
    )

    def violations_on(path: str) -> list[str]:
        response = page.goto(path)
        assert response.ok, f"{path} answered {response.status}"
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("load")
        return [*page.evaluate("window.__cspViolations"), *console]

    return violations_on


def sign_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("navigation", name="Account").locator("summary")).to_be_visible()


@pytest.fixture
def site():
    network = ActiveNetworkFactory(title="Mersey Feedback Network")
    co_leader = CoLeaderFactory(network=network).user
    CoLeaderFactory(network=network)
    artefact = ArtefactPageFactory(
        network=network,
        title="Live marking in Year 5",
        videos=[
            ("Feedback at the desk", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
            ("Ten minutes to edit", "https://vimeo.com/76979871"),
        ],
    )
    return network, co_leader, artefact


def test_public_pages_run_without_a_policy_violation(watched, site):
    network, _, artefact = site

    for path in [
        "/",
        "/networks/",
        network.url,
        artefact.url,
        "/search/?q=marking",
        "/accounts/login/",
    ]:
        assert watched(path) == [], path


def test_the_video_players_load_inside_the_policy(watched, site, page):
    _, _, artefact = site

    violations = watched(artefact.url)
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


def test_a_co_leaders_manage_page_runs_without_a_policy_violation(watched, site, page):
    network, co_leader, _ = site
    sign_in(page, co_leader.email)

    assert watched(f"/networks/{network.slug}/manage/") == []


def test_the_wagtail_admin_dashboard_runs_without_a_policy_violation(watched, site, page):
    sign_in(page, AdminFactory().email)

    assert watched("/admin/") == []
