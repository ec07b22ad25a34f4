"""Review pages, under /reviews/. None of them is a Wagtail page: nothing here reaches search,
feeds or the sitemap, and every view asks peer_review.permissions."""

from django.urls import path

from .views import cycles, report, response, work

app_name = "peer_review"

urlpatterns = [
    path("", cycles.my_reviews, name="mine"),
    path("overview/", response.overview, name="overview"),
    path("networks/<slug:network_slug>/open/", cycles.open_cycle, name="open"),
    path("networks/<slug:network_slug>/conflict/", work.declare_conflict, name="declare_conflict"),
    path("invitations/<int:place_id>/", work.invitation, name="invitation"),
    path("<int:cycle_id>/", cycles.cycle_page, name="cycle"),
    path("<int:cycle_id>/advance/", cycles.advance, name="advance"),
    path("<int:cycle_id>/deadlines/<slug:phase>/extend/", cycles.extend, name="extend"),
    path("<int:cycle_id>/criteria/<int:criterion_id>/", work.criterion_page, name="criterion"),
    path(
        "<int:cycle_id>/evidence/<int:evidence_id>/file/", work.evidence_file, name="evidence_file"
    ),
    path(
        "<int:cycle_id>/evidence/<int:evidence_id>/remove/",
        work.remove_evidence,
        name="remove_evidence",
    ),
    path("<int:cycle_id>/ratings/submit/", work.submit_ratings, name="submit_ratings"),
    path("<int:cycle_id>/team/", work.team_page, name="team"),
    path("<int:cycle_id>/team/invite/<int:user_id>/", work.invite_suggestion, name="invite"),
    path(
        "<int:cycle_id>/team/<int:place_id>/<slug:action>/",
        work.team_place_action,
        name="team_action",
    ),
    path("<int:cycle_id>/visit/", work.schedule_visit, name="visit"),
    path("<int:cycle_id>/report/", report.report_page, name="report"),
    path("<int:cycle_id>/report/write/", report.write_report, name="write_report"),
    path("<int:cycle_id>/report/issue/", report.issue_report, name="issue_report"),
    path("<int:cycle_id>/report.csv", report.report_csv_download, name="report_csv"),
    path("<int:cycle_id>/report.pdf", report.report_pdf_download, name="report_pdf"),
    path("<int:cycle_id>/plan/", response.plan_page, name="plan"),
    path("<int:cycle_id>/learning/", response.start_learning, name="start_learning"),
]
