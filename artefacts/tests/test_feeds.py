"""The Atom feed of public artefacts, the sitemap and robots.txt: only what anyone may read."""

import feedparser
import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from artefacts.factories import ArtefactPageFactory
from home.models import HomePage
from networks.factories import NetworkPageFactory, ThemeFactory
from nlc.sitemaps import PagesSitemap

FEED = "/feeds/artefacts/"


def parsed(client, url=FEED):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return feedparser.parse(response.content)


def titles(feed) -> set[str]:
    return {entry.title for entry in feed.entries}


@pytest.fixture
def catalogue(world, make_artefact, make_draft, theme):
    return {
        "public": make_artefact(title="Public", themes=[theme]),
        "members": make_artefact(title="Members only", visibility="members"),
        "network": make_artefact(title="Network only", visibility="network"),
        "draft": make_draft(title="A draft"),
        "other": make_artefact(
            title="Public elsewhere", network=world.other_network, owner=world.other_member
        ),
    }


# --- The feed ----------------------------------------------------------------------------------


def test_the_feed_is_valid_atom_listing_public_artefacts(client, catalogue):
    feed = parsed(client)

    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert titles(feed) == {"Public", "Public elsewhere"}
    assert feed.feed.title.startswith("Learning artefacts")


def test_the_feed_never_lists_members_only_network_only_or_draft_artefacts(
    client, world, catalogue
):
    client.force_login(world.admin)  # even for someone who may read them all

    assert titles(parsed(client)) == {"Public", "Public elsewhere"}


def test_the_feed_leaves_out_pages_behind_a_privacy_restriction(client, catalogue):
    PageViewRestriction.objects.create(
        page=catalogue["public"], restriction_type=PageViewRestriction.LOGIN
    )

    assert titles(parsed(client)) == {"Public elsewhere"}


def test_each_entry_has_a_summary_an_author_a_date_and_a_link_to_the_artefact(client, catalogue):
    public = catalogue["public"]
    entry = next(e for e in parsed(client).entries if e.title == "Public")

    assert entry.link == public.full_url
    assert entry.summary == public.summary
    assert entry.author == public.owner.display_name
    assert entry.published_parsed and entry.updated_parsed
    assert [tag.term for tag in entry.tags] == ["Assessment for learning"]


def test_the_feed_filters_by_network(client, world, catalogue):
    feed = parsed(client, f"{FEED}?network={world.other_network.slug}")

    assert titles(feed) == {"Public elsewhere"}
    assert world.other_network.title in feed.feed.title


def test_the_feed_filters_by_theme(client, catalogue, theme):
    assert titles(parsed(client, f"{FEED}?theme={theme.slug}")) == {"Public"}


def test_the_feed_filters_by_network_and_theme_together(client, world, catalogue, theme):
    url = f"{FEED}?network={world.other_network.slug}&theme={theme.slug}"

    assert titles(parsed(client, url)) == set()


@pytest.mark.parametrize("query", ["network=no-such-network", "theme=no-such-theme"])
def test_the_feed_of_an_unknown_network_or_theme_is_not_found(client, db, query):
    assert client.get(f"{FEED}?{query}").status_code == 404


def test_the_feed_of_an_unpublished_network_is_not_found(client, db):
    network = NetworkPageFactory(live=False)

    assert client.get(f"{FEED}?network={network.slug}").status_code == 404


def test_entry_ids_stay_the_same_when_the_title_changes(client, catalogue):
    public = catalogue["public"]
    before = {e.title: e.id for e in parsed(client).entries}["Public"]

    public.title = "Public, renamed"
    public.save_revision().publish(skip_permission_checks=True)
    after = {e.title: e.id for e in parsed(client).entries}["Public, renamed"]

    assert before == after
    assert after.startswith("tag:") and after.endswith(f":artefact/{public.pk}")


def test_entry_ids_differ_between_artefacts(client, catalogue):
    ids = [entry.id for entry in parsed(client).entries]

    assert len(ids) == len(set(ids)) == 2


