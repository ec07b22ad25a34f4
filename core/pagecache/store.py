"""Where cached pages live, and how a purge makes them stale at once.

A page is stored under its scheme, host, path and query. Purging works on paths, through version
tokens: the page at /networks/a/b/ is valid only while the tokens of the exact path
("path:/networks/a/b/") and of every subtree holding it ("tree:/", "tree:/networks/",
"tree:/networks/a/", "tree:/networks/a/b/") are those read when its request started. Purging
gives a path or a subtree a new token, so every query variant of it, on every process sharing
the cache, is stale at once. Reading the tokens before the page is rendered closes the race
with a change committed during rendering: such a page is stored with the old tokens and never
served.
"""

import hashlib
import uuid
from dataclasses import dataclass
from urllib.parse import unquote

from django.conf import settings
from django.core.cache import caches

PREFIX = "pagecache"
SUBTREE = "*"  # "/networks/a/*": that path and everything beneath it


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def normalise(path: str) -> str:
    """One spelling of a path, whether it came from a request or from a page's URL."""
    path = unquote(path.split("?", 1)[0]) or "/"
    return path if path.startswith("/") else f"/{path}"


def tags_of(path: str) -> list[str]:
    """The version tags a page at this path depends on: its own and each enclosing subtree's."""
    path = normalise(path)
    tags = [f"path:{path}", "tree:/"]
    prefix = "/"
    for part in [part for part in path.split("/") if part]:
        prefix = f"{prefix}{part}/"
        tags.append(f"tree:{prefix}")
    return tags


def tag_for(target: str) -> str:
    """The tag a registered target purges: "/a/b/" the exact path, "/a/*" the subtree."""
    if target.endswith(SUBTREE):
        prefix = normalise(target[: -len(SUBTREE)])
        return f"tree:{prefix if prefix.endswith('/') else prefix + '/'}"
    return f"path:{normalise(target)}"


def _version_key(tag: str) -> str:
    return f"{PREFIX}:v:{_digest(tag)}"


def page_key(*, scheme: str, host: str, path: str, query: str) -> str:
    return f"{PREFIX}:page:{_digest(f'{scheme}://{host}{normalise(path)}?{query}')}"


def new_token() -> str:
    return uuid.uuid4().hex[:16]


@dataclass
class Lookup:
    key: str
    versions: dict[str, str]
    entry: dict | None

    @property
    def fresh(self) -> dict | None:
        """The stored page, if no purge has touched it since it was stored."""
        if self.entry and self.entry.get("versions") == self.versions:
            return self.entry
        return None


def look_up(key: str, path: str) -> Lookup:
    """The stored page and the current version tokens, in one round trip when all exist."""
    cache = page_cache()
    version_keys = {tag: _version_key(tag) for tag in tags_of(path)}
    found = cache.get_many([key, *version_keys.values()])
    missing = [tag for tag, vkey in version_keys.items() if vkey not in found]
    for tag in missing:
        cache.add(version_keys[tag], new_token(), timeout=None)
    if missing:
        found.update(cache.get_many([version_keys[tag] for tag in missing]))
    versions = {tag: found.get(vkey, "") for tag, vkey in version_keys.items()}
    return Lookup(key=key, versions=versions, entry=found.get(key))


def store(lookup: Lookup, *, status: int, headers: list[tuple[str, str]], content: bytes) -> None:
    page_cache().set(
        lookup.key,
        {"versions": lookup.versions, "status": status, "headers": headers, "content": content},
        getattr(settings, "PAGE_CACHE_SECONDS", 300),
    )


def purge(targets) -> None:
    """Make stale every cached page at these paths ("/a/b/") or under these subtrees ("/a/*")."""
    tags = {tag_for(target) for target in targets if target}
    if tags:
        page_cache().set_many({_version_key(tag): new_token() for tag in tags}, timeout=None)
