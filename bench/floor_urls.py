"""The site's URLs plus the floor: a bare Django view returning 30 KB, measured beside the pages
through the same client and middleware."""

from django.http import HttpResponse
from django.urls import path

from nlc.urls import urlpatterns as site_urlpatterns

FLOOR_PATH = "/_bench/floor/"
FLOOR_BODY = ("<p>" + "x" * 96 + "</p>\n") * 300  # about 30 KB


def floor(request):
    return HttpResponse(FLOOR_BODY)


urlpatterns = [path(FLOOR_PATH.strip("/") + "/", floor), *site_urlpatterns]
