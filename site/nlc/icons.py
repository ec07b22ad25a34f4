"""The site's icons where browsers look for them without being told: /favicon.ico (asked for by
every page's first visit) and the web app manifest linked from base.html."""

from django.templatetags.static import static
from django.views.decorators.http import require_safe
from django.views.generic import RedirectView, TemplateView


@require_safe
def favicon(request):
    # The static file's address carries a content hash in production, so it is looked up per
    # request rather than fixed when the URLs are loaded.
    return RedirectView.as_view(url=static("icons/favicon.ico"))(request)


web_app_manifest = TemplateView.as_view(
    template_name="manifest.webmanifest", content_type="application/manifest+json"
)
