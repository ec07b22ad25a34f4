"""Strict API input (issue 15, item 10): unknown parameters, page sizes over the maximum and
unknown facet values answer 400 with a JSON error naming them."""

import pytest

from search.factories import SearchDocumentFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/search/"


@pytest.fixture(autouse=True)
def _database_only(no_elasticsearch):
    return no_elasticsearch


def test_an_unknown_parameter_is_named(client):
    response = client.get(URL, {"q": "oracy", "colour": "blue"})
    assert response.status_code == 400
    assert response.json() == {"colour": ["Unknown parameter."]}


def test_an_unknown_parameter_of_suggestions_is_named(client):
    response = client.get(URL + "suggest/", {"q": "ora", "limit": "500"})
    assert response.status_code == 400
    assert response.json() == {"limit": ["Unknown parameter."]}


def test_a_page_size_over_the_maximum_is_refused(client):
    response = client.get(URL, {"page_size": "100000"})
    assert response.status_code == 400
    assert list(response.json()) == ["page_size"]


def test_a_page_size_within_the_maximum_is_used(client):
    for n in range(7):
        SearchDocumentFactory(title=f"Coaching {n}")
    body = client.get(URL, {"q": "coaching", "page_size": 5}).json()
    assert (len(body["results"]), body["page_size"], body["num_pages"]) == (5, 5, 2)
    assert body["next"] == "/api/v1/search/?q=coaching&page_size=5&page=2"


def test_paging_beyond_the_result_window_is_refused(client):
    response = client.get(URL, {"page_size": 50, "page": 201})
    assert response.status_code == 400
    assert list(response.json()) == ["page"]


def test_an_unknown_facet_value_is_named(client):
    SearchDocumentFactory(title="Oracy in year 3", themes=["oracy"])
    response = client.get(URL + "?theme=oracy&theme=oracyy")
    assert response.status_code == 400
    assert response.json() == {"theme": ["Unknown value: “oracyy”."]}


@pytest.mark.parametrize(
    ("params", "facet"),
    [
        ({"type": "brochure"}, "type"),
        ({"phase": "sixth-form"}, "phase"),
        ({"region": "Atlantis"}, "region"),
        ({"network": 424242}, "network"),
    ],
)
def test_unknown_values_of_every_vocabulary_facet_are_refused(client, params, facet):
    SearchDocumentFactory(phases=["primary"], regions=["North West"], network_id=1)
    response = client.get(URL, params)
    assert response.status_code == 400
    assert list(response.json()) == [facet]


def test_known_facet_values_are_accepted(client):
    SearchDocumentFactory(
        title="Oracy in year 3", themes=["oracy"], phases=["primary"], regions=["North West"]
    )
    params = {"theme": "oracy", "phase": "primary", "region": "North West", "type": "network"}
    assert client.get(URL, params).status_code == 200


def test_a_value_only_hidden_documents_have_is_unknown_to_the_reader(client):
    SearchDocumentFactory(themes=["staff-wellbeing"], visibility="network", network_id=3)
    response = client.get(URL, {"theme": "staff-wellbeing"})
    assert response.status_code == 400
