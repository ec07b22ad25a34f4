"""Reviewing in the site: the workspace page and its approve / ask-for-changes forms."""

from datetime import timedelta

import pytest

from django.utils import timezone

from artefacts.models import ArtefactPage, ModerationStatus

from .helpers import draft, submitted


def workspace_url(artefact):
    return f"/artefacts/{artefact.pk}/"


def test_co_leader_sees_the_review_forms_on_a_submitted_artefact(client, world):
    artefact = submitted(world.network, world.author)
    client.force_login(world.co_leader)

    response = client.get(workspace_url(artefact))

    assert response.context["can_approve"]
    assert "Ask for changes" in response.content.decode()


def test_author_sees_no_review_forms_on_their_own_artefact(client, world):
    artefact = submitted(world.network, world.author)
    client.force_login(world.author)

    response = client.get(workspace_url(artefact))

    assert not response.context["can_approve"]
    assert "Ask for changes</button>" not in response.content.decode()


def test_approving_in_the_site_publishes_the_artefact(client, world):
    artefact = submitted(world.network, world.author)
    client.force_login(world.co_leader)

    response = client.post(f"/artefacts/{artefact.pk}/approve/", {"go_live_at": ""})

    assert response.status_code == 302
    assert ArtefactPage.objects.get(pk=artefact.pk).live


def test_approving_with_a_past_time_is_an_error(client, world):
    artefact = submitted(world.network, world.author)
    client.force_login(world.co_leader)
    past = (timezone.localtime() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")

    response = client.post(f"/artefacts/{artefact.pk}/approve/", {"go_live_at": past})

    assert response.status_code == 400
    assert "Choose a time in the future" in response.content.decode()
    assert not ArtefactPage.objects.get(pk=artefact.pk).live


def test_author_posting_approve_is_refused_with_a_message(client, world):
    artefact = submitted(world.network, world.author)
    client.force_login(world.author)

    response = client.post(f"/artefacts/{artefact.pk}/approve/", {"go_live_at": ""}, follow=True)

    assert "who is not one of its authors can approve it" in response.content.decode()
    assert not ArtefactPage.objects.get(pk=artefact.pk).live


def test_co_leader_of_another_network_cannot_reach_the_review_at_all(client, world):
    artefact = submitted(world.network, world.author)
    client.force_login(world.other_co_leader)

    response = client.post(f"/artefacts/{artefact.pk}/approve/", {"go_live_at": ""})

    assert response.status_code == 404
    assert not ArtefactPage.objects.get(pk=artefact.pk).live


def test_asking_for_changes_without_a_comment_is_an_error(client, world):
    artefact = submitted(world.network, world.author)
    client.force_login(world.co_leader)

    response = client.post(f"/artefacts/{artefact.pk}/request-changes/", {"comment": ""})

    assert response.status_code == 400
    assert "Say what needs to change" in response.content.decode()
    assert artefact.moderation.status == ModerationStatus.SUBMITTED


def test_the_author_sees_the_reviewers_comment_on_the_workspace(client, world):
    artefact = submitted(world.network, world.author)
    client.force_login(world.co_leader)
    client.post(f"/artefacts/{artefact.pk}/request-changes/", {"comment": "Add pupil quotes."})
    client.force_login(world.author)

    html = client.get(workspace_url(artefact)).content.decode()

    assert "asked for changes" in html
    assert "Add pupil quotes." in html


def test_submit_button_sends_a_draft_for_review(client, world):
    artefact = draft(world.network, world.author)
    client.force_login(world.author)

    client.post(f"/artefacts/{artefact.pk}/submit/")

    artefact.moderation.refresh_from_db()
    assert artefact.moderation.status == ModerationStatus.SUBMITTED


@pytest.mark.parametrize("path", ["submit/", "approve/", "request-changes/"])
def test_moderation_actions_only_accept_post(client, world, path):
    artefact = submitted(world.network, world.author)
    client.force_login(world.co_leader)

    assert client.get(f"/artefacts/{artefact.pk}/{path}").status_code == 405


def test_your_artefacts_lists_what_waits_for_the_co_leaders_review(client, world):
    artefact = submitted(world.network, world.author, title="Waiting one")
    client.force_login(world.co_leader)

    response = client.get("/artefacts/yours/")

    assert [a.pk for a in response.context["to_review"]] == [artefact.pk]


def test_workspace_runs_a_bounded_number_of_queries(client, world, django_assert_max_num_queries):
    artefact = submitted(world.network, world.author)
    client.force_login(world.co_leader)
    client.get(workspace_url(artefact))

    with django_assert_max_num_queries(40):
        client.get(workspace_url(artefact))
