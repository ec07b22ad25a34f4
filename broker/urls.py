"""The broker's pages, included at the site's root: public ones (/collections/…) and the
brokers' own (/broker/…)."""

from django.urls import include, path

from core.pagecache import cache_for_anonymous

from .feeds import CollectionFeed
from .views import collections, curating, follows, introductions, spread, syntheses

app_name = "broker"

curating_patterns = [
    path("", curating.dashboard, name="dashboard"),
    path("collections/", curating.collections, name="collections"),
    path("collections/new/", curating.new_collection, name="new_collection"),
    path("collections/<int:collection_id>/", curating.edit_collection, name="edit_collection"),
    path("collections/<int:collection_id>/items/", curating.add_item, name="add_item"),
    path(
        "collections/<int:collection_id>/visit-offers/",
        curating.add_visit_offer_item,
        name="add_visit_offer_item",
    ),
    path(
        "collections/<int:collection_id>/items/<int:item_id>/note/",
        curating.change_note,
        name="change_note",
    ),
    path(
        "collections/<int:collection_id>/items/<int:item_id>/move/",
        curating.move_item,
        name="move_item",
    ),
    path(
        "collections/<int:collection_id>/items/<int:item_id>/remove/",
        curating.remove_item,
        name="remove_item",
    ),
    path(
        "collections/<int:collection_id>/publish/",
        curating.publish_collection,
        name="publish_collection",
    ),
    path(
        "collections/<int:collection_id>/feature/",
        curating.feature_collection,
        name="feature_collection",
    ),
    path("syntheses/", syntheses.syntheses, name="syntheses"),
    path("syntheses/new/", syntheses.new_synthesis, name="new_synthesis"),
    path("syntheses/<int:synthesis_id>/", syntheses.edit_synthesis, name="edit_synthesis"),
    path("syntheses/<int:synthesis_id>/cite/", syntheses.cite, name="cite"),
    path(
        "syntheses/<int:synthesis_id>/cite/<int:citation_id>/remove/",
        syntheses.uncite,
        name="uncite",
    ),
    path(
        "syntheses/<int:synthesis_id>/publish/",
        syntheses.publish_synthesis,
        name="publish_synthesis",
    ),
    path("spread/", spread.spread, name="spread"),
    path("spread/refresh/", spread.refresh, name="refresh_spread"),
    path("spread/links.csv", spread.links_csv, name="spread_links_csv"),
    path("introductions/", introductions.introductions, name="introductions"),
    path("connect/", introductions.choose_network, name="choose_network"),
    path("connect/<slug:network_slug>/", introductions.connect, name="connect"),
    path("home/", curating.home, name="home"),
    path("home/visit-offer/", curating.feature_visit_offer, name="feature_visit_offer"),
    path("home/<int:feature_id>/move/", curating.move_feature, name="move_feature"),
    path("home/<int:feature_id>/remove/", curating.unfeature, name="unfeature"),
]

urlpatterns = [
    path("collections/", collections.collection_index, name="collection_index"),
    path("collections/<slug:slug>/", collections.collection_detail, name="collection"),
    path(
        "collections/<slug:slug>/feed/",
        cache_for_anonymous(CollectionFeed()),
        name="collection_feed",
    ),
    path("syntheses/", syntheses.synthesis_index, name="synthesis_index"),
    path("syntheses/<slug:theme_slug>/", syntheses.synthesis_detail, name="synthesis"),
    path(
        "introductions/<int:introduction_id>/",
        introductions.introduction,
        name="introduction",
    ),
    path(
        "introductions/<int:introduction_id>/accept/",
        introductions.accept,
        name="accept_introduction",
    ),
    path("following/", follows.following, name="following"),
    path("following/follow/", follows.follow, name="follow"),
    path("following/<int:follow_id>/stop/", follows.unfollow, name="unfollow"),
    path("unsubscribe/<str:token>/", follows.unsubscribe, name="unsubscribe"),
    path("broker/", include(curating_patterns)),
]
