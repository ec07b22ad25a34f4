"""Synonyms are maintained by the national brokers in the Wagtail admin."""

import pytest

from django.core.exceptions import ValidationError

from core.accounts.factories import BrokerFactory, UserFactory
from search.models import Synonym

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/search/synonym/add/"


def test_a_broker_adds_a_synonym_set_in_the_admin(client):
    client.force_login(BrokerFactory())
    response = client.post(ADD_URL, {"terms": " AfL ,  Assessment for   learning "})
    assert response.status_code == 302
    assert Synonym.objects.get().terms == "afl, assessment for learning"


def test_a_single_term_is_refused_with_a_reason(client):
    client.force_login(BrokerFactory())
    response = client.post(ADD_URL, {"terms": "afl"})
    assert response.status_code == 200
    assert "Give at least two terms" in response.content.decode()
    assert not Synonym.objects.exists()


def test_a_teacher_cannot_add_synonyms(client):
    client.force_login(UserFactory())
    response = client.post(ADD_URL, {"terms": "afl, assessment for learning"})
    assert response.status_code in (302, 403)
    assert not Synonym.objects.exists()


def test_terms_with_query_syntax_are_refused():
    synonym = Synonym(terms='afl, "assessment" OR (learning)')
    with pytest.raises(ValidationError, match="Use words, spaces"):
        synonym.full_clean()


def test_a_new_synonym_changes_database_search_at_once(client, no_elasticsearch):
    from search.factories import SearchDocumentFactory

    SearchDocumentFactory(title="Special educational needs audit")
    assert client.get("/api/v1/search/", {"q": "send"}).json()["total"] == 0
    client.force_login(BrokerFactory())
    client.post(ADD_URL, {"terms": "SEND, special educational needs"})
    assert client.get("/api/v1/search/", {"q": "send"}).json()["total"] == 1
