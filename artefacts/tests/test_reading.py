"""The published artefact page: who may read it, what it shows, and what it costs."""

import pytest

from django.contrib.auth.models import AnonymousUser

from artefacts.factories import ArtefactPageFactory, sample_pdf
from artefacts.selectors import artefacts_visible_to
from artefacts.wagtail_hooks import artefacts_section
from networks.factories import SchoolFactory

PEOPLE = [
    "anonymous",
    "outsider",
    "member",
    "critical_friend",
    "other_co_leader",
    "broker",
    "admin",
]
ENTITLED = {
    "public": set(PEOPLE),
    "members": set(PEOPLE) - {"anonymous", "outsider"},
    "network": {"member", "critical_friend", "broker", "admin"},
}


def sign_in_as(client, world, who):
    if who != "anonymous":
        client.force_login(getattr(world, who))


@pytest.mark.parametrize("visibility", ["public", "members", "network"])
@pytest.mark.parametrize("who", PEOPLE)
def test_artefact_page_is_served_only_to_people_entitled_to_it(
    client, world, make_artefact, visibility, who
):
    artefact = make_artefact(visibility=visibility)
    sign_in_as(client, world, who)

    response = client.get(artefact.url)

    if who in ENTITLED[visibility]:
        assert response.status_code == 200
    else:  # a signed-out visitor is invited to sign in (test_sign_in_to_read)
        assert response.status_code == (403 if who == "anonymous" else 404)


def test_a_draft_has_no_public_page(client, world, make_draft):
    artefact = make_draft()
    client.force_login(world.author)

    assert client.get(artefact.url_path.replace("/home", "", 1)).status_code == 404


def test_artefact_page_shows_every_section_including_what_did_not_work(client, make_artefact):
    artefact = make_artefact(
        what_did_not_work="<p>Exit tickets took longer than the lesson allowed.</p>",
        try_it_steps="<ol><li>Choose one class.</li></ol>",
        evidence_of_impact="<p>Books showed more corrections.</p>",
        evidence_kind="observation",
        evidence_strength=3,
    )

    html = client.get(artefact.url).content.decode()

    for heading in (
        "Context and the shared challenge",
        "What we did",
        "What worked",
        "What did not work",
        "Evidence of impact",
        "Try it yourself",
    ):
        assert heading in html
    assert "Exit tickets took longer than the lesson allowed." in html
    assert "3 out of 5" in html


def test_artefact_page_credits_contributors_with_their_schools_and_network(
    client, world, make_artefact
):
    school = SchoolFactory(name="St Helens Primary")
    artefact = make_artefact(
        contributors=[
            {
                "user": world.author,
                "name": "Amira Hussain",
                "school": school,
                "network": world.network,
            },
            {"name": "Dr Ruth Lane", "organisation": "Edge Hill University"},
        ]
    )

    html = client.get(artefact.url).content.decode()

    assert "Amira Hussain</strong>, St Helens Primary, Mersey Feedback Network" in html
    assert "Dr Ruth Lane</strong>, Edge Hill University" in html


def test_artefact_page_has_a_how_to_cite_line_with_authors_year_title_network_url_and_licence(
    client, world, make_artefact
):
    artefact = make_artefact(
        title="Live marking",
        licence="cc-by-nc-sa-4.0",
        contributors=[{"user": world.author, "name": "Amira Hussain"}, {"name": "Tom Brennan"}],
    )

    html = client.get(artefact.url).content.decode()
    year = artefact.first_published_at.year

    assert f"Hussain, A. and Brennan, T. ({year}) <cite>Live marking</cite>." in html
    assert "Mersey Feedback Network." in html
    assert f'Available at: <a href="{artefact.full_url}">' in html
    assert "Licence: CC BY-NC-SA 4.0." in html


def test_plain_text_and_markup_in_fields_is_escaped(client, make_artefact):
    artefact = make_artefact(
        title="<script>alert(1)</script>", summary="<img src=x onerror=alert(1)>"
    )

    html = client.get(artefact.url).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html


def test_artefact_page_lists_downloadable_resources(client, make_artefact):
    artefact = make_artefact(documents=[sample_pdf("protocol.pdf", "Observation protocol")])
    document_id = next(iter(artefact.resource_ids("document")))

    html = client.get(artefact.url).content.decode()

    assert f"/artefacts/{artefact.pk}/documents/{document_id}/" in html
    assert "Observation protocol" in html


def test_related_panel_shows_only_visible_artefacts_sharing_a_theme(
    client, world, make_artefact, theme
):
    artefact = make_artefact(title="Reading", themes=[theme])
    make_artefact(title="Public cousin", themes=[theme])
    make_artefact(title="Private cousin", themes=[theme], visibility="network")

    html = client.get(artefact.url).content.decode()

    assert "Related artefacts" in html
    assert "Public cousin" in html
    assert "Private cousin" not in html


def test_page_with_a_video_still_renders_when_the_embed_provider_cannot_be_reached(
    client, make_artefact, unreachable_embed_provider
):
    artefact = make_artefact()
    artefact.resources = [
        {"type": "video", "value": {"title": "Live feedback", "url": "https://video.example.org/1"}}
    ]
    artefact.save_revision().publish(skip_permission_checks=True)

    response = client.get(artefact.url)

    assert response.status_code == 200
    assert (
        '<a href="https://video.example.org/1" rel="noopener nofollow">Watch the video: Live feedback</a>'
        in response.content.decode()
    )


