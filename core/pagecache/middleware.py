"""Serve anonymous visitors' pages from the full-page cache.

Sits after WhiteNoise and before the session middleware: security and Content-Security-Policy
headers are added to every response on the way out, cached or not, and a hit costs no session,
user or database work. Only a request that cannot belong to a signed-in person is looked up (no
session cookie, no pending messages, no Authorization header), and only a response that its
view marked as the same for every anonymous visitor (core.pagecache.cache_for_anonymous, or
CachedForAnonymous on a page type) is stored, and then only a plain 200 that sets no cookie
(a page that uses the CSRF token sets the csrftoken cookie, so a token is never shared) and
that nothing marked private or no-store.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import cc_delim_re

from .store import look_up, page_key, store

MARK = "_page_cache_for_anonymous"
SKIPPED_HEADERS = {"set-cookie", "content-security-policy", "content-security-policy-report-only"}
MESSAGES_COOKIE = "messages"


def mark_for_anonymous(response):
    setattr(response, MARK, True)
    return response


def may_be_cached(request) -> bool:
    if request.method not in ("GET", "HEAD") or not getattr(settings, "PAGE_CACHE_ENABLED", True):
        return False
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME not in cookies
        and MESSAGES_COOKIE not in cookies
        and "HTTP_AUTHORIZATION" not in request.META
    )


def may_be_stored(request, response) -> bool:
    if not getattr(response, MARK, False) or response.status_code != 200:
        return False
    if response.streaming or response.cookies:
        return False
    directives = {
        part.split("=", 1)[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if directives & {"private", "no-store", "no-cache"}:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_be_cached(request):
            return self.get_response(request)
        try:
            host = request.get_host()
        except DisallowedHost:
            return self.get_response(request)
        key = page_key(
            scheme=request.scheme,
            host=host,
            path=request.path,
            query=request.META.get("QUERY_STRING", ""),
        )
        lookup = look_up(key, request.path)
        if entry := lookup.fresh:
            response = HttpResponse(
                b"" if request.method == "HEAD" else entry["content"],
                status=entry["status"],
                headers=entry["headers"],
            )
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and may_be_stored(request, response):
            store(
                lookup,
                status=response.status_code,
                headers=[
                    (name, value)
                    for name, value in response.items()
                    if name.lower() not in SKIPPED_HEADERS
                ],
                content=response.content,
            )
            response["X-Page-Cache"] = "miss"
        return response
