"""GET /api/v1/search/ and /api/v1/search/suggest/, and the OpenAPI schema describing them."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.accounts.factories import UserFactory
from networks.factories import MembershipFactory, NetworkPageFactory
from search.factories import SearchDocumentFactory, SynonymFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/search/"


@pytest.fixture(autouse=True)
def _database_only(no_elasticsearch):
    return no_elasticsearch


def test_returns_results_facets_total_and_paging(client):
    for n in range(23):
        SearchDocumentFactory(title=f"Coaching {n}", type="tool" if n % 2 else "case_study")
    body = client.get(URL, {"q": "coaching"}).json()
    assert body["total"] == 23
    assert (body["page"], body["page_size"], body["num_pages"]) == (1, 20, 2)
    assert len(body["results"]) == 20
    assert body["next"] == "/api/v1/search/?q=coaching&page=2"
    assert body["previous"] is None
    assert {f["value"]: f["count"] for f in body["facets"]["type"]} == {
        "tool": 11,
        "case_study": 12,
    }
    first = body["results"][0]
    assert set(first) >= {"id", "title", "title_html", "url", "snippet_html", "type", "network"}


def test_second_page_links_back(client):
    for n in range(23):
        SearchDocumentFactory(title=f"Coaching {n}")
    body = client.get(URL, {"q": "coaching", "page": 2}).json()
    assert len(body["results"]) == 3
    assert body["next"] is None
    assert body["previous"] == "/api/v1/search/?q=coaching&page=1"


def test_repeated_facet_parameters_select_several_values(client):
    SearchDocumentFactory(title="A coaching", themes=["oracy"])
    SearchDocumentFactory(title="B coaching", themes=["reading"])
    SearchDocumentFactory(title="C coaching", themes=["maths"])
    body = client.get(URL + "?q=coaching&theme=oracy&theme=reading").json()
    assert sorted(r["title"] for r in body["results"]) == ["A coaching", "B coaching"]
    selected = {f["value"] for f in body["facets"]["theme"] if f["selected"]}
    assert selected == {"oracy", "reading"}


@pytest.mark.parametrize(
    "params",
    [
        {"page": "0"},
        {"page": "abc"},
        {"page": "501"},
        {"strength": "9"},
        {"network": "x"},
        {"sort": "random"},
        {"q": "x" * 201},
        {"theme": "not a slug"},
        {"region": "a\x00b"},
    ],
)
def test_invalid_parameters_are_a_400_with_a_message(client, params):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == set(params)


def test_anonymous_callers_never_get_network_only_items_or_counts(client):
    network = NetworkPageFactory()
    SearchDocumentFactory(title="Secret coaching", visibility="network", network_id=network.pk)
    SearchDocumentFactory(title="Members coaching", visibility="members")
    SearchDocumentFactory(title="Open coaching", network_id=network.pk)
    body = client.get(URL, {"q": "coaching"}).json()
    assert [r["title"] for r in body["results"]] == ["Open coaching"]
    assert {f["value"]: f["count"] for f in body["facets"]["network"]} == {str(network.pk): 1}


def test_members_of_the_network_get_its_network_only_items(client):
    membership = MembershipFactory()
    SearchDocumentFactory(
        title="Secret coaching", visibility="network", network_id=membership.network_id
    )
    client.force_login(membership.user)
    body = client.get(URL, {"q": "coaching"}).json()
    assert [r["title"] for r in body["results"]] == ["Secret coaching"]
    assert body["facets"]["network"][0]["label"] == membership.network.title


def test_synonyms_apply_to_the_api(client):
    SynonymFactory(terms="send, special educational needs")
    SearchDocumentFactory(title="Special educational needs audit")
    assert client.get(URL, {"q": "SEND"}).json()["total"] == 1


def test_did_you_mean_offers_a_word_from_the_vocabulary(client):
    from search.backends.database import DatabaseBackend
    from search.factories import IndexDocumentFactory

    DatabaseBackend().index([IndexDocumentFactory(title="Metacognition in science")])
    body = client.get(URL, {"q": "metacogniton"}).json()
    assert body["total"] == 0
    assert body["did_you_mean"] == "metacognition"


def test_queries_per_request_do_not_grow_with_the_results_shown(client):
    user = UserFactory()
    client.force_login(user)
    network = NetworkPageFactory()

    def add(count):
        for _ in range(count):
            SearchDocumentFactory(title="Coaching", network_id=network.pk, themes=["oracy"])

    add(3)
    with CaptureQueriesContext(connection) as few:
        assert len(client.get(URL, {"q": "coaching"}).json()["results"]) == 3
    add(40)
    with CaptureQueriesContext(connection) as many:
        assert len(client.get(URL, {"q": "coaching"}).json()["results"]) == 20
    assert len(many) == len(few)
    assert len(many) <= 12, [q["sql"][:80] for q in many]


def test_a_search_with_no_results_still_runs_a_bounded_number_of_queries(client):
    SearchDocumentFactory(title="Coaching")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, {"q": "zzzz yyyy xxxx wwww vvvv uuuu"}).json()["total"] == 0
    assert len(queries) <= 14, [q["sql"][:80] for q in queries]


def test_suggest_returns_titles_the_caller_may_see(client):
    SearchDocumentFactory(title="Assessment for learning")
    SearchDocumentFactory(title="Assessing privately", visibility="members")
    body = client.get(URL + "suggest/", {"q": "asse"}).json()
    assert body == {
        "suggestions": [
            {
                "title": "Assessment for learning",
                "url": body["suggestions"][0]["url"],
                "kind": "artefact",
            }
        ]
    }


def test_suggest_rejects_a_long_prefix(client):
    assert client.get(URL + "suggest/", {"q": "x" * 101}).status_code == 400


def test_schema_describes_the_search_api(client):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    schema = response.json()
    operation = schema["paths"]["/api/v1/search/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert names >= {"q", "type", "theme", "phase", "region", "network", "sort", "page"}
    assert "/api/v1/search/suggest/" in schema["paths"]


def test_a_network_id_in_the_address_never_reveals_a_private_page_title(client):
    draft = NetworkPageFactory(title="Secret merger talks", live=False)
    response = client.get(URL, {"network": draft.pk})
    # Unknown to this reader (issue 15, item 10): named as a value, never with its title.
    assert response.status_code == 400
    assert response.json() == {"network": [f"Unknown value: “{draft.pk}”."]}
    assert "Secret merger talks" not in response.content.decode()


def test_facet_values_carry_readable_labels(client):
    network = NetworkPageFactory(title="Oracy North")
    SearchDocumentFactory(
        title="Talk",
        type="tool",
        network_id=network.pk,
        evidence_strength=4,
        phases=["early-years"],
    )
    facets = client.get(URL, {"q": "talk"}).json()["facets"]
    assert facets["type"][0]["label"] == "Tool or protocol"
    assert facets["network"][0]["label"] == "Oracy North"
    assert facets["strength"][0]["label"] == "4 – Strong evidence"
    assert facets["phase"][0]["label"] == "Early years"


def test_a_result_is_given_as_the_documented_serializer_gives_it(client):
    from datetime import UTC, datetime

    from rest_framework.renderers import JSONRenderer

    from search.api import HitSerializer

    SearchDocumentFactory(
        title="Coaching <b>notes</b>",
        network_id=7,
        network_title="North network",
        published_at=datetime(2024, 7, 1, 9, 30, tzinfo=UTC),  # British Summer Time
        visibility="public",
    )
    hit = client.get(URL, {"q": "coaching"}).json()["results"][0]
    assert hit["published_at"] == "2024-07-01T10:30:00+01:00"
    documented = HitSerializer(
        {**hit, "published_at": datetime(2024, 7, 1, 9, 30, tzinfo=UTC)}
    ).data
    assert JSONRenderer().render(documented) == JSONRenderer().render(hit)
