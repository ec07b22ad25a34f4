"""The report: the page (chart, table, trend), the lead reviewer's writing, and downloads."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from core.errors import ActionRefused
from core.views import add_refusal_to_form

from .. import permissions, selectors, services
from ..charts import gap_chart
from ..downloads import report_csv, report_pdf
from ..forms import FindingForm, ReportForm
from ..models import ReviewReport
from ._common import cycle_or_404, post_service, refuse_page


def _report_or_404(request, cycle_id):
    cycle = cycle_or_404(request, cycle_id)
    refuse_page(permissions.why_not_view_report(request.user, cycle))
    report = ReviewReport.objects.filter(cycle=cycle).select_related("written_by").first()
    if report is None:
        raise Http404("The report has not been written yet.")
    return cycle, report


def _rows(cycle):
    return selectors.criterion_rows(cycle, show_self=True, with_findings=True)


@login_required
def report_page(request, cycle_id):
    cycle, report = _report_or_404(request, cycle_id)
    rows = _rows(cycle)
    max_level = max((level.number for row in rows for level in row.levels), default=4)
    return render(
        request,
        "peer_review/report.html",
        {
            "cycle": cycle,
            "network": cycle.network,
            "report": report,
            "rows": rows,
            "chart": gap_chart(rows, max_level=max_level),
            "trend": selectors.trend(cycle),
            "can_write": permissions.can_write_report(request.user, cycle),
        },
    )


@login_required
def report_csv_download(request, cycle_id):
    cycle, _report = _report_or_404(request, cycle_id)
    response = HttpResponse(report_csv(cycle, _rows(cycle)), content_type="text/csv; charset=utf-8")
    name = slugify(f"{cycle.network.title} review {cycle.number}")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def report_pdf_download(request, cycle_id):
    cycle, report = _report_or_404(request, cycle_id)
    response = HttpResponse(report_pdf(cycle, report, _rows(cycle)), content_type="application/pdf")
    name = slugify(f"{cycle.network.title} review {cycle.number}")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def write_report(request, cycle_id):
    cycle = cycle_or_404(request, cycle_id)
    refuse_page(permissions.why_not_write_report(request.user, cycle))
    report = ReviewReport.objects.filter(cycle=cycle).first()
    rows = _rows(cycle)
    posted = request.POST.get("form") if request.method == "POST" else None
    summary_form = ReportForm(
        request.POST if posted == "summary" else None,
        initial={"summary": report.summary} if report else None,
        prefix="summary",
    )
    finding_forms = []
    for row in rows:
        key = f"finding-{row.criterion.pk}"
        initial = (
            {
                "strengths": row.finding.strengths,
                "areas_to_develop": row.finding.areas_to_develop,
                "evidence_seen": row.finding.evidence_seen,
            }
            if row.finding
            else None
        )
        finding_forms.append(
            (row, FindingForm(request.POST if posted == key else None, initial=initial, prefix=key))
        )
    if posted == "summary" and summary_form.is_valid():
        try:
            services.write_report(cycle=cycle, by=request.user, **summary_form.cleaned_data)
        except ActionRefused as error:
            add_refusal_to_form(summary_form, error)
        else:
            return redirect(request.path)
    for row, form in finding_forms:
        if posted == f"finding-{row.criterion.pk}" and form.is_valid():
            try:
                services.write_finding(
                    cycle=cycle, criterion=row.criterion, by=request.user, **form.cleaned_data
                )
            except ActionRefused as error:
                add_refusal_to_form(form, error)
            else:
                return redirect(f"{request.path}#criterion-{row.criterion.pk}")
    return render(
        request,
        "peer_review/report_edit.html",
        {
            "cycle": cycle,
            "network": cycle.network,
            "report": report,
            "summary_form": summary_form,
            "finding_forms": finding_forms,
            "ratings": selectors.peer_ratings(cycle),
        },
    )


@login_required
@require_POST
def issue_report(request, cycle_id):
    cycle = cycle_or_404(request, cycle_id)
    return post_service(
        request,
        lambda: services.issue_report(cycle=cycle, by=request.user),
        success="The report is issued to the network.",
        to=cycle,
    )
