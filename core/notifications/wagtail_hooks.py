from wagtail import hooks

from core.home import MY_HOME_SECTIONS_HOOK

from .home import notifications_section

hooks.register(MY_HOME_SECTIONS_HOOK, notifications_section)
