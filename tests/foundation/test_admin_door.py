"""The Wagtail admin is no side door: network roles do everything in the site, not here.

Every admin action is tried as an anonymous visitor, each network role, a self-registered
account (in no network) and the national broker. The anonymous visitor is sent to sign in;
network roles and the self-registered account are refused; the broker reaches only its own
areas (themes, synonyms, frameworks, trial moderation, search analytics, site history).
Whoever is refused changes nothing in the database.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, ModelLogEntry, Page, PageLogEntry, Revision

from artefacts.factories import ArtefactPageFactory, DraftArtefactFactory
from artefacts.models import ArtefactPage, Licence, Visibility
from artefacts.sample_files import pdf_bytes
from networks.models import Theme
from tests.world import build_world

pytestmark = pytest.mark.django_db

SECRET = "Pennine confidential draft"
ROLES = ["anonymous", "member", "co_leader", "critical_friend", "outsider", "broker"]


@dataclass
class Scene:
    world: object
    draft: ArtefactPage  # the member's draft in their network
    published: ArtefactPage  # a published artefact of the network
    secret: ArtefactPage  # another network's network-only draft
    document_id: int


@pytest.fixture(scope="module")
def scene(django_db_setup, django_db_blocker):
    """Built once for the module; each test's writes are rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_scene()
        transaction.set_rollback(True)


def build_scene() -> Scene:
    world = build_world()
    draft = DraftArtefactFactory(network=world.network, owner=world.member, title="Member's draft")
    published = ArtefactPageFactory(
        network=world.network,
        owner=world.co_leader,
        title="Live feedback",
        documents=[("plan.pdf", pdf_bytes("A plan"), "The plan")],
    )
    published.title = "Live feedback, revised"
    published.save_revision(user=world.co_leader)
    secret = DraftArtefactFactory(
        network=world.other_network,
        owner=world.other_co_leader,
        title=SECRET,
        visibility=Visibility.NETWORK,
    )
    document_id = get_document_model().objects.get().pk
    return Scene(world, draft, published, secret, document_id)


def artefact_form(scene, title="Posted through the admin") -> dict:
    """The Wagtail editor's form for a new artefact, pressing Publish."""
    return {
        "title": title,
        "slug": "posted-through-the-admin",
        "summary": "A summary.",
        "artefact_type": "case_study",
        "visibility": Visibility.PUBLIC,
        "what_did_not_work": '{"blocks":[{"key":"a","text":"Nothing.","type":"unstyled",'
        '"depth":0,"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
        "resources-count": "0",
        "contributors-TOTAL_FORMS": "0",
        "contributors-INITIAL_FORMS": "0",
        "contributors-MIN_NUM_FORMS": "0",
        "contributors-MAX_NUM_FORMS": "1000",
        "licence": Licence.CC_BY,
        "action-publish": "action-publish",
    }


def png() -> SimpleUploadedFile:
    import base64

    return SimpleUploadedFile(
        "dot.png",
        base64.b64decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
        ),
    )


@dataclass(frozen=True)
class Action:
    name: str
    url: Callable[[Scene], str]
    data: Callable[[Scene], dict] | None = None  # POST when given
    broker_may: bool = False
    # Wagtail's document and image choosers answer the broker with an empty list.
    empty_for_broker: bool = False


def _page(view, which="draft"):
    return lambda s: reverse(f"wagtailadmin_pages:{view}", args=[getattr(s, which).pk])


