"""The main pages of the site, with enough in them to be long and wide: one network with people,
schools, funding, indicators, an artefact, a visit offer and a review cycle, seen by a co-leader.

Used by the HTML validity test and the narrow-screen browser test. Every name shown is set here.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from artefacts.factories import ArtefactPageFactory
from broker.services.syntheses import cite_artefact, create_synthesis, publish_synthesis
from networks.baselining.factories import IndicatorFactory, ObservationFactory
from networks.factories import NetworkSchoolFactory, SchoolFactory, ThemeFactory
from networks.funding.factories import (
    FundingReceiptFactory,
    InKindContributionFactory,
    SpendingPlanRevisionFactory,
)
from peer_review.tests.world import build_world, open_cycle
from visits.factories import VisitOfferFactory, VisitSessionFactory

WIDE_SCHOOL = "Saint Bartholomew's Church of England Voluntary Aided Primary and Nursery School"


@dataclass
class MainPages:
    co_leader: object
    paths: dict  # page name -> path
    signed_out_paths: dict  # what someone not signed in sees on the way in


def build_main_pages() -> MainPages:
    world = build_world()
    network = world.network
    wide_school = SchoolFactory(name=WIDE_SCHOOL, local_authority="Cheshire West and Chester")
    NetworkSchoolFactory(network=network, school=wide_school)
    FundingReceiptFactory(network=network, source="Local authority school improvement grant")
    InKindContributionFactory(network=network, school=wide_school)
    SpendingPlanRevisionFactory(
        network=network,
        author=world.co_leader,
        lines=[("Supply cover for enquiry trios across all member schools", Decimal("4800"))],
    )
    SpendingPlanRevisionFactory(network=network, author=world.co_leader)
    indicator = IndicatorFactory(
        network=network, name="Pupils reaching the expected standard in reading (%)"
    )
    for days_ago in (200, 100):
        ObservationFactory(indicator=indicator, observed_on=date.today() - timedelta(days=days_ago))
    artefact = ArtefactPageFactory(
        network=network,
        owner=world.co_leader,
        title="Live feedback in Years 4 to 6",
        schools=[world.school],
    )
    offer = VisitOfferFactory(
        network=network, title="Live feedback in Year 5", host_schools=[world.school]
    )
    VisitSessionFactory(offer=offer, host_school=world.school)
    cycle = open_cycle(world)
    synthesis = create_synthesis(
        by=world.broker,
        theme=ThemeFactory(name="Assessment for learning"),
        title="Feedback that moves learning on",
        summary="Spoken feedback in the lesson helped; written comments rarely did.",
        narrative="Networks in the north-west tried live marking [1].",
        what_worked="Feedback at the desk.",
        what_did_not_work="Feedback sheets, ignored after a month.",
        last_reviewed_on=timezone.localdate(),
    )
    cite_artefact(synthesis=synthesis, by=world.broker, artefact=artefact)
    publish_synthesis(synthesis=synthesis, by=world.broker)
    return MainPages(
        co_leader=world.co_leader,
        paths={
            "home": "/",
            "my home": reverse("my_home"),
            "onboarding": reverse("accounts_onboarding"),
            "network directory": "/networks/",
            "network profile": network.url,
            "network people": reverse("networks:manage", kwargs={"network_slug": network.slug}),
            "network funding": reverse("funding:overview", kwargs={"network_slug": network.slug}),
            "artefact list": reverse("artefacts:index"),
            "artefact page": artefact.url,
            "write an artefact": reverse("artefacts:create", kwargs={"network_slug": network.slug}),
            "edit an artefact": reverse("artefacts:edit", args=[artefact.pk]),
            "artefact workspace": reverse("artefacts:workspace", args=[artefact.pk]),
            "propose a network": reverse("networks:propose"),
            "search": reverse("search:page") + "?q=feedback",
            "visits list": reverse("visits:index"),
            "visit offer": reverse("visits:offer", args=[offer.pk]),
            "my visits": reverse("visits:mine"),
            "my reviews": reverse("peer_review:mine"),
            "notifications": reverse("notifications:list"),
            "review cycle": reverse("peer_review:cycle", args=[cycle.pk]),
            "synthesis": synthesis.get_absolute_url(),
        },
        signed_out_paths={
            "home": "/",
            "sign in": reverse("account_login"),
            "sign up": reverse("account_signup"),
            "password reset": reverse("account_reset_password"),
            "network profile": network.url,
            "artefact page": artefact.url,
            "visit offer": reverse("visits:offer", args=[offer.pk]),
        },
    )
