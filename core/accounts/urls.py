from django.urls import path

from . import views

urlpatterns = [
    path("profile/", views.profile, name="accounts_profile"),
    path("welcome/", views.onboarding, name="accounts_onboarding"),
    path("welcome/schools/", views.school_suggestions, name="accounts_school_suggestions"),
    path("welcome/next/", views.onboarding_next, name="accounts_onboarding_next"),
]
