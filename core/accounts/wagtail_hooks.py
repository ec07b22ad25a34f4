from wagtail import hooks

from .audit import ACTION_LABELS


@hooks.register("register_log_actions")
def register_account_actions(actions):
    for action, (label, message) in ACTION_LABELS.items():
        actions.register_action(action, label, message)
