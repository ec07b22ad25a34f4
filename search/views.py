"""The search page at /search/: one box, facets with counts, sort, snippets and pages."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from . import registry
from .api import search_query_from
from .query import FACETS, SORT_NEWEST, SORT_RELEVANCE
from .selectors import search_for
from .services import record_search


def _querystring(params, *, drop=("page",), **replace) -> str:
    pairs = [
        (key, value)
        for key, values in params.lists()
        if key not in drop and key not in replace
        for value in values
        if value != ""
    ]
    pairs += [(key, value) for key, value in replace.items() if value not in (None, "")]
    return urlencode(pairs)


@require_GET
def search_page(request):
    query, errors = search_query_from(request.GET, lenient=True)
    outcome = search_for(user=request.user, query=query)
    results = outcome.results
    if query.page == 1:
        record_search(
            text=query.text,
            filters=query.active_filters(),
            result_count=results.total,
            searcher=request.user,
        )
    last_page = query.last_page(results.num_pages)
    page_obj = None
    if results.total and query.page <= last_page:
        paginator = Paginator(
            range(min(results.total, last_page * query.page_size)), query.page_size
        )
        page_obj = paginator.page(query.page)
    labels = registry.type_labels()
    for hit in results.hits:
        hit.type_label = labels.get(hit.type, hit.type)
    facets = [
        {"name": name, "label": facet.label, "values": results.facets.get(name, [])}
        for name, facet in FACETS.items()
    ]
    context = {
        "query": query,
        "q": query.text,
        "outcome": outcome,
        "results": results,
        "hits": results.hits,
        "facets": [facet for facet in facets if facet["values"]],
        "filters_applied": bool(query.active_filters()),
        "page_obj": page_obj,
        "beyond_last_page": bool(results.total) and query.page > last_page,
        "pagination_query": _querystring(request.GET),
        "sort": query.effective_sort,
        "sort_options": [(SORT_RELEVANCE, "Relevance"), (SORT_NEWEST, "Newest")],
        "did_you_mean_query": _querystring(request.GET, q=results.did_you_mean)
        if results.did_you_mean
        else "",
        "ignored_parameters": sorted(errors),
        "clear_filters_query": urlencode({"q": query.text}) if query.text else "",
        "page_size": query.page_size,
    }
    return render(request, "search/search_page.html", context)
