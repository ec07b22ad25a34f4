"""An artefact's files are served only by views that ask, at each request, who may read the
artefact now (issue #15.8): its own page's links, Wagtail's document address, and the files'
storage address under MEDIA_URL. Behind the production proxy the view answers with
X-Accel-Redirect to an internal location; on the embedded default it streams the file."""

import importlib
from pathlib import Path
from types import SimpleNamespace

import pytest

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from artefacts.factories import sample_pdf
from artefacts.sample_files import pdf_bytes, png_bytes
from core.accounts.factories import UserFactory
from networks.services import leave_network

ACCEL = "/_protected/"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "protected"
    settings.PROTECTED_FILES_ACCEL_REDIRECT_PREFIX = ""


def document_of(artefact):
    return get_document_model().objects.get(pk=next(iter(artefact.resource_ids("document"))))


def image_of(artefact):
    return get_image_model().objects.get(pk=next(iter(artefact.resource_ids("image"))))


def document_urls(artefact):
    """Every address the artefact's document is served at."""
    document = document_of(artefact)
    return [
        f"/artefacts/{artefact.pk}/documents/{document.pk}/",
        document.url,  # Wagtail's /documents/<id>/<name>
        document.file.url,  # its storage address, /media/documents/…
    ]


def image_urls(artefact):
    image = image_of(artefact)
    rendition = image.get_rendition("max-165x165")  # as the Wagtail admin's listing shows it
    return [f"/artefacts/{artefact.pk}/images/{image.pk}/", image.file.url, rendition.url]


def statuses(client, urls):
    return [client.get(url).status_code for url in urls]


@pytest.fixture
def network_only(make_artefact):
    return make_artefact(
        visibility="network",
        documents=[sample_pdf("plan.pdf"), ("wall.png", png_bytes(), "Feedback wall")],
    )


def test_every_address_of_a_file_serves_a_member_of_the_network(client, world, network_only):
    client.force_login(world.member)

    assert statuses(client, document_urls(network_only) + image_urls(network_only)) == [200] * 6


@pytest.mark.parametrize("who", ["anonymous", "outsider", "other_member"])
def test_no_address_of_a_file_serves_anyone_outside_the_network(client, world, network_only, who):
    if who != "anonymous":
        client.force_login(getattr(world, who))

    assert statuses(client, document_urls(network_only) + image_urls(network_only)) == [404] * 6


def test_the_storage_address_streams_the_file_privately(client, world, network_only):
    client.force_login(world.member)

    response = client.get(document_of(network_only).file.url)

    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_making_an_artefact_network_only_stops_downloads_at_once(client, world, make_artefact):
    artefact = make_artefact(
        visibility="public",
        documents=[sample_pdf("plan.pdf"), ("wall.png", png_bytes(), "Feedback wall")],
    )
    urls = document_urls(artefact) + image_urls(artefact)
    client.force_login(world.other_member)
    assert statuses(client, urls) == [200] * 6

    artefact.visibility = "network"
    artefact.save_revision(user=world.co_leader).publish(
        user=world.co_leader, skip_permission_checks=True
    )

    assert statuses(client, urls) == [404] * 6


def test_leaving_the_network_stops_downloads_at_once(client, world, network_only):
    urls = document_urls(network_only) + image_urls(network_only)
    client.force_login(world.member)
    assert statuses(client, urls) == [200] * 6

    leave_network(network=world.network, by=world.member)

    assert statuses(client, urls) == [404] * 6


def test_anyone_downloads_a_public_artefacts_files_but_caches_must_ask_again(client, make_artefact):
    artefact = make_artefact(visibility="public", documents=[sample_pdf()])

    response = client.get(document_of(artefact).file.url)

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-cache"


# --- Behind the production proxy ------------------------------------------------------------


def test_behind_the_proxy_a_reader_gets_an_internal_redirect_and_no_body(
    client, world, network_only, settings
):
    settings.PROTECTED_FILES_ACCEL_REDIRECT_PREFIX = ACCEL
    document = document_of(network_only)
    client.force_login(world.member)

    for url in document_urls(network_only):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Accel-Redirect"] == f"{ACCEL}{document.file.name}", url
        assert response.content == b"", url
        assert response["Content-Type"] == "application/pdf", url
        assert 'filename="plan.pdf"' in response["Content-Disposition"], url
        assert response["Cache-Control"] == "private, no-store", url


def test_behind_the_proxy_images_and_their_renditions_are_redirected_too(
    client, world, network_only, settings
):
    settings.PROTECTED_FILES_ACCEL_REDIRECT_PREFIX = ACCEL
    client.force_login(world.member)

    for url in image_urls(network_only):
        response = client.get(url)
        assert response["X-Accel-Redirect"].startswith(f"{ACCEL}"), url
        assert response["Content-Type"] == "image/png", url


