"""Which cached paths an object's change makes stale, as each app registers them.

An app that shows a model's objects on a cached page registers a function taking the changed
object and returning the paths ("/networks/a/") and subtrees ("/networks/a/*") that show it:

    pagecache.touches(ArtefactTrial)(lambda trial: [page_path(trial.artefact)])

Several apps may register for one model (a lower app's model shown on a higher app's page), so
a lower app never needs to know which higher pages show its objects. core.pagecache.signals
purges them whenever a registered object is saved, deleted, published or unpublished.

A function whose answer can run to thousands of paths (every page whose "related" panel may
list the object) registers with `in_background=True`: the Celery worker works it out and purges
after the change commits, not the request. A lost one costs at most PAGE_CACHE_SECONDS of
staleness, the life of any cached page.
"""

from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

Touch = Callable[[object], Iterable[str]]

_touches: dict[type, list[Touch]] = {}
_touches_in_background: dict[type, list[Touch]] = {}


def touches(model: type, *, in_background: bool = False) -> Callable[[Touch], Touch]:
    """Register a function naming the cached paths an instance of `model` (or a subclass)
    appears on."""
    registry = _touches_in_background if in_background else _touches

    def register(touch: Touch) -> Touch:
        if touch not in registry.setdefault(model, []):
            registry[model].append(touch)
        return touch

    return register


def is_registered(model: type) -> bool:
    return any(klass in _touches for klass in model.__mro__) or has_background_touches(model)


def has_background_touches(model: type) -> bool:
    return any(klass in _touches_in_background for klass in model.__mro__)


def registered_models() -> list[type]:
    return list({**_touches, **_touches_in_background})


def paths_touched_by(instance, *, in_background: bool = False) -> set[str]:
    registry = _touches_in_background if in_background else _touches
    paths: set[str] = set()
    for klass in type(instance).__mro__:
        for touch in registry.get(klass, ()):
            paths.update(path for path in touch(instance) if path)
    return paths


def page_path(page) -> str:
    """A Wagtail page's path on its site ("" when it has none), read from its tree position."""
    if page is None:
        return ""
    url = page.get_url()
    return urlsplit(url).path if url else ""


def page_paths(pages) -> list[str]:
    """The paths of many pages (a queryset) on their sites, in one query and no per-page work."""
    from wagtail.models import Site  # core.pagecache's modules load before the app registry

    roots = [root.root_path for root in Site.get_site_root_paths()]
    paths = []
    for url_path in pages.values_list("url_path", flat=True):
        for root in roots:
            if url_path.startswith(root):
                paths.append(url_path[len(root) - 1 :])
                break
    return paths


def subtree(path: str) -> str:
    """That path and everything beneath it."""
    return f"{path.rstrip('/')}/*" if path else ""
