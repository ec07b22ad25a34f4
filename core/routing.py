from django.db.models import Q

from wagtail.models import Page, PageViewRestriction

from core.pagecache import kept_with_page, page_path


class SpecificChildRouting:
    """Route to a descendant page in one query instead of Wagtail's two per level.

    Wagtail finds each child as a base Page, then loads its specific subclass: two queries for
    every level of the URL. When every page on the way can have children of one creatable type
    only, and routes no other way, the type of the page at the end of the URL is known, and that
    page is looked up by its `url_path` directly (with the relations its model names in
    `routing_select_related`). Otherwise, or when no page has that path (a URL a page answers
    itself, or one that does not exist), each level is looked up as its one type, and a child
    of another type (made before the rule, or moved in the admin) routes through Wagtail's own.
    """

    routing_select_related: tuple[str, ...] = ()

    def route(self, request, path_components):
        if len(path_components) > 1:
            page = descendant_by_url_path(type(self), self, path_components)
            if page is not None:
                return page.route(request, [])
        child_models = self.creatable_subpage_models()
        if path_components and len(child_models) == 1:
            child_model = child_models[0]
            try:
                child = child_model.objects.child_of(self).get(slug=path_components[0])
            except child_model.DoesNotExist:
                return super().route(request, path_components)
            child._cached_parent_obj = self  # treebeard's get_parent() reads it
            return child.route(request, path_components[1:])
        return super().route(request, path_components)


def descendant_by_url_path(model, page, path_components):
    """The page at `path_components` beneath `page` (of type `model`), in one query, when the
    type it must have is known; None when it is not, or when there is no such page."""
    for _ in path_components:
        if not issubclass(model, SpecificChildRouting) or (
            model.route is not SpecificChildRouting.route
        ):
            return None
        child_models = model.creatable_subpage_models()
        if len(child_models) != 1:
            return None
        model = child_models[0]
    url_path = page.url_path + "".join(f"{component}/" for component in path_components)
    return (
        model.objects.descendant_of(page)
        .filter(url_path=url_path)
        .select_related(*model.routing_select_related)
        .first()
    )


class ViewRestrictionsInOneQuery:
    """Wagtail's view restriction check in one query instead of two.

    Wagtail loads the page's ancestors to resolve aliases, then their restrictions. The
    ancestors' materialised paths are prefixes of the page's own, so one query can find the
    restrictions on the page, on its ancestors and on the pages that any of them is an alias of.
    """

    def get_view_restrictions(self):
        paths = [self.path[: self.steplen * depth] for depth in range(1, self.depth + 1)]
        on_the_way = Page.objects.filter(path__in=paths)
        restrictions = PageViewRestriction.objects.filter(
            Q(page__in=on_the_way.filter(alias_of__isnull=True))
            | Q(page__in=on_the_way.filter(alias_of__isnull=False).values("alias_of_id"))
        )
        kept = getattr(self, "_kept_view_restrictions", None)
        if kept is not None:
            # Iterating it (Wagtail's check when serving) reads these; a filter or an
            # order_by (the admin's privacy views) makes a new queryset that asks the database.
            restrictions._result_cache = list(kept)
        return restrictions

    def keep_view_restrictions(self) -> None:
        """Before serving: read the restrictions from those kept with the page in the page cache
        (core.pagecache: a restriction saved or deleted on the page or above it, or the page
        moved, purges them), saving the query on every request."""
        self._kept_view_restrictions = None
        self._kept_view_restrictions = kept_with_page(
            page_path(self), "view-restrictions", lambda: list(self.get_view_restrictions())
        )
