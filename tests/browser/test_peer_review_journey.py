"""A whole self- and peer-review cycle, in real browsers, one per person: a co-leader opens it, a
member contributes, the co-leaders consolidate, two reviewers from other networks rate blind and
only then see the self-assessment, the lead reviewer writes and issues the report, both co-leaders
acknowledge it and an action plan is written. axe checks the pages on the way, the broker's
overview last."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from core.accounts.factories import TEST_PASSWORD, BrokerFactory, UserFactory
from networks.factories import (
    ActiveNetworkFactory,
    CoLeaderFactory,
    MembershipFactory,
    NetworkSchoolFactory,
    SchoolFactory,
)
from peer_review.models import DEADLINE_PHASES, Phase, ReviewCycle

pytestmark = pytest.mark.browser

FRAMEWORK = "Networked learning review framework, version 1"
CYCLE_LINK = re.compile("Review cycle 1 of Mersey Feedback Network|open the review")
FOCUS = ["Leadership is shared across the network", "Pupils' views shape the work"]


@pytest.fixture
def people(db):
    school = SchoolFactory(name="Seaforth Primary School", town="Liverpool")
    network = ActiveNetworkFactory(title="Mersey Feedback Network")
    NetworkSchoolFactory(network=network, school=school)
    cast = {
        "tom": UserFactory(first_name="Tom", last_name="Brennan"),
        "aisha": UserFactory(first_name="Aisha", last_name="Ahmed"),
        "ben": UserFactory(first_name="Ben", last_name="Byrne"),
        "dev": UserFactory(first_name="Dev", last_name="Davies"),
        "ella": UserFactory(first_name="Ella", last_name="Evans"),
        "broker": BrokerFactory(first_name="Bo", last_name="Broker"),
    }
    CoLeaderFactory(network=network, user=cast["tom"], school=school)
    CoLeaderFactory(network=network, user=cast["aisha"], school=school)
    MembershipFactory(network=network, user=cast["ben"], school=school)
    for title, name in [
        ("Pennine Enquiry Network", "dev"),
        ("Black Country Collaborative", "ella"),
    ]:
        other = ActiveNetworkFactory(title=title)
        other_school = SchoolFactory()
        NetworkSchoolFactory(network=other, school=other_school)
        CoLeaderFactory(network=other, user=cast[name], school=other_school)
    cast["network"] = network
    return cast


@pytest.fixture
def browse_as(page, browser, live_server):
    """A signed-in browser per person; the first one asked for uses the `page` fixture's tab."""
    tabs = []

    def open_as(person):
        if tabs:
            context = browser.new_context(base_url=live_server.url, locale="en-GB")
            context.set_default_timeout(10_000)
            tab = context.new_page()
        else:
            tab = page
        tabs.append(tab)
        tab.goto("/accounts/login/?next=/reviews/")
        tab.get_by_label("Email").fill(person.email)
        tab.get_by_label("Password").fill(TEST_PASSWORD)
        tab.get_by_role("button", name="Sign In").click()
        expect(tab.get_by_role("heading", level=1)).to_have_text("Your reviews")
        return tab

    yield open_as
    for tab in tabs[1:]:
        tab.context.close()


def form_with(tab, button: str):
    """The form whose submit button says `button` (pages here hold several forms)."""
    return tab.locator("form").filter(has=tab.get_by_role("button", name=button, exact=True))


def open_cycle_page(tab):
    tab.goto("/reviews/")
    # The network's own people follow the cycle's name; reviewers follow "open the review".
    tab.get_by_role("link", name=CYCLE_LINK).first.click()
    expect(tab.get_by_role("heading", level=1)).to_have_text(
        "Review cycle 1 of Mersey Feedback Network"
    )


def open_criterion(tab, title: str):
    open_cycle_page(tab)
    tab.get_by_role("table").get_by_role("link", name=title).click()
    expect(tab.get_by_role("heading", level=1)).to_have_text(title)


def choose_level(form, level: str, text_label: str, text: str):
    form.get_by_role("combobox", name="Level").select_option(label=level)
    form.get_by_label(text_label).fill(text)


def advance(tab, to: str):
    open_cycle_page(tab)
    tab.get_by_role("button", name=f"Move on to {to}").click()
    expect(tab.get_by_role("status")).to_contain_text("The cycle has moved on.")


def accept_invitation(tab):
    tab.get_by_role("link", name="answer the invitation").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text(
        "Invitation to review Mersey Feedback Network"
    )
    tab.get_by_role("button", name="Accept", exact=True).click()
    expect(tab.get_by_role("status")).to_contain_text("you are on the peer team")


