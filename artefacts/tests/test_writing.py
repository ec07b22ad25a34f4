"""Writing in the site: the form, its errors, drafts, concurrent edits and comparisons."""

import pytest

from wagtail.models import Revision

from artefacts.forms import WHAT_DID_NOT_WORK_REQUIRED, ArtefactForm
from artefacts.models import ArtefactPage, ModerationStatus
from artefacts.selectors import artefact_form_options

from .helpers import draft


def form_data(**overrides):
    data = {
        "title": "Talk partners in maths",
        "summary": "Structured talk before writing answers.",
        "artefact_type": "teaching_resource",
        "context": "Our Year 3 pupils rarely explained their reasoning.",
        "what_we_did": "- Paired pupils\n- Gave sentence stems",
        "what_worked": "Quieter pupils spoke more.",
        "what_did_not_work": "Pairs drifted off task in long sessions.",
        "licence": "cc-by-4.0",
        "visibility": "public",
        "then": "save",
    }
    data.update(overrides)
    return data


def create_url(world):
    return f"/networks/{world.network.slug}/artefacts/new/"


def test_members_get_the_artefact_form(client, world):
    client.force_login(world.author)

    response = client.get(create_url(world))

    assert response.status_code == 200
    assert b"data-warn-unsaved" in response.content


@pytest.mark.parametrize("who", ["critical_friend", "other_co_leader", "outsider"])
def test_people_outside_the_networks_writers_cannot_open_the_form(client, world, who):
    client.force_login(getattr(world, who))

    assert client.get(create_url(world)).status_code == 403


def test_anonymous_people_are_asked_to_sign_in(client, world):
    response = client.get(create_url(world))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_saving_the_form_creates_a_draft_that_is_not_published(client, world):
    client.force_login(world.author)

    response = client.post(create_url(world), form_data())

    artefact = ArtefactPage.objects.get(title="Talk partners in maths")
    assert response.status_code == 302
    assert response["Location"] == f"/artefacts/{artefact.pk}/"
    assert not artefact.live
    assert artefact.moderation.status == ModerationStatus.DRAFT
    assert client.get(artefact.url_path.replace("/home", "", 1)).status_code == 404


def test_plain_text_becomes_sanitised_rich_text(client, world):
    client.force_login(world.author)

    client.post(
        create_url(world),
        form_data(what_we_did="<script>alert(1)</script>\n- one\n- two https://example.org/a"),
    )

    artefact = ArtefactPage.objects.get(title="Talk partners in maths")
    html = artefact.get_latest_revision_as_object().what_we_did
    assert html == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><ul><li>one</li>"
        '<li>two <a href="https://example.org/a">https://example.org/a</a></li></ul>'
    )


def test_the_author_is_credited_with_their_school_and_network(client, world):
    client.force_login(world.author)

    client.post(create_url(world), form_data())

    artefact = ArtefactPage.objects.get(title="Talk partners in maths")
    (contributor,) = artefact.get_latest_revision_as_object().contributors.all()
    membership = world.author.memberships.get()
    assert contributor.user == world.author
    assert contributor.school_id == membership.school_id
    assert contributor.network_id == world.network.pk


@pytest.mark.parametrize("empty", ["", "   \n  "])
def test_empty_what_did_not_work_stops_submission_and_says_why_it_matters(client, world, empty):
    client.force_login(world.author)

    response = client.post(
        create_url(world), form_data(what_did_not_work=empty, then="submit"), follow=True
    )

    assert WHAT_DID_NOT_WORK_REQUIRED in response.content.decode().replace("&#x27;", "'")
    assert "other networks learn most from it" in WHAT_DID_NOT_WORK_REQUIRED
    assert ArtefactPage.objects.get().moderation.status == ModerationStatus.DRAFT


def test_the_form_saves_evidence_without_its_kind_and_strength_as_a_draft(world):
    form = ArtefactForm(
        form_data(evidence_of_impact="Reading ages rose."),
        network=world.network,
        author=world.author,
        options=artefact_form_options(world.network, author=world.author),
    )

    assert form.is_valid(), form.errors


def test_save_and_submit_sends_the_draft_for_review(client, world):
    client.force_login(world.author)

    client.post(create_url(world), form_data(then="submit"))

    artefact = ArtefactPage.objects.get(title="Talk partners in maths")
    assert artefact.moderation.status == ModerationStatus.SUBMITTED


