"""Open data under /api/v1/: the JSON lists (in the OpenAPI schema), CSV downloads and the
browsable description of the API."""

from django.urls import path

from . import api
from .views import open_data

app_name = "open_data"

urlpatterns = [
    path("artefacts/", api.ArtefactList.as_view(), name="artefacts"),
    path("networks/", api.NetworkList.as_view(), name="networks"),
    path("collections/", api.CollectionList.as_view(), name="collections"),
    path("visit-offers/", api.VisitOfferList.as_view(), name="visit_offers"),
    path("artefacts.csv", open_data.artefacts_csv, name="artefacts_csv"),
    path("networks.csv", open_data.networks_csv, name="networks_csv"),
    path("collections.csv", open_data.collections_csv, name="collections_csv"),
    path("visit-offers.csv", open_data.visit_offers_csv, name="visit_offers_csv"),
    path("docs/", open_data.api_docs, name="docs"),
]
