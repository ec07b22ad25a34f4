"""The account page ("Your profile") gathers sections that apps above core contribute.

An app registers a function with the Wagtail hook "account_page_sections"; it receives the
request and returns an AccountSection, or None to add nothing.
"""

from dataclasses import dataclass, field

from wagtail import hooks

ACCOUNT_SECTIONS_HOOK = "account_page_sections"


@dataclass
class AccountSection:
    key: str
    title: str
    template: str
    order: int = 100
    context: dict = field(default_factory=dict)


def account_sections(request) -> list[AccountSection]:
    sections = [build(request) for build in hooks.get_hooks(ACCOUNT_SECTIONS_HOOK)]
    return sorted((s for s in sections if s is not None), key=lambda s: (s.order, s.key))
