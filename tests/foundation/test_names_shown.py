"""People are shown by their names, never by a part of their e-mail address (issue 16, item 2):
in co-leaders' member tables, co-leader lists and notifications."""

import pytest

from core.accounts.factories import UserFactory
from core.accounts.models import UNNAMED
from core.notifications.models import Notification
from networks.factories import ActiveNetworkFactory, CoLeaderFactory, MembershipFactory
from networks.services import request_to_join

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    return ActiveNetworkFactory(title="Tyneside Oracy Network")


def members_table(client, network, co_leader) -> str:
    client.force_login(co_leader.user)
    page = client.get(f"/networks/{network.slug}/manage/").content.decode()
    return page.split("<table", 1)[1].split("</table>", 1)[0]


def test_the_member_table_shows_a_members_name(client, network):
    co_leader = CoLeaderFactory(network=network)
    MembershipFactory(network=network, user=UserFactory(first_name="Priya", last_name="Shah"))

    assert "Priya Shah" in members_table(client, network, co_leader)


def test_the_member_table_never_shows_a_nameless_members_email(client, network):
    co_leader = CoLeaderFactory(network=network)
    nameless = UserFactory(email="newteacher@example.org", first_name="", last_name="")
    MembershipFactory(network=network, user=nameless)

    table = members_table(client, network, co_leader)

    assert UNNAMED in table
    assert "newteacher" not in table


def test_the_public_co_leader_list_shows_names(client, network):
    CoLeaderFactory(network=network, user=UserFactory(first_name="Tom", last_name="Brennan"))
    CoLeaderFactory(
        network=network, user=UserFactory(email="quiet.lead@example.org", first_name="")
    )

    page = client.get(network.url).content.decode()

    assert "Tom Brennan" in page
    assert "quiet.lead" not in page


def test_a_join_request_notification_names_the_person_asking(network):
    co_leader = CoLeaderFactory(network=network)
    asking = UserFactory(first_name="Priya", last_name="Shah", email="pshah@example.org")

    request_to_join(network=network, by=asking)

    message = Notification.objects.get(recipient=co_leader.user).message
    assert message == "Priya Shah asked to join Tyneside Oracy Network."
