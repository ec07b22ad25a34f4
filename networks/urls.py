"""Network actions, served under /networks/ before Wagtail's pages.

/networks/<slug>/ itself is the network's Wagtail page; these are the paths beneath it that
are not pages, plus /networks/propose/, /networks/proposals/… (the broker's queue) and
/networks/invitations/<token>/ (whose first parts are reserved slugs, see
networks.services.RESERVED_SLUGS).
"""

from django.urls import path

from .views import decisions, invitations, manage, proposals

app_name = "networks"

manage_prefix = "<slug:network_slug>/manage/"

urlpatterns = [
    path("propose/", proposals.propose, name="propose"),
    path("proposals/", proposals.queue, name="proposals"),
    path("proposals/<int:proposal_id>/", proposals.proposal, name="proposal"),
    path("proposals/<int:proposal_id>/approve/", proposals.approve, name="approve_proposal"),
    path("proposals/<int:proposal_id>/decline/", proposals.decline, name="decline_proposal"),
    path("proposals/<int:proposal_id>/withdraw/", proposals.withdraw, name="withdraw_proposal"),
    path("invitations/<str:token>/", invitations.invitation, name="invitation"),
    path("<slug:network_slug>/join/", invitations.join, name="join"),
    path("<slug:network_slug>/leave/", manage.leave, name="leave"),
    path(manage_prefix, manage.manage, name="manage"),
    path(
        "<slug:network_slug>/appointments/<int:decision_id>/",
        decisions.appointment,
        name="appointment",
    ),
    path(
        "<slug:network_slug>/appointments/<int:decision_id>/agree/",
        decisions.agree,
        name="agree_to_appointment",
    ),
    path(
        "<slug:network_slug>/appointments/<int:decision_id>/decline/",
        decisions.decline,
        name="decline_appointment",
    ),
    path(f"{manage_prefix}invite/", invitations.invite, name="invite"),
    path(
        f"{manage_prefix}invitations/<int:invitation_id>/revoke/",
        invitations.revoke,
        name="revoke_invitation",
    ),
    path(
        f"{manage_prefix}requests/<int:request_id>/approve/",
        invitations.approve_request,
        name="approve_request",
    ),
    path(
        f"{manage_prefix}requests/<int:request_id>/decline/",
        invitations.decline_request,
        name="decline_request",
    ),
    path(
        f"{manage_prefix}people/<int:membership_id>/role/", manage.change_role, name="change_role"
    ),
    path(f"{manage_prefix}people/<int:membership_id>/remove/", manage.remove, name="remove_member"),
    path(f"{manage_prefix}schools/add/", manage.add_school, name="add_school"),
    path(
        f"{manage_prefix}schools/<int:link_id>/remove/", manage.remove_school, name="remove_school"
    ),
    path(f"{manage_prefix}status/", manage.change_status, name="change_status"),
    path(f"{manage_prefix}decisions/propose/", decisions.propose, name="propose_decision"),
    path(
        f"{manage_prefix}decisions/<int:decision_id>/confirm/",
        decisions.confirm,
        name="confirm_decision",
    ),
    path(
        f"{manage_prefix}decisions/<int:decision_id>/withdraw/",
        decisions.withdraw,
        name="withdraw_decision",
    ),
]
