from django.db.models import Q

from wagtail.models import Page, PageViewRestriction


class SpecificChildRouting:
    """Route to a child page with one query instead of Wagtail's two.

    Wagtail finds the child as a base Page, then loads its specific subclass: two queries for
    every level of the URL. When a page can have children of one creatable type only, the child
    is looked up as that type directly. A child of another type (made before the rule, or moved
    in the admin) still routes through Wagtail's own lookup.
    """

    def route(self, request, path_components):
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


class ViewRestrictionsInOneQuery:
    """Wagtail's view restriction check in one query instead of two.

    Wagtail loads the page's ancestors to resolve aliases, then their restrictions. The
    ancestors' materialised paths are prefixes of the page's own, so one query can find the
    restrictions on the page, on its ancestors and on the pages that any of them is an alias of.
    """

    def get_view_restrictions(self):
        paths = [self.path[: self.steplen * depth] for depth in range(1, self.depth + 1)]
        on_the_way = Page.objects.filter(path__in=paths)
        return PageViewRestriction.objects.filter(
            Q(page__in=on_the_way.filter(alias_of__isnull=True))
            | Q(page__in=on_the_way.filter(alias_of__isnull=False).values("alias_of_id"))
        )
