from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from networks.models import NetworkSchool
from networks.permissions import deny_unless

from .permissions import why_not_view_engagement_overview
from .selectors import ACTIVE_WINDOW_DAYS, active_people_by_network, active_people_by_school_in

NETWORKS_PER_PAGE = 20


@login_required
def engagement_overview(request):
    """The national broker's view: every network by active people, with per-school counts."""
    deny_unless(why_not_view_engagement_overview(request.user))
    page_obj = Paginator(active_people_by_network(), NETWORKS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    networks = list(page_obj.object_list)
    links = active_people_by_school_in(
        NetworkSchool.objects.filter(network_id__in=[network.pk for network in networks])
    )
    schools_by_network = {
        network_id: list(rows)
        for network_id, rows in groupby(links, key=lambda link: link.network_id)
    }
    rows = [(network, schools_by_network.get(network.pk, [])) for network in networks]
    return render(
        request,
        "engagement/overview.html",
        {"page_obj": page_obj, "rows": rows, "window_days": ACTIVE_WINDOW_DAYS},
    )