def rate_blind(tab, level: str):
    for title in FOCUS:
        open_criterion(tab, title)
        expect(tab.get_by_role("main")).to_contain_text("Rate every focus criterion and submit")
        expect(tab.get_by_role("heading", name="The network's self-assessment")).to_have_count(0)
        form = form_with(tab, "Save my rating")
        choose_level(form, level, "Evidence this level rests on", "Minutes and a pupil panel.")
        form.get_by_role("button", name="Save my rating").click()
        expect(
            form_with(tab, "Save my rating").get_by_role("combobox", name="Level")
        ).to_have_value(level[0])
    open_cycle_page(tab)
    tab.get_by_role("button", name="Submit my ratings").click()
    expect(tab.get_by_role("status")).to_contain_text("You can now read the network's")
    open_criterion(tab, FOCUS[0])
    expect(tab.get_by_role("heading", name="The network's self-assessment")).to_be_visible()
    expect(tab.get_by_role("main")).to_contain_text("Level 3 – Embedded.")


def test_a_whole_review_cycle_through_the_site(people, browse_as, assert_accessible):
    network = people["network"]
    today = timezone.localdate()

    # A co-leader opens the cycle from the network's page.
    tom = browse_as(people["tom"])
    tom.goto(network.url)
    tom.get_by_role("link", name="Open a review cycle").click()
    expect(tom.get_by_role("heading", level=1)).to_have_text(
        "Open a review cycle for Mersey Feedback Network"
    )
    assert_accessible(tom)
    tom.get_by_label("Framework version").select_option(label=FRAMEWORK)
    for title in FOCUS:
        tom.get_by_label(title).check()
    tom.get_by_label("What do you want to learn").fill("Whether pupils' voices change our work.")
    for weeks, phase in enumerate(DEADLINE_PHASES, start=1):
        due = today + timedelta(weeks=3 * weeks)
        tom.get_by_label(f"{Phase(phase).label}: due on").fill(due.isoformat())
    tom.get_by_role("button", name="Open the cycle").click()
    expect(tom.get_by_role("status")).to_contain_text("The review cycle is open, in planning.")
    expect(tom.get_by_role("heading", level=1)).to_have_text(
        "Review cycle 1 of Mersey Feedback Network"
    )
    assert_accessible(tom)

    # The peer team: the lead and a second reviewer from the suggestions.
    tom.get_by_role("link", name="The peer team's page").click()
    assert_accessible(tom)
    tom.get_by_role("button", name="Invite Dev Davies as lead").click()
    expect(tom.get_by_role("status")).to_contain_text("Dev Davies is invited.")
    tom.get_by_role("button", name="Invite Ella Evans", exact=True).click()
    expect(tom.get_by_role("status")).to_contain_text("Ella Evans is invited.")
    advance(tom, "self-review")

    dev = browse_as(people["dev"])
    accept_invitation(dev)
    ella = browse_as(people["ella"])
    accept_invitation(ella)

    # A member contributes evidence and a proposed level.
    ben = browse_as(people["ben"])
    open_criterion(ben, FOCUS[0])
    assert_accessible(ben)
    evidence = form_with(ben, "Add the evidence")
    evidence.get_by_label("Kind of evidence").select_option(label="A note")
    evidence.get_by_label("Title").fill("Rotating chairs at network meetings")
    evidence.get_by_label("Note").fill("Each school has chaired two meetings this year.")
    evidence.get_by_role("button", name="Add the evidence").click()
    expect(ben.get_by_role("main")).to_contain_text("Rotating chairs at network meetings")
    propose = form_with(ben, "Propose this level")
    choose_level(propose, "3 – Embedded", "Why this level", "Everyone has led something.")
    propose.get_by_role("button", name="Propose this level").click()
    expect(ben.get_by_role("main")).to_contain_text("Ben Byrne: level 3")

    # The co-leaders consolidate the network's self-assessment and schedule the visit.
    for title in FOCUS:
        open_criterion(tom, title)
        form = form_with(tom, "Save the network's level")
        choose_level(form, "3 – Embedded", "Rationale", "The minutes show shared leadership.")
        form.get_by_role("button", name="Save the network's level").click()
        expect(tom.get_by_role("main")).to_contain_text("Level 3 – Embedded.")
    assert_accessible(tom)
    open_cycle_page(tom)
    tom.get_by_role("link", name="Schedule the review visit").click()
    visit_day = today + timedelta(weeks=7)
    tom.get_by_label("Starts").fill(f"{visit_day.isoformat()}T09:00")
    tom.get_by_label("Ends").fill(f"{visit_day.isoformat()}T15:00")
    tom.get_by_label("Host school").select_option(label="Seaforth Primary School (Liverpool)")
    tom.get_by_role("button", name="Schedule the visit").click()
    expect(tom.get_by_role("status")).to_contain_text("The review visit is scheduled.")
    advance(tom, "peer review")
    assert_accessible(tom)

    # Two reviewers rate blind, then see the self-assessment.
    rate_blind(dev, "2 – Developing")
    assert_accessible(dev)
    rate_blind(ella, "3 – Embedded")

    # The lead reviewer consolidates the team's ratings.
    for title in FOCUS:
        open_criterion(dev, title)
        expect(dev.get_by_role("main")).to_contain_text("Ella Evans: level 3")
        form = form_with(dev, "Save the team's level")
        choose_level(form, "2 – Developing", "Rationale", "Strong intent; practice is uneven.")
        form.get_by_role("button", name="Save the team's level").click()
        expect(dev.get_by_role("main")).to_contain_text("Peer team's level: 2 – Developing.")
    advance(tom, "report")

    # The lead reviewer writes and issues the report.
    open_cycle_page(dev)
    dev.get_by_role("link", name="Write the report").click()
    summary = form_with(dev, "Save the summary")
    summary.get_by_label("Summary").fill("A network that learns in the open.")
    summary.get_by_role("button", name="Save the summary").click()
    expect(form_with(dev, "Save the summary").get_by_label("Summary")).to_have_value(
        "A network that learns in the open."
    )
    for title in FOCUS:
        finding = form_with(dev, f"Save the finding on {title}")
        finding.get_by_label("Strengths").fill("Shared leadership.")
        finding.get_by_label("Areas to develop").fill("Pupil voice beyond the confident few.")
        finding.get_by_label("Evidence seen").fill("Minutes, two lessons, a pupil panel.")
        finding.get_by_role("button", name=f"Save the finding on {title}").click()
        expect(
            form_with(dev, f"Save the finding on {title}").get_by_label("Strengths")
        ).to_have_value("Shared leadership.")
    assert_accessible(dev)
    dev.get_by_role("button", name="Issue the report").click()
    expect(dev.get_by_role("status")).to_contain_text("The report is issued to the network.")
    advance(tom, "response and action plan")

    # The network reads the report; both co-leaders acknowledge it and write the action plan.
    open_cycle_page(tom)
    tom.get_by_role("link", name="Read the report").click()
    expect(tom.get_by_role("heading", level=1)).to_have_text(
        "Peer review report: Mersey Feedback Network"
    )
    gap_table = tom.get_by_role("table", name="Levels by criterion")
    expect(gap_table.get_by_role("row", name=FOCUS[0])).to_contain_text("+1")
    assert_accessible(tom)

    aisha = browse_as(people["aisha"])
    for co_leader, name in [(tom, "Tom Brennan"), (aisha, "Aisha Ahmed")]:
        open_cycle_page(co_leader)
        co_leader.get_by_role("link", name="Response and action plan").click()
        form_with(co_leader, "Acknowledge the report").get_by_label("Comment").fill("Agreed.")
        co_leader.get_by_role("button", name="Acknowledge the report").click()
        expect(co_leader.get_by_role("main")).to_contain_text(f"{name}, ")
    assert_accessible(aisha)

    action = form_with(tom, "Add the action")
    action.get_by_label("What will be done").fill("Pupil panels in every school.")
    action.get_by_label("Criterion it addresses").select_option(label=FOCUS[1])
    action.get_by_label("Owner").select_option(label="Ben Byrne")
    action.get_by_label("Due on").fill((today + timedelta(weeks=20)).isoformat())
    action.get_by_role("button", name="Add the action").click()
    expect(tom.get_by_role("heading", name="Pupil panels in every school.")).to_be_visible()
    assert_accessible(tom)
    advance(tom, "follow-up")

    cycle = ReviewCycle.objects.get(network=network)
    assert cycle.phase == Phase.FOLLOW_UP
    assert cycle.acknowledgements.count() == 2

    # The broker reads every network's reviews.
    broker = browse_as(people["broker"])
    broker.goto("/reviews/overview/")
    expect(broker.get_by_role("row", name="Mersey Feedback Network")).to_contain_text("Follow-up")
    assert_accessible(broker)
    broker.get_by_role("link", name="Cycle 1").click()
    expect(broker.get_by_role("main")).to_contain_text("You are reading it; you cannot change it.")
    assert_accessible(broker)
