"""Text from attached PDF and Word documents, extracted once per file version."""

import pytest

from search.extraction import cached_document_text, extract_text
from search.models import DocumentText

from .documents import docx_bytes, pdf_bytes, wagtail_document

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_pdf_text_is_extracted():
    document = wagtail_document("protocol.pdf", pdf_bytes("Lesson study observation protocol"))
    assert extract_text(document) == "Lesson study observation protocol"


def test_word_text_is_extracted_with_tables():
    document = wagtail_document(
        "plan.docx",
        docx_bytes(["Hinge questions in maths", "Exit tickets"], table=[["Week", "Metacognition"]]),
    )
    text = extract_text(document)
    assert "Hinge questions in maths" in text
    assert "Exit tickets" in text
    assert "Week Metacognition" in text


def test_other_file_types_give_no_text():
    document = wagtail_document("slides.pptx", b"not really slides")
    assert extract_text(document) == ""


def test_the_text_is_cached_per_file_version():
    document = wagtail_document("protocol.pdf", pdf_bytes("Original words"))
    assert cached_document_text(document) == "Original words"
    DocumentText.objects.filter(document=document).update(text="Cached words")
    assert cached_document_text(document) == "Cached words"


def test_a_replaced_file_is_extracted_again():
    from django.core.files.base import ContentFile

    document = wagtail_document("protocol.pdf", pdf_bytes("Original words"))
    cached_document_text(document)
    document.file.save("protocol-v2.pdf", ContentFile(pdf_bytes("Revised words")), save=False)
    document._set_document_file_metadata()
    document.save()
    assert cached_document_text(document) == "Revised words"


def test_an_unreadable_file_is_recorded_not_raised():
    document = wagtail_document("broken.pdf", b"%PDF-1.4 this is not a pdf")
    assert cached_document_text(document) == ""
    cached = DocumentText.objects.get(document=document)
    assert cached.error
    assert cached.file_hash == document.file_hash
