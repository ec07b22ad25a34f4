"""Every write about study visits goes through these verbs (keyword-only, one transaction each).

They ask visits.permissions again inside their transaction, raise core.errors.ActionRefused (or
NotAllowed) with a message for the person, and tell the people concerned in the app and by
e-mail through the outbox.
"""

from .attendance import mark_attendance
from .bookings import book_place, cancel_booking
from .calendars import ensure_feed, regenerate_feed_token
from .offers import (
    SessionTimes,
    add_session,
    cancel_offer,
    cancel_session,
    close_offer,
    complete_past_offers,
    create_offer,
    publish_offer,
    refresh_listings,
    reschedule_session,
    update_offer,
)
from .private import arrange_private_visit
from .protocol import (
    add_focus_question,
    agree_focus_question,
    draft_visit_report,
    set_host_lead,
    set_visitor_role,
    write_reflection,
)
from .reminders import due_reminders, send_due_reminders, send_reminder
from .requests import (
    accept_proposal,
    decline_request,
    propose_sessions,
    request_visit,
    withdraw_request,
)

__all__ = [
    "SessionTimes",
    "accept_proposal",
    "add_focus_question",
    "add_session",
    "agree_focus_question",
    "arrange_private_visit",
    "book_place",
    "cancel_booking",
    "cancel_offer",
    "cancel_session",
    "close_offer",
    "complete_past_offers",
    "create_offer",
    "decline_request",
    "draft_visit_report",
    "due_reminders",
    "ensure_feed",
    "mark_attendance",
    "propose_sessions",
    "publish_offer",
    "refresh_listings",
    "regenerate_feed_token",
    "request_visit",
    "reschedule_session",
    "send_due_reminders",
    "send_reminder",
    "set_host_lead",
    "set_visitor_role",
    "update_offer",
    "withdraw_request",
    "write_reflection",
]
