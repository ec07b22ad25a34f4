"""The demo data reads as a history: dates spread over each network's life, in order, and year
groups that fit each school's phase."""

from datetime import timedelta
from io import StringIO

import pytest

from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from artefacts.models import ArtefactPage, ArtefactTrial
from core.schools.year_groups import fits_phase
from networks.engagement.models import Activity
from networks.models import Membership, NetworkPage
from peer_review.models import ReviewCycle
from visits.models import Booking, Reflection

pytestmark = pytest.mark.django_db

TWO_YEARS = timedelta(days=731)


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def joined(network_id, user_id):
    return Membership.objects.get(network_id=network_id, user_id=user_id).joined_at


def test_every_network_started_within_the_past_two_years(seeded):
    today = timezone.localdate()
    started = NetworkPage.objects.filter(started_on__isnull=False)

    assert started.exists()
    assert all(today - TWO_YEARS <= n.started_on <= today for n in started)


def test_nobody_joined_before_their_network_started_or_after_today(seeded):
    now = timezone.now()
    for membership in Membership.objects.select_related("network"):
        started = membership.network.started_on
        assert membership.joined_at <= now
        if started is not None:
            assert membership.joined_at.date() >= started, membership


def test_people_joined_on_different_days(seeded):
    days = {moment.date() for moment in Membership.objects.values_list("joined_at", flat=True)}

    assert len(days) > 10


def test_every_response_names_year_groups_its_school_teaches(seeded):
    trials = ArtefactTrial.objects.select_related("school")

    assert trials.exists()
    for trial in trials:
        assert trial.school is not None
        assert fits_phase(trial.context, trial.school.phase), (trial.context, trial.school.phase)


def test_responses_come_after_publication_and_joining(seeded):
    now = timezone.now()
    for trial in ArtefactTrial.objects.select_related("artefact"):
        assert trial.artefact.first_published_at < trial.created_at <= now
        assert joined(trial.network_id, trial.user_id) < trial.created_at


def test_published_artefacts_come_after_their_owner_joined(seeded):
    now = timezone.now()
    for artefact in ArtefactPage.objects.live():
        assert joined(artefact.network_id, artefact.owner_id) < artefact.first_published_at
        assert artefact.first_published_at <= artefact.last_published_at <= now
        assert artefact.latest_revision_created_at == artefact.last_published_at


def test_first_publication_dates_spread_over_more_than_one_term(seeded):
    dates = sorted(ArtefactPage.objects.live().values_list("first_published_at", flat=True))

    assert dates[-1] - dates[0] > timedelta(days=120)
    assert len({moment.date() for moment in dates}) > len(dates) // 2


def test_nobody_is_counted_active_before_they_joined(seeded):
    joins = {(m.network_id, m.user_id): m.joined_at for m in Membership.objects.current()}
    for activity in Activity.objects.all():
        started = joins.get((activity.network_id, activity.user_id))
        if started is not None:
            assert activity.occurred_at >= started, activity


def test_study_visits_are_booked_before_and_reflected_on_after_they_happen(seeded):
    assert Reflection.objects.exists()
    for booking in Booking.objects.select_related("session"):
        assert booking.created_at < booking.session.starts_at
    for reflection in Reflection.objects.select_related("session"):
        assert reflection.session.ends_at < reflection.created_at <= timezone.now()


def test_review_cycles_run_over_weeks_in_order(seeded):
    now = timezone.now()
    cycles = ReviewCycle.objects.select_related("network")
    assert cycles.exists()
    for cycle in cycles:
        assert cycle.network.started_on <= cycle.opened_at.date()
        assert cycle.opened_at <= cycle.phase_started_at <= now
        assert (cycle.closed_at is None) or cycle.phase_started_at <= cycle.closed_at <= now
    assert len({cycle.opened_at.date() for cycle in cycles}) == cycles.count()
    assert min(cycle.opened_at for cycle in cycles) < now - timedelta(days=90)
