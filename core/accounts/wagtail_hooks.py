from django.core.exceptions import PermissionDenied

from wagtail import hooks

from .admin_access import may_act_on_pages
from .audit import ACTION_LABELS


@hooks.register("register_log_actions")
def register_account_actions(actions):
    for action, (label, message) in ACTION_LABELS.items():
        actions.register_action(action, label, message)


@hooks.register("construct_page_chooser_queryset")
def page_chooser_for_page_editors(pages, request):
    """The page chooser (browse and search) lists drafts of every network: page editors only."""
    if not may_act_on_pages(request.user):
        raise PermissionDenied("Your account does not have access to that page.")
    return pages
