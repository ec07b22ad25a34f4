"""The search page at /search/."""

import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.accounts.factories import UserFactory
from networks.factories import NetworkPageFactory, ThemeFactory
from search.factories import SearchDocumentFactory
from search.models import SearchQueryLog

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _database_only(no_elasticsearch):
    return no_elasticsearch


def test_the_page_has_one_labelled_search_box_in_a_search_landmark(client):
    html = client.get("/search/").content.decode()
    assert 'role="search"' in html
    assert '<label for="search-q">Search for</label>' in html
    assert 'data-suggest-url="/api/v1/search/suggest/"' in html


def test_results_show_highlighted_snippets_and_the_count(client):
    SearchDocumentFactory(title="Peer assessment", body="Pupils assessed each other's drafts.")
    html = client.get("/search/", {"q": "assessing"}).content.decode()
    assert "<mark>assessment</mark>" in html.lower()
    assert "1 result for “assessing”" in html
    assert "<title>1 result for “assessing” · Search" in html


def test_two_results_are_counted_in_the_plural(client):
    SearchDocumentFactory(title="Peer assessment", body="Pupils assessed each other's drafts.")
    SearchDocumentFactory(title="Self assessment", body="Pupils assessed their own drafts.")
    html = client.get("/search/", {"q": "assessing"}).content.decode()
    assert "2 results for “assessing”" in html
    assert "<title>2 results for “assessing” · Search" in html


def test_user_text_is_escaped_in_results(client):
    SearchDocumentFactory(
        title="<img src=x onerror=alert(1)> coaching", body="<script>x</script> coaching"
    )
    html = client.get("/search/", {"q": "coaching"}).content.decode()
    assert "<img src=x" not in html
    assert "<script>x</script>" not in html


def test_facets_are_checkboxes_with_counts(client):
    theme = ThemeFactory(name="Oracy")
    SearchDocumentFactory(title="Talk one", themes=[theme.slug])
    SearchDocumentFactory(title="Talk two", themes=[theme.slug])
    html = client.get("/search/", {"q": "talk"}).content.decode()
    assert "<legend>Theme</legend>" in html
    assert 'type="checkbox" name="theme" value="oracy"' in html
    assert (
        'Oracy <span class="facet__count">(2<span class="visually-hidden"> results</span>)' in html
    )


def test_two_facets_combine(client):
    SearchDocumentFactory(title="Talk tool oracy", type="tool", themes=["oracy"])
    SearchDocumentFactory(title="Talk tool maths", type="tool", themes=["maths"])
    SearchDocumentFactory(title="Talk case oracy", type="case_study", themes=["oracy"])
    response = client.get("/search/?q=talk&type=tool&theme=oracy")
    hits = response.context["hits"]
    assert [hit.title for hit in hits] == ["Talk tool oracy"]
    html = response.content.decode()
    assert re.search(r'name="type" value="tool" id="facet-type-\d+" checked', html)
    assert re.search(r'name="theme" value="oracy" id="facet-theme-\d+" checked', html)
    assert not re.search(r'name="type" value="case_study" id="facet-type-\d+" checked', html)


def test_did_you_mean_links_to_the_corrected_search(client):
    from search.backends.database import DatabaseBackend
    from search.factories import IndexDocumentFactory

    DatabaseBackend().index([IndexDocumentFactory(title="Metacognition in science")])
    html = client.get("/search/", {"q": "metacogniton"}).content.decode()
    assert (
        'Did you mean <a href="/search/?q=metacognition"><strong>metacognition</strong></a>?'
        in html
    )


def test_pagination_links_keep_the_query_and_filters(client):
    for n in range(25):
        SearchDocumentFactory(title=f"Coaching {n}", type="tool")
    html = client.get("/search/", {"q": "coaching", "type": "tool"}).content.decode()
    assert 'href="?q=coaching&amp;type=tool&amp;page=2"' in html


def test_a_page_beyond_the_last_says_so(client):
    SearchDocumentFactory(title="Coaching")
    html = client.get("/search/", {"q": "coaching", "page": 3}).content.decode()
    assert "There are no results on this page" in html


def test_invalid_parameters_are_ignored_with_a_message(client):
    SearchDocumentFactory(title="Coaching")
    response = client.get("/search/", {"q": "coaching", "page": "zero", "strength": "9"})
    assert response.status_code == 200
    assert "were not understood and were ignored: page, strength" in response.content.decode()
    assert [hit.title for hit in response.context["hits"]] == ["Coaching"]


def test_nothing_found_suggests_what_to_try(client):
    html = client.get("/search/", {"q": "xylophone"}).content.decode()
    assert "Nothing matches “xylophone”" in html


def test_each_search_is_logged_without_personal_data(client):
    client.force_login(UserFactory())
    client.get("/search/", {"q": "  Xylophone  LESSONS "})
    row = SearchQueryLog.objects.get()
    assert (row.query, row.searches, row.zero_result_searches) == ("xylophone lessons", 1, 1)
    field_names = {field.name for field in SearchQueryLog._meta.get_fields()}
    assert field_names == {
        "id",
        "week",
        "query",
        "filters",
        "searches",
        "zero_result_searches",
        "last_result_count",
    }


def test_the_page_runs_the_same_number_of_queries_for_few_and_many_results(client):
    client.force_login(UserFactory())
    network = NetworkPageFactory()

    def add(count):
        for _ in range(count):
            SearchDocumentFactory(title="Coaching", network_id=network.pk, themes=["oracy"])

    add(3)
    with CaptureQueriesContext(connection) as few:
        client.get("/search/", {"q": "coaching"})
    add(40)
    with CaptureQueriesContext(connection) as many:
        client.get("/search/", {"q": "coaching"})
    assert len(many) == len(few)
    assert len(many) <= 14, [q["sql"][:80] for q in many]


def test_the_site_header_links_to_search(client):
    html = client.get("/search/").content.decode()
    assert '<a href="/search/" aria-current="page">Search</a>' in html
