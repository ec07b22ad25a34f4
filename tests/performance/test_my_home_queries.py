"""Your home (/me/) runs the same number of SQL queries whatever a co-leader has waiting:
five of everything every section counts, then fifty."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from artefacts.factories import ArtefactPageFactory, DraftArtefactFactory
from broker.models import Introduction
from core.notifications.models import Notification
from networks.factories import (
    ActiveNetworkFactory,
    CoLeaderFactory,
    DecisionFactory,
    InvitationFactory,
    JoinRequestFactory,
    MembershipFactory,
)
from networks.models import DecisionKind, NetworkPage
from peer_review.factories import cycle_for, framework_version
from peer_review.models import PeerReviewer
from tests.home.helpers import days_ago, submitted_artefact
from tests.world import build_world
from visits.factories import BookingFactory, VisitOfferFactory, VisitSessionFactory

pytestmark = pytest.mark.django_db

# Session and person (2), their roles in networks (1), and one query per section but two for
# review steps (reviewer places, cycles) and two for decisions (requests to join, two-key
# decisions): 17 for a co-leader with twelve sections (one is the appointments waiting for their
# agreement, asked because they are a plain member elsewhere).
BUDGET = 17


def network(world):
    return NetworkPage.objects.get(pk=world.network.pk)  # fresh: add_child changes it


def add_things(world, version, count: int) -> None:
    """`count` more of everything the co-leader's home counts."""
    for _ in range(count):
        submitted_artefact(network(world), world.member)
        DraftArtefactFactory(network=network(world), owner=world.co_leader)
        ArtefactPageFactory(network=network(world), owner=world.member)
        JoinRequestFactory(network=world.network)
        DecisionFactory(
            network=world.network,
            kind=DecisionKind.APPOINT_CO_LEADER,
            target=MembershipFactory(network=world.network),
            proposed_by=world.second_co_leader,
        )
        elsewhere = ActiveNetworkFactory()
        MembershipFactory(network=elsewhere, user=world.co_leader)
        Introduction.objects.create(learner=world.network, source=elsewhere, reason="Feedback.")
        cycle = cycle_for(elsewhere, CoLeaderFactory(network=elsewhere).user, version=version)
        PeerReviewer.objects.create(cycle=cycle, user=world.co_leader)
        VisitSessionFactory(offer=VisitOfferFactory(network=world.network))
        BookingFactory(person=world.co_leader, network=world.network)
        ended = days_ago(2)
        BookingFactory(
            person=world.co_leader,
            network=world.network,
            session=VisitSessionFactory(
                starts_at=ended, ends_at=ended + timezone.timedelta(hours=6)
            ),
        )
        Notification.objects.create(recipient=world.co_leader, message="Something happened")
        InvitationFactory(network=ActiveNetworkFactory(), email=world.co_leader.email)


def queries_for_home(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/me/")
    assert response.status_code == 200
    return len(queries)


def test_your_home_runs_the_same_queries_with_five_and_with_fifty_of_everything(client):
    world = build_world()
    version = framework_version()
    cycle_for(network(world), world.co_leader, version=version)
    add_things(world, version, 5)
    client.force_login(world.co_leader)
    client.get("/me/")  # warm the per-process caches
    with_five = queries_for_home(client)

    add_things(world, version, 45)
    with_fifty = queries_for_home(client)

    assert with_five == with_fifty <= BUDGET
