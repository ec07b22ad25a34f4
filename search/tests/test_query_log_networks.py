"""The query log records the searcher's networks (never the person), through the registry that
networks fills."""

import pytest

from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from core.accounts.factories import UserFactory
from networks.factories import ActiveNetworkFactory, MembershipFactory
from search import searchers
from search.models import SearchQueryLog, SearchQueryNetwork
from search.services import record_search

pytestmark = pytest.mark.django_db


def counts():
    return dict(SearchQueryNetwork.objects.values_list("network_id", "searches"))


def test_a_members_search_counts_for_their_network():
    membership = MembershipFactory()

    record_search(text="Oracy", filters={}, result_count=2, searcher=membership.user)
    record_search(text="oracy", filters={}, result_count=2, searcher=membership.user)

    assert counts() == {membership.network_id: 2}
    assert SearchQueryNetwork.objects.get().log == SearchQueryLog.objects.get()


def test_someone_in_two_networks_counts_for_each_but_once_in_the_log():
    membership = MembershipFactory()
    second = MembershipFactory(user=membership.user, network=ActiveNetworkFactory())

    record_search(text="oracy", filters={}, result_count=2, searcher=membership.user)

    assert counts() == {membership.network_id: 1, second.network_id: 1}
    assert SearchQueryLog.objects.get().searches == 1


def test_a_search_from_outside_any_network_is_logged_without_a_network():
    record_search(text="oracy", filters={}, result_count=2, searcher=UserFactory())
    record_search(text="oracy", filters={}, result_count=2, searcher=None)

    assert SearchQueryLog.objects.get().searches == 2
    assert not SearchQueryNetwork.objects.exists()


def test_a_former_member_no_longer_counts_for_the_network_they_left():
    membership = MembershipFactory(left_at=timezone.now())

    record_search(text="oracy", filters={}, result_count=2, searcher=membership.user)

    assert not SearchQueryNetwork.objects.exists()


def test_the_search_page_records_the_network_not_the_person(client):
    membership = MembershipFactory()
    client.force_login(membership.user)

    client.get("/search/", {"q": "Xylophone"})

    row = SearchQueryNetwork.objects.get()
    assert (row.log.query, row.network_id, row.searches) == ("xylophone", membership.network_id, 1)
    assert {field.name for field in SearchQueryNetwork._meta.get_fields()} == {
        "id",
        "log",
        "network_id",
        "searches",
    }


def test_the_searchers_networks_have_one_home():
    with pytest.raises(ImproperlyConfigured, match="already given by networks.search"):
        searchers.register_searcher_networks(lambda user: [])
