from django.http import HttpResponse
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.home import MY_HOME_SECTIONS_HOOK
from networks.engagement.sources import ACTIVITY_SOURCES_HOOK
from networks.profile import PROFILE_SECTIONS_HOOK, ProfileSection

from . import admin_views, home
from .engagement import ACTIVITY_SOURCES
from .models import Criterion, Domain, Framework, FrameworkVersion, RubricLevel
from .models.frameworks import version_in_use_message
from .selectors import profile_cycles
from .services._common import ACTION_LABELS

hooks.register(MY_HOME_SECTIONS_HOOK, home.review_steps_section)
for activity_source in ACTIVITY_SOURCES:
    hooks.register(ACTIVITY_SOURCES_HOOK, activity_source)


@hooks.register("register_log_actions")
def register_review_actions(actions):
    for action, (label, message) in ACTION_LABELS.items():
        actions.register_action(action, label, message)


@hooks.register("register_admin_urls")
def review_admin_urls():
    return [
        path(
            "peer-review/versions/<int:pk>/copy/",
            admin_views.copy_version_view,
            name="peer_review_copy_version",
        )
    ]


def _version_of(instance):
    if isinstance(instance, FrameworkVersion):
        return instance
    if isinstance(instance, Domain):
        return instance.version
    if isinstance(instance, Criterion):
        return instance.domain.version
    if isinstance(instance, RubricLevel):
        return instance.criterion.domain.version
    return None


@hooks.register("before_delete_snippet")
def keep_versions_in_use(request, instances):
    """A version a cycle uses (or anything in it) is never deleted: the cycle keeps its rubric."""
    for instance in instances:
        version = _version_of(instance)
        if version is not None and version.is_in_use:
            return HttpResponse(
                version_in_use_message(version), status=409, content_type="text/plain"
            )
    return None


class FrameworkViewSet(SnippetViewSet):
    model = Framework
    icon = "list-ul"
    menu_label = "Frameworks"
    list_display = ["name", "slug"]


class FrameworkVersionViewSet(SnippetViewSet):
    model = FrameworkVersion
    icon = "doc-full"
    menu_label = "Versions"
    list_display = ["__str__", "ready", "in_use"]
    list_filter = ["framework", "ready"]


class CriterionViewSet(SnippetViewSet):
    model = Criterion
    icon = "tick-inverse"
    menu_label = "Criteria and rubrics"
    list_display = ["title", "code", "domain"]
    list_filter = ["domain__version"]
    search_fields = ["title", "description"]


class ReviewFrameworkGroup(SnippetViewSetGroup):
    items = (FrameworkViewSet, FrameworkVersionViewSet, CriterionViewSet)
    menu_icon = "list-ul"
    menu_label = "Review frameworks"
    menu_name = "review-frameworks"
    menu_order = 310


register_snippet(ReviewFrameworkGroup)


@hooks.register("register_snippet_listing_buttons")
def new_version_button(snippet, user, next_url=None):
    if isinstance(snippet, FrameworkVersion):
        yield Button(
            "Make a new version from this",
            url=reverse("peer_review_copy_version", args=[snippet.pk]),
            priority=50,
            attrs={"data-action": "copy-version"},
        )


@hooks.register(PROFILE_SECTIONS_HOOK)
def review_section(network, user):
    """The network's review cycles, for those who may read them (nobody else sees the section)."""
    cycles = profile_cycles(network, user)
    if cycles is None:
        return None
    return ProfileSection(
        key="peer_review",
        title="Self- and peer-review",
        template="peer_review/profile_section.html",
        order=60,
        context=cycles,
    )
