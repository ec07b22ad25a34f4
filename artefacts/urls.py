"""Artefact pages that are not the Wagtail page itself, included at the site's root.

/networks/<network-slug>/artefacts/ lists a network's artefacts ("artefacts" is a reserved
artefact slug, so it never hides an artefact page); everything else is under /artefacts/.
"""

from django.urls import include, path

from . import views

app_name = "artefacts"

network_patterns = [
    path("", views.network_list, name="network_list"),
    path("new/", views.create, name="create"),
]

artefact_patterns = [
    path("", views.index, name="index"),
    path("yours/", views.yours, name="yours"),
    path("<int:artefact_id>/", views.workspace, name="workspace"),
    path("<int:artefact_id>/edit/", views.edit, name="edit"),
    path("<int:artefact_id>/submit/", views.submit, name="submit"),
    path("<int:artefact_id>/approve/", views.approve, name="approve"),
    path("<int:artefact_id>/request-changes/", views.request_changes, name="request_changes"),
    path("<int:artefact_id>/tried/", views.tried, name="tried"),
    path(
        "<int:artefact_id>/tried/<int:trial_id>/withdraw/",
        views.withdraw_trial,
        name="withdraw_trial",
    ),
    path("<int:artefact_id>/tried/<int:trial_id>/hide/", views.hide_trial, name="hide_trial"),
    path("<int:artefact_id>/adapt/", views.adapt, name="adapt"),
    path("<int:artefact_id>/revisions/", views.revisions, name="revisions"),
    path("<int:artefact_id>/revisions/compare/", views.compare, name="compare"),
    path("<int:artefact_id>/documents/<int:document_id>/", views.document, name="document"),
    path("<int:artefact_id>/images/<int:image_id>/", views.image, name="image"),
]

urlpatterns = [
    path("artefacts/", include(artefact_patterns)),
    path("networks/<slug:network_slug>/artefacts/", include(network_patterns)),
]
