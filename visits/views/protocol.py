"""The visit's own page: focus questions and roles before, reflections and ratings after, and
the visiting network's draft report."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.errors import ActionRefused
from core.views import add_refusal_to_form, perform_and_redirect
from networks.models import Membership, NetworkPage

from .. import permissions, selectors, services
from ..forms import AttendanceForm, FocusQuestionForm, ReflectionForm, RolesForm
from ..models import FocusQuestion, Reflection


def _session(request, session_id, allowed=permissions.can_view_visit):
    return permissions.session_or_404(request.user, session_id, allowed=allowed)


@login_required
def session(request, session_id):
    visit = _session(request, session_id)
    user = request.user
    bookings = list(selectors.session_bookings(visit))
    can_reflections = permissions.can_view_reflections(user, visit)
    reflections = (
        list(visit.reflections.select_related("author", "network").order_by("created_at"))
        if can_reflections
        else []
    )
    visiting = {b.network_id: b.network for b in bookings if b.status == "booked"}
    reports = {r.network_id: r for r in visit.reports.select_related("artefact")}
    report_networks = [
        {"network": network, "report": reports.get(network.pk)}
        for network in visiting.values()
        if permissions.can_draft_report(user, visit, network) or network.pk in reports
    ]
    questions = list(visit.focus_questions.select_related("added_by", "agreed_by"))
    mine = next((r for r in reflections if r.author_id == user.pk), None)
    if mine is None and permissions.can_write_reflection(user, visit):
        mine = Reflection.objects.filter(session=visit, author=user).first()
    return render(
        request,
        "visits/session.html",
        {
            "visit": visit,
            "offer": visit.offer,
            "bookings": bookings,
            "questions": [(q, permissions.can_agree_focus_question(user, q)) for q in questions],
            "question_form": FocusQuestionForm(),
            "can_add_question": permissions.can_add_focus_question(user, visit),
            "can_give_roles": permissions.can_give_roles(user, visit),
            "attendance_form": _attendance_form(visit, bookings)
            if permissions.can_mark_attendance(user, visit)
            else None,
            "can_reflect": permissions.can_write_reflection(user, visit),
            "my_reflection": mine,
            "reflections": reflections,
            "can_view_reflections": can_reflections,
            "can_view_ratings": permissions.can_view_ratings(user, visit),
            "ratings_average": _average([r.usefulness for r in reflections]),
            "report_networks": report_networks,
        },
    )


def _attendance_form(visit, bookings, data=None):
    return AttendanceForm(data, bookings=[b for b in bookings if b.status == "booked"])


@login_required
def attendance(request, session_id):
    """The host co-leaders say who came (the form is also on the session's page)."""
    visit = _session(request, session_id)
    refusal = permissions.why_not_mark_attendance(request.user, visit)
    if refusal:
        raise PermissionDenied(refusal)
    form = _attendance_form(visit, selectors.session_bookings(visit), request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.mark_attendance(session=visit, by=request.user, attended=form.attended())
        except ActionRefused as error:
            add_refusal_to_form(form, error)
        else:
            messages.success(request, "Attendance is saved.")
            return redirect(visit.get_absolute_url())
    return render(
        request,
        "visits/confirm_form.html",
        {
            "form": form,
            "title": "Who attended the visit",
            "lead": "Say for each visitor with a place whether they came. Attending counts "
            "towards their network's engagement.",
            "submit_label": "Save attendance",
            "back": visit.get_absolute_url(),
        },
        status=400 if form.errors else 200,
    )


def _average(values):
    return round(sum(values) / len(values), 1) if values else None


@login_required
@require_POST
def add_question(request, session_id):
    visit = _session(request, session_id)
    form = FocusQuestionForm(request.POST)
    text = form.data.get("text", "")
    return perform_and_redirect(
        request,
        lambda: services.add_focus_question(session=visit, by=request.user, text=text),
        success="The focus question is added: someone from the other side agrees it.",
        to=visit.get_absolute_url(),
    )


@login_required
@require_POST
def agree_question(request, session_id, question_id):
    visit = _session(request, session_id)
    question = get_object_or_404(FocusQuestion, pk=question_id, session=visit)
    return perform_and_redirect(
        request,
        lambda: services.agree_focus_question(question=question, by=request.user),
        success="The focus question is agreed.",
        to=visit.get_absolute_url(),
    )


@login_required
def roles(request, session_id):
    visit = _session(request, session_id)
    refusal = permissions.why_not_give_roles(request.user, visit)
    if refusal:
        raise PermissionDenied(refusal)
    members = get_user_model().objects.filter(
        pk__in=Membership.objects.current().filter(network=visit.offer.network).values("user_id")
    )
    bookings = [b for b in selectors.session_bookings(visit) if b.status == "booked"]
    form = RolesForm(
        request.POST or None,
        members=members,
        bookings=bookings,
        initial={"host_lead": visit.host_lead_id},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_host_lead(
                session=visit, by=request.user, person=form.cleaned_data["host_lead"]
            )
            for booking in form.bookings:
                services.set_visitor_role(
                    booking=booking, by=request.user, role=form.cleaned_data[f"role_{booking.pk}"]
                )
        except ActionRefused as error:
            add_refusal_to_form(form, error)
        else:
            messages.success(request, "The roles are saved.")
            return redirect(visit.get_absolute_url())
    return render(
        request,
        "visits/confirm_form.html",
        {
            "form": form,
            "title": "Roles for the visit",
            "lead": "Name the host lead, and who observes and who takes notes.",
            "submit_label": "Save the roles",
            "back": visit.get_absolute_url(),
        },
        status=400 if form.errors else 200,
    )


@login_required
def reflect(request, session_id):
    visit = _session(request, session_id)
    refusal = permissions.why_not_write_reflection(request.user, visit)
    if refusal:
        raise PermissionDenied(refusal)
    existing = Reflection.objects.filter(session=visit, author=request.user).first()
    initial = (
        {
            name: getattr(existing, name)
            for name in (
                "what_we_saw",
                "what_we_will_try",
                "questions",
                "usefulness",
                "comment_for_hosts",
            )
        }
        if existing
        else None
    )
    form = ReflectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.write_reflection(session=visit, by=request.user, **form.cleaned_data)
        except ActionRefused as error:
            add_refusal_to_form(form, error)
        else:
            messages.success(request, "Thank you: your reflection is saved.")
            return redirect(visit.get_absolute_url())
    return render(
        request,
        "visits/confirm_form.html",
        {
            "form": form,
            "title": f"Your reflection on “{visit.offer.title}”",
            "lead": "Read by the visit's hosts and visitors and the two networks' co-leaders; "
            "never public, unless your network publishes a report.",
            "submit_label": "Save your reflection",
            "back": visit.get_absolute_url(),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def report(request, session_id):
    visit = _session(request, session_id)
    network = get_object_or_404(NetworkPage, pk=request.POST.get("network") or 0)
    try:
        artefact = services.draft_visit_report(session=visit, network=network, by=request.user)
    except ActionRefused as error:
        messages.error(request, error.message)
        return redirect(visit.get_absolute_url())
    messages.success(
        request,
        "A draft study-visit report is ready in your network: edit it, then submit it for review.",
    )
    return redirect("artefacts:workspace", artefact_id=artefact.pk)
