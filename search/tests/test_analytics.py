"""Search analytics: counted per week without personal data; the broker's report."""

from datetime import timedelta

import pytest

from django.utils import timezone

from core.accounts.factories import AdminFactory, BrokerFactory, UserFactory
from search.factories import SearchQueryLogFactory
from search.models import SearchQueryLog
from search.selectors import top_queries, zero_result_queries
from search.services import record_search, week_of

pytestmark = pytest.mark.django_db

REPORT = "/admin/search-analytics/"


def this_week():
    return week_of(timezone.localdate())


def test_a_search_adds_one_to_its_weekly_row():
    record_search(text="Oracy", filters={}, result_count=4)
    record_search(text="oracy ", filters={}, result_count=5)
    row = SearchQueryLog.objects.get()
    assert (row.week, row.query, row.searches, row.zero_result_searches) == (
        this_week(),
        "oracy",
        2,
        0,
    )
    assert row.last_result_count == 5


def test_zero_result_searches_are_counted_separately():
    record_search(text="xylophone", filters={}, result_count=0)
    record_search(text="xylophone", filters={}, result_count=0)
    record_search(text="xylophone", filters={}, result_count=1)
    row = SearchQueryLog.objects.get()
    assert (row.searches, row.zero_result_searches) == (3, 2)


def test_filters_are_kept_in_a_stable_order():
    record_search(text="oracy", filters={"theme": ("b", "a"), "type": ("tool",)}, result_count=1)
    assert SearchQueryLog.objects.get().filters == "theme=a,b&type=tool"


def test_an_empty_query_is_not_logged():
    record_search(text="   ", filters={"type": ("tool",)}, result_count=3)
    assert not SearchQueryLog.objects.exists()


def test_top_queries_add_up_filter_combinations_of_the_week():
    week = this_week()
    SearchQueryLogFactory(week=week, query="oracy", filters="", searches=3)
    SearchQueryLogFactory(week=week, query="oracy", filters="type=tool", searches=2)
    SearchQueryLogFactory(week=week, query="reading", searches=4)
    SearchQueryLogFactory(week=week - timedelta(weeks=1), query="maths", searches=9)
    assert [(row["query"], row["total"]) for row in top_queries(week=week)] == [
        ("oracy", 5),
        ("reading", 4),
    ]


def test_zero_result_queries_are_the_knowledge_gaps():
    week = this_week()
    SearchQueryLogFactory(week=week, query="xylophone", searches=3, zero_result_searches=3)
    SearchQueryLogFactory(week=week, query="oracy", searches=3, zero_result_searches=0)
    assert [row["query"] for row in zero_result_queries(week=week)] == ["xylophone"]


@pytest.mark.parametrize("factory", [BrokerFactory, AdminFactory])
def test_brokers_and_admins_see_the_report(client, factory):
    SearchQueryLogFactory(week=this_week(), query="xylophone", zero_result_searches=2, searches=2)
    client.force_login(factory())
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Knowledge gaps" in html and "xylophone" in html


def test_the_report_can_show_an_earlier_week(client):
    last_week = this_week() - timedelta(weeks=1)
    SearchQueryLogFactory(week=last_week, query="phonics", searches=2)
    client.force_login(BrokerFactory())
    assert "phonics" not in client.get(REPORT).content.decode()
    assert "phonics" in client.get(REPORT, {"week": last_week.isoformat()}).content.decode()


def test_teachers_cannot_see_the_report(client):
    client.force_login(UserFactory())
    assert client.get(REPORT).status_code in (302, 403)


def test_the_report_appears_in_the_reports_menu_for_brokers_only(rf):
    from wagtail import hooks

    (item,) = [
        fn()
        for fn in hooks.get_hooks("register_reports_menu_item")
        if fn.__module__ == "search.wagtail_hooks"
    ]
    broker_request = rf.get("/admin/")
    broker_request.user = BrokerFactory()
    teacher_request = rf.get("/admin/")
    teacher_request.user = UserFactory()
    assert item.is_shown(broker_request) is True
    assert item.is_shown(teacher_request) is False
