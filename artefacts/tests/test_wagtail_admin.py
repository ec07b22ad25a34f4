"""The Wagtail admin is for platform staff: no artefact action there for anyone else, and no
publishing around moderation."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission

from artefacts.models import ArtefactPage


def permission_tester(artefact, user):
    return ArtefactPage.objects.get(pk=artefact.pk).permissions_for_user(user)


ADMIN_ACTIONS = [
    "can_edit",
    "can_publish",
    "can_unpublish",
    "can_delete",
    "can_move",
    "can_copy",
    "can_lock",
    "can_view_revisions",
]


def grant_page_permissions(user, page):
    """What the per-network groups used to hold, and an admin could still give someone."""
    group = Group.objects.create(name="Given page permissions")
    for codename in ("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page"):
        GroupPagePermission.objects.create(
            group=group, page=page, permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)
    return get_user_model().objects.get(pk=user.pk)


@pytest.mark.parametrize("role", ["author", "member", "co_leader", "critical_friend", "broker"])
@pytest.mark.parametrize("action", ADMIN_ACTIONS)
def test_only_admins_act_on_artefacts_in_the_admin_whatever_their_groups(
    world, make_draft, role, action
):
    artefact = make_draft()
    person = grant_page_permissions(getattr(world, role), world.network)

    assert not getattr(permission_tester(artefact, person), action)()


def test_admin_can_publish_from_the_admin(world, make_draft):
    artefact = make_draft()

    assert permission_tester(artefact, world.admin).can_publish()


def test_wagtail_workflows_are_not_offered_for_artefacts(world, make_draft):
    artefact = make_draft()

    assert not permission_tester(artefact, world.admin).can_submit_for_moderation()


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


def test_the_admin_lists_artefacts_with_their_moderation_state_in_the_site(
    client, world, make_draft
):
    from artefacts.models import ArtefactModeration, ModerationStatus

    artefact = make_draft(title="Waiting artefact")
    ArtefactModeration.objects.filter(artefact=artefact).update(status=ModerationStatus.SUBMITTED)
    client.force_login(world.admin)

    response = client.get("/admin/artefact_listing/")

    assert response.status_code == 200
    row = response.content.decode().split("Waiting artefact", 1)[1].split("</tr>", 1)[0]
    assert "Waiting for review" in row
    assert world.network.title in row
