from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """The full-page cache for anonymous visitors, with purges by path (see store.py)."""

    name = "core.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from . import signals

        signals.connect()
