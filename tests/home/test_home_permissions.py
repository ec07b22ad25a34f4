"""Nothing appears on someone's home that they may not read: a member, a co-leader, a member
of another network and the national broker, against the same network's artefacts, drafts and
requests."""

import pytest

from artefacts.factories import ArtefactPageFactory, DraftArtefactFactory
from artefacts.models import Visibility
from core.accounts.factories import UserFactory
from networks.factories import JoinRequestFactory, MembershipFactory

from .helpers import submitted_artefact

pytestmark = pytest.mark.django_db

SEES = {
    # what: (member, co_leader, other network's member, broker)
    "Network-only practice": (True, True, False, False),
    "Submitted by a co-leader": (False, True, False, False),
    "Olive Oakes asks to join": (False, True, False, False),
    "Half-written by the member": (True, False, False, False),
}
PEOPLE = ["member", "co_leader", "other_member", "broker"]


@pytest.fixture
def home_of(client, world):
    ArtefactPageFactory(
        network=world.network,
        owner=world.second_co_leader,
        title="Network-only practice",
        visibility=Visibility.NETWORK,
    )
    submitted_artefact(world.network, world.second_co_leader, title="Submitted by a co-leader")
    JoinRequestFactory(
        network=world.network, user=UserFactory(first_name="Olive", last_name="Oakes")
    )
    DraftArtefactFactory(
        network=world.network, owner=world.member, title="Half-written by the member"
    )
    people = {
        "member": world.member,
        "co_leader": world.co_leader,
        "other_member": MembershipFactory(network=world.other_network).user,
        "broker": world.broker,
    }

    def home(person: str) -> str:
        client.force_login(people[person])
        return client.get("/me/").content.decode()

    return home


@pytest.mark.parametrize("person", PEOPLE)
def test_a_home_shows_only_what_the_person_may_read_and_act_on(home_of, person):
    html = home_of(person)

    shown = {what: what in html for what in SEES}

    assert shown == {what: seen[PEOPLE.index(person)] for what, seen in SEES.items()}
