"""The home page (core.pagecache) is purged when its own fields change."""

from core.pagecache import touches

from .models import HomePage


def register() -> None:
    touches(HomePage)(lambda page: ["/"])
