"""“Members only” means members of a network (issue #15.3): an account that belongs to no
network now (self-registered, or left every network) reads what is public only, on every
surface; a current member of any network, a broker and an admin read it."""

import pytest

from django.utils import timezone

from artefacts.factories import sample_pdf
from artefacts.selectors import artefacts_visible_to
from networks.models import Membership
from search.services import index_page

TITLE = "Quiet reading corners in Key Stage 2"


@pytest.fixture
def members_only(make_artefact, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.ELASTICSEARCH_URL = ""
    artefact = make_artefact(
        title=TITLE, visibility="members", documents=[sample_pdf("corners.pdf")]
    )
    index_page(page_id=artefact.pk)
    return artefact


def document_url(artefact):
    document_id = next(iter(artefact.resource_ids("document")))
    return f"/artefacts/{artefact.pk}/documents/{document_id}/"


def leave_every_network(user):
    Membership.objects.filter(user=user).update(left_at=timezone.now())


def test_an_account_in_no_network_gets_404_for_a_members_only_artefact(client, world, members_only):
    client.force_login(world.outsider)

    response = client.get(members_only.url)

    assert response.status_code == 404
    assert TITLE not in response.content.decode()


def test_a_member_of_another_network_reads_a_members_only_artefact(client, world, members_only):
    client.force_login(world.other_member)

    assert client.get(members_only.url).status_code == 200


def test_someone_who_left_every_network_no_longer_reads_it(client, world, members_only):
    leave_every_network(world.other_member)
    client.force_login(world.other_member)

    assert client.get(members_only.url).status_code == 404


@pytest.mark.parametrize("who", ["broker", "admin"])
def test_brokers_and_admins_read_it_without_belonging_to_a_network(
    client, world, members_only, who
):
    client.force_login(getattr(world, who))

    assert client.get(members_only.url).status_code == 200


def test_no_list_shows_it_to_an_account_in_no_network(client, world, members_only):
    client.force_login(world.outsider)

    for url in ("/artefacts/", f"/networks/{world.network.slug}/artefacts/", world.network.url):
        assert TITLE not in client.get(url).content.decode(), url
    assert not artefacts_visible_to(world.outsider).filter(pk=members_only.pk).exists()


def test_lists_show_it_to_a_member_of_another_network(client, world, members_only):
    client.force_login(world.other_member)

    for url in ("/artefacts/", f"/networks/{world.network.slug}/artefacts/", world.network.url):
        assert TITLE in client.get(url).content.decode(), url


def test_search_results_suggestions_and_facet_counts_leave_it_out(client, world, members_only):
    client.force_login(world.outsider)

    page = client.get("/search/", {"q": "reading corners"}).content.decode()
    results = client.get("/api/v1/search/", {"q": "reading corners"}).json()
    suggestions = client.get("/api/v1/search/suggest/", {"q": "Quiet"}).json()

    assert TITLE not in page
    assert results["total"] == 0 and results["results"] == []
    assert all(count["count"] == 0 for facet in results["facets"].values() for count in facet)
    assert suggestions["suggestions"] == []


def test_search_finds_it_for_a_member_of_another_network(client, world, members_only):
    client.force_login(world.other_member)

    results = client.get("/api/v1/search/", {"q": "reading corners"}).json()
    suggestions = client.get("/api/v1/search/suggest/", {"q": "Quiet"}).json()

    assert [hit["title"] for hit in results["results"]] == [TITLE]
    assert [s["title"] for s in suggestions["suggestions"]] == [TITLE]


def test_its_files_are_not_served_to_an_account_in_no_network(client, world, members_only):
    client.force_login(world.outsider)

    assert client.get(document_url(members_only)).status_code == 404


def test_its_files_are_served_to_a_member_of_another_network(client, world, members_only):
    client.force_login(world.other_member)

    assert client.get(document_url(members_only)).status_code == 200


def test_feeds_and_the_sitemap_never_list_it(client, world, members_only, whole_sitemap):
    client.force_login(world.outsider)

    assert TITLE not in client.get("/feeds/artefacts/").content.decode()
    assert members_only.url not in whole_sitemap(client)
