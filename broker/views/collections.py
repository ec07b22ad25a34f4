"""Public collection pages: /collections/ and /collections/<slug>/."""

from django.shortcuts import render

from core.pagecache import cache_for_anonymous
from networks.models import Theme

from ..permissions import can_curate, can_follow, collection_or_404
from ..selectors.collections import collection_items_for, published_collections
from ..selectors.digests import follow_of
from ._common import paginate


@cache_for_anonymous
def collection_index(request):
    theme = Theme.objects.filter(slug=request.GET.get("theme", "").strip()).first()
    page_obj = paginate(request, published_collections(request.user, theme=theme))
    return render(
        request,
        "broker/collection_index.html",
        {
            "page_obj": page_obj,
            "collections": list(page_obj.object_list),
            "themes": Theme.objects.filter(collections__published_at__isnull=False)
            .distinct()
            .order_by("name"),
            "theme": theme,
            "query": f"theme={theme.slug}" if theme else "",
            "can_curate": can_curate(request.user),
        },
    )


@cache_for_anonymous
def collection_detail(request, slug):
    collection = collection_or_404(request.user, slug)
    return render(
        request,
        "broker/collection_detail.html",
        {
            "collection": collection,
            "items": collection_items_for(collection, request.user),
            "can_curate": can_curate(request.user),
            "can_follow": can_follow(request.user) and collection.is_published,
            "follow": follow_of(request.user, "collection", collection),
        },
    )
