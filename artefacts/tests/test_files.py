"""Uploads: what is accepted, and how attached files are protected."""

import pytest

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from artefacts.factories import sample_pdf
from artefacts.models import ArtefactFile, ArtefactPage
from artefacts.sample_files import docx_bytes, pdf_bytes, png_bytes
from artefacts.selectors import artefact_form_options
from artefacts.uploads import check_upload

from .helpers import draft

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


def upload(name, data):
    return SimpleUploadedFile(name, data)


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("notes.pdf", pdf_bytes("Notes"), "document"),
        ("plan.docx", docx_bytes("Plan", ["Week one"]), "document"),
        ("readme.txt", "Plain notes, with a £ sign.\n".encode(), "document"),
        ("wall.png", png_bytes(), "image"),
    ],
)
def test_expected_document_and_image_types_are_accepted(name, data, kind):
    assert check_upload(upload(name, data)).kind == kind


def test_a_program_is_refused_by_its_type():
    with pytest.raises(ValidationError, match="is not a type of file we accept"):
        check_upload(upload("setup.exe", EXE))


@pytest.mark.parametrize(
    "name", ["report.pdf", "plan.docx", "slides.pptx", "image.png", "notes.txt"]
)
def test_a_renamed_program_is_refused_by_its_content(name):
    with pytest.raises(ValidationError, match="does not look like .* its contents do not match"):
        check_upload(upload(name, EXE))


def test_a_zip_renamed_as_a_word_document_is_refused():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.bin", b"not a document")

    with pytest.raises(ValidationError, match="does not look like a Word file"):
        check_upload(upload("plan.docx", buffer.getvalue()))


def test_a_file_over_the_size_limit_is_refused_with_the_limit_in_the_message(settings):
    settings.UPLOAD_MAX_BYTES = 1024

    with pytest.raises(ValidationError) as refused:
        check_upload(upload("big.pdf", pdf_bytes("Big", ["x" * 80] * 40)))

    assert refused.value.messages[0].startswith(
        "“big.pdf” is 4.9\xa0KB; files can be up to 1.0\xa0KB."
    )


def test_uploading_a_renamed_program_in_the_form_writes_nothing(client, world):
    from .test_writing import create_url, form_data

    client.force_login(world.author)

    response = client.post(
        create_url(world), {**form_data(), "new_file": upload("protocol.pdf", EXE)}
    )

    assert response.status_code == 400
    assert "does not look like a PDF file" in response.content.decode()
    assert not ArtefactPage.objects.exists()
    assert not get_document_model().objects.exists()


def test_an_uploaded_document_is_stored_under_a_name_that_cannot_be_guessed(client, world):
    from .test_writing import create_url, form_data

    client.force_login(world.author)
    client.post(
        create_url(world),
        {
            **form_data(),
            "new_file": upload("protocol.pdf", pdf_bytes("Protocol")),
            "new_file_title": "Protocol",
        },
    )

    link = ArtefactFile.objects.get()
    assert link.original_name == "protocol.pdf"
    stored = link.document.file.name
    assert stored.startswith("documents/") and stored.endswith("-protocol.pdf")
    assert len(stored.split("/")[-1].split("-")[0]) == 24


def test_an_image_needs_a_description(world):
    from artefacts.forms import ArtefactForm

    from .test_writing import form_data

    form = ArtefactForm(
        form_data(),
        {"new_file": upload("wall.png", png_bytes())},
        network=world.network,
        author=world.author,
        options=artefact_form_options(world.network, author=world.author),
    )

    assert not form.is_valid()
    assert "Say what the image shows" in form.errors["new_file_title"][0]


# --- Who may download ----------------------------------------------------------------------


def document_of(artefact):
    return get_document_model().objects.get(pk=next(iter(artefact.resource_ids("document"))))


def test_outsider_gets_404_for_a_network_only_artefacts_document(client, world, make_artefact):
    artefact = make_artefact(visibility="network", documents=[sample_pdf()])
    document = document_of(artefact)
    client.force_login(world.outsider)

    assert client.get(f"/artefacts/{artefact.pk}/documents/{document.pk}/").status_code == 404
    assert client.get(document.url).status_code == 404


def test_anonymous_visitor_gets_404_for_a_members_only_artefacts_document(client, make_artefact):
    artefact = make_artefact(visibility="members", documents=[sample_pdf()])
    document = document_of(artefact)

    assert client.get(f"/artefacts/{artefact.pk}/documents/{document.pk}/").status_code == 404
    assert client.get(document.url).status_code == 404


def test_member_downloads_a_network_only_artefacts_document(client, world, make_artefact):
    artefact = make_artefact(visibility="network", documents=[sample_pdf("protocol.pdf")])
    document = document_of(artefact)
    client.force_login(world.member)

    response = client.get(f"/artefacts/{artefact.pk}/documents/{document.pk}/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert 'filename="protocol.pdf"' in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"


def test_anyone_downloads_a_public_artefacts_document_through_wagtail_too(client, make_artefact):
    artefact = make_artefact(visibility="public", documents=[sample_pdf()])
    document = document_of(artefact)

    assert client.get(document.url).status_code == 200


def test_a_document_added_only_in_a_draft_is_not_served_to_readers(client, world, make_artefact):
    from artefacts import services

    artefact = make_artefact(visibility="public")
    services.save_draft(
        artefact=artefact,
        by=world.author,
        base_revision_id=artefact.latest_revision_id,
        fields={},
        resources=services.ResourceChanges(
            uploads=[(check_upload(upload("draft.pdf", pdf_bytes("Draft"))), "Draft notes")]
        ),
    )
    document = get_document_model().objects.get(title="Draft notes")

    assert client.get(f"/artefacts/{artefact.pk}/documents/{document.pk}/").status_code == 404
    assert client.get(document.url).status_code == 404
    client.force_login(world.author)
    assert client.get(f"/artefacts/{artefact.pk}/documents/{document.pk}/").status_code == 200


def test_documents_of_a_draft_are_served_to_its_reviewer(client, world):
    from artefacts import services

    artefact = draft(world.network, world.author)
    services.save_draft(
        artefact=artefact,
        by=world.author,
        base_revision_id=artefact.latest_revision_id,
        fields={},
        resources=services.ResourceChanges(
            uploads=[(check_upload(upload("plan.pdf", pdf_bytes("Plan"))), "Plan")]
        ),
    )
    document = get_document_model().objects.get(title="Plan")
    client.force_login(world.co_leader)

    assert client.get(document.url).status_code == 200


def test_images_are_served_through_a_permission_checked_view(client, world):
    from artefacts import services

    artefact = draft(world.network, world.author, visibility="network")
    services.save_draft(
        artefact=artefact,
        by=world.author,
        base_revision_id=artefact.latest_revision_id,
        fields={},
        resources=services.ResourceChanges(
            uploads=[(check_upload(upload("wall.png", png_bytes())), "Feedback wall")]
        ),
    )
    services.submit_artefact(artefact=artefact, by=world.author)
    services.approve_artefact(artefact=artefact, by=world.co_leader)
    image = get_image_model().objects.get()
    url = f"/artefacts/{artefact.pk}/images/{image.pk}/"

    client.force_login(world.outsider)
    assert client.get(url).status_code == 404
    client.force_login(world.member)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    page_html = client.get(ArtefactPage.objects.get(pk=artefact.pk).url).content.decode()
    assert f'src="{url}"' in page_html
    assert 'alt="Feedback wall"' in page_html
