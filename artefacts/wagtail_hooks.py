from django.contrib.auth.models import Permission
from django.http import Http404
from django.urls import path, reverse
from django.utils.cache import patch_cache_control

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView as PageIndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.permissions import register_permission_policy

from core.home import MY_HOME_SECTIONS_HOOK
from core.pagecache import kept_with_page, page_path
from networks.profile import PROFILE_SECTIONS_HOOK, ProfileSection

from . import admin_views, home
from .models import (
    PAGE_CONTEXT_HOOK,
    PERMISSION_TESTER_HOOK,
    ArtefactFile,
    ArtefactPage,
    ArtefactTrial,
    ModerationStatus,
)
from .permissions import (
    can_create_artefact,
    invites_sign_in,
    is_readable_by_anyone,
    why_not_read_live_artefact,
)
from .reading import reading_context
from .selectors import artefacts_visible_to, first_cards, reader_audience_in, stored_document
from .services import ACTION_LABELS
from .templatetags.artefact_feeds import network_feed_url
from .views import files, reading
from .wagtail_permissions import ArtefactPermissionTester

PROFILE_LATEST = 6


@hooks.register("register_log_actions")
def register_artefact_actions(actions):
    for action, (label, message) in ACTION_LABELS.items():
        actions.register_action(action, label, message)


hooks.register(PAGE_CONTEXT_HOOK, reading_context)
hooks.register(PERMISSION_TESTER_HOOK, ArtefactPermissionTester)
hooks.register(MY_HOME_SECTIONS_HOOK, home.moderation_section)
hooks.register(MY_HOME_SECTIONS_HOOK, home.drafts_section)
hooks.register(MY_HOME_SECTIONS_HOOK, home.news_section)


# After Wagtail's own privacy check (order): a restricted page still asks people to sign in.
@hooks.register("on_serve_page", order=100)
def serve_artefacts_to_their_readers(serve):
    """Someone signed out is invited to sign in to read an artefact shared with members or its
    network; anyone else not entitled to read it gets the same 404 as for a page that does not
    exist. One not public is kept out of shared caches."""

    def serve_artefact(page, request, serve_args, serve_kwargs):
        if not isinstance(page, ArtefactPage):
            return serve(page, request, serve_args, serve_kwargs)
        if reason := why_not_read_live_artefact(request.user, page):
            if invites_sign_in(request.user, page):
                return reading.sign_in_to_read(request)
            raise Http404(reason)
        response = serve(page, request, serve_args, serve_kwargs)
        if not is_readable_by_anyone(page):
            patch_cache_control(response, private=True, no_store=True)
        return response

    return serve_artefact


@hooks.register(PROFILE_SECTIONS_HOOK)
def artefacts_section(network, user):
    """The network's latest artefacts this person may read, kept with the profile for everyone
    who reads its artefacts as they do (core.pagecache: any change to one of them purges the
    profile). Two queries at most."""
    audience = reader_audience_in(user, network)
    can_create = can_create_artefact(user, network)
    latest = kept_with_page(
        page_path(network),
        f"artefacts:{audience}",
        lambda: first_cards(artefacts_visible_to(user).filter(network=network), PROFILE_LATEST + 1),
    )
    return ProfileSection(
        key="artefacts",
        title="Artefacts",
        template="artefacts/profile_section.html",
        order=20,
        context={
            "artefacts": latest[:PROFILE_LATEST],
            "has_more": len(latest) > PROFILE_LATEST,
            "list_url": reverse("artefacts:network_list", kwargs={"network_slug": network.slug}),
            "feed_url": network_feed_url(network) if network.live else "",
            "can_create": can_create,
            "create_url": reverse("artefacts:create", kwargs={"network_slug": network.slug}),
        },
        kept_for=(audience, can_create),
    )


# After Wagtail's own collection privacy check (order), which may ask for a password first.
@hooks.register("before_serve_document", order=100)
def serve_documents_to_their_readers(document, request):
    """Wagtail's document address (/documents/<id>/<name>) serves a document only to people who
    may have it now (permissions.why_not_download_stored), through core.files like every other
    door to it; everyone else gets the same 404 as for a missing document."""
    return files.serve_stored_or_404(request.user, stored_document(document))