def test_behind_the_proxy_someone_refused_gets_404_without_a_redirect(
    client, world, network_only, settings
):
    settings.PROTECTED_FILES_ACCEL_REDIRECT_PREFIX = ACCEL
    client.force_login(world.outsider)

    for url in document_urls(network_only) + image_urls(network_only):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "X-Accel-Redirect" not in response, url


def test_the_internal_redirect_escapes_the_stored_name(settings):
    from core.files import protected_file_response

    settings.PROTECTED_FILES_ACCEL_REDIRECT_PREFIX = "/_protected"
    stored = SimpleNamespace(name="documents/plan ünïcode #1.pdf")

    response = protected_file_response(stored, content_type="application/pdf")

    assert (
        response["X-Accel-Redirect"] == "/_protected/documents/plan%20%C3%BCn%C3%AFcode%20%231.pdf"
    )


# --- Files that belong to no artefact -------------------------------------------------------


@pytest.fixture
def unattached_document(world):
    """Uploaded in the Wagtail admin and not (yet) chosen for any artefact."""
    from django.core.files.base import ContentFile

    document = get_document_model()(
        title="Loose notes",
        file=ContentFile(pdf_bytes("Loose"), name="loose.pdf"),
        uploaded_by_user=world.co_leader,
    )
    document.save()
    return document


def test_a_file_in_no_artefact_is_served_to_the_person_who_uploaded_it_and_admins(
    client, world, unattached_document
):
    for user, expected in [(world.co_leader, 200), (world.admin, 200), (world.member, 404)]:
        client.force_login(user)
        assert client.get(unattached_document.url).status_code == expected, user
        assert client.get(unattached_document.file.url).status_code == expected, user


def test_a_stored_file_nobody_owns_is_not_served(client, world, settings):
    settings.MEDIA_ROOT.mkdir(parents=True)
    (settings.MEDIA_ROOT / "stray.pdf").write_bytes(pdf_bytes("Stray"))
    client.force_login(world.admin)

    assert client.get("/media/stray.pdf").status_code == 404
    assert client.get("/media/../settings.py").status_code == 404


# --- Where uploads are stored ---------------------------------------------------------------


def test_uploads_are_stored_outside_the_folder_the_proxy_once_served_publicly():
    from nlc.settings import base

    assert Path(base.MEDIA_ROOT) != Path(base.LEGACY_MEDIA_ROOT)
    assert not Path(base.MEDIA_ROOT).is_relative_to(base.LEGACY_MEDIA_ROOT)


def test_a_new_upload_lands_in_the_protected_storage(settings, make_artefact):
    artefact = make_artefact(documents=[sample_pdf()])

    stored = Path(document_of(artefact).file.path)

    assert stored.is_relative_to(settings.MEDIA_ROOT)


def test_someone_new_in_no_network_does_not_get_a_members_only_file(client, make_artefact):
    artefact = make_artefact(visibility="members", documents=[sample_pdf()])
    client.force_login(UserFactory())

    assert statuses(client, document_urls(artefact)) == [404] * 3


# --- The data move ---------------------------------------------------------------------------

move = importlib.import_module("artefacts.migrations.0005_move_uploads_to_protected_storage")


def write(path: Path, data: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_the_data_move_takes_every_upload_out_of_the_public_folder(tmp_path):
    legacy, protected = tmp_path / "media", tmp_path / "protected"
    for name in ("documents/a.pdf", "original_images/b.png", "images/b.max-165x165.png"):
        write(legacy / name)

    moved, left = move.move_tree(legacy, protected)

    assert (moved, left) == (3, [])
    assert (protected / "documents/a.pdf").exists()
    assert (protected / "images/b.max-165x165.png").exists()
    assert [path for path in legacy.rglob("*")] == []


def test_the_data_move_never_overwrites_and_can_run_again(tmp_path):
    legacy, protected = tmp_path / "media", tmp_path / "protected"
    write(legacy / "documents/a.pdf", b"old")
    write(protected / "documents/a.pdf", b"new")
    write(legacy / "documents/b.pdf")

    assert move.move_tree(legacy, protected) == (1, ["documents/a.pdf"])
    assert (protected / "documents/a.pdf").read_bytes() == b"new"
    assert move.move_tree(legacy, protected) == (0, ["documents/a.pdf"])


def test_a_file_moved_by_the_migration_is_served_from_its_new_place(
    client, world, network_only, settings, tmp_path
):
    document = document_of(network_only)
    settings.LEGACY_MEDIA_ROOT = tmp_path / "media"
    write(settings.LEGACY_MEDIA_ROOT / document.file.name, Path(document.file.path).read_bytes())
    Path(document.file.path).unlink()

    move.move_uploads(None, None)

    client.force_login(world.member)
    response = client.get(document_urls(network_only)[0])
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