ACTIONS = [
    Action("dashboard", lambda s: "/admin/", broker_may=True),
    Action("explorer root", lambda s: "/admin/pages/"),
    Action("explore a network", lambda s: f"/admin/pages/{s.world.network.pk}/"),
    Action("explore another network", lambda s: f"/admin/pages/{s.world.other_network.pk}/"),
    Action("page search", lambda s: f"/admin/pages/search/?q={SECRET}"),
    Action(
        "add form",
        lambda s: f"/admin/pages/add/artefacts/artefactpage/{s.world.network.pk}/",
    ),
    Action(
        "add and publish",
        lambda s: f"/admin/pages/add/artefacts/artefactpage/{s.world.network.pk}/",
        data=artefact_form,
    ),
    Action("add subpage", lambda s: f"/admin/pages/{s.world.network.pk}/add_subpage/"),
    Action("edit form", _page("edit")),
    Action(
        "edit and publish",
        _page("edit"),
        data=lambda s: {**artefact_form(s, "Published over moderation"), "slug": s.draft.slug},
    ),
    Action("edit the network page", _page("edit", "published")),
    Action("unpublish", _page("unpublish", "published"), data=lambda s: {}),
    Action("delete a colleague's draft", _page("delete"), data=lambda s: {}),
    Action("delete a published artefact", _page("delete", "published"), data=lambda s: {}),
    Action("move form", _page("move", "published")),
    Action(
        "move",
        lambda s: f"/admin/pages/{s.published.pk}/move/{s.world.other_network.pk}/confirm/",
        data=lambda s: {},
    ),
    Action(
        "copy",
        _page("copy", "published"),
        data=lambda s: {
            "new_title": "Copied",
            "new_slug": "copied",
            "new_parent_page": s.world.network.pk,
            "publish_copies": "on",
        },
    ),
    Action("lock", _page("lock", "published"), data=lambda s: {}),
    Action("privacy", _page("set_privacy", "published")),
    Action("history", _page("history", "published")),
    Action(
        "revision view",
        lambda s: reverse(
            "wagtailadmin_pages:revisions_view",
            args=[s.published.pk, s.published.latest_revision_id],
        ),
    ),
    Action(
        "revisions compare",
        lambda s: f"/admin/pages/{s.published.pk}/revisions/compare/earliest...latest/",
    ),
    Action(
        "revert",
        lambda s: reverse(
            "wagtailadmin_pages:revisions_revert",
            args=[s.published.pk, s.published.latest_revision_id],
        ),
    ),
    Action("view draft", _page("view_draft", "secret")),
    Action("workflow history", _page("workflow_history", "published")),
    Action("workflows", lambda s: "/admin/workflows/list/"),
    Action("page chooser", lambda s: "/admin/choose-page/"),
    Action(
        "page chooser, another network", lambda s: f"/admin/choose-page/{s.world.other_network.pk}/"
    ),
    Action("page chooser search", lambda s: f"/admin/choose-page/search/?q={SECRET}"),
    Action("page chosen", lambda s: f"/admin/choose-page/chosen-multiple/?id={s.secret.pk}"),
    Action(
        "admin API pages", lambda s: f"/admin/api/main/pages/?child_of={s.world.other_network.pk}"
    ),
    Action("locked pages report", lambda s: "/admin/reports/locked/"),
    Action("aging pages report", lambda s: "/admin/reports/aging-pages/"),
    Action("workflow report", lambda s: "/admin/reports/workflow/"),
    Action("page types report", lambda s: "/admin/reports/page-types-usage/"),
    Action("site history", lambda s: "/admin/reports/site-history/", broker_may=True),
    Action("documents", lambda s: "/admin/documents/"),
    Action("document chooser", lambda s: "/admin/documents/chooser/", empty_for_broker=True),
    Action("document edit", lambda s: f"/admin/documents/edit/{s.document_id}/"),
    Action(
        "document upload",
        lambda s: "/admin/documents/add/",
        data=lambda s: {
            "title": "Uploaded",
            "file": SimpleUploadedFile("x.pdf", pdf_bytes("x")),
            "collection": Collection.get_first_root_node().pk,
        },
    ),
    Action(
        "document delete",
        lambda s: f"/admin/documents/delete/{s.document_id}/",
        data=lambda s: {},
    ),
    Action("images", lambda s: "/admin/images/"),
    Action("image chooser", lambda s: "/admin/images/chooser/", empty_for_broker=True),
    Action(
        "image upload",
        lambda s: "/admin/images/add/",
        data=lambda s: {
            "title": "Dot",
            "file": png(),
            "collection": Collection.get_first_root_node().pk,
        },
    ),
    Action("collections", lambda s: "/admin/collections/"),
    Action("users", lambda s: "/admin/users/"),
    Action("groups", lambda s: "/admin/groups/"),
    Action("redirects", lambda s: "/admin/redirects/"),
    Action("themes", lambda s: "/admin/snippets/networks/theme/", broker_may=True),
    Action(
        "add a theme",
        lambda s: "/admin/snippets/networks/theme/add/",
        data=lambda s: {"name": "Added through the admin", "slug": "added", "description": ""},
        broker_may=True,
    ),
    Action("phases", lambda s: "/admin/snippets/artefacts/phase/"),
    Action("synonyms", lambda s: "/admin/snippets/search/synonym/", broker_may=True),
    Action("frameworks", lambda s: "/admin/snippets/peer_review/framework/", broker_may=True),
    Action("trial moderation", lambda s: "/admin/artefact_trials/", broker_may=True),
    Action("search analytics", lambda s: "/admin/search-analytics/", broker_may=True),
]


