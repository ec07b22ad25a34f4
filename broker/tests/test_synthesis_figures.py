"""The figures beside a synthesis, against hand-counted evidence on one theme.

The evidence built by `evidence` (counted by hand):
- Mersey publishes three artefacts on the theme, rated 2, 4 and unrated; Pennine one, rated 4;
  one more Mersey artefact is on another theme, and one on the theme is a draft (not counted).
- Six shown “we tried this” responses to the theme's artefacts: from Pennine (2, one school),
  Tyne (3, three schools) and one person in no network; outcomes 3 worked, 2 partly, 1 did not.
  A seventh response is hidden by a moderator: it counts nowhere.
- Tyne adapts a Mersey artefact (on the theme, credited to one more Tyne school); Mersey adapts
  its own artefact, which is not an adaptation in another network.
- In kind: Mersey £1,000 and 3 staff days, Tyne £500; Wear (not involved) £9,999.
"""

from decimal import Decimal

import pytest

from artefacts.factories import ArtefactPageFactory, ArtefactTrialFactory
from artefacts.models import TrialOutcome
from broker.selectors.evidence import theme_evidence
from core.accounts.factories import UserFactory
from networks.factories import ActiveNetworkFactory, MembershipFactory, SchoolFactory, ThemeFactory
from networks.funding.factories import InKindContributionFactory
from networks.funding.models import ContributionKind

WORKED, PARTLY, DID_NOT = TrialOutcome.WORKED, TrialOutcome.PARTLY, TrialOutcome.DID_NOT_WORK


@pytest.fixture
def evidence(world, theme, make_artefact):
    tyne = ActiveNetworkFactory(title="Tyne Network")
    wear = ActiveNetworkFactory(title="Wear Network")
    first = make_artefact(themes=[theme], evidence_strength=2)
    second = make_artefact(themes=[theme], evidence_strength=4)
    make_artefact(themes=[theme], evidence_strength=None)
    make_artefact(themes=[ThemeFactory(name="Other")], evidence_strength=5)
    make_artefact(themes=[theme], live=False, evidence_strength=1)
    ArtefactPageFactory(
        network=world.other_network, owner=world.other_member, themes=[theme], evidence_strength=4
    )
    pennine_school = SchoolFactory()
    for outcome in (WORKED, PARTLY):
        ArtefactTrialFactory(
            artefact=first,
            network=world.other_network,
            school=pennine_school,
            outcome=outcome,
        )
    for outcome in (WORKED, WORKED, DID_NOT):
        ArtefactTrialFactory(artefact=second, network=tyne, school=SchoolFactory(), outcome=outcome)
    ArtefactTrialFactory(artefact=second, outcome=PARTLY)
    ArtefactTrialFactory(artefact=second, network=tyne, school=SchoolFactory(), hidden=True)
    tyne_author = MembershipFactory(network=tyne).user
    ArtefactPageFactory(
        network=tyne,
        owner=tyne_author,
        themes=[theme],
        adapted_from=first,
        what_we_changed="<p>Older pupils.</p>",
        schools=[SchoolFactory()],
        evidence_strength=None,
    )
    make_artefact(themes=[theme], adapted_from=second, what_we_changed="<p>Year 6.</p>")
    money = ContributionKind.MONEY
    for network, pounds in ((world.network, "1000"), (tyne, "500"), (wear, "9999")):
        InKindContributionFactory(
            network=network, kind=money, quantity=Decimal(pounds), money_value=Decimal(pounds)
        )
    InKindContributionFactory(network=world.network, quantity=Decimal("3"))
    return theme_evidence(theme)


def test_artefacts_and_the_networks_that_published_them_are_counted(evidence):
    # Mersey: 3 + its own adaptation; Pennine: 1; Tyne: its adaptation.
    assert evidence.artefacts == 6
    assert evidence.publishing_networks == 3


def test_only_adaptations_in_another_network_are_counted(evidence):
    assert evidence.adaptations == 1


def test_shown_responses_are_counted_and_hidden_ones_are_not(evidence):
    assert evidence.responses == 6


def test_networks_and_schools_that_tried_count_responses_and_adaptations(evidence):
    # Networks: Pennine and Tyne (responses), Tyne (adaptation). Schools: 1 Pennine + 3 Tyne
    # (responses) + 1 Tyne (adaptation).
    assert evidence.networks_tried == 2
    assert evidence.schools_tried == 5


def test_outcomes_are_broken_down_as_teachers_reported_them(evidence):
    assert evidence.outcomes.shown
    assert [(row.count, row.percent) for row in evidence.outcomes.rows] == [
        (3, 50),
        (2, 33),
        (1, 17),
    ]


def test_the_spread_of_evidence_strength_ratings_is_counted(evidence):
    # Rated: 2, 4 (Mersey), 4 (Pennine); unrated: one Mersey, its own adaptation, Tyne's.
    assert [row.count for row in evidence.strengths.rows] == [0, 1, 0, 2, 0]
    assert evidence.unrated == 3


def test_fewer_than_five_ratings_are_not_shown(evidence):
    assert evidence.strengths.total == 3
    assert not evidence.strengths.shown


def test_in_kind_cost_is_that_of_the_networks_involved(evidence):
    # Mersey, Pennine and Tyne are involved; Wear is not.
    assert evidence.networks_involved == 3
    assert evidence.in_kind_money == Decimal("1500")
    assert evidence.staff_days == Decimal("3")


def test_outcomes_of_fewer_than_five_responses_are_not_shown(world, theme, make_artefact):
    artefact = make_artefact(themes=[theme])
    for _ in range(4):
        ArtefactTrialFactory(artefact=artefact, user=UserFactory(), outcome=WORKED)

    evidence = theme_evidence(theme)

    assert evidence.responses == 4
    assert not evidence.outcomes.shown


def test_a_theme_with_no_evidence_has_zero_figures(theme):
    evidence = theme_evidence(theme)

    assert (evidence.artefacts, evidence.responses, evidence.networks_tried) == (0, 0, 0)
    assert evidence.outcomes.shown
