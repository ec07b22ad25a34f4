"""A signed-out visitor who opens an artefact shared with members or with its network is invited
to sign in, and lands on it afterwards (issue #15.3); nothing of the artefact is on that page.
What does not exist, drafts, and people signed in who may not read it get the same 404."""

from urllib.parse import urlencode

import pytest

from django.urls import reverse

from artefacts.factories import sample_pdf
from core.accounts.factories import TEST_PASSWORD

TITLE = "Quiet reading corners in Key Stage 2"
SUMMARY = "Pupils chose where to read; library loans doubled."


@pytest.fixture
def shared(make_artefact, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    def make(visibility):
        return make_artefact(
            title=TITLE,
            summary=SUMMARY,
            visibility=visibility,
            documents=[sample_pdf("corners-plan.pdf", "Reading corner plan")],
        )

    return make


@pytest.mark.parametrize("visibility", ["members", "network"])
def test_a_signed_out_visitor_is_invited_to_sign_in_without_seeing_the_artefact(
    client, shared, visibility
):
    artefact = shared(visibility)

    response = client.get(artefact.url)

    html = response.content.decode()
    assert response.status_code == 403
    assert "Sign in to read this artefact" in html
    assert f"{reverse('account_login')}?{urlencode({'next': artefact.url})}" in html
    # Only the address the visitor opened (in `next`) names it.
    for secret in (TITLE, SUMMARY, "corners-plan.pdf", "Reading corner plan", "documents/"):
        assert secret not in html


def test_the_invitation_is_not_kept_by_shared_caches(client, shared):
    response = client.get(shared("members").url)

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_after_signing_in_the_visitor_lands_on_the_artefact(client, world, shared):
    artefact = shared("network")

    response = client.post(
        f"{reverse('account_login')}?{urlencode({'next': artefact.url})}",
        {"login": world.member.email, "password": TEST_PASSWORD},
    )

    assert response.status_code == 302
    assert response.url == artefact.url
    assert TITLE in client.get(response.url).content.decode()


def test_a_draft_still_answers_404_to_a_signed_out_visitor(client, make_draft):
    artefact = make_draft(title=TITLE, visibility="members")

    response = client.get(artefact.url_path.replace("/home", "", 1))

    assert response.status_code == 404
    assert TITLE not in response.content.decode()


def test_an_artefact_that_does_not_exist_answers_404(client, world):
    assert client.get(f"{world.network.url}no-such-artefact/").status_code == 404


def test_an_unpublished_artefact_answers_404_to_a_signed_out_visitor(client, shared):
    artefact = shared("members")
    url = artefact.url
    artefact.unpublish()

    assert client.get(url).status_code == 404


def test_someone_signed_in_who_may_not_read_it_gets_the_same_404(client, world, shared):
    artefact = shared("network")
    client.force_login(world.other_member)

    response = client.get(artefact.url)

    assert response.status_code == 404
    assert "Sign in to read" not in response.content.decode()


def test_a_public_artefact_is_read_without_signing_in(client, shared):
    response = client.get(shared("public").url)

    assert response.status_code == 200
    assert TITLE in response.content.decode()
