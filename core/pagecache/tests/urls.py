"""Views for the page cache's own tests: what a real page does, without any app."""

from django.contrib import messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.utils.cache import patch_cache_control

from core.pagecache import cache_for_anonymous

RENDERED = {"count": 0}


def _body(request, extra=""):
    RENDERED["count"] += 1
    return HttpResponse(f"<p>render {RENDERED['count']} of {request.get_full_path()}</p>{extra}")


@cache_for_anonymous
def public(request, slug=""):
    return _body(request)


def not_marked(request):
    return _body(request)


@cache_for_anonymous
def with_form(request):
    return _body(request, f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')


@cache_for_anonymous
def private(request):
    response = _body(request)
    patch_cache_control(response, private=True, no_store=True)
    return response


@cache_for_anonymous
def missing(request):
    response = _body(request)
    response.status_code = 404
    return response


@cache_for_anonymous
def greets(request):
    messages.info(request, "Welcome back.")
    return _body(request)


urlpatterns = [
    path("public/", public),
    path("public/<slug:slug>/", public),
    path("not-marked/", not_marked),
    path("with-form/", with_form),
    path("private/", private),
    path("missing/", missing),
    path("greets/", greets),
]
