"""The profile sections that are the same for every viewer are kept with the profile in the page
cache for signed-in people too (core.pagecache.kept_with_page), and a change to what they show
purges them as it purges the anonymous page."""

from decimal import Decimal

import pytest

from django.contrib.auth.models import Group
from django.utils.html import escape

from wagtail.models import PageViewRestriction

from networks.baselining.factories import IndicatorFactory, ObservationFactory
from networks.factories import NetworkSchoolFactory
from networks.funding.factories import FundingReceiptFactory

pytestmark = pytest.mark.django_db


def profile_for(client, person, network) -> str:
    client.force_login(person)
    response = client.get(network.url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_funding_receipt_shows_on_the_co_leaders_next_view(client, network, co_leader):
    FundingReceiptFactory(network=network, amount=Decimal("1200"))
    assert "1,200" in profile_for(client, co_leader, network)

    FundingReceiptFactory(network=network, amount=Decimal("3000"))

    assert "4,200" in profile_for(client, co_leader, network)


def test_a_new_observation_shows_on_the_members_next_view(client, network, member):
    indicator = IndicatorFactory(network=network, unit="%")
    ObservationFactory(indicator=indicator, value=Decimal("61"))
    assert "61" in profile_for(client, member, network)

    ObservationFactory(indicator=indicator, value=Decimal("87.5"))

    assert "87.5" in profile_for(client, member, network)


def test_a_school_joining_shows_on_the_next_view(client, network, member):
    profile_for(client, member, network)

    link = NetworkSchoolFactory(network=network)

    assert escape(link.school.name) in profile_for(client, member, network)


def test_a_restriction_added_after_a_view_applies_to_the_next_one(client, network, member):
    profile_for(client, member, network)  # its restrictions (none) are kept with the page

    restriction = PageViewRestriction.objects.create(
        page=network, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Auditors")])

    assert client.get(network.url).status_code == 302
