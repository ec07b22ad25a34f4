"""The visit protocol: focus questions agreed before the visit, roles, reflections and ratings
after it, and the study-visit report a visiting network drafts from its reflections."""

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, linebreaks

from artefacts.models import ArtefactType, Visibility
from artefacts.services import create_artefact
from core.errors import ActionRefused, field_problems
from core.notifications.services import notify_each
from networks.permissions import current_role

from .. import permissions
from ..models import (
    Booking,
    BookingStatus,
    FocusQuestion,
    Reflection,
    Usefulness,
    VisitorRole,
    VisitReport,
)
from ._common import co_leader_users, lock_session, refuse


@transaction.atomic
def add_focus_question(*, session, by, text: str) -> FocusQuestion:
    session = lock_session(session)
    refuse(permissions.why_not_add_focus_question(by, session))
    text = " ".join((text or "").split())
    if not text:
        raise ActionRefused(field_errors={"text": "Write the question."})
    if len(text) > 500:
        raise ActionRefused(field_errors={"text": "Keep the question under 500 characters."})
    return FocusQuestion.objects.create(session=session, text=text, added_by=by)


@transaction.atomic
def agree_focus_question(*, question, by) -> FocusQuestion:
    question = (
        FocusQuestion.objects.select_for_update(of=("self",))
        .select_related("session__offer__network")
        .get(pk=question.pk)
    )
    refuse(permissions.why_not_agree_focus_question(by, question))
    question.agreed_by, question.agreed_at = by, timezone.now()
    question.save(update_fields=["agreed_by", "agreed_at"])
    return question


@transaction.atomic
def set_host_lead(*, session, by, person) -> None:
    session = lock_session(session)
    refuse(permissions.why_not_give_roles(by, session))
    if person is not None and current_role(person, session.offer.network) is None:
        raise ActionRefused(
            field_errors={
                "host_lead": f"The host lead must be a member of {session.offer.network.title}."
            }
        )
    session.host_lead = person
    session.save(update_fields=["host_lead", "updated_at"])


@transaction.atomic
def set_visitor_role(*, booking, by, role: str) -> Booking:
    session = lock_session(booking.session)
    refuse(permissions.why_not_give_roles(by, session))
    if role not in VisitorRole.values:
        raise ActionRefused(field_errors={"role": "Choose a role."})
    booking = Booking.objects.select_for_update(of=("self",)).get(pk=booking.pk)
    if booking.session_id != session.pk or booking.status != BookingStatus.BOOKED:
        raise ActionRefused("Roles go to visitors with a place on this session.")
    booking.role = role
    booking.save(update_fields=["role"])
    return booking


@transaction.atomic
def write_reflection(
    *,
    session,
    by,
    what_we_saw: str,
    what_we_will_try: str,
    questions: str = "",
    usefulness: int,
    comment_for_hosts: str = "",
) -> Reflection:
    """A booked visitor's reflection, written (or rewritten) once the visit has ended."""
    session = lock_session(session)
    refuse(permissions.why_not_write_reflection(by, session))
    errors = field_problems(
        Reflection,
        what_we_saw=(what_we_saw or "").strip(),
        what_we_will_try=(what_we_will_try or "").strip(),
        questions=(questions or "").strip(),
        comment_for_hosts=(comment_for_hosts or "").strip(),
    )
    if not (what_we_saw or "").strip():
        errors["what_we_saw"] = "Say what you saw."
    if not (what_we_will_try or "").strip():
        errors["what_we_will_try"] = "Say what you will try."
    if usefulness not in Usefulness.values:
        errors["usefulness"] = "Rate how useful the visit was, from 1 to 5."
    if errors:
        raise ActionRefused(field_errors=errors)
    booking = Booking.objects.booked().get(session=session, person=by)
    reflection, created = Reflection.objects.update_or_create(
        session=session,
        author=by,
        defaults={
            "network": booking.network,
            "what_we_saw": what_we_saw.strip(),
            "what_we_will_try": what_we_will_try.strip(),
            "questions": (questions or "").strip(),
            "usefulness": usefulness,
            "comment_for_hosts": (comment_for_hosts or "").strip(),
        },
    )
    if created:
        notify_each(
            [*co_leader_users(session.offer.network), session.host_lead],
            message=f"{by.display_name} reflected on the visit “{session.offer.title}”.",
            url=session.get_absolute_url(),
        )
    return reflection


def _as_list(heading: str, reflections, field: str) -> str:
    items = [
        f"<li><p><b>{escape(r.author.display_name)}:</b></p>{linebreaks(getattr(r, field), autoescape=True)}</li>"
        for r in reflections
        if getattr(r, field).strip()
    ]
    if not items:
        return ""
    return f"<h3>{escape(heading)}</h3><ul>{''.join(items)}</ul>"


@transaction.atomic
def draft_visit_report(*, session, network, by):
    """Start a draft study-visit report artefact in `network`, prefilled from its visitors'
    reflections and linked to the visit; it then goes through the network's moderation."""
    session = lock_session(session)
    refuse(permissions.why_not_draft_report(by, session, network))
    existing = VisitReport.objects.filter(session=session, network=network).first()
    if existing is not None:
        raise ActionRefused("Your network has already drafted a report of this visit.")
    reflections = list(
        session.reflections.filter(network=network).select_related("author").order_by("pk")
    )
    if not reflections:
        raise ActionRefused("Nobody from your network has written a reflection yet.")
    offer = session.offer
    questions = list(session.focus_questions.all())
    context = (
        f"<p>We visited {escape(offer.network.title)} to look at: {escape(offer.question)}</p>"
    )
    if questions:
        context += "<ul>" + "".join(f"<li>{escape(q.text)}</li>" for q in questions) + "</ul>"
    still = _as_list("Questions we still have", reflections, "questions")
    fields = {
        "title": f"Study visit to {offer.network.title}: {offer.title}"[:255],
        "summary": f"What {network.title} saw on a study visit to {offer.network.title}, and what "
        "we will try."[:600],
        "artefact_type": ArtefactType.STUDY_VISIT_REPORT,
        "context": context,
        "what_we_did": _as_list("What we saw", reflections, "what_we_saw"),
        "try_it_steps": _as_list("What we will try", reflections, "what_we_will_try"),
        "what_did_not_work": "<p>To write together: what did not transfer, or what we are unsure "
        "about.</p>" + still,
        "visibility": Visibility.NETWORK,
        "themes": [offer.theme] if offer.theme_id else [],
    }
    artefact = create_artefact(network=network, by=by, fields=fields, tags=["study visit"])
    VisitReport.objects.create(session=session, network=network, artefact=artefact, created_by=by)
    return artefact
