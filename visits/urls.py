"""Study visits, under /visits/."""

from django.urls import path

from .views import broker, calendars, offers, protocol, requests

app_name = "visits"

urlpatterns = [
    path("", offers.index, name="index"),
    path("mine/", offers.mine, name="mine"),
    path("offers/new/", offers.create, name="create"),
    path("offers/<int:offer_id>/", offers.detail, name="offer"),
    path("offers/<int:offer_id>/edit/", offers.edit, name="edit"),
    path("offers/<int:offer_id>/sessions/new/", offers.add_session, name="add_session"),
    path("offers/<int:offer_id>/publish/", offers.publish, name="publish"),
    path("offers/<int:offer_id>/close/", offers.close, name="close"),
    path("offers/<int:offer_id>/cancel/", offers.cancel, name="cancel"),
    path("offers/<int:offer_id>/book/", offers.book, name="book"),
    path("bookings/<int:booking_id>/cancel/", offers.cancel_booking, name="cancel_booking"),
    path("sessions/<int:session_id>/", protocol.session, name="session"),
    path("sessions/<int:session_id>/reschedule/", offers.reschedule, name="reschedule"),
    path("sessions/<int:session_id>/cancel/", offers.cancel_session, name="cancel_session"),
    path("sessions/<int:session_id>/questions/", protocol.add_question, name="add_question"),
    path(
        "sessions/<int:session_id>/questions/<int:question_id>/agree/",
        protocol.agree_question,
        name="agree_question",
    ),
    path("sessions/<int:session_id>/roles/", protocol.roles, name="roles"),
    path("sessions/<int:session_id>/attendance/", protocol.attendance, name="attendance"),
    path("sessions/<int:session_id>/reflect/", protocol.reflect, name="reflect"),
    path("sessions/<int:session_id>/report/", protocol.report, name="report"),
    path("<int:session_id>/calendar.ics", calendars.session_calendar, name="session_calendar"),
    path("feed/regenerate/", calendars.regenerate_feed, name="regenerate_feed"),
    path("feed/<str:token>.ics", calendars.personal_feed, name="personal_feed"),
    path(
        "networks/<slug:network_slug>/calendar.ics",
        calendars.network_feed,
        name="network_feed",
    ),
    path("requests/", requests.index, name="requests"),
    path("requests/new/", requests.create, name="request_new"),
    path("requests/<int:request_id>/", requests.detail, name="request"),
    path("requests/<int:request_id>/propose/", requests.propose, name="propose"),
    path("requests/<int:request_id>/decline/", requests.decline, name="decline"),
    path("requests/<int:request_id>/accept/", requests.accept, name="accept"),
    path("requests/<int:request_id>/withdraw/", requests.withdraw, name="withdraw"),
    path("broker/", broker.overview, name="broker"),
    path("broker/visits.csv", broker.download, name="broker_csv"),
]