def snapshot() -> dict:
    """What an admin action could change: pages (tree, state, titles), revisions, logs, files."""
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk",
                "path",
                "live",
                "title",
                "has_unpublished_changes",
                "locked",
                "latest_revision_id",
            )
        ),
        "revisions": Revision.objects.count(),
        "page_logs": PageLogEntry.objects.count(),
        "model_logs": ModelLogEntry.objects.count(),
        "documents": list(get_document_model().objects.values_list("pk", "title")),
        "images": get_image_model().objects.count(),
        "themes": Theme.objects.count(),
    }


def refused(response) -> bool:
    """Wagtail answers 403 (400 or 404 from its API for a page the person may not see), or sends
    the person away: to the site's sign-in stand-in (which answers 403 to someone signed in) or
    to the dashboard with a permission message."""
    if response.status_code in (400, 403, 404):
        return True
    if response.status_code == 302:
        target = response.url
        return target.startswith("/admin/login/") or target == "/admin/"
    return False


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS, ids=lambda action: action.name)
def test_admin_door(client, scene, role, action):
    person = scene.world.person(role)
    if person is not None:
        client.force_login(person)
    url = action.url(scene)
    before = snapshot()

    response = client.get(url) if action.data is None else client.post(url, action.data(scene))

    if role == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith("/admin/login/") or response.url.startswith(
            reverse("account_login")
        )
        assert snapshot() == before
    elif role == "broker" and action.broker_may:
        assert response.status_code in (200, 302), response.status_code
        assert not (response.status_code == 302 and refused(response))
    elif role == "broker" and action.empty_for_broker:
        content = response.content.decode()
        assert response.status_code == 200
        assert "The plan" not in content
    else:
        assert refused(response), (response.status_code, response.get("Location"))
        assert SECRET not in response.content.decode(errors="replace")
        assert snapshot() == before


def test_the_admin_still_serves_platform_staff(client, scene):
    client.force_login(scene.world.admin)

    assert client.get(f"/admin/pages/{scene.draft.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{scene.world.network.pk}/").status_code == 200


def test_network_roles_hold_no_admin_permission(scene):
    world = scene.world
    for person in (world.member, world.co_leader, world.critical_friend, world.outsider):
        assert not type(person).objects.get(pk=person.pk).has_perm("wagtailadmin.access_admin")


def test_the_broker_holds_no_page_or_collection_permission(scene):
    from wagtail.models import GroupCollectionPermission, GroupPagePermission

    groups = scene.world.broker.groups.all()
    assert not GroupPagePermission.objects.filter(group__in=groups).exists()
    assert not GroupCollectionPermission.objects.filter(group__in=groups).exists()
    assert not Permission.objects.filter(
        group__in=groups, content_type__app_label="wagtailcore"
    ).exists()


def test_wagtails_default_moderation_workflow_is_gone(settings):
    from wagtail.models import Task, Workflow

    assert settings.WAGTAIL_WORKFLOW_ENABLED is False
    assert not Workflow.objects.exists()
    assert not Task.objects.exists()
