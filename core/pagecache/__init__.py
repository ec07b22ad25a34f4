"""The full-page cache for anonymous visitors (issue 14, item 2).

- `AnonymousPageCacheMiddleware` (middleware.py) serves and stores the pages;
- a view opts in with `cache_for_anonymous`, a Wagtail page type with `CachedForAnonymous`;
- an app registers which cached paths its objects appear on with `touches(Model)` (registry.py),
  and every save, delete, publish or unpublish of such an object purges them (signals.py);
- `purge(paths)` for a change made without a signal (a queryset update);
- `kept_with_page(path, name, compute)` keeps a section that is the same for every viewer of a
  signed-in page with the same invalidation (fragments.py).
"""

from functools import wraps

from .fragments import kept_with_page
from .middleware import mark_for_anonymous
from .registry import page_path, page_paths, subtree, touches
from .store import purge

__all__ = [
    "CachedForAnonymous",
    "cache_for_anonymous",
    "kept_with_page",
    "mark_for_anonymous",
    "page_path",
    "page_paths",
    "purge",
    "subtree",
    "touches",
]


def cache_for_anonymous(view):
    """The view's 200 answers are the same for every anonymous visitor: they may be cached."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        return mark_for_anonymous(view(request, *args, **kwargs))

    return cached_view


class CachedForAnonymous:
    """A Wagtail page type whose live pages, as served to an anonymous visitor, may be cached.

    Wagtail's own privacy check runs before serve(), so a restricted page never gets here for
    someone signed out. A page type whose pages are not all for everyone overrides
    `cacheable_for_anonymous`.
    """

    def cacheable_for_anonymous(self) -> bool:
        return True

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.cacheable_for_anonymous():
            mark_for_anonymous(response)
        return response
