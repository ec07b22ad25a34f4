"""Who may use the page side of the Wagtail admin.

The admin serves platform staff and the national brokers; network roles have no admin access at
all (they act in the site). The brokers' areas (themes, synonyms, frameworks, trial moderation,
search analytics) hold no page links, and no group holds page permissions, so the page tools —
including the page chooser, which lists every page's title and state, drafts too — are for
people who may act on pages: in practice the superusers.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied

from wagtail.admin.auth import require_admin_access
from wagtail.models import Page
from wagtail.permissions import policy_registry

PAGE_ACTIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")


def may_act_on_pages(user) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and policy_registry.get_by_type(Page).user_has_any_permission(user, PAGE_ACTIONS)
    )


def page_editors_only(view):
    """Wrap a Wagtail admin view that shows pages to anyone with admin access (Wagtail's own
    check first: signed-out visitors are sent to sign in)."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not may_act_on_pages(request.user):
            raise PermissionDenied("Your account does not have access to that page.")
        return view(request, *args, **kwargs)

    return require_admin_access(guarded)
