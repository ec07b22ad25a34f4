"""The "People" section of the network profile (registered with network_profile_sections)."""

import pytest

from django.contrib.auth.models import AnonymousUser
from django.utils.html import escape

from core.accounts.factories import UserFactory
from networks.factories import JoinRequestFactory, MembershipFactory
from networks.models import Membership, NetworkPage, Role
from networks.wagtail_hooks import people_section

pytestmark = pytest.mark.django_db


def test_section_lists_people_by_role_with_their_schools(make_network, outsider):
    network = make_network(co_leaders=2, members=2, critical_friends=1)
    section = people_section(network, outsider)
    assert section.key == "people"
    assert [m.user_id for m in section.context["co_leaders"]] == [
        user.pk
        for user in sorted(
            (m.user for m in network.co_leader_memberships),
            key=lambda u: (u.first_name, u.last_name, u.email),
        )
    ]
    assert len(section.context["members"]) == 2
    assert section.context["critical_friends"][0].school_name == ""


def test_co_leader_sees_the_manage_and_invite_actions(network, co_leader):
    context = people_section(network, co_leader).context
    assert (context["can_manage"], context["can_invite"]) == (True, True)


def test_member_sees_leave_but_not_manage(network, member):
    context = people_section(network, member).context
    assert (context["can_manage"], context["can_leave"], context["can_request_to_join"]) == (
        False,
        True,
        False,
    )


def test_signed_in_outsider_may_ask_to_join(network, outsider):
    assert people_section(network, outsider).context["can_request_to_join"] is True


def test_outsider_with_a_pending_request_sees_it(network, outsider):
    join_request = JoinRequestFactory(network=network, user=outsider)
    assert people_section(network, outsider).context["pending_request"] == join_request


def test_anonymous_visitor_gets_no_actions(network):
    context = people_section(network, AnonymousUser()).context
    assert not any(context[key] for key in ("can_manage", "can_invite", "can_leave"))


@pytest.mark.parametrize("people", [5, 50])
def test_section_runs_three_queries_whatever_the_number_of_people(
    make_network, outsider, django_assert_num_queries, people
):
    network = make_network(co_leaders=2, members=people - 2)
    with django_assert_num_queries(3):  # the viewer's roles, their pending request, the people
        section = people_section(network, outsider)
        assert len(section.context["members"]) == people - 2


def test_section_loads_the_people_only_when_they_are_shown(make_network, django_assert_num_queries):
    network = make_network(co_leaders=2, members=3)
    co_leader = Membership.objects.filter(network=network, role=Role.CO_LEADER).first().user
    with django_assert_num_queries(1):  # the viewer's roles
        section = people_section(network, co_leader)
    assert section.context["can_manage"] and section.context["can_invite"]


def test_section_renders_on_the_profile_page(client, network, member):
    response = client.get(network.url)
    assert response.status_code == 200
    assert escape(member.display_name) in response.content.decode()


def test_people_are_kept_with_the_profile_for_the_next_viewer(
    make_network, outsider, django_assert_num_queries
):
    network = make_network(co_leaders=2, members=3)
    people_section(network, outsider)
    again = NetworkPage.objects.get(pk=network.pk)
    with django_assert_num_queries(1):  # the viewer's pending request only
        section = people_section(again, outsider)
    assert len(section.context["members"]) == 3


def test_a_new_member_shows_at_once_on_the_kept_people(make_network, outsider):
    network = make_network(co_leaders=2, members=1)
    people_section(network, outsider)
    MembershipFactory(network=network, user=UserFactory(first_name="Zadie"), role=Role.MEMBER)
    again = NetworkPage.objects.get(pk=network.pk)
    names = [m.name for m in people_section(again, outsider).context["members"]]
    assert len(names) == 2 and any(name.startswith("Zadie") for name in names)
