"""Wagtail admin views for review frameworks beyond the snippet editor: make a new version."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from wagtail.snippets.permissions import get_permission_name

from .models import FrameworkVersion
from .services import copy_version


def copy_version_view(request, pk):
    """GET asks to confirm; POST makes the copy and opens it in the editor."""
    if not request.user.has_perm(get_permission_name("add", FrameworkVersion)):
        raise PermissionDenied
    version = get_object_or_404(FrameworkVersion.objects.select_related("framework"), pk=pk)
    if request.method != "POST":
        return TemplateResponse(
            request, "peer_review/admin/copy_version.html", {"version": version}
        )
    copy = copy_version(version=version, by=request.user)
    messages.success(
        request,
        f"Made {copy} from version {version.number}. Edit it, then mark it ready for cycles.",
    )
    return redirect("wagtailsnippets_peer_review_frameworkversion:edit", copy.pk)
