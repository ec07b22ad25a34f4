"""An artefact's life, in real browsers: a teacher drafts and submits it, a co-leader asks for a
change, the teacher revises it, the co-leader approves it, and a teacher from another network
reads it, says they tried it and adapts it. axe checks the form (with and without errors), the
review page, the artefact page (with a “we tried this” response), the response form and the
adapt form; and the artefact page a co-leader sees with a hidden response, before and after
showing it again."""

import pytest
from playwright.sync_api import expect

from artefacts.factories import ArtefactPageFactory, ArtefactTrialFactory
from artefacts.models import ArtefactPage, ArtefactTrial
from core.accounts.factories import TEST_PASSWORD, UserFactory
from networks.factories import (
    ActiveNetworkFactory,
    CoLeaderFactory,
    MembershipFactory,
    SchoolFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.browser


def sign_in(page, email: str, next_path: str) -> None:
    page.goto(f"/accounts/login/?next={next_path}")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign In").click()


def new_tab(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(10_000)
    return context, context.new_page()


def test_teacher_drafts_co_leader_approves_and_another_network_reads_tries_and_adapts_it(
    page, browser, live_server, assert_accessible
):
    ThemeFactory(name="Assessment for learning")
    mersey = ActiveNetworkFactory(title="Mersey Feedback Network")
    school = SchoolFactory(name="Rainhill Primary School")
    teacher = UserFactory(first_name="Amira", last_name="Hussain")
    MembershipFactory(network=mersey, user=teacher, school=school)
    co_leader = CoLeaderFactory(network=mersey, user=UserFactory(first_name="Tom")).user
    CoLeaderFactory(network=mersey)
    pennine = ActiveNetworkFactory(title="Pennine Enquiry Network")
    reader = MembershipFactory(network=pennine).user

    # The teacher writes a draft and forgets "what did not work".
    sign_in(page, teacher.email, f"/networks/{mersey.slug}/artefacts/new/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Write an artefact")
    assert_accessible(page)
    page.get_by_label("Title (required)").fill("Live marking in Year 5")
    page.get_by_label("Summary").fill("Spoken feedback during lessons instead of marking.")
    page.get_by_label("Case study").check()
    page.get_by_label("Context and the shared challenge").fill("Marking took our evenings.")
    page.get_by_label("What we did").fill("- Feedback at the desk\n- Ten minutes to edit")
    page.get_by_label("What worked").fill("Pupils fixed mistakes the same day.")
    page.get_by_label("Assessment for learning").check()
    page.get_by_role("button", name="Save and submit for review").click()

    expect(page.get_by_role("alert")).to_contain_text("other networks learn most from it")
    assert_accessible(page)
    page.get_by_label("What did not work").fill("Margin codes confused younger pupils.")
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.get_by_role("heading", name="Status: Waiting for review")).to_be_visible()
    artefact = ArtefactPage.objects.get(title="Live marking in Year 5")

    # A co-leader who is not the author asks for a change.
    leader_context, leader = new_tab(browser, live_server)
    try:
        sign_in(leader, co_leader.email, "/artefacts/yours/")
        leader.get_by_role("link", name="Live marking in Year 5").click()
        expect(leader.get_by_role("heading", name="Review this artefact")).to_be_visible()
        assert_accessible(leader)
        leader.get_by_label("What needs to change").fill("Say how many classes took part.")
        leader.get_by_role("button", name="Ask for changes").click()
        expect(leader.get_by_role("heading", name="Status: Changes requested")).to_be_visible()

        # The teacher sees the comment, revises and submits again.
        page.goto(f"/artefacts/{artefact.pk}/")
        expect(page.get_by_role("main")).to_contain_text("Say how many classes took part.")
        page.get_by_role("link", name="Edit", exact=True).click()
        page.get_by_label("What we did").fill(
            "- Feedback at the desk in six classes\n- Ten minutes to edit"
        )
        page.get_by_role("button", name="Save and submit for review").click()
        expect(page.get_by_role("heading", name="Status: Waiting for review")).to_be_visible()

        # The co-leader approves: it is published.
        leader.goto(f"/artefacts/{artefact.pk}/")
        expect(leader.get_by_role("main")).to_contain_text("six classes")
        leader.get_by_role("button", name="Approve").click()
        expect(leader.get_by_role("heading", name="Status: Published")).to_be_visible()
    finally:
        leader_context.close()

    # A teacher from another network reads it.
    artefact.refresh_from_db()
    reader_context, other = new_tab(browser, live_server)
    try:
        sign_in(other, reader.email, artefact.url)
        expect(other.get_by_role("heading", level=1)).to_have_text("Live marking in Year 5")
        expect(other.get_by_role("heading", name="What did not work")).to_be_visible()
        expect(other.get_by_role("main")).to_contain_text("Margin codes confused younger pupils.")
        expect(other.get_by_role("main")).to_contain_text("How to cite:")
        assert_accessible(other)

        # They tried it in their own school, and say how it went (forgetting a part first).
        other.get_by_role("link", name="We tried this: say how it went").click()
        expect(other.get_by_role("heading", level=1)).to_have_text("We tried this")
        other.get_by_label("Where and with whom you tried it").fill("Two Year 4 classes.")
        other.get_by_role("button", name="Send your response").click()
        expect(other.get_by_role("alert")).to_contain_text("Choose how it went.")
        assert_accessible(other)
        other.get_by_label("It partly worked").check()
        other.get_by_label("What happened").fill("Confident writers gained most from it.")
        other.get_by_role("button", name="Send your response").click()
        expect(other.get_by_role("heading", level=1)).to_have_text("Live marking in Year 5")
        expect(other.get_by_role("status")).to_contain_text("the authors have been told")
        tried = other.get_by_role("region", name="We tried this")
        expect(tried).to_contain_text("Tried by 1 teacher")
        expect(tried).to_contain_text("Confident writers gained most from it.")
        expect(tried).to_contain_text("Pennine Enquiry Network")
        assert_accessible(other)

        # ...and adapt it for their own network: a draft that goes through review as usual.
        other.get_by_role("link", name="Adapt this artefact").click()
        expect(other.get_by_role("heading", level=1)).to_have_text("Adapt “Live marking in Year 5”")
        other.get_by_role("button", name="Start the adapted draft").click()
        expect(other.get_by_role("alert")).to_contain_text("Say what you changed and why")
        assert_accessible(other)
        other.get_by_label("Title of your adaptation").fill("Live marking in Year 4")
        other.get_by_label("What we changed and why").fill("Year 4 pupils had more time to edit.")
        other.get_by_role("button", name="Start the adapted draft").click()
        expect(other.get_by_role("heading", level=1)).to_have_text("Edit “Live marking in Year 4”")
        assert_accessible(other)
        other.get_by_role("button", name="Save and submit for review").click()
        expect(other.get_by_role("heading", name="Status: Waiting for review")).to_be_visible()
        expect(other.get_by_role("main")).to_contain_text("Adapts Live marking in Year 5")
    finally:
        reader_context.close()

    adaptation = ArtefactPage.objects.get(adapted_from=artefact)
    assert adaptation.network == pennine
    assert ArtefactTrial.objects.get(artefact=artefact).user == reader


def test_the_artefact_form_warns_before_unsaved_work_is_lost(page):
    network = ActiveNetworkFactory()
    teacher = MembershipFactory(network=network).user
    sign_in(page, teacher.email, f"/networks/{network.slug}/artefacts/new/")
    page.get_by_label("Title (required)").click()
    page.keyboard.type("Half a thought")

    with page.expect_event("dialog") as shown:
        page.close(run_before_unload=True)

    assert shown.value.type == "beforeunload"
    shown.value.accept()


def test_a_co_leader_shows_a_hidden_response_again_from_the_artefact_page(page, assert_accessible):
    mersey = ActiveNetworkFactory(title="Mersey Feedback Network")
    author = MembershipFactory(network=mersey).user
    co_leader = CoLeaderFactory(network=mersey).user
    CoLeaderFactory(network=mersey)
    writer = MembershipFactory(network=ActiveNetworkFactory()).user
    artefact = ArtefactPageFactory(network=mersey, owner=author, title="Live marking in Year 5")
    trial = ArtefactTrialFactory(
        artefact=artefact,
        user=writer,
        note="Confident writers gained most from it.",
        hidden=True,
        hidden_by=co_leader,
        hidden_reason="Posted twice by mistake.",
    )

    sign_in(page, co_leader.email, artefact.url)
    tried = page.get_by_role("region", name="We tried this")
    expect(tried).to_contain_text("Hidden responses")
    expect(tried).to_contain_text("Why: Posted twice by mistake.")
    assert_accessible(page)
    tried.get_by_role("button", name=f"Show this response again from {writer.display_name}").click()

    expect(page.get_by_role("status")).to_contain_text("The response shows again")
    tried = page.get_by_role("region", name="We tried this")
    expect(tried).to_contain_text("Tried by 1 teacher")
    expect(tried).to_contain_text("Confident writers gained most from it.")
    expect(tried).not_to_contain_text("Hidden responses")
    assert_accessible(page)
    trial.refresh_from_db()
    assert not trial.is_hidden
