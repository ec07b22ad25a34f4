"""What a page shows that is the same for everyone who may see it, kept with that page.

The signed-in pages are never stored whole, but their sections that do not depend on the viewer
(a network's funding totals, indicators, schools) can be: `kept_with_page(path, name, compute)`
stores what `compute()` returns under the same version tokens as the cached page at `path`, so
whatever purges that page (core.pagecache.signals, for every registered model) makes the value
stale too, on every process sharing the cache. Who may see a section is still decided on every
request, by the caller, before it asks for the value.
"""

from django.conf import settings
from django.utils import timezone

from .store import PREFIX, _digest, look_up, normalise, page_cache


def kept_with_page(path: str, name: str, compute, *, until=None):
    """What `compute()` returns (picklable: lists and dicts, not querysets), kept until the page
    at `path` is purged or PAGE_CACHE_SECONDS pass (figures that change with time alone).

    `until(value)`, when given, names the moment (or None) at which the value goes stale by
    time alone, such as the start of the soonest session it shows: from then on it is worked
    out again, however recently it was kept."""
    if not path:
        return compute()
    lookup = look_up(f"{PREFIX}:fragment:{_digest(f'{normalise(path)}#{name}')}", path)
    if (entry := lookup.fresh) is not None and not _expired(entry.get("until")):
        return entry["value"]
    value = compute()  # the tokens were read before: a change made meanwhile leaves it stale
    page_cache().set(
        lookup.key,
        {"versions": lookup.versions, "value": value, "until": until(value) if until else None},
        getattr(settings, "PAGE_CACHE_SECONDS", 300),
    )
    return value


def _expired(moment) -> bool:
    return moment is not None and moment <= timezone.now()
