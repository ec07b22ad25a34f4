from datetime import date

from modelcluster.fields import ParentalManyToManyField

from django.core.validators import MaxLengthValidator
from django.db import models

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from core.pagecache import CachedForAnonymous
from core.routing import SpecificChildRouting, ViewRestrictionsInOneQuery
from core.validators import check_visible_title

INTRO_MAX_LENGTH = 2000
PURPOSE_MAX_LENGTH = 5000

# What the directory and a network's profile show is gathered by functions registered with these
# Wagtail hooks (networks.wagtail_hooks): each takes (page, request) and returns a dict for the
# template. The page models stay free of the selectors and permissions built on top of them.
DIRECTORY_CONTEXT_HOOK = "network_directory_context"
PROFILE_CONTEXT_HOOK = "network_profile_context"


def _context_from_hooks(hook_name, page, request, context) -> dict:
    for add_context in hooks.get_hooks(hook_name):
        context.update(add_context(page, request))
    return context


class NetworkStatus(models.TextChoices):
    FORMING = "forming", "Forming"
    ACTIVE = "active", "Active"
    SUSTAINING = "sustaining", "Sustaining"
    CLOSED = "closed", "Closed"


class NetworkIndexPage(CachedForAnonymous, SpecificChildRouting, Page):
    """The network directory at /networks/."""

    intro = models.TextField(
        blank=True, max_length=INTRO_MAX_LENGTH, validators=[MaxLengthValidator(INTRO_MAX_LENGTH)]
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["networks.NetworkPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        return _context_from_hooks(DIRECTORY_CONTEXT_HOOK, self, request, context)


class NetworkPage(CachedForAnonymous, ViewRestrictionsInOneQuery, SpecificChildRouting, Page):
    """A network's public profile. Its subtree holds what the network publishes.

    Status and membership change only through networks.services, which keep the co-leadership
    rule; the page fields here are the network's own description of itself.
    """

    purpose = models.TextField(
        max_length=PURPOSE_MAX_LENGTH,
        validators=[MaxLengthValidator(PURPOSE_MAX_LENGTH)],
        help_text="The compelling reason the schools work together: the shared challenge.",
    )
    themes = ParentalManyToManyField("networks.Theme", blank=True, related_name="networks")
    status = models.CharField(
        max_length=12, choices=NetworkStatus.choices, default=NetworkStatus.FORMING, db_index=True
    )
    started_on = models.DateField(null=True, blank=True)
    planned_span_years = models.PositiveSmallIntegerField(default=4)
    closed_on = models.DateField(null=True, blank=True)

    content_panels = Page.content_panels + [FieldPanel("purpose"), FieldPanel("themes")]
    search_fields = Page.search_fields + [index.SearchField("purpose")]
    parent_page_types = ["networks.NetworkIndexPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        return _context_from_hooks(PROFILE_CONTEXT_HOOK, self, request, context)

    def clean(self):
        super().clean()
        check_visible_title(self)

    def with_content_json(self, content):
        """Status and life-cycle dates change only through networks.services: publishing an
        older or draft revision in the admin keeps the page's current values."""
        page = super().with_content_json(content)
        fields = ("status", "started_on", "closed_on")
        stored = NetworkPage.objects.filter(pk=self.pk).values(*fields).first() or {
            name: getattr(self, name) for name in fields
        }
        for name in fields:
            setattr(page, name, stored[name])
        return page

    @property
    def directory_url(self) -> str:
        """The directory's URL, from this page's own (it is the parent): no query for the parent."""
        url = self.url
        return url[: len(url) - len(self.slug) - 1] if url else ""

    @property
    def is_closed(self) -> bool:
        return self.status == NetworkStatus.CLOSED

    @property
    def planned_end(self) -> date | None:
        if not self.started_on:
            return None
        try:
            return self.started_on.replace(year=self.started_on.year + self.planned_span_years)
        except ValueError:  # 29 February
            return self.started_on.replace(
                year=self.started_on.year + self.planned_span_years, day=28
            )
