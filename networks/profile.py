"""The network profile is assembled from sections that each app contributes.

An app registers a function with the Wagtail hook "network_profile_sections"; it receives
(network, user) and returns a ProfileSection or None (None hides the section, e.g. when the
user may not see it). Each function must run a fixed number of queries, whatever the data size.

A section whose HTML is the same for everyone it is shown to alike names what tells them apart
in `kept_for` (a tuple of plain values: the viewer's audience, their can_* booleans). Its HTML
is then rendered once per distinct value and kept with the network's page (core.pagecache:
whatever purges the profile makes it stale). Such a section's template must not show anything
else about the viewer (no CSRF token, no name) beyond what `kept_for` holds.
"""

from dataclasses import dataclass, field

from wagtail import hooks

PROFILE_SECTIONS_HOOK = "network_profile_sections"


@dataclass
class ProfileSection:
    key: str
    title: str
    template: str
    order: int = 100
    context: dict = field(default_factory=dict)
    kept_for: tuple | None = None


def profile_sections(network, user) -> list[ProfileSection]:
    sections = []
    for build_section in hooks.get_hooks(PROFILE_SECTIONS_HOOK):
        section = build_section(network, user)
        if section is not None:
            sections.append(section)
    return sorted(sections, key=lambda section: (section.order, section.key))
