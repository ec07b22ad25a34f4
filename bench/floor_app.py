"""The floor: a bare Django view returning 30 KB, as a WSGI application of its own.

    gunicorn floor_app:application --pythonpath bench …

bench_http.py serves it with the same gunicorn command line as the site and measures it in the
same run, so every page's time can be read as a multiple of what Django itself costs on this
machine. It lives in bench/ only: nothing in site/ imports it, so production never serves it.
No middleware, no database, no templates: the least a Django response can cost.
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

BODY_BYTES = 30 * 1024
FLOOR_PATH = "/floor/"

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-floor-only",  # noqa: S106 - signs nothing: no sessions, no forms
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    USE_I18N=False,
)

_PARAGRAPH = b"<p>A bare Django view: the floor every page is measured against.</p>\n"
BODY = (_PARAGRAPH * (BODY_BYTES // len(_PARAGRAPH) + 1))[:BODY_BYTES]


def floor(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path(FLOOR_PATH.strip("/") + "/", floor)]

application = get_wsgi_application()
