"""kept_with_page: a value kept with a page's path until the page is purged, or, with `until`,
until the moment the value itself names."""

from datetime import timedelta

from django.utils import timezone

from core.pagecache import kept_with_page, purge


class Counted:
    """A value worked out afresh at each call, numbered, so a test sees which one it got."""

    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return {"call": self.calls}


def test_a_kept_value_is_given_back_without_working_it_out_again():
    compute = Counted()
    kept_with_page("/visits/", "listing", compute)

    assert kept_with_page("/visits/", "listing", compute) == {"call": 1}


def test_purging_the_page_makes_the_kept_value_stale():
    compute = Counted()
    kept_with_page("/visits/", "listing", compute)

    purge(["/visits/"])

    assert kept_with_page("/visits/", "listing", compute) == {"call": 2}


def test_a_value_whose_moment_has_passed_is_worked_out_again():
    compute = Counted()
    passed = timezone.now() - timedelta(seconds=1)
    kept_with_page("/visits/", "listing", compute, until=lambda value: passed)

    assert kept_with_page("/visits/", "listing", compute) == {"call": 2}


def test_a_value_whose_moment_is_still_to_come_is_kept():
    compute = Counted()
    later = timezone.now() + timedelta(hours=1)
    kept_with_page("/visits/", "listing", compute, until=lambda value: later)

    assert kept_with_page("/visits/", "listing", compute) == {"call": 1}


def test_a_value_with_no_moment_is_kept():
    compute = Counted()
    kept_with_page("/visits/", "listing", compute, until=lambda value: None)

    assert kept_with_page("/visits/", "listing", compute) == {"call": 1}
