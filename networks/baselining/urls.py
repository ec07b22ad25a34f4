from django.urls import path

from . import views

app_name = "baselining"
urlpatterns = [
    path("", views.indicator_list, name="indicators"),
    path("add/", views.define_indicator, name="define_indicator"),
    path("<int:pk>/edit/", views.edit_indicator, name="edit_indicator"),
    path("<int:pk>/observations/add/", views.record_observation, name="record_observation"),
]
