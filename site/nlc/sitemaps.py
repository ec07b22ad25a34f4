"""The sitemap: an index at /sitemap.xml naming pages of at most `limit` addresses each
(/sitemap-pages.xml, ?p=2 …), so that no document grows with the site (100,000 artefacts at
national size made one document of several megabytes). Every live page without a privacy
restriction, as each page type allows (artefacts list only their public versions:
ArtefactPage.get_sitemap_urls). Both are cached for anonymous visitors and purged with the
pages they list (networks.pagecache.sitemap_paths)."""

from wagtail.contrib.sitemaps import Sitemap


class PagesSitemap(Sitemap):
    limit = 5000

    def get_latest_lastmod(self):
        # Django's default reads every page of the site for the index's one date.
        return None


SITEMAPS = {"pages": PagesSitemap}
