"""Writing without fear, in a real browser: a teacher starts an artefact, autosave keeps the
half-written draft, they leave and come back, attach an image, hit a validation error and keep
the file, are shown what is still missing before submitting, then submit. axe checks the form at
desktop width and at 390 px."""

import pytest
from playwright.sync_api import expect

from artefacts.models import ArtefactFile, ArtefactPage, ModerationStatus
from artefacts.sample_files import png_bytes
from core.accounts.factories import UserFactory
from networks.factories import ActiveNetworkFactory, CoLeaderFactory, MembershipFactory

from .test_artefact_journey import sign_in

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def check_both_widths(page, assert_accessible):
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    assert_accessible(page)
    page.set_viewport_size(DESKTOP)


def test_teacher_saves_half_a_draft_comes_back_keeps_a_file_through_an_error_and_submits(
    page, assert_accessible, tmp_path
):
    network = ActiveNetworkFactory(title="Mersey Feedback Network")
    teacher = UserFactory(first_name="Amira", last_name="Hussain")
    MembershipFactory(network=network, user=teacher)
    CoLeaderFactory(network=network)
    chart = tmp_path / "reading-ages.png"
    chart.write_bytes(png_bytes())
    page.set_viewport_size(DESKTOP)
    page.clock.install()

    # Ten minutes in: a title and half a section. Autosave keeps it.
    sign_in(page, teacher.email, f"/networks/{network.slug}/artefacts/new/")
    page.wait_for_url(f"**/networks/{network.slug}/artefacts/new/", wait_until="load")
    expect(page.get_by_role("heading", level=1)).to_have_text("Write an artefact")
    expect(page.get_by_role("navigation", name="Contents")).to_be_visible()
    check_both_widths(page, assert_accessible)
    page.get_by_label("Title (required)").fill("Live marking in Year 5")
    page.get_by_label("What we did").fill("Feedback at the desk, while pupils")
    page.clock.run_for(21_000)
    expect(page.get_by_role("status").filter(has_text="Saved at")).to_be_visible()
    artefact = ArtefactPage.objects.get(title="Live marking in Year 5")
    assert page.url.endswith(f"/artefacts/{artefact.pk}/edit/")

    # They save the half-written draft and leave.
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_role("status").filter(has_text="Your draft is saved.")).to_be_visible()
    page.goto("/")

    # They come back: their words are there, and the form says what is still needed.
    page.goto(f"/artefacts/{artefact.pk}/edit/")
    expect(page.get_by_label("What we did")).to_have_value("Feedback at the desk, while pupils")
    expect(page.get_by_role("heading", name="Still needed before you submit")).to_be_visible()
    check_both_widths(page, assert_accessible)

    # They attach an image but forget to say what it shows: the file is kept.
    page.get_by_label("What we did").fill("Feedback at the desk, while pupils worked.")
    page.get_by_label("Add a document or image").set_input_files(str(chart))
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_role("alert").first).to_contain_text("Say what the image shows")
    expect(page.get_by_text("Attached, and added when you save:")).to_be_visible()
    expect(page.get_by_text("reading-ages.png", exact=True)).to_be_visible()
    expect(page.get_by_label("Remove reading-ages.png")).not_to_be_checked()
    check_both_widths(page, assert_accessible)

    # They describe it and submit: the draft and the file are saved, and the form lists what a
    # submission still needs, each linked to its field.
    page.get_by_label("Title of the document, or what the image shows").fill(
        "Reading ages before and after"
    )
    page.get_by_role("button", name="Save and submit for review").click()
    summary = page.get_by_role("alert").filter(has_text="Before you can submit it")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link", name="What did not work")).to_be_visible()
    assert ArtefactFile.objects.get(artefact=artefact).original_name == "reading-ages.png"
    check_both_widths(page, assert_accessible)

    summary.get_by_role("link", name="Summary").click()
    assert page.url.endswith("#id_summary")
    page.get_by_label("Summary").fill("Spoken feedback during lessons instead of marking.")
    page.get_by_label("Context and the shared challenge").fill("Marking took our evenings.")
    page.get_by_label("What did not work").fill("Margin codes confused younger pupils.")
    page.get_by_role("button", name="Save and submit for review").click()

    expect(page.get_by_role("heading", name="Status: Waiting for review")).to_be_visible()
    artefact.refresh_from_db()
    assert artefact.moderation.status == ModerationStatus.SUBMITTED
    resources = artefact.get_latest_revision_as_object().resources
    assert [block.block_type for block in resources] == ["image"]


def test_leaving_asks_to_confirm_only_for_changes_autosave_has_not_kept(page):
    network = ActiveNetworkFactory()
    teacher = MembershipFactory(network=network).user
    CoLeaderFactory(network=network)
    page.clock.install()
    sign_in(page, teacher.email, f"/networks/{network.slug}/artefacts/new/")
    # Loaded, so autosave's script listens before anything is typed.
    page.wait_for_url(f"**/networks/{network.slug}/artefacts/new/", wait_until="load")

    page.get_by_label("Title (required)").fill("Exit tickets in Year 9")
    page.clock.run_for(21_000)
    expect(page.get_by_role("status").filter(has_text="Saved at")).to_be_visible()
    kept_everything = page.evaluate(
        "() => { const e = new Event('beforeunload', {cancelable: true});"
        " window.dispatchEvent(e); return !e.defaultPrevented; }"
    )
    page.get_by_label("What we did").fill("Three questions at the door.")
    kept_newer_words = page.evaluate(
        "() => { const e = new Event('beforeunload', {cancelable: true});"
        " window.dispatchEvent(e); return !e.defaultPrevented; }"
    )

    assert kept_everything is True
    assert kept_newer_words is False
