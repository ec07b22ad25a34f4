"""iCalendar files for study visits, built with the `icalendar` library.

Each session is one VEVENT with a stable UID (the session's uuid), a SEQUENCE raised on every
change, STATUS:CANCELLED once cancelled, DTSTART/DTEND in Europe/London with its VTIMEZONE,
LOCATION from the host school in the schools register and URL back to the visit.
"""

from datetime import UTC
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from django.conf import settings

PRODID = "-//Networked Learning Communities//Study visits//EN"
LONDON = ZoneInfo("Europe/London")


def location_of(session) -> str:
    school = session.host_school
    if school is None:
        return ""
    parts = [school.name, school.town, school.postcode]
    return ", ".join(part for part in parts if part)


def _moment(value):
    """In Europe/London, unless the local time is ambiguous (the hour repeated when the clocks go
    back), which a TZID time cannot tell apart: then in UTC."""
    local = value.astimezone(LONDON)
    if local.replace(fold=0).utcoffset() != local.replace(fold=1).utcoffset():
        return value.astimezone(UTC)
    return local


def _event(session) -> Event:
    offer = session.offer
    event = Event()
    event.add("uid", f"{session.uid}@visits.nlc")
    event.add("dtstamp", session.updated_at.astimezone(UTC))
    event.add("last-modified", session.updated_at.astimezone(UTC))
    event.add("dtstart", _moment(session.starts_at))
    event.add("dtend", _moment(session.ends_at))
    event.add("sequence", session.sequence)
    event.add("summary", f"Study visit: {offer.title} ({offer.network.title})")
    lines = [offer.question, "", offer.summary]
    if offer.practical_info:
        lines += ["", f"Practical information: {offer.practical_info}"]
    if offer.access_info:
        lines += ["", f"Access: {offer.access_info}"]
    if session.is_cancelled and session.cancelled_reason:
        lines = [f"Cancelled: {session.cancelled_reason}", "", *lines]
    event.add("description", "\n".join(lines))
    location = location_of(session)
    if location:
        event.add("location", location)
    event.add("url", f"{settings.SITE_URL}{offer.get_url()}")
    event.add("status", "CANCELLED" if session.is_cancelled else "CONFIRMED")
    return event


def calendar_for(sessions, *, name: str) -> bytes:
    """One VCALENDAR holding a VEVENT per session, with the Europe/London VTIMEZONE."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    for session in sessions:
        calendar.add_component(_event(session))
    calendar.add_missing_timezones()
    return calendar.to_ical()
