"""Keep Wagtail's default Site in step with SITE_URL, so full URLs (citations, sitemaps, feeds)
name the address people really use rather than Wagtail's initial localhost:80."""

from urllib.parse import urlsplit

from django.conf import settings

INITIAL_HOSTNAME = "localhost"
INITIAL_PORT = 80


def site_address(site_url: str) -> tuple[str, int]:
    parts = urlsplit(site_url)
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname or INITIAL_HOSTNAME, parts.port or default_port


def align_default_site(*, site_url: str | None = None, force: bool = False) -> bool:
    """Point the default Site at SITE_URL. Unless forced, only a Site still at Wagtail's
    initial address changes: one an admin has set stays as they set it. Returns True if saved."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return False
    if not force and (site.hostname, site.port) != (INITIAL_HOSTNAME, INITIAL_PORT):
        return False
    hostname, port = site_address(site_url or settings.SITE_URL)
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return True


def align_after_migrate(sender, **kwargs) -> None:
    align_default_site()
