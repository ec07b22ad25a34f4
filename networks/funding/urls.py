from django.urls import path

from . import views

app_name = "funding"
urlpatterns = [
    path("", views.funding_overview, name="overview"),
    path("received/add/", views.record_funding, name="record_funding"),
    path("in-kind/add/", views.record_contribution, name="record_contribution"),
    path("plan/revise/", views.revise_plan, name="revise_plan"),
]
