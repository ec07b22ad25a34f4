"""The network directory's filters: the phases and regions of core.vocabulary (the lists the
artefact form and search use too), the themes and the statuses."""

from django import forms
from django.core.paginator import Paginator
from django.utils.http import urlencode

from core.vocabulary import Phase, Region

from .models import NetworkStatus, Theme
from .selectors import network_directory, prefetch_directory_cards

NETWORKS_PER_PAGE = 12


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label="Network name", required=False, max_length=100)
    region = forms.ChoiceField(label="Region", required=False)
    phase = forms.ChoiceField(label="Phase", required=False)
    theme = forms.ChoiceField(label="Focus theme", required=False)
    status = forms.ChoiceField(label="Status", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        any_choice = [("", "Any")]
        self.fields["region"].choices = any_choice + list(Region.choices)
        self.fields["phase"].choices = any_choice + list(Phase.choices)
        self.fields["theme"].choices = any_choice + list(Theme.objects.values_list("slug", "name"))
        self.fields["status"].choices = any_choice + list(NetworkStatus.choices)

    def filters(self) -> dict:
        """The valid filters; an unknown value is ignored rather than failing the page."""
        if self.is_valid():
            return {key: value for key, value in self.cleaned_data.items() if value}
        return {
            key: self.cleaned_data[key]
            for key in self.fields
            if key not in self.errors and self.cleaned_data.get(key)
        }


def directory_context(request) -> dict:
    form = DirectoryFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    networks = network_directory(
        query=filters.get("q", ""),
        region=filters.get("region", ""),
        phase=filters.get("phase", ""),
        theme=filters.get("theme", ""),
        status=filters.get("status", ""),
    )
    page_obj = Paginator(networks, NETWORKS_PER_PAGE).get_page(request.GET.get("page"))
    prefetch_directory_cards(page_obj.object_list)
    return {
        "filter_form": form,
        "page_obj": page_obj,
        "networks": page_obj.object_list,
        "filters_applied": bool(filters),
        "query": urlencode(filters),
    }
