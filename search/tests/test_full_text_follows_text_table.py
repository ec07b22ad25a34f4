"""The full-text index follows the text table after every migration: rows written, changed and
deleted through the ORM are found (or no longer found) by their words. On SQLite that is the
work of triggers, which a table rebuild by a later migration silently drops (0011 put them back);
on PostgreSQL, of a generated column."""

import pytest

from django.db import connection

from search.backends.base import PUBLIC
from search.backends.database import DatabaseBackend
from search.factories import SearchDocumentFactory
from search.models import SearchText
from search.query import SearchQuery

pytestmark = pytest.mark.django_db


@pytest.fixture
def backend(no_elasticsearch):
    return DatabaseBackend()


def found(backend, words: str) -> set[int]:
    return {hit.page_id for hit in backend.search(SearchQuery(text=words), PUBLIC).hits}


def test_a_text_row_written_through_the_orm_is_found_by_its_words(backend):
    document = SearchDocumentFactory(body="Pupils kept a zymurgy journal.")

    assert found(backend, "zymurgy") == {document.page_id}


def test_a_changed_text_row_is_found_by_its_new_words_only(backend):
    document = SearchDocumentFactory(body="Pupils kept a zymurgy journal.")

    SearchText.objects.filter(document=document).update(body="Pupils kept an oenology log.")

    assert (found(backend, "oenology"), found(backend, "zymurgy")) == ({document.page_id}, set())


def test_a_deleted_text_row_is_no_longer_found(backend):
    document = SearchDocumentFactory(body="Pupils kept a zymurgy journal.")

    SearchText.objects.filter(document=document).delete()

    assert found(backend, "zymurgy") == set()


def test_what_keeps_the_index_in_step_is_in_place_after_migrating():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            expected = {"search_text_ai", "search_text_ad", "search_text_au"}
        else:
            cursor.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_name = 'search_searchtext' AND is_generated = 'ALWAYS'"
            )
            expected = {"search_vector"}
        in_place = {name for (name,) in cursor.fetchall()}

    assert expected <= in_place