def test_the_feed_runs_as_many_queries_with_10_artefacts_as_with_2(client, world, theme):
    def grow(count):
        for _ in range(count):
            ArtefactPageFactory(
                network=world.network,
                owner=world.author,
                themes=[theme],
                contributors=[{"user": world.author, "name": "A"}, {"name": "B"}],
            )

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"{FEED}?network={world.network.slug}").status_code == 200
        return len(captured.captured_queries)

    grow(2)
    client.get(FEED)  # warm the site-root cache
    few = queries()
    grow(8)
    many = queries()

    assert len(parsed(client).entries) == 10
    assert many == few


# --- Discovery ---------------------------------------------------------------------------------


def test_the_artefact_list_links_the_feed_for_feed_readers(client, db):
    html = client.get("/artefacts/").content.decode()

    assert (
        f'<link rel="alternate" type="application/atom+xml" title="Learning artefacts from every network" href="{FEED}">'
        in html
    )


def test_a_network_page_and_its_artefact_list_link_the_networks_feed(client, world):
    link = (
        '<link rel="alternate" type="application/atom+xml" '
        f'title="Learning artefacts from {world.network.title}" '
        f'href="{FEED}?network={world.network.slug}">'
    )

    assert link in client.get(world.network.url).content.decode()
    assert link in client.get(f"/networks/{world.network.slug}/artefacts/").content.decode()


def test_the_list_links_the_feed_of_the_theme_it_shows(client, db, theme):
    html = client.get(f"/artefacts/?theme={theme.slug}").content.decode()

    assert f'href="{FEED}?theme={theme.slug}"' in html


# --- Sitemap and robots.txt --------------------------------------------------------------------


def test_the_sitemap_is_an_index_of_pages_of_addresses(client, catalogue):
    index = client.get("/sitemap.xml").content.decode()

    assert "<sitemapindex" in index
    assert "<loc>http://testserver/sitemap-pages.xml</loc>" in index
    assert "<urlset" in client.get("/sitemap-pages.xml").content.decode()


def test_the_sitemap_splits_its_addresses_into_pages_of_at_most_its_limit(
    client, catalogue, monkeypatch
):
    monkeypatch.setattr(PagesSitemap, "limit", 2)

    index = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://testserver/sitemap-pages.xml?p=2</loc>" in index
    assert client.get("/sitemap-pages.xml?p=2").content.decode().count("<url>") <= 2


def test_the_sitemap_lists_the_home_page_network_pages_and_public_artefacts(
    whole_sitemap, client, world, catalogue
):
    xml = whole_sitemap(client)

    assert f"<loc>{HomePage.objects.get().full_url}</loc>" in xml
    assert f"<loc>{world.network.full_url}</loc>" in xml
    assert f"<loc>{catalogue['public'].full_url}</loc>" in xml
    assert f"<loc>{catalogue['other'].full_url}</loc>" in xml


def test_the_sitemap_leaves_out_members_only_network_only_and_draft_artefacts(
    whole_sitemap, client, catalogue
):
    xml = whole_sitemap(client)

    for name in ("members", "network", "draft"):
        assert f"/{catalogue[name].slug}/</loc>" not in xml


def test_the_sitemap_leaves_out_pages_behind_a_privacy_restriction(
    whole_sitemap, client, catalogue
):
    PageViewRestriction.objects.create(
        page=catalogue["public"], restriction_type=PageViewRestriction.LOGIN
    )

    assert f"<loc>{catalogue['public'].full_url}</loc>" not in whole_sitemap(client)


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_themes_in_the_feed_are_its_categories(client, world, make_artefact):
    make_artefact(title="Two themes", themes=[ThemeFactory(name="A"), ThemeFactory(name="B")])

    entry = parsed(client).entries[0]

    assert sorted(tag.term for tag in entry.tags) == ["A", "B"]
