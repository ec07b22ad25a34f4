"""Study-visit offers in search: an offer's document, registered from `VisitsConfig.ready()`.

Who may find an offer follows `permissions.why_not_view_offer`: a published offer is read by
anyone when it is public, by anyone signed in when it is for members; drafts (read only by the
hosts) and visits arranged between two networks are never indexed. Search finds what `/visits/`
lists (`VisitOffer.is_listed`: open or full), so a closed, cancelled or completed offer leaves
the results at once (`search.services.follow_object` runs on every save of an offer).
"""

from django.utils.text import slugify

from core.visibility import Visibility
from search.registry import ModelDocument

from .models import VisitOffer


class VisitOfferDocument(ModelDocument):
    model = VisitOffer
    kind = "visit_offer"
    kind_label = "Study visit"

    def get_queryset(self):
        return (
            VisitOffer.objects.listed()
            .select_related("network", "theme")
            .prefetch_related("host_schools")
            .order_by("pk")
        )

    def is_findable(self, offer):
        return offer.is_listed

    def prepare_summary(self, offer):
        return offer.summary

    def prepare_body(self, offer):
        return offer.search_text

    def prepare_keywords(self, offer):
        # Sorted: many-to-many rows come back in no set order on PostgreSQL (the content hash).
        schools = sorted(offer.host_schools.all(), key=lambda school: (school.name, school.pk))
        return " ".join(
            ([offer.theme.name] if offer.theme else [])
            + [school.name for school in schools]
            + [school.town for school in schools if school.town]
            + [offer.network.title]
        )

    def prepare_themes(self, offer):
        return [offer.theme.slug] if offer.theme else []

    def prepare_phases(self, offer):
        return [slugify(phase) for phase in offer.host_phases()]

    def prepare_regions(self, offer):
        return offer.host_regions()

    def prepare_network_id(self, offer):
        return offer.network_id

    def prepare_network_title(self, offer):
        return offer.network.title

    def prepare_published_at(self, offer):
        return offer.created_at

    def prepare_visibility(self, offer):
        """Public, or members-only (the registered audience gives members-only documents to
        anyone signed in, as `why_not_view_offer` does); unknown values count as members-only."""
        if offer.visibility == Visibility.PUBLIC:
            return Visibility.PUBLIC.value
        return Visibility.MEMBERS.value
