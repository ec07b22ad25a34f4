"""Artefacts in search (artefacts.search.ArtefactDocument): every section, attached documents,
facets and visibility, indexed when they are published through the real signal → on_commit →
Celery task path."""

import pytest

from artefacts.factories import ArtefactPageFactory, PhaseFactory, SubjectFactory, sample_pdf
from artefacts.models import Visibility
from networks.factories import ActiveNetworkFactory, SchoolFactory, ThemeFactory
from search import services
from search.models import SearchDocument
from search.tests.documents import docx_bytes, pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _setup(settings, tmp_path):
    settings.ELASTICSEARCH_URL = ""
    settings.MEDIA_ROOT = tmp_path


def published(django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return ArtefactPageFactory(**kwargs)


def test_publishing_an_artefact_indexes_every_section(django_capture_on_commit_callbacks):
    artefact = published(
        django_capture_on_commit_callbacks,
        title="Live marking",
        context="<p>Context about workload.</p>",
        what_did_not_work="<p>Feedback sheets were <b>ignored</b>.</p>",
        evidence_of_impact="<p>Book scrutiny showed improvement.</p>",
        try_it_steps="<p>Start with one class.</p>",
    )
    document = SearchDocument.objects.get(page_id=artefact.pk)
    assert document.kind == "artefact"
    for words in (
        "Context about workload",
        "Feedback sheets were ignored",
        "Book scrutiny",
        "Start with one class",
    ):
        assert words in document.text.body
    assert "<b>" not in document.text.body


def test_the_document_carries_its_facets(django_capture_on_commit_callbacks):
    theme = ThemeFactory(name="Feedback")
    phase = PhaseFactory(name="Primary")
    subject = SubjectFactory(name="Mathematics")
    school = SchoolFactory(region="North West", name="Hillside Primary")
    network = ActiveNetworkFactory(title="Feedback North")
    artefact = published(
        django_capture_on_commit_callbacks,
        network=network,
        artefact_type="tool",
        themes=[theme],
        phases=[phase],
        subjects=[subject],
        schools=[school],
        evidence_strength=4,
        visibility=Visibility.MEMBERS,
        tags=["marking"],
    )
    document = SearchDocument.objects.get(page_id=artefact.pk)
    assert (document.type, document.themes, document.phases, document.regions) == (
        "tool",
        ["feedback"],
        ["primary"],
        ["North West"],
    )
    assert (document.network_id, document.network_title) == (network.pk, "Feedback North")
    assert (document.evidence_strength, document.visibility) == (4, "members")
    assert document.year == artefact.first_published_at.year
    for word in ("Feedback", "Mathematics", "Hillside Primary", "marking"):
        assert word in document.text.keywords


def test_text_of_attached_pdf_and_word_documents_is_searchable(django_capture_on_commit_callbacks):
    artefact = published(
        django_capture_on_commit_callbacks,
        documents=[
            ("protocol.pdf", pdf_bytes("Triangulated observation rubric"), "Protocol"),
            ("plan.docx", docx_bytes(["Metacognitive questioning prompts"]), "Plan"),
        ],
    )
    document = SearchDocument.objects.get(page_id=artefact.pk)
    assert "Triangulated observation rubric" in document.text.attachments
    assert "Metacognitive questioning prompts" in document.text.attachments


def test_search_finds_an_artefact_by_words_only_in_its_attachment(
    client, django_capture_on_commit_callbacks
):
    published(django_capture_on_commit_callbacks, title="Observation", documents=[sample_pdf()])
    body = client.get("/api/v1/search/", {"q": "peer observation protocol"}).json()
    assert [r["title"] for r in body["results"]] == ["Observation"]


def test_a_draft_is_never_indexed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        draft = ArtefactPageFactory(live=False)
    assert not SearchDocument.objects.filter(page_id=draft.pk).exists()
    assert services.index_page(page_id=draft.pk) is False


def test_unpublishing_removes_the_artefact(django_capture_on_commit_callbacks):
    artefact = published(django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        artefact.unpublish()
    assert not SearchDocument.objects.filter(page_id=artefact.pk).exists()


def test_a_visibility_change_on_the_live_page_is_reindexed(django_capture_on_commit_callbacks):
    artefact = published(django_capture_on_commit_callbacks)
    artefact.visibility = Visibility.NETWORK
    with django_capture_on_commit_callbacks(execute=True):
        artefact.save(update_fields=["visibility"])
    assert SearchDocument.objects.get(page_id=artefact.pk).visibility == "network"


def test_moving_an_artefact_reindexes_it_at_its_new_address(django_capture_on_commit_callbacks):
    artefact = published(django_capture_on_commit_callbacks)
    other = ActiveNetworkFactory(title="Other network")
    with django_capture_on_commit_callbacks(execute=True):
        artefact.move(other, pos="last-child")
    artefact.refresh_from_db()
    document = SearchDocument.objects.get(page_id=artefact.pk)
    assert document.url == artefact.url
    assert document.url.startswith(other.url)
    # The document's network is the artefact's own (what artefacts.permissions reads).
    assert document.network_id == artefact.network_id


def test_renaming_a_network_updates_its_artefacts(django_capture_on_commit_callbacks):
    artefact = published(django_capture_on_commit_callbacks)
    network = artefact.network
    network.title = "Renamed network"
    with django_capture_on_commit_callbacks(execute=True):
        network.save_revision().publish()
    assert SearchDocument.objects.get(page_id=artefact.pk).network_title == "Renamed network"


def test_deleting_an_artefact_removes_it(django_capture_on_commit_callbacks):
    artefact = published(django_capture_on_commit_callbacks)
    page_id = artefact.pk
    with django_capture_on_commit_callbacks(execute=True):
        artefact.delete()
    assert not SearchDocument.objects.filter(page_id=page_id).exists()
