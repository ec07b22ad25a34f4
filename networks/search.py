"""Networks in search: a network page's document, and the labels of the facets networks own
(themes, and networks themselves), and the searcher's networks for the query log. Registered
from `NetworksConfig.ready()`."""

from search.registry import PageDocument

from .models import Membership, NetworkPage, Theme
from .selectors import current_school_links


class NetworkDocument(PageDocument):
    model = NetworkPage
    kind = "network"
    kind_label = "Network"
    # A network's title appears on the documents of its artefacts (and whatever lies below).
    subtree = True

    def get_queryset(self):
        return super().get_queryset().prefetch_related("themes")

    def facet_labels(self, facet, values):
        if facet == "theme":
            return dict(Theme.objects.filter(slug__in=values).values_list("slug", "name"))
        if facet == "network":
            # Live networks only: an id typed into the address never reveals a draft's title.
            ids = [int(value) for value in values if value.isdigit()]
            return {
                str(pk): title
                for pk, title in NetworkPage.objects.live()
                .filter(pk__in=ids)
                .values_list("pk", "title")
            }
        return {}

    @staticmethod
    def schools(network) -> list:
        """Its current schools, read once per document."""
        if "_search_schools" not in network.__dict__:
            # Sorted: rows come back in no set order on PostgreSQL, and the content hash
            # (search_index --check) must not change with it.
            network.__dict__["_search_schools"] = sorted(
                (link.school for link in current_school_links(network)),
                key=lambda school: (school.name, school.pk),
            )
        return network.__dict__["_search_schools"]

    def prepare_summary(self, network):
        return network.purpose

    def prepare_body(self, network):
        return network.purpose

    def prepare_keywords(self, network):
        schools = self.schools(network)
        return " ".join(
            sorted(theme.name for theme in network.themes.all())
            + [school.name for school in schools]
            + [school.town for school in schools]
            + [school.region for school in schools]
        )

    def prepare_themes(self, network):
        return sorted(theme.slug for theme in network.themes.all())

    def prepare_phases(self, network):
        return [school.phase for school in self.schools(network) if school.phase]

    def prepare_regions(self, network):
        return [school.region for school in self.schools(network)]

    def prepare_network_id(self, network):
        return network.pk

    def prepare_network_title(self, network):
        return network.title

    def prepare_year(self, network):
        if network.started_on:
            return network.started_on.year
        return super().prepare_year(network)


def searcher_network_ids(user) -> list[int]:
    """The networks a searcher is in now: what search's query log records instead of them."""
    return list(Membership.objects.network_ids_of(user).values_list("network_id", flat=True))
