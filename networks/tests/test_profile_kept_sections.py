"""Profile sections whose HTML is the same for everyone they are shown to alike keep it with the
profile per kind of viewer (networks.profile, `kept_for`): what one kind of viewer is shown
never reaches another, and a change to what a section shows reaches it at once."""

import pytest

from networks.baselining.factories import IndicatorFactory, ObservationFactory
from networks.factories import MembershipFactory
from networks.models import Role
from tests.pages import html_for

pytestmark = pytest.mark.django_db

MANAGE = "Manage people and schools"


def test_a_co_leaders_people_actions_never_show_to_a_member_after_them(network, co_leader, member):
    assert MANAGE in html_for(co_leader, network.url)
    assert MANAGE not in html_for(member, network.url)


def test_a_members_leave_link_never_shows_to_an_outsider_after_them(network, member, outsider):
    assert "Leave this network" in html_for(member, network.url)
    html = html_for(outsider, network.url)
    assert "Leave this network" not in html
    assert "Ask to join this network" in html


def test_observation_notes_shown_to_members_never_show_to_an_outsider_after_them(
    network, member, outsider
):
    indicator = IndicatorFactory(network=network)
    ObservationFactory(indicator=indicator, note="Moderated with the cluster in March")

    assert "Moderated with the cluster in March" in html_for(member, network.url)
    assert "Moderated with the cluster in March" not in html_for(outsider, network.url)


def test_a_new_member_reaches_the_kept_people_section_at_once(network, member):
    html_for(member, network.url)

    newcomer = MembershipFactory(network=network, role=Role.MEMBER).user

    assert newcomer.display_name.split()[0] in html_for(member, network.url)


def test_a_new_observation_reaches_the_kept_indicators_section_at_once(network, member):
    indicator = IndicatorFactory(network=network)
    html_for(member, network.url)

    ObservationFactory(indicator=indicator, note="Second moderation, with the new rubric")

    assert "Second moderation, with the new rubric" in html_for(member, network.url)
