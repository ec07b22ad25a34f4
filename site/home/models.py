from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from broker.selectors.home import home_sections
from core.pagecache import CachedForAnonymous
from core.routing import SpecificChildRouting
from core.validators import rich_text_validators
from networks.selectors import recently_active_networks

INTRO_MAX_LENGTH = 2000


class HomePage(CachedForAnonymous, SpecificChildRouting, Page):
    """The front door: what the platform is for, and where to go next."""

    strapline = models.CharField(max_length=200, blank=True)
    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        max_length=INTRO_MAX_LENGTH,
        validators=rich_text_validators(INTRO_MAX_LENGTH),
    )

    content_panels = Page.content_panels + [FieldPanel("strapline"), FieldPanel("intro")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["networks"] = recently_active_networks(limit=6)
        context["sections"] = home_sections(request.user)
        return context
