"""Every review page against every kind of person, nothing public, and query budgets."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from peer_review import services
from peer_review.models import Evidence

from .world import build_world, fresh, open_cycle, to_follow_up, to_self_review

# Who reads a cycle in the response phase: the network, its peer team, the broker.
READERS = {
    "anonymous": False,
    "outsider": False,
    "other_network": False,  # a co-leader of another network, not on the team
    "member": True,
    "co_leader": True,
    "lead_reviewer": True,
    "reviewer": True,
    "broker": True,
}


@pytest.fixture
def answered(world, cycle):
    to_follow_up(world, cycle)
    return cycle


def pages(cycle):
    criterion = cycle.focus_criteria.first()
    return [
        reverse("peer_review:cycle", args=[cycle.pk]),
        reverse("peer_review:criterion", args=[cycle.pk, criterion.pk]),
        reverse("peer_review:team", args=[cycle.pk]),
        reverse("peer_review:report", args=[cycle.pk]),
        reverse("peer_review:report_csv", args=[cycle.pk]),
        reverse("peer_review:report_pdf", args=[cycle.pk]),
        reverse("peer_review:plan", args=[cycle.pk]),
    ]


@pytest.mark.parametrize("role", list(READERS))
def test_who_reads_each_review_page(client, world, answered, role):
    person = world.person(role)
    if person is not None:
        client.force_login(person)
    for url in pages(answered):
        status = client.get(url).status_code
        if READERS[role]:
            assert status == 200, (role, url)
        elif person is None:
            assert status == 302, (role, url)  # to sign in
        else:
            assert status == 404, (role, url)


@pytest.mark.parametrize("role", ["anonymous", "outsider", "other_network", "member"])
def test_only_the_broker_reads_the_overview(client, world, answered, role):
    person = world.person(role)
    if person is not None:
        client.force_login(person)
    assert client.get(reverse("peer_review:overview")).status_code in (302, 403)


def test_the_broker_reads_the_overview_but_can_not_move_a_phase(client, world, answered):
    client.force_login(world.broker)
    assert client.get(reverse("peer_review:overview")).status_code == 200
    client.post(reverse("peer_review:advance", args=[answered.pk]))
    answered.refresh_from_db()
    assert answered.phase == "follow_up"


@pytest.mark.parametrize("role", ["anonymous", "outsider", "other_network"])
def test_evidence_files_are_served_only_to_readers(client, world, role):
    cycle = open_cycle(world)
    to_self_review(world, cycle)
    evidence = services.add_evidence(
        cycle=cycle,
        criterion=cycle.focus_criteria.first(),
        by=world.member,
        kind="file",
        title="Notes",
        upload=SimpleUploadedFile("notes.txt", b"Confidential notes."),
    )
    url = reverse("peer_review:evidence_file", args=[cycle.pk, evidence.pk])
    person = world.person(role)
    if person is not None:
        client.force_login(person)
    assert client.get(url).status_code in (302, 404)
    client.force_login(world.member)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Confidential notes."
    assert Evidence.objects.count() == 1


def test_nothing_of_a_cycle_reaches_search_feeds_or_the_sitemap(
    client, world, answered, whole_sitemap
):
    secret = "Pupil voice beyond the confident few"
    for url in ("/search/?q=confident", "/feeds/artefacts/", "/api/v1/search/?q=confident"):
        response = client.get(url)
        assert secret.encode() not in response.content, url
        assert b"/reviews/" not in response.content, url
    sitemap = whole_sitemap(client)
    assert secret not in sitemap
    assert "/reviews/" not in sitemap


def test_the_network_profile_shows_its_cycles_to_members_only(client, world, answered):
    url = world.network.get_url()
    client.force_login(world.member)
    assert b"Self- and peer-review" in client.get(url).content
    client.force_login(world.reviewers[2])
    assert b"Self- and peer-review" not in client.get(url).content


def test_the_network_profile_links_a_member_to_each_cycle(client, world, answered):
    client.force_login(world.member)
    content = client.get(world.network.get_url()).content.decode()
    assert f'href="{reverse("peer_review:cycle", args=[answered.pk])}"' in content
    assert "No review cycle yet." not in content


def test_the_network_profile_offers_a_co_leader_to_open_a_cycle(client, world):
    client.force_login(world.co_leader)
    content = client.get(world.network.get_url()).content.decode()
    assert f'href="{reverse("peer_review:open", args=[world.network.slug])}"' in content


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("name", ["cycle", "report"])
def test_cycle_and_report_pages_run_as_many_queries_for_ten_criteria_as_for_one(
    client, db, settings, tmp_path, name
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    counts = []
    for criteria in (1, 10):
        world = build_world(criteria=criteria, tag=f" {criteria}")
        cycle = open_cycle(world)
        to_follow_up(world, cycle)
        client.force_login(fresh(world.co_leader))
        url = reverse(f"peer_review:{name}", args=[cycle.pk])
        _queries(client, url)  # warm caches (site root, session)
        counts.append(_queries(client, url))
    assert counts[0] == counts[1]
