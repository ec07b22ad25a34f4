"""The GIAS upload in the Wagtail admin: a form that stores the file, and a page per import.

The import itself runs in a Celery task (`tasks.run_school_import_task`): a 50,000-row file
takes seconds, too long to hold a request open.
"""

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.views.generic import FormView, TemplateView

from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import SchoolImportForm
from .models import SchoolImport
from .permissions import can_import_schools
from .services import STORED_ROW_ERRORS, start_school_import

RECENT_IMPORTS = 10
INDEX_URL_NAME = "schools:index"


class ImportPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_import_schools(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(INDEX_URL_NAME), "label": "Schools"},
            {"url": reverse("schools:import"), "label": "Import GIAS CSV"},
        ]


class SchoolImportFormView(ImportPermissionMixin, WagtailAdminTemplateMixin, FormView):
    form_class = SchoolImportForm
    template_name = "schools/admin/import_form.html"
    page_title = "Import GIAS CSV"
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items()[:-1] + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["recent_imports"] = SchoolImport.objects.select_related("uploaded_by")[
            :RECENT_IMPORTS
        ]
        return context

    def form_valid(self, form):
        school_import = start_school_import(file=form.cleaned_data["file"], by=self.request.user)
        messages.success(
            self.request,
            f"“{school_import.original_name}” is uploaded. The import runs in the background: "
            "refresh this page to see its result.",
        )
        return redirect("schools:import_detail", pk=school_import.pk)

    def form_invalid(self, form):
        messages.error(self.request, "The file was not imported. See the error below.")
        return super().form_invalid(form)


class SchoolImportDetailView(ImportPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "schools/admin/import_detail.html"
    header_icon = "upload"
    index_url = reverse_lazy(INDEX_URL_NAME)

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.school_import = get_object_or_404(
            SchoolImport.objects.select_related("uploaded_by"), pk=kwargs["pk"]
        )

    def get_page_title(self):
        return f"Import of {self.school_import.original_name}"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        school_import = self.school_import
        context.update(
            school_import=school_import,
            row_errors=school_import.row_errors,
            more_errors=max(school_import.error_count - len(school_import.row_errors), 0),
            stored_row_errors=STORED_ROW_ERRORS,
            statuses=SchoolImport.Status,
            index_url=self.index_url,
        )
        return context
