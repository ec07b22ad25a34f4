from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect, render

from core.errors import ActionRefused
from core.schools.selectors import schools_matching
from core.views import add_refusal_to_form

from .forms import OnboardingForm, ProfileForm, school_label
from .sections import account_sections
from .services import complete_onboarding

SUGGESTIONS = 10
MAX_QUERY = 100


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


@login_required
def onboarding(request):
    """A new person's first page after verifying their address: name, role and school.

    "Find school" (no JavaScript needed) shows the register's matches and keeps what was typed;
    "Save and continue" records it all. They may skip it and come back from their pages.
    """
    person = request.user
    if request.method == "POST" and "find" in request.POST:
        form = OnboardingForm(initial=request.POST.dict(), person=person)
        return _onboarding_page(request, form, searched=True)
    if request.method != "POST":
        form = OnboardingForm(initial=_onboarding_initial(person), person=person)
        return _onboarding_page(request, form)
    form = OnboardingForm(request.POST, person=person)
    if form.is_valid():
        try:
            complete_onboarding(
                person=person,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                work_role=form.cleaned_data["work_role"],
                school=form.cleaned_data["school"],
            )
        except ActionRefused as error:
            add_refusal_to_form(form, error)
        else:
            messages.success(request, f"Thank you, {person.first_name}: your details are saved.")
            return redirect("accounts_onboarding_next")
    return _onboarding_page(request, form)


def _onboarding_initial(person) -> dict:
    return {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "work_role": person.work_role,
        "school": person.school.name if person.school else "",
        "school_choice": str(person.school_id or ""),
    }


def _onboarding_page(request, form, *, searched: bool = False):
    return render(request, "accounts/onboarding.html", {"form": form, "searched": searched})


@login_required
def school_suggestions(request):
    """Schools matching what someone is typing, as labels the onboarding form understands (the
    school search's progressive enhancement; without JavaScript, "Find school" does this)."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY]
    schools = schools_matching(query, limit=SUGGESTIONS) if len(query) >= 3 else []
    return JsonResponse({"schools": [school_label(school) for school in schools]})


@login_required
def onboarding_next(request):
    """What to do next: find a network, ask to join one, or propose one."""
    return render(request, "accounts/onboarding_next.html")


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
