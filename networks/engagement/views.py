from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from networks.models import NetworkSchool
from networks.permissions import deny_unless

from .charts import term_chart
from .permissions import why_not_view_engagement_overview
from .selectors import ACTIVE_WINDOW_DAYS, engagement_overview

NETWORKS_PER_PAGE = 20


@login_required
def engagement_overview_page(request):
    """The national broker's view: every network by active people, with per-school counts, and
    the trend by term across all networks."""
    deny_unless(why_not_view_engagement_overview(request.user))
    overview = engagement_overview()
    page_obj = Paginator(overview.networks, NETWORKS_PER_PAGE).get_page(request.GET.get("page"))
    networks = list(page_obj.object_list)
    links = overview.school_links(
        NetworkSchool.objects.filter(
            network_id__in=[network.pk for network in networks], left_on__isnull=True
        ).select_related("school")
    )
    schools_by_network = {
        network_id: list(rows)
        for network_id, rows in groupby(links, key=lambda link: link.network_id)
    }
    rows = [(network, schools_by_network.get(network.pk, [])) for network in networks]
    return render(
        request,
        "engagement/overview.html",
        {
            "page_obj": page_obj,
            "rows": rows,
            "window_days": ACTIVE_WINDOW_DAYS,
            "terms": overview.terms,
            "chart": term_chart(
                None, overview.terms, title="People active across all networks, by school term"
            ),
        },
    )
