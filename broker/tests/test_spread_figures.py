"""The spread figures against hand-counted data, and their query budget.

`spread` builds (counted by hand):
- Mersey publishes artefact A on the theme; Pennine adapts A (Pennine's two schools are in
  Yorkshire); a Tyne teacher (school in the North East) and a Mersey teacher say they tried A.
- Pennine publishes artefact B, which nobody takes up; Wear publishes nothing.
- Links: Pennine → Mersey (an adaptation), Tyne → Mersey (a response). Mersey's own
  teacher's response is not a link.
- Seven people are active for one Mersey school in the last 90 days, three for another, and
  one more was active 100 days ago.
- Searches this week: "assessment for learning" 7 times; "marking" filtered by the theme 3
  times, finding nothing; "oracy" twice, finding nothing.
"""

from datetime import timedelta

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from artefacts.factories import ArtefactPageFactory, ArtefactTrialFactory
from artefacts.models import TrialOutcome
from broker.services.spread import refresh_spread
from broker.spread.figures import compute_spread
from broker.spread.terms import term_label, term_of
from core.schools.models import School
from networks.engagement.factories import ActivityFactory
from networks.factories import (
    ActiveNetworkFactory,
    MembershipFactory,
    NetworkSchoolFactory,
    SchoolFactory,
)
from networks.models import Membership
from search.models import SearchQueryLog
from search.services import record_search, week_of


@pytest.fixture
def spread(world, theme, make_artefact):
    tyne = ActiveNetworkFactory(title="Tyne Network")
    ActiveNetworkFactory(title="Wear Network")
    School.objects.filter(network_links__network=world.other_network).update(
        region="Yorkshire and the Humber"
    )
    a = make_artefact(title="Artefact A", themes=[theme])
    ArtefactPageFactory(
        network=world.other_network,
        owner=world.other_member,
        title="Pennine's adaptation of A",
        themes=[theme],
        adapted_from=a,
        what_we_changed="<p>Older pupils.</p>",
    )
    ArtefactPageFactory(network=world.other_network, owner=world.other_member, title="Artefact B")
    ArtefactTrialFactory(
        artefact=a,
        network=tyne,
        school=SchoolFactory(region="North East"),
        outcome=TrialOutcome.WORKED,
    )
    ArtefactTrialFactory(artefact=a, network=world.network, user=world.co_leader)
    school, other_school = (link.school for link in world.network.school_links.order_by("pk")[:2])
    for _ in range(7):
        ActivityFactory(network=world.network, school=school)
    for _ in range(3):
        ActivityFactory(network=world.network, school=other_school)
    ActivityFactory(
        network=world.network,
        school=other_school,
        occurred_at=timezone.now() - timedelta(days=100),
    )
    # Joining counts as activity: the world's people joined long ago, so only the above counts.
    Membership.objects.update(joined_at=timezone.now() - timedelta(days=3 * 365))
    week = week_of(timezone.localdate())
    SearchQueryLog.objects.create(week=week, query="assessment for learning", searches=7)
    SearchQueryLog.objects.create(
        week=week,
        query="marking",
        filters=f"theme={theme.slug}",
        searches=3,
        zero_result_searches=3,
    )
    SearchQueryLog.objects.create(week=week, query="oracy", searches=2, zero_result_searches=2)
    return compute_spread()


def test_links_say_who_learned_from_whom_and_how(spread):
    links = {
        (link["learner_title"], link["source_title"]): link["kinds"]
        for link in spread["network_map"]["links"]
    }

    assert links == {
        ("Pennine Enquiry Network", "Mersey Feedback Network"): {"adaptation": 1},
        ("Tyne Network", "Mersey Feedback Network"): {"tried": 1},
    }


def test_networks_no_one_has_learned_from_are_listed_with_their_artefacts(spread):
    assert {(n["title"], n["artefacts"]) for n in spread["not_learned_from"]} == {
        ("Pennine Enquiry Network", 2),
        ("Tyne Network", 0),
        ("Wear Network", 0),
    }


