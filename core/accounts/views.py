from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from .forms import ProfileForm
from .sections import account_sections


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile has been saved.")
        return redirect("accounts_profile")
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "sections": account_sections(request)},
    )


def sign_in_through_allauth(request):
    """Stands in for Wagtail's own sign-in forms (the admin's and private pages').

    Those forms accept a password alone: they skip two-factor authentication and the
    failed-login rate limit. So everyone signs in through allauth. A person who is already
    signed in was sent here because their account may not see what they asked for; a sign-in
    form would send them straight back, so they get the 403 page instead.
    """
    if request.user.is_authenticated:
        raise PermissionDenied("Your account does not have access to that page.")
    return redirect_to_login(request.GET.get(REDIRECT_FIELD_NAME) or "/")
