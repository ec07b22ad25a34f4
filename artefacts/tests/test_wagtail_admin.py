"""The Wagtail admin asks the same permissions: no publishing around moderation."""

from artefacts.models import ArtefactPage
from networks.wagtail_permissions import sync_network_access


def permission_tester(artefact, user):
    return ArtefactPage.objects.get(pk=artefact.pk).permissions_for_user(user)


def test_co_leader_cannot_publish_an_artefact_from_the_admin(world, make_draft):
    artefact = make_draft()
    sync_network_access(world.network)

    assert not permission_tester(artefact, world.co_leader).can_publish()


def test_member_who_is_not_an_author_cannot_edit_it_in_the_admin(world, make_draft):
    artefact = make_draft()
    sync_network_access(world.network)

    assert not permission_tester(artefact, world.member).can_edit()


def test_author_can_edit_it_in_the_admin(world, make_draft):
    artefact = make_draft()
    sync_network_access(world.network)

    assert permission_tester(artefact, world.author).can_edit()


def test_admin_can_publish_from_the_admin(world, make_draft):
    artefact = make_draft()

    assert permission_tester(artefact, world.admin).can_publish()


def test_wagtail_workflows_are_not_offered_for_artefacts(world, make_draft):
    artefact = make_draft()
    sync_network_access(world.network)

    assert not permission_tester(artefact, world.author).can_submit_for_moderation()


def test_admin_document_upload_refuses_a_renamed_program(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    client.force_login(world.admin)

    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Totally a PDF",
            "file": SimpleUploadedFile("report.pdf", b"MZ\x90\x00" + b"\x00" * 60),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 200
    assert "does not look like a PDF file" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_admin_can_edit_an_artefact_in_wagtails_editor(client, world, make_artefact):
    artefact = make_artefact()
    client.force_login(world.admin)

    response = client.get(f"/admin/pages/{artefact.pk}/edit/")

    assert response.status_code == 200
    assert "What did not work" in response.content.decode()


def test_admin_can_open_wagtails_form_for_a_new_artefact_under_a_network(client, world):
    client.force_login(world.admin)

    response = client.get(f"/admin/pages/add/artefacts/artefactpage/{world.network.pk}/")

    assert response.status_code == 200


def test_an_artefact_created_in_wagtails_editor_belongs_to_its_network(world, theme):
    from artefacts.models import ArtefactPage

    artefact = ArtefactPage(
        title="Made in the admin",
        slug="made-in-the-admin",
        summary="A summary.",
        what_did_not_work="<p>Something.</p>",
    )
    world.network.add_child(instance=artefact)

    assert ArtefactPage.objects.get(pk=artefact.pk).network_id == world.network.pk


def test_a_reserved_slug_is_refused(world):
    import pytest

    from django.core.exceptions import ValidationError

    from artefacts.models import ArtefactPage

    artefact = ArtefactPage(
        title="Manage", slug="manage", summary="A summary.", what_did_not_work="<p>Something.</p>"
    )

    with pytest.raises(ValidationError, match="is reserved"):
        world.network.add_child(instance=artefact)
