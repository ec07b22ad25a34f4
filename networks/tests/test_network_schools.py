"""Schools joining and leaving a network, with the dates kept as history."""

from datetime import date, timedelta

import pytest

from django.utils import timezone

from wagtail.models import PageLogEntry

from networks import services
from networks.factories import SchoolFactory
from networks.models import NetworkSchool

pytestmark = pytest.mark.django_db


def test_co_leader_adds_a_school_joined_today(network, co_leader):
    school = SchoolFactory()
    link = services.add_school(network=network, school=school, by=co_leader)
    assert (link.joined_on, link.left_on) == (timezone.localdate(), None)
    assert PageLogEntry.objects.filter(page=network, action="networks.school_added").exists()


def test_school_added_with_a_past_date(network, co_leader):
    link = services.add_school(
        network=network, school=SchoolFactory(), joined_on=date(2024, 9, 1), by=co_leader
    )
    assert link.joined_on == date(2024, 9, 1)


def test_future_join_date_is_refused(network, co_leader):
    with pytest.raises(services.ActionRefused, match="future"):
        services.add_school(
            network=network,
            school=SchoolFactory(),
            joined_on=timezone.localdate() + timedelta(days=1),
            by=co_leader,
        )


def test_school_already_in_the_network_is_refused(network, co_leader):
    school = SchoolFactory()
    services.add_school(network=network, school=school, by=co_leader)
    with pytest.raises(services.ActionRefused, match="already in"):
        services.add_school(network=network, school=school, by=co_leader)
    assert NetworkSchool.objects.filter(network=network, school=school).count() == 1


def test_closed_school_cannot_join(network, co_leader):
    with pytest.raises(services.ActionRefused, match="marked closed"):
        services.add_school(network=network, school=SchoolFactory(is_open=False), by=co_leader)


def test_removing_a_school_keeps_its_dates(network, co_leader):
    school = SchoolFactory()
    services.add_school(network=network, school=school, joined_on=date(2024, 9, 1), by=co_leader)
    services.remove_school(network=network, school=school, by=co_leader)
    link = NetworkSchool.objects.get(network=network, school=school)
    assert (link.joined_on, link.left_on) == (date(2024, 9, 1), timezone.localdate())


def test_school_can_rejoin_after_leaving_with_both_periods_kept(network, co_leader):
    school = SchoolFactory()
    services.add_school(network=network, school=school, joined_on=date(2024, 9, 1), by=co_leader)
    services.remove_school(network=network, school=school, left_on=date(2025, 7, 20), by=co_leader)
    services.add_school(network=network, school=school, by=co_leader)
    periods = NetworkSchool.objects.filter(network=network, school=school).order_by("joined_on")
    assert [(p.joined_on, p.left_on) for p in periods] == [
        (date(2024, 9, 1), date(2025, 7, 20)),
        (timezone.localdate(), None),
    ]


def test_removing_a_school_not_in_the_network_is_refused(network, co_leader):
    with pytest.raises(services.ActionRefused, match="not currently in"):
        services.remove_school(network=network, school=SchoolFactory(), by=co_leader)


def test_leaving_before_joining_is_refused(network, co_leader):
    school = SchoolFactory()
    services.add_school(network=network, school=school, joined_on=date(2024, 9, 1), by=co_leader)
    with pytest.raises(services.ActionRefused, match="before the date it joined"):
        services.remove_school(
            network=network, school=school, left_on=date(2024, 1, 1), by=co_leader
        )


def test_member_cannot_add_schools(network, member):
    with pytest.raises(services.NotAllowed):
        services.add_school(network=network, school=SchoolFactory(), by=member)
