"""The demo loader makes a cycle in every phase, one network on its second cycle."""

import pytest

from django.core.management import call_command

from peer_review.models import Phase, ReviewCycle
from peer_review.selectors import trend


@pytest.mark.django_db
def test_the_demo_has_a_cycle_in_every_phase_and_a_trend():
    call_command("seed_demo", verbosity=0)
    phases = set(ReviewCycle.objects.values_list("phase", flat=True))
    assert phases == set(Phase.values)
    second = ReviewCycle.objects.get(network__slug="mersey-learning-partnership", number=2)
    assert trend(second)
    closed = ReviewCycle.objects.get(phase=Phase.CLOSED)
    assert closed.report.is_issued and closed.actions.exists() and closed.follow_up_summary
    call_command("seed_demo", verbosity=0)
    assert ReviewCycle.objects.count() == 7
