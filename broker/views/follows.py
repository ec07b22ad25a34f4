"""Following, the preferences page, and the one-click unsubscribe that needs no sign-in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.errors import ActionRefused
from networks.models import NetworkPage, Theme

from ..forms import FollowThemeForm, PreferencesForm
from ..models import Collection, DigestPreference
from ..selectors.digests import follows_of
from ..services import follows as services
from ..tokens import user_id_from

TARGETS = {
    "network": lambda pk: NetworkPage.objects.filter(pk=pk).first(),
    "theme": lambda pk: Theme.objects.filter(pk=pk).first(),
    "collection": lambda pk: Collection.objects.filter(pk=pk).first(),
}


def _back(request, fallback="broker:following"):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback)


@login_required
def following(request):
    preference = DigestPreference.objects.filter(user=request.user).first()
    form = PreferencesForm(
        request.POST or None,
        initial={
            "weekly_digest": preference.weekly_digest if preference else True,
            "in_app": preference.in_app if preference else True,
        },
    )
    if request.method == "POST" and form.is_valid():
        services.set_preferences(user=request.user, **form.cleaned_data)
        messages.success(request, "Your preferences are saved.")
        return redirect("broker:following")
    return render(
        request,
        "broker/following.html",
        {"form": form, "theme_form": FollowThemeForm(), "follows": follows_of(request.user)},
    )


@login_required
@require_POST
def follow(request):
    kind = request.POST.get("kind", "")
    raw_id = request.POST.get("id", "")
    target = TARGETS[kind](int(raw_id)) if kind in TARGETS and raw_id.isdigit() else None
    try:
        services.follow(user=request.user, kind=kind, target=target)
    except ActionRefused as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"You follow {target}.")
    return _back(request)


@login_required
@require_POST
def unfollow(request, follow_id):
    services.unfollow(user=request.user, follow_id=follow_id)
    messages.success(request, "You no longer follow it.")
    return _back(request)


@csrf_exempt  # mail clients POST here with no session (RFC 8058); the signed token is the key
def unsubscribe(request, token):
    """GET shows what the link does; POST (the button, or a mail client's one-click request)
    stops the weekly digest. A bad token changes nothing and says so."""
    if request.method == "POST":
        try:
            user = services.unsubscribe(token=token)
        except ActionRefused as error:
            return render(request, "broker/unsubscribe.html", {"error": error.message}, status=400)
        return render(request, "broker/unsubscribe.html", {"done": True, "email": user.email})
    if user_id_from(token) is None:
        return render(
            request,
            "broker/unsubscribe.html",
            {"error": "This unsubscribe link is not valid: it may have been copied only in "
             "part. Nothing has changed."},
            status=400,
        )  # fmt: skip
    return render(request, "broker/unsubscribe.html", {"token": token})
