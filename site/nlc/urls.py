from allauth.account.decorators import secure_admin_login

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.contrib.sitemaps import views as sitemaps
from wagtail.documents import urls as wagtaildocs_urls

from artefacts.feeds import ArtefactFeed
from artefacts.views import files as artefact_files
from core import serving
from core.accounts import urls as accounts_urls
from core.accounts.admin_access import page_editors_only
from core.accounts.views import sign_in_through_allauth
from core.home import my_home
from core.pagecache import cache_for_anonymous

from .icons import favicon, web_app_manifest
from .sitemaps import SITEMAPS

# Every sign-in goes through allauth, so two-factor authentication and the failed-login rate
# limit always apply: Django's and Wagtail's own login forms would accept a password alone.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/login/", sign_in_through_allauth),
    # Answers any page's title by id, with no hook to filter it (the chooser's others have one:
    # core.accounts.wagtail_hooks).
    path(
        "admin/choose-page/chosen-multiple/",
        page_editors_only(ChosenMultipleView.as_view()),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include(accounts_urls)),
    path("accounts/", include("allauth.urls")),
    path("notifications/", include("core.notifications.urls")),
    path("me/", my_home, name="my_home"),
    path("", include("artefacts.urls")),  # /artefacts/… and /networks/<slug>/artefacts/…
    path("networks/", include("networks.urls")),
    path("visits/", include("visits.urls")),
    path("manage/networks/<slug:network_slug>/funding/", include("networks.funding.urls")),
    path("manage/networks/<slug:network_slug>/indicators/", include("networks.baselining.urls")),
    path("manage/engagement/", include("networks.engagement.urls")),
    path("reviews/", include("peer_review.urls")),
    path("search/", include("search.urls")),
    path("api/v1/", include("search.api_urls")),
    path("api/v1/", include("broker.api_urls")),  # open data: artefacts, networks, collections
    path("", include("broker.urls")),  # /collections/…, /syntheses/…, /broker/…
    path("feeds/artefacts/", cache_for_anonymous(ArtefactFeed()), name="artefact_feed"),
    # An index of pages of addresses (nlc.sitemaps).
    path(
        "sitemap.xml",
        cache_for_anonymous(sitemaps.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cache_for_anonymous(sitemaps.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
    path("favicon.ico", favicon, name="favicon"),
    path("manifest.webmanifest", web_app_manifest, name="web_app_manifest"),
]

urlpatterns += [
    # Uploads, in every environment, only through the permission check (never served directly).
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", artefact_files.stored, name="media"),
    path("_util/login/", sign_in_through_allauth),
    # Wagtail's page serving, routed in fewer queries (core.serving.serve); the rest of
    # wagtail_urls (password-protected pages, their login) below.
    re_path(r"^((?:[\w\-]+/)*)$", serving.serve),
    path("", include(wagtail_urls)),
]
