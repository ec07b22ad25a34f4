"""Every link the site shows leads somewhere: crawled on the demo data, anonymously and as each
demo login, every page answers, or redirects (signing in again before turning on two-factor
authentication): no error, no broken link, no link to a page the person may not open."""

from collections import deque
from html.parser import HTMLParser
from io import StringIO
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from django.core.management import call_command
from django.test import Client

from core.accounts.demo import DEMO_LOGINS
from core.accounts.models import User

PAGES_PER_PERSON = 100
# Not followed: leaving (signing out ends the crawl's session), the Wagtail admin (Wagtail's own
# pages; the admin login is crawled as far as the site links to it), files (no HTML to parse),
# and the JSON API (its schema test covers it).
NOT_FOLLOWED = ("/accounts/logout/", "/admin/", "/documents/", "/media/", "/static/", "/api/")
SIGN_IN_PAGES = ("/accounts/login/", "/accounts/signup/")


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def internal_links(base: str, html: str) -> list[str]:
    parser = LinkParser()
    parser.feed(html)
    links = []
    for href in parser.links:
        url, _ = urldefrag(urljoin(base, href))
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.netloc not in ("testserver", ""):
            continue
        if parts.scheme not in ("", "http", "https"):
            continue  # mailto:, tel:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if parts.path in SIGN_IN_PAGES:
            path = parts.path  # one page, whichever destination its `next` carries
        if path and not path.startswith(NOT_FOLLOWED):
            links.append(path)
    return links


def crawl(client: Client) -> dict[str, tuple[int, str]]:
    """{path: (status, the page that linked to it)} for the first PAGES_PER_PERSON pages."""
    seen = {"/": (None, "")}
    queue = deque(["/"])
    visited = 0
    while queue and visited < PAGES_PER_PERSON:
        path = queue.popleft()
        visited += 1
        response = client.get(path)
        seen[path] = (response.status_code, seen[path][1])
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        for link in internal_links(path, response.content.decode()):
            if link not in seen:
                seen[link] = (None, path)
                queue.append(link)
    return {path: result for path, result in seen.items() if result[0] is not None}


@pytest.fixture
def demo_site(db):
    call_command("seed_demo", stdout=StringIO())


@pytest.mark.parametrize("who", [None] + [login.email for login in DEMO_LOGINS])
def test_every_page_reachable_by_links_answers(demo_site, who):
    client = Client()
    if who:
        client.force_login(User.objects.get(email=who))

    visited = crawl(client)

    problems = {path: result for path, result in visited.items() if result[0] not in (200, 302)}
    assert len(visited) >= PAGES_PER_PERSON // 2
    assert problems == {}
