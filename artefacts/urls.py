"""Artefact pages that are not the Wagtail page itself, included at the site's root.

/networks/<network-slug>/artefacts/ lists a network's artefacts ("artefacts" is a reserved
artefact slug, so it never hides an artefact page); everything else is under /artefacts/.
"""

from django.urls import include, path

from .views import autosave, drafting, files, lists, moderation, revisions, spreading

app_name = "artefacts"

network_patterns = [
    path("", lists.network_list, name="network_list"),
    path("new/", drafting.create, name="create"),
    path("new/autosave/", autosave.autosave_new, name="autosave_new"),
]

artefact_patterns = [
    path("", lists.index, name="index"),
    path("yours/", lists.yours, name="yours"),
    path("<int:artefact_id>/", moderation.workspace, name="workspace"),
    path("<int:artefact_id>/edit/", drafting.edit, name="edit"),
    path("<int:artefact_id>/autosave/", autosave.autosave, name="autosave"),
    path("<int:artefact_id>/submit/", moderation.submit, name="submit"),
    path("<int:artefact_id>/approve/", moderation.approve, name="approve"),
    path("<int:artefact_id>/request-changes/", moderation.request_changes, name="request_changes"),
    path("<int:artefact_id>/tried/", spreading.tried, name="tried"),
    path(
        "<int:artefact_id>/tried/<int:trial_id>/withdraw/",
        spreading.withdraw_trial,
        name="withdraw_trial",
    ),
    path("<int:artefact_id>/tried/<int:trial_id>/hide/", spreading.hide_trial, name="hide_trial"),
    path(
        "<int:artefact_id>/tried/<int:trial_id>/show-again/",
        spreading.restore_trial,
        name="restore_trial",
    ),
    path("<int:artefact_id>/adapt/", spreading.adapt, name="adapt"),
    path("<int:artefact_id>/revisions/", revisions.revisions, name="revisions"),
    path("<int:artefact_id>/revisions/compare/", revisions.compare, name="compare"),
    path("<int:artefact_id>/documents/<int:document_id>/", files.document, name="document"),
    path("<int:artefact_id>/images/<int:image_id>/", files.image, name="image"),
]

urlpatterns = [
    path("artefacts/", include(artefact_patterns)),
    path("networks/<slug:network_slug>/artefacts/", include(network_patterns)),
]
