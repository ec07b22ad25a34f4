"""The open offers on a network's profile are kept with it per audience (members only or the
public, visits.selectors.network_visit_summary)."""

import pytest

from tests.pages import html_for
from visits.factories import VisitOfferFactory, VisitSessionFactory

pytestmark = pytest.mark.django_db


def test_a_members_only_offer_kept_for_members_never_shows_to_an_outsider(world):
    offer = VisitOfferFactory(
        network=world.host, title="Coaching triads, members only", visibility="members"
    )
    VisitSessionFactory(offer=offer)

    assert "Coaching triads, members only" in html_for(world.visitor, world.host.url)
    assert "Coaching triads, members only" not in html_for(world.outsider, world.host.url)


def test_a_new_offer_reaches_the_kept_profile_at_once(world):
    html_for(world.visitor, world.host.url)

    VisitSessionFactory(offer=VisitOfferFactory(network=world.host, title="Maths talk in Year 2"))

    assert "Maths talk in Year 2" in html_for(world.visitor, world.host.url)
