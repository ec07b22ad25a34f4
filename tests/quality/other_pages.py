"""The pages with tables beyond the main ones, each with rows in its tables and seen by the person
it is for: the broker's curation, spread and overview pages, and a network co-leader's peer
review report and team, visit session (as host) and artefact versions.

Used by the long-pages test, the HTML validity test and the narrow-screen browser test. Every name
shown is set here.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from artefacts.factories import ArtefactPageFactory
from broker.services.collections import create_collection
from broker.services.introductions import send_introduction
from broker.services.spread import refresh_spread
from broker.services.syntheses import create_synthesis
from core.accounts.factories import UserFactory
from networks.factories import ThemeFactory
from peer_review.tests.world import build_world, open_cycle, to_response
from search.factories import SearchQueryLogFactory
from search.services import week_of
from visits.factories import BookingFactory, VisitOfferFactory, VisitSessionFactory

from .main_pages import WIDE_SCHOOL


@dataclass
class OtherPages:
    broker: object
    co_leader: object
    broker_paths: dict  # page name -> path, for the broker
    co_leader_paths: dict  # page name -> path, for a co-leader of the reviewed network
    admin_paths: dict  # Wagtail admin pages, for the broker


def build_other_pages() -> OtherPages:
    world = build_world(tag=" (tables)")
    network, broker = world.network, world.broker
    cycle = to_response(world, open_cycle(world))
    artefact = ArtefactPageFactory(
        network=network,
        owner=world.co_leader,
        title="Questioning in Year 6",
        schools=[world.school],
    )
    artefact.title = "Questioning in Years 5 and 6"
    artefact.save_revision(user=world.co_leader)
    offer = VisitOfferFactory(
        network=network, title="Questioning in Year 6", host_schools=[world.school]
    )
    session = VisitSessionFactory(offer=offer, host_school=world.school)
    visitor = UserFactory(first_name="Grace", last_name="Hughes")
    BookingFactory(session=session, person=visitor, network=world.other_networks[0])
    visited_on = timezone.now() - timedelta(days=30)
    past = VisitSessionFactory(
        offer=offer,
        host_school=world.school,
        starts_at=visited_on,
        ends_at=visited_on + timedelta(hours=4),
    )
    BookingFactory(session=past, person=visitor, network=world.other_networks[0])
    theme = ThemeFactory(name="Questioning")
    send_introduction(
        by=broker,
        learner=world.other_networks[1],
        source=network,
        reason="Both networks are working on questioning in upper key stage 2.",
        theme=theme,
    )
    create_collection(
        by=broker,
        title="Questions that make pupils think",
        introduction="What networks learned about questioning.",
        theme=theme,
    )
    create_synthesis(
        by=broker,
        theme=theme,
        title="Questions that make pupils think",
        summary="Wait time helped; hands up did not.",
        narrative="Networks tried no-hands-up questioning.",
        what_worked="Wait time.",
        what_did_not_work="Hands up.",
        last_reviewed_on=timezone.localdate(),
    )
    this_week = week_of(timezone.localdate())
    SearchQueryLogFactory(
        week=this_week, query=f"{WIDE_SCHOOL} oracy", searches=4, zero_result_searches=4
    )
    SearchQueryLogFactory(week=this_week, query="questioning", searches=9)
    refresh_spread()
    return OtherPages(
        broker=broker,
        co_leader=world.co_leader,
        broker_paths={
            "spread": reverse("broker:spread"),
            "introductions": reverse("broker:introductions"),
            "curated collections": reverse("broker:collections"),
            "curated syntheses": reverse("broker:syntheses"),
            "visit figures": reverse("visits:broker"),
            "peer review overview": reverse("peer_review:overview"),
            "engagement overview": reverse("engagement:overview"),
            "open data api docs": reverse("open_data:docs"),
        },
        co_leader_paths={
            "review report": reverse("peer_review:report", args=[cycle.pk]),
            "peer team": reverse("peer_review:team", args=[cycle.pk]),
            "visit session": reverse("visits:session", args=[session.pk]),
            "artefact versions": reverse("artefacts:revisions", args=[artefact.pk]),
        },
        admin_paths={"search analytics": reverse("search_analytics")},
    )