def grow(world, count):
    """More artefacts in the database: some in the network, some in another, some private."""
    for number in range(count):
        ArtefactPageFactory(
            network=world.other_network if number % 2 else world.network,
            owner=world.other_member if number % 2 else world.author,
            visibility=("public", "members", "network")[number % 3],
        )


def count_queries(django_assert_max_num_queries, call) -> int:
    with django_assert_max_num_queries(1000) as captured:
        call()
    return len(captured.captured_queries)


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_artefact_page_runs_as_many_queries_with_30_artefacts_as_with_3(
    client, world, make_artefact, theme, django_assert_max_num_queries, who
):
    artefact = make_artefact(themes=[theme], documents=[sample_pdf()])
    sign_in_as(client, world, who)
    grow(world, 3)
    client.get(artefact.url)  # warm the site-root cache
    few = count_queries(django_assert_max_num_queries, lambda: client.get(artefact.url))

    grow(world, 27)
    many = count_queries(django_assert_max_num_queries, lambda: client.get(artefact.url))

    assert many == few


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_network_artefact_list_runs_as_many_queries_with_30_artefacts_as_with_3(
    client, world, django_assert_max_num_queries, who, settings
):
    settings.PAGE_CACHE_ENABLED = False  # it counts the queries of rendering the list
    sign_in_as(client, world, who)
    url = f"/networks/{world.network.slug}/artefacts/"
    grow(world, 3)
    client.get(url)
    few = count_queries(django_assert_max_num_queries, lambda: client.get(url))

    grow(world, 27)
    many = count_queries(django_assert_max_num_queries, lambda: client.get(url))

    assert many == few


def test_profile_section_runs_as_many_queries_with_30_artefacts_as_with_3(
    world, django_assert_max_num_queries
):
    grow(world, 3)
    few = count_queries(
        django_assert_max_num_queries, lambda: artefacts_section(world.network, AnonymousUser())
    )
    grow(world, 27)
    many = count_queries(
        django_assert_max_num_queries, lambda: artefacts_section(world.network, AnonymousUser())
    )

    assert many == few


def test_network_artefact_list_hides_what_the_reader_may_not_see(client, world, make_artefact):
    make_artefact(title="Open to all", visibility="public")
    make_artefact(title="Just us", visibility="network")
    client.force_login(world.outsider)

    html = client.get(f"/networks/{world.network.slug}/artefacts/").content.decode()

    assert "Open to all" in html
    assert "Just us" not in html
    assert "1 artefact" in html


def test_network_profile_lists_the_networks_visible_artefacts(client, world, make_artefact):
    make_artefact(title="Open to all", visibility="public")
    make_artefact(title="Just us", visibility="network")

    html = client.get(world.network.url).content.decode()

    assert "Open to all" in html
    assert "Just us" not in html


def test_profile_section_offers_members_a_way_to_write_an_artefact(world):
    section = artefacts_section(world.network, world.author)

    assert section.context["can_create"]
    assert section.order == 20


def test_every_list_agrees_with_artefacts_visible_to(client, world, make_artefact):
    for visibility in ("public", "members", "network"):
        make_artefact(title=f"A {visibility} one", visibility=visibility)
    client.force_login(world.other_co_leader)
    expected = {a.title for a in artefacts_visible_to(world.other_co_leader)}

    html = client.get("/artefacts/").content.decode()

    assert {
        title for title in ("A public one", "A members one", "A network one") if title in html
    } == expected


@pytest.mark.parametrize(("visibility", "listed"), [("public", 1), ("members", 0), ("network", 0)])
def test_only_public_artefacts_offer_sitemap_urls(make_artefact, visibility, listed):
    artefact = make_artefact(visibility=visibility)

    assert len(artefact.get_sitemap_urls()) == listed


def test_list_of_all_artefacts_runs_as_many_queries_with_30_artefacts_as_with_3(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.member)
    grow(world, 3)
    client.get("/artefacts/")
    few = count_queries(django_assert_max_num_queries, lambda: client.get("/artefacts/"))

    grow(world, 27)
    many = count_queries(django_assert_max_num_queries, lambda: client.get("/artefacts/"))

    assert many == few


def test_list_filters_by_type_and_theme_and_survives_odd_input(client, world, make_artefact, theme):
    make_artefact(title="A tool", artefact_type="tool", themes=[theme])
    make_artefact(title="A case study", artefact_type="case_study", themes=[theme])

    html = client.get(f"/artefacts/?type=tool&theme={theme.slug}").content.decode()
    odd = client.get("/artefacts/?type=<script>&theme=%22&page=x")

    assert "A tool" in html and "A case study" not in html
    assert odd.status_code == 200


def test_private_artefact_pages_are_not_stored_by_shared_caches(client, world, make_artefact):
    artefact = make_artefact(visibility="network")
    client.force_login(world.member)

    response = client.get(artefact.url)

    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
