"""A signed-in person's home (/me/): what needs them now, assembled from sections each app adds.

An app registers a function with the Wagtail hook "my_home_sections" (from its own
wagtail_hooks.py); it receives the signed-in user and returns a HomeSection, or None to leave
the section out (for instance "waiting for your moderation" for someone who co-leads nothing).
Each function builds its section from its app's selectors in a fixed number of queries
(`first_and_count` reads a section's first items and their total in one), and shows only what
the person may read. Sections appear in SECTION_ORDER, whatever order the apps load in.
"""

from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Window
from django.shortcuts import render
from django.utils.cache import patch_cache_control

from wagtail import hooks

MY_HOME_SECTIONS_HOOK = "my_home_sections"

# What needs the person's key first, then their own work, then what is simply worth knowing.
SECTION_ORDER = (
    "moderation",
    "decisions",
    "appointments",
    "invitations",
    "review_steps",
    "introductions",
    "reflections",
    "visits",
    "drafts",
    "notifications",
    "networks",
    "news",
)

ITEMS_SHOWN = 5


@dataclass
class HomeItem:
    label: str
    url: str
    meta: str = ""


@dataclass
class HomeSection:
    key: str  # one of SECTION_ORDER (an unknown key goes last); also the section's anchor
    title: str
    count: int
    items: list[HomeItem] = field(default_factory=list)
    empty_text: str = "Nothing here for now."
    link: str = ""  # where to see (and act on) all of them
    link_text: str = ""

    @property
    def more(self) -> int:
        """How many the section counts beyond the items it shows."""
        return max(self.count - len(self.items), 0)


def first_and_count(queryset, limit: int = ITEMS_SHOWN) -> tuple[list, int]:
    """The queryset's first `limit` rows and how many rows it has in all, in one query."""
    rows = list(queryset.annotate(home_total=Window(Count("pk")))[:limit])
    return rows, (rows[0].home_total if rows else 0)


def _position(section: HomeSection) -> tuple[int, str]:
    try:
        return SECTION_ORDER.index(section.key), section.key
    except ValueError:
        return len(SECTION_ORDER), section.key


def my_home_sections(user) -> list[HomeSection]:
    sections = []
    for build_section in hooks.get_hooks(MY_HOME_SECTIONS_HOOK):
        section = build_section(user)
        if section is not None:
            sections.append(section)
    return sorted(sections, key=_position)


@login_required
def my_home(request):
    """The signed-in person's home. Never cached: it is theirs alone."""
    sections = my_home_sections(request.user)
    response = render(
        request,
        "home/my_home.html",
        {
            "sections": sections,
            "waiting_total": sum(
                section.count
                for section in sections
                if section.key
                in {
                    "moderation",
                    "decisions",
                    "appointments",
                    "invitations",
                    "review_steps",
                    "introductions",
                }
            ),
        },
    )
    patch_cache_control(response, private=True, no_store=True)
    return response
