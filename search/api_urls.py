"""/api/v1/: the search API and the OpenAPI schema describing it."""

from drf_spectacular.views import SpectacularAPIView

from django.urls import path

from .api import SearchAPIView, SuggestAPIView

app_name = "api"

urlpatterns = [
    path("search/", SearchAPIView.as_view(), name="search"),
    path("search/suggest/", SuggestAPIView.as_view(), name="suggest"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
]