def link_files_chosen_in_admin(request, page):
    """Documents and images chosen in the Wagtail editor belong to the artefact too."""
    if not isinstance(page, ArtefactPage):
        return
    latest = page.get_latest_revision_as_object()
    for document_id in latest.resource_ids("document"):
        ArtefactFile.objects.get_or_create(
            artefact=page, document_id=document_id, defaults={"uploaded_by": request.user}
        )
    for image_id in latest.resource_ids("image"):
        ArtefactFile.objects.get_or_create(
            artefact=page, image_id=image_id, defaults={"uploaded_by": request.user}
        )


hooks.register("after_create_page", link_files_chosen_in_admin)
hooks.register("after_edit_page", link_files_chosen_in_admin)


# Phases and subjects are not edited here: they are core.vocabulary's lists, in code.


# --- “We tried this” responses ----------------------------------------------------------------

# Registered before the viewset, which would otherwise make a Django-permissions fallback policy.
register_permission_policy(
    ArtefactTrial, admin_views.TrialModerationPermissionPolicy(ArtefactTrial)
)


class ArtefactTrialViewSet(ModelViewSet):
    """The responses each moderator may hide, with the hidden ones (who hid them and why), which
    they may show again.

    A ModelViewSet rather than a snippet: nothing here is created, edited, copied or deleted.
    """

    model = ArtefactTrial
    icon = "comment"
    menu_label = "“We tried this” responses"
    menu_order = 320
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = admin_views.TrialIndexView
    inspect_view_class = admin_views.TrialInspectView
    list_display = admin_views.COLUMNS
    filterset_class = admin_views.TrialFilterSet
    search_fields = ["note", "context", "hidden_reason"]
    search_backend_name = None
    list_per_page = 50
    # Nobody adds or edits a response here (see the policy); the generic views still need a form.
    form_fields = ["outcome"]
    inspect_view_fields = [
        "artefact",
        "user",
        "network",
        "school",
        "outcome",
        "context",
        "note",
        "created_at",
        "updated_at",
        "hidden_at",
        "hidden_by",
        "hidden_reason",
    ]

    def get_permissions_to_register(self):
        # The policy above does not use Django's model permissions: offer none on group pages.
        return Permission.objects.none()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("hide/<int:pk>/", admin_views.TrialHideView.as_view(), name="hide"),
            path("restore/<int:pk>/", admin_views.TrialRestoreView.as_view(), name="restore"),
        ]


@hooks.register("register_admin_viewset")
def register_trial_viewset():
    return ArtefactTrialViewSet(admin_views.URL_NAMESPACE)


# --- Artefacts in the admin, with the site's moderation state ---------------------------------


def moderation_state(page) -> str:
    """Where the artefact stands in the site's moderation (artefacts.services), which Wagtail's
    own live/draft status does not tell: e.g. waiting for review, or changes requested."""
    moderation = getattr(page, "moderation", None)
    if moderation is None:
        return ModerationStatus.DRAFT.label
    return moderation.get_status_display()


class ArtefactIndexView(PageIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("moderation", "network")


class ArtefactListingViewSet(PageListingViewSet):
    """Every artefact, with its network and its moderation state in the site: the platform
    staff's view (nobody else acts on pages in the admin, see artefacts.wagtail_permissions)."""

    model = ArtefactPage
    index_view_class = ArtefactIndexView
    icon = "doc-full"
    menu_label = "Artefacts"
    menu_order = 305
    add_to_admin_menu = True
    columns = [
        *PageListingViewSet.columns,
        Column("network", label="Network", accessor="network.title", width="16%"),
        Column("moderation", label="Moderation in the site", accessor=moderation_state),
    ]


@hooks.register("register_admin_viewset")
def register_artefact_listing():
    return ArtefactListingViewSet("artefact_listing")
