"""Writing without fear: drafts save whatever is there, submitting says what is missing,
autosave keeps the words without piling up revisions, and a chosen file survives a form error."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Revision

from artefacts import services
from artefacts.errors import IncompleteArtefact
from artefacts.models import ArtefactFile, ArtefactPage, ModerationStatus, PendingUpload
from artefacts.sample_files import pdf_bytes

from .helpers import draft, submitted
from .test_writing import create_url, form_data


def edit_url(artefact):
    return f"/artefacts/{artefact.pk}/edit/"


def autosave_url(artefact):
    return f"/artefacts/{artefact.pk}/autosave/"


def half_written(**overrides):
    """The form as a teacher leaves it after ten minutes: a title and a start on one section."""
    data = {"title": "Talk partners in maths", "what_we_did": "We paired pupils", "then": "save"}
    data.update(overrides)
    return data


def a_pdf(name="protocol.pdf"):
    return SimpleUploadedFile(name, pdf_bytes("Protocol", ["Observe in pairs."]))


def latest(artefact):
    return ArtefactPage.objects.get(pk=artefact.pk).get_latest_revision_as_object()


# --- Drafts need only a title ------------------------------------------------------------


def test_a_draft_with_required_sections_missing_saves(client, world):
    client.force_login(world.author)

    response = client.post(create_url(world), half_written())

    artefact = ArtefactPage.objects.get(title="Talk partners in maths")
    assert response.status_code == 302
    assert artefact.moderation.status == ModerationStatus.DRAFT
    assert "We paired pupils" in latest(artefact).what_we_did


def test_a_draft_without_a_title_is_refused_with_a_message(client, world):
    client.force_login(world.author)

    response = client.post(create_url(world), half_written(title=""))

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not ArtefactPage.objects.exists()


def test_missing_for_submission_lists_the_empty_required_sections(world):
    artefact = draft(world.network, world.author, summary="", what_did_not_work="")

    missing = latest(artefact).missing_for_submission()

    assert [item.label for item in missing] == ["Summary", "What did not work"]


def test_evidence_without_its_kind_and_strength_saves_but_is_missing_for_submission(world):
    artefact = draft(world.network, world.author, evidence_of_impact="<p>Reading ages rose.</p>")

    missing = latest(artefact).missing_for_submission()

    assert [item.field for item in missing] == ["evidence_kind", "evidence_strength"]


# --- Submitting says what is missing -----------------------------------------------------


def test_submit_refuses_with_the_list_of_what_is_missing(world):
    artefact = draft(world.network, world.author, summary="", context="")

    with pytest.raises(IncompleteArtefact) as refused:
        services.submit_artefact(artefact=artefact, by=world.author)

    assert refused.value.message == (
        "Before you submit it, fill in: Summary, Context and the shared challenge."
    )
    assert set(refused.value.field_errors) == {"summary", "context"}
    assert ArtefactPage.objects.get(pk=artefact.pk).moderation.status == ModerationStatus.DRAFT


def test_save_and_submit_with_sections_missing_saves_and_shows_links_to_each(client, world):
    client.force_login(world.author)

    response = client.post(create_url(world), half_written(then="submit"), follow=True)

    html = response.content.decode()
    artefact = ArtefactPage.objects.get(title="Talk partners in maths")
    assert response.redirect_chain[-1][0] == f"{edit_url(artefact)}?check=submit"
    assert "Before you can submit it" in html
    assert '<a href="#id_summary">Summary:' in html
    assert '<a href="#id_what_did_not_work">What did not work:' in html
    assert artefact.moderation.status == ModerationStatus.DRAFT


def test_the_edit_form_lists_what_is_still_needed_with_links(client, world):
    artefact = draft(world.network, world.author, what_did_not_work="")
    client.force_login(world.author)

    html = client.get(edit_url(artefact)).content.decode()

    assert "Still needed before you submit" in html
    assert '<a href="#id_what_did_not_work">What did not work</a>' in html


def test_the_form_has_a_contents_list_linking_to_each_section(client, world):
    client.force_login(world.author)

    html = client.get(create_url(world)).content.decode()

    for anchor in ("about", "what-happened", "evidence", "try-it", "resources", "sharing"):
        assert f'<a href="#{anchor}">' in html
        assert f'<fieldset class="form-section" id="{anchor}">' in html


# --- Autosave ----------------------------------------------------------------------------


def test_autosave_saves_the_words_and_says_when(client, world):
    artefact = draft(world.network, world.author)
    client.force_login(world.author)

    response = client.post(
        autosave_url(artefact),
        half_written(base_revision=artefact.latest_revision_id, summary="Half a thought"),
    )

    body = response.json()
    assert response.status_code == 200
    assert body["saved"] is True
    assert len(body["saved_at"]) == 5  # "10:42"
    assert latest(artefact).summary == "Half a thought"


def test_autosaving_the_same_form_twice_leaves_one_new_revision(client, world):
    artefact = draft(world.network, world.author)
    client.force_login(world.author)
    revisions_before = Revision.objects.count()
    data = half_written(base_revision=artefact.latest_revision_id)

    first = client.post(autosave_url(artefact), data).json()
    second = client.post(autosave_url(artefact), data).json()

    assert first["base_revision"] == second["base_revision"]
    assert Revision.objects.count() == revisions_before + 1


def test_typing_on_keeps_overwriting_the_one_autosaved_revision(client, world):
    artefact = draft(world.network, world.author)
    client.force_login(world.author)
    base = artefact.latest_revision_id
    revisions_before = Revision.objects.count()

    for words in ("We", "We paired", "We paired pupils"):
        base = client.post(
            autosave_url(artefact), half_written(base_revision=base, what_we_did=words)
        ).json()["base_revision"]

    assert Revision.objects.count() == revisions_before + 1
    assert "We paired pupils" in latest(artefact).what_we_did


def test_save_draft_after_autosave_keeps_a_revision_of_its_own(client, world):
    artefact = draft(world.network, world.author)
    client.force_login(world.author)
    base = client.post(
        autosave_url(artefact), half_written(base_revision=artefact.latest_revision_id)
    ).json()["base_revision"]
    revisions_before = Revision.objects.count()

    client.post(edit_url(artefact), half_written(base_revision=base, summary="Done for today"))

    assert Revision.objects.count() == revisions_before + 1
    assert ArtefactPage.objects.get(pk=artefact.pk).moderation.autosave_revision is None


def test_the_first_autosave_of_a_new_artefact_starts_one_draft_however_often_it_is_sent(
    client, world
):
    client.force_login(world.author)
    url = f"/networks/{world.network.slug}/artefacts/new/autosave/"
    data = half_written(draft_key="a1b2c3")

    first = client.post(url, data).json()
    second = client.post(url, data).json()

    artefact = ArtefactPage.objects.get(title="Talk partners in maths")
    assert first["edit_url"] == edit_url(artefact)
    assert second["saved"] is True
    assert ArtefactPage.objects.count() == 1


@pytest.mark.parametrize("who", ["critical_friend", "other_co_leader", "outsider"])
def test_autosave_refuses_people_who_may_not_edit_with_a_message(client, world, who):
    artefact = draft(world.network, world.author)
    client.force_login(getattr(world, who))

    response = client.post(autosave_url(artefact), half_written(summary="Not mine"))

    assert response.status_code in (403, 404)
    assert response.json()["message"]
    assert latest(artefact).summary != "Not mine"


def test_autosave_refuses_anonymous_visitors_with_a_message(client, world):
    artefact = draft(world.network, world.author)

    response = client.post(autosave_url(artefact), half_written())

    assert response.status_code == 403
    assert "Sign in" in response.json()["message"]


def test_autosave_needs_the_csrf_token(world):
    from django.test import Client

    artefact = draft(world.network, world.author)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world.author)

    response = strict.post(autosave_url(artefact), half_written(summary="Forged"))

    assert response.status_code == 403
    assert latest(artefact).summary != "Forged"


@pytest.mark.parametrize(
    "bad",
    [
        {"title": ""},
        {"base_revision": "not a number"},
        {"evidence_strength": "9"},
        {"summary": "x" * 5000},
        {"phases": "999999"},
    ],
)
def test_autosave_answers_bad_input_with_a_400_and_a_message(client, world, bad):
    artefact = draft(world.network, world.author)
    client.force_login(world.author)

    response = client.post(
        autosave_url(artefact), {**half_written(base_revision=artefact.latest_revision_id), **bad}
    )

    assert response.status_code == 400
    assert response.json()["message"].startswith("Not saved")


def test_autosave_over_someone_elses_newer_save_is_refused_and_saves_nothing(client, world):
    artefact = draft(world.network, world.author)
    started_from = artefact.latest_revision_id
    services.save_draft(
        artefact=artefact,
        by=world.co_leader,
        base_revision_id=started_from,
        fields={"summary": "Theirs."},
    )
    client.force_login(world.author)

    response = client.post(
        autosave_url(artefact), half_written(base_revision=started_from, summary="Mine.")
    )

    assert response.status_code == 409
    assert latest(artefact).summary == "Theirs."


def test_autosave_of_a_get_is_refused(client, world):
    artefact = draft(world.network, world.author)
    client.force_login(world.author)

    assert client.get(autosave_url(artefact)).status_code == 405


def test_autosave_leaves_a_published_revision_alone(client, world):
    artefact = submitted(world.network, world.author)
    services.approve_artefact(artefact=artefact, by=world.co_leader)
    artefact.refresh_from_db()
    live_revision = artefact.live_revision_id
    client.force_login(world.author)

    client.post(autosave_url(artefact), half_written(base_revision=artefact.latest_revision_id))

    artefact.refresh_from_db()
    assert artefact.live_revision_id == live_revision
    assert artefact.latest_revision_id != live_revision
    assert Revision.objects.get(pk=live_revision).content["title"] == "Live feedback in Year 5"


# --- A chosen file survives a validation error -------------------------------------------


def test_a_chosen_file_is_kept_after_a_validation_error(client, world):
    artefact = draft(world.network, world.author)
    client.force_login(world.author)

    response = client.post(
        edit_url(artefact),
        half_written(
            base_revision=artefact.latest_revision_id,
            evidence_strength="9",
            new_file=a_pdf(),
            new_file_title="Observation protocol",
        ),
    )

    html = response.content.decode()
    pending = PendingUpload.objects.get()
    assert response.status_code == 400
    assert "Attached, and added when you save" in html
    assert "protocol.pdf" in html
    assert f'name="pending_uploads" value="{pending.pk}"' in html
    assert pending.owner == world.author
    assert pending.file.name.startswith("artefacts/pending/")
    assert not ArtefactFile.objects.exists()


def test_a_kept_file_is_attached_on_the_next_save(client, world):
    artefact = draft(world.network, world.author)
    client.force_login(world.author)
    client.post(
        edit_url(artefact),
        half_written(
            base_revision=artefact.latest_revision_id,
            evidence_strength="9",
            new_file=a_pdf(),
            new_file_title="Observation protocol",
        ),
    )
    pending = PendingUpload.objects.get()

    response = client.post(
        edit_url(artefact),
        half_written(base_revision=artefact.latest_revision_id, pending_uploads=[pending.pk]),
    )

    assert response.status_code == 302
    link = ArtefactFile.objects.get(artefact=artefact)
    assert link.original_name == "protocol.pdf"
    assert link.document.title == "Observation protocol"
    assert [block.block_type for block in latest(artefact).resources] == ["document"]
    assert not PendingUpload.objects.exists()


def test_a_kept_file_ticked_for_removal_is_not_attached(client, world):
    artefact = draft(world.network, world.author)
    client.force_login(world.author)
    client.post(
        edit_url(artefact),
        half_written(
            base_revision=artefact.latest_revision_id, evidence_strength="9", new_file=a_pdf()
        ),
    )
    pending = PendingUpload.objects.get()

    client.post(
        edit_url(artefact),
        half_written(
            base_revision=artefact.latest_revision_id,
            pending_uploads=[pending.pk],
            remove_pending=[pending.pk],
        ),
    )

    assert not ArtefactFile.objects.exists()
    assert not PendingUpload.objects.exists()


def test_someone_elses_kept_file_cannot_be_attached(client, world):
    artefact = draft(world.network, world.author)
    client.force_login(world.co_leader)
    client.post(
        edit_url(artefact),
        half_written(
            base_revision=artefact.latest_revision_id, evidence_strength="9", new_file=a_pdf()
        ),
    )
    pending = PendingUpload.objects.get()
    client.force_login(world.author)

    response = client.post(
        edit_url(artefact),
        half_written(base_revision=artefact.latest_revision_id, pending_uploads=[pending.pk]),
    )

    assert response.status_code == 400
    assert not ArtefactFile.objects.exists()


def test_a_file_chosen_on_a_new_artefacts_form_survives_its_error_and_is_attached(client, world):
    client.force_login(world.author)
    client.post(create_url(world), half_written(title="", new_file=a_pdf()))
    pending = PendingUpload.objects.get()

    response = client.post(create_url(world), half_written(pending_uploads=[pending.pk]))

    artefact = ArtefactPage.objects.get(title="Talk partners in maths")
    assert response.status_code == 302
    assert ArtefactFile.objects.get(artefact=artefact).original_name == "protocol.pdf"


def test_autosave_does_not_attach_kept_files(client, world):
    artefact = draft(world.network, world.author)
    client.force_login(world.author)
    client.post(
        edit_url(artefact),
        half_written(
            base_revision=artefact.latest_revision_id, evidence_strength="9", new_file=a_pdf()
        ),
    )
    pending = PendingUpload.objects.get()

    client.post(
        autosave_url(artefact),
        half_written(base_revision=artefact.latest_revision_id, pending_uploads=[pending.pk]),
    )

    assert PendingUpload.objects.filter(pk=pending.pk).exists()
    assert not ArtefactFile.objects.exists()


def test_a_full_form_still_saves_and_submits(client, world):
    client.force_login(world.author)

    client.post(create_url(world), form_data(then="submit"))

    artefact = ArtefactPage.objects.get(title="Talk partners in maths")
    assert artefact.moderation.status == ModerationStatus.SUBMITTED


def test_submitting_from_the_workspace_with_parts_missing_leads_to_the_forms_list(client, world):
    artefact = draft(world.network, world.author, what_we_did="")
    client.force_login(world.author)

    response = client.post(f"/artefacts/{artefact.pk}/submit/", follow=True)

    html = response.content.decode()
    assert response.redirect_chain[-1][0] == f"{edit_url(artefact)}?check=submit"
    assert '<a href="#id_what_we_did">What we did: Say what you did.</a>' in html
    assert ArtefactPage.objects.get(pk=artefact.pk).moderation.status == ModerationStatus.DRAFT