def edit_url(artefact):
    return f"/artefacts/{artefact.pk}/edit/"


def test_edit_form_starts_from_the_latest_revision(client, world):
    artefact = draft(world.network, world.author)
    client.force_login(world.author)

    response = client.get(edit_url(artefact))

    form = response.context["form"]
    assert form.initial["base_revision"] == artefact.latest_revision_id
    assert form.initial["what_did_not_work"] == "Feedback sheets were ignored after a month."


def test_saving_over_a_newer_revision_warns_and_keeps_the_persons_text(client, world):
    artefact = draft(world.network, world.author)
    started_from = artefact.latest_revision_id
    colleague, author = client, type(client)()
    colleague.force_login(world.co_leader)
    author.force_login(world.author)
    colleague.post(edit_url(artefact), form_data(base_revision=started_from, summary="Theirs."))
    revisions_before = Revision.objects.count()

    response = author.post(
        edit_url(artefact),
        form_data(base_revision=started_from, summary="Mine, carefully written."),
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert "saved a newer version of this artefact while you were editing" in html
    assert "Mine, carefully written." in html
    assert f"/revisions/compare/?old={started_from}&amp;new=" in html
    assert Revision.objects.count() == revisions_before
    latest = ArtefactPage.objects.get(pk=artefact.pk).get_latest_revision_as_object()
    assert latest.summary == "Theirs."


def test_after_the_warning_saving_again_replaces_the_newer_revision_knowingly(client, world):
    artefact = draft(world.network, world.author)
    started_from = artefact.latest_revision_id
    other = type(client)()
    other.force_login(world.co_leader)
    other.post(edit_url(artefact), form_data(base_revision=started_from, summary="Theirs."))
    client.force_login(world.author)
    warned = client.post(edit_url(artefact), form_data(base_revision=started_from, summary="Mine."))
    newer = warned.context["form"]["base_revision"].value()

    response = client.post(edit_url(artefact), form_data(base_revision=newer, summary="Mine."))

    assert response.status_code == 302
    latest = ArtefactPage.objects.get(pk=artefact.pk).get_latest_revision_as_object()
    assert latest.summary == "Mine."


def test_unchanged_sections_keep_formatting_added_in_wagtails_editor(client, world):
    artefact = draft(world.network, world.author, what_worked="<p>It <b>really</b> worked.</p>")
    client.force_login(world.author)
    initial = client.get(edit_url(artefact)).context["form"].initial

    client.post(
        edit_url(artefact),
        form_data(
            base_revision=artefact.latest_revision_id,
            what_worked=initial["what_worked"],
            summary="Changed only the summary.",
        ),
    )

    latest = ArtefactPage.objects.get(pk=artefact.pk).get_latest_revision_as_object()
    assert latest.what_worked == "<p>It <b>really</b> worked.</p>"


@pytest.mark.parametrize("who", ["member", "critical_friend", "other_co_leader", "outsider"])
def test_people_who_are_not_its_authors_or_reviewers_cannot_see_a_draft(client, world, who):
    artefact = draft(world.network, world.author)
    client.force_login(getattr(world, who))

    assert client.get(f"/artefacts/{artefact.pk}/").status_code == 404
    assert client.get(edit_url(artefact)).status_code == 404


def test_compare_shows_an_escaped_word_diff_between_two_revisions(client, world):
    artefact = draft(world.network, world.author, what_worked="<p>Pupils spoke more.</p>")
    first = artefact.latest_revision_id
    client.force_login(world.author)
    client.post(
        edit_url(artefact),
        form_data(base_revision=first, what_worked="Pupils <b> spoke much more."),
    )
    second = ArtefactPage.objects.get(pk=artefact.pk).latest_revision_id

    response = client.get(f"/artefacts/{artefact.pk}/revisions/compare/?old={first}&new={second}")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Pupils<ins> &lt;b&gt;</ins> spoke <ins>much </ins>more." in html


def test_revisions_page_lists_every_version(client, world):
    artefact = draft(world.network, world.author)
    client.force_login(world.author)
    client.post(edit_url(artefact), form_data(base_revision=artefact.latest_revision_id))

    response = client.get(f"/artefacts/{artefact.pk}/revisions/")

    assert len(response.context["versions"]) == 2
    assert "Compare with the version before" in response.content.decode()
