"""Wagtail's page serving, routed in fewer queries (core.routing); only the URLconf imports it
(Wagtail's views load models, which core.routing's importers are still defining)."""

from django.conf import settings
from django.http import Http404

from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from .routing import ViewRestrictionsInOneQuery, descendant_by_url_path


def serve(request, path):
    """Wagtail's serve, routed from the site's root page without loading that page as its own
    type when the page at `path` is found by its url_path (one query fewer on every page), and
    with the page's view restrictions read from the page cache (one fewer again)."""
    components = [component for component in path.split("/") if component]
    site = Site.find_for_request(request)  # kept on the request, for Wagtail's serve
    if components and site is not None and not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        root = site.root_page  # loaded with the site, as a base Page
        page = descendant_by_url_path(root.specific_class or Page, root, components)
        if page is not None:
            try:
                route = page.route(request, [])
            except Http404:
                route = None
            request._wagtail_route_for_request = route  # where Page.route_for_request keeps it
    route = Page.route_for_request(request, path)  # the one above, or Wagtail's own
    if route is not None and isinstance(route[0], ViewRestrictionsInOneQuery):
        route[0].keep_view_restrictions()
    return wagtail_views.serve(request, path)
