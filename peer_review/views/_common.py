"""What the review views share: fetch-and-authorise, and the POST → service → redirect trip."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from core.errors import ActionRefused
from core.views import add_refusal_to_form, report_refusal

from ..permissions import cycle_for_user_or_404


def cycle_or_404(request, cycle_id):
    return cycle_for_user_or_404(request.user, cycle_id)


def refuse_page(why: str | None) -> None:
    """A page the person may not use: 403 with the permission's own words."""
    if why:
        raise PermissionDenied(why)


def post_service(request, action, *, success: str, to):
    try:
        action()
    except ActionRefused as error:
        report_refusal(request, error)
    else:
        messages.success(request, success)
    return redirect(to)


def run_form(request, form, action, *, success: str, to):
    """Valid form → service; refusal → shown on the form. Returns a redirect or None."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        action(form.cleaned_data)
    except ActionRefused as error:
        add_refusal_to_form(form, error)
        return None
    messages.success(request, success)
    return redirect(to)