def test_the_most_travelled_artefact_counts_the_other_networks_it_reached(spread):
    assert [(a["title"], a["networks_reached"]) for a in spread["most_travelled"]] == [
        ("Artefact A", 2)
    ]


def test_a_theme_counts_adaptations_responses_and_regions_reached(spread):
    row = next(row for row in spread["themes"] if row["theme"] == "Assessment for learning")

    assert (row["artefacts"], row["adaptations"], row["responses"]) == (2, 1, 2)
    assert row["regions"] == ["North East", "Yorkshire and the Humber"]


def test_outcomes_of_fewer_than_five_responses_are_not_shown(spread):
    row = next(row for row in spread["themes"] if row["theme"] == "Assessment for learning")

    assert not row["outcomes_shown"]


def test_this_term_counts_the_adaptation_and_the_responses(spread):
    this_term = spread["terms"][-1]

    assert this_term["term"] == term_label(term_of(timezone.localdate()))
    assert (this_term["adaptations"], this_term["responses"]) == (1, 2)
    assert this_term["networks"] == 3  # Pennine (adapted), Tyne and Mersey (responses)


def test_engagement_per_school_counts_people_active_in_the_last_90_days(spread):
    engagement = spread["engagement"]
    bands = {band["label"]: band["schools"] for band in engagement["bands"]}

    # Mersey's four schools: 7, 3, 0, 0 active; Pennine's four: 0.
    assert engagement["schools"] == 8
    assert engagement["active_schools"] == 2
    assert bands == {"0": 6, "1–4": 1, "5–9": 1, "10–19": 0, "20+": 0}


def test_only_schools_with_five_or_more_active_people_are_named(spread):
    assert [school["active"] for school in spread["engagement"]["most_active"]] == [7]


def test_themes_searched_often_with_few_artefacts_are_knowledge_gaps(spread):
    gap = spread["gaps"]["themes"][0]

    assert gap == {
        "theme": "Assessment for learning",
        "searches": 10,
        "networks": 0,
        "artefacts": 2,
        "searches_per_artefact": 5.0,
    }


def test_zero_result_searches_are_counted_by_week(spread):
    week = spread["gaps"]["zero_result_weeks"][0]

    assert (week["searches"], week["zero_results"]) == (12, 5)
    assert spread["gaps"]["zero_result_queries"] == [
        {"query": "marking", "searches": 3},
        {"query": "oracy", "searches": 2},
    ]


def _grow(networks: int):
    for _ in range(networks):
        network = ActiveNetworkFactory()
        membership = MembershipFactory(network=network)
        NetworkSchoolFactory(network=network, school=membership.school)
        artefact = ArtefactPageFactory(network=network, owner=membership.user)
        learner = ActiveNetworkFactory()
        ArtefactTrialFactory(artefact=artefact, network=learner, school=SchoolFactory())
        ActivityFactory(network=network, school=membership.school, user=membership.user)


def _queries(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured.captured_queries)


def test_computing_the_figures_runs_as_many_queries_for_50_networks_as_for_5(db):
    _grow(5)
    few = _queries(compute_spread)

    _grow(45)

    assert _queries(compute_spread) == few


def test_the_spread_page_runs_as_many_queries_for_50_networks_as_for_5(client, world):
    client.force_login(world.broker)
    _grow(5)
    refresh_spread()
    client.get("/broker/spread/")
    few = _queries(lambda: client.get("/broker/spread/"))

    _grow(45)
    refresh_spread()

    assert _queries(lambda: client.get("/broker/spread/")) == few


def test_a_knowledge_gap_counts_the_networks_searching_for_the_theme(world, theme):
    for person in (world.member, world.co_leader, world.other_member):
        record_search(text="assessment for learning", filters={}, result_count=0, searcher=person)

    gap = compute_spread()["gaps"]["themes"][0]

    assert (gap["theme"], gap["searches"], gap["networks"]) == ("Assessment for learning", 3, 2)
