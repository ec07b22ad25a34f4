"""Open data: public artefacts, networks, collections and study-visit offers as paginated JSON
under /api/v1/.

Every list is read as an anonymous visitor, whoever asks (no session is read here), so open data
never holds anything private. Parameters are validated; anything invalid is a 400 with a message
per parameter, and a page past the end is a 404 saying so.
"""

from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from artefacts.models import ArtefactType
from core.vocabulary import Phase, phase_from_register, phase_label
from networks.models import NetworkStatus

from .selectors.open_data import (
    public_artefacts,
    public_collections,
    public_networks,
    public_visit_offers,
)

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


class OpenDataPagination(PageNumberPagination):
    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path) if path else ""


class RefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField()


class ArtefactSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    url = serializers.SerializerMethodField()
    summary = serializers.CharField()
    type = serializers.CharField(source="artefact_type")
    type_label = serializers.CharField(source="get_artefact_type_display")
    network = serializers.SerializerMethodField()
    themes = serializers.SerializerMethodField()
    phases = serializers.SerializerMethodField()
    subjects = serializers.SerializerMethodField()
    licence = serializers.CharField()
    licence_url = serializers.CharField()
    evidence_strength = serializers.IntegerField(
        allow_null=True, help_text="The authors' own rating, 1 (early signs) to 5."
    )
    adapted_from = serializers.IntegerField(
        source="adapted_from_id", allow_null=True, help_text="Id of the artefact it adapts."
    )
    tried_by = serializers.IntegerField(
        source="tried_count", help_text="Teachers who said “we tried this”."
    )
    published_at = serializers.DateTimeField(source="first_published_at")
    updated_at = serializers.DateTimeField(source="last_published_at", allow_null=True)

    def get_url(self, artefact) -> str:
        return _absolute(self.context["request"], artefact.url)

    @extend_schema_field(RefSerializer)
    def get_network(self, artefact) -> dict:
        return {
            "id": artefact.network_id,
            "title": artefact.network.title,
            "url": _absolute(self.context["request"], artefact.network.url),
        }

    def get_themes(self, artefact) -> list[str]:
        return [theme.slug for theme in artefact.themes.all()]

    def get_phases(self, artefact) -> list[str]:
        return [phase.name for phase in artefact.phases.all()]

    def get_subjects(self, artefact) -> list[str]:
        return [subject.name for subject in artefact.subjects.all()]


class NetworkSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    url = serializers.SerializerMethodField()
    purpose = serializers.CharField()
    status = serializers.CharField()
    started_on = serializers.DateField(allow_null=True)
    themes = serializers.SerializerMethodField()
    regions = serializers.SerializerMethodField()
    schools = serializers.SerializerMethodField(help_text="How many schools are in it now.")
    public_artefacts = serializers.IntegerField()

    def get_url(self, network) -> str:
        return _absolute(self.context["request"], network.url)

    def get_themes(self, network) -> list[str]:
        return [theme.slug for theme in network.themes.all()]

    def get_regions(self, network) -> list[str]:
        return sorted({link.school.region for link in network.current_links if link.school.region})

    def get_schools(self, network) -> int:
        return len(network.current_links)


class CollectionItemSerializer(serializers.Serializer):
    position = serializers.IntegerField()
    note = serializers.CharField(help_text="The broker's note on why it is there.")
    kind = serializers.ChoiceField(
        choices=["artefact", "visit_offer"], help_text="Which of the two below is set."
    )
    artefact = serializers.SerializerMethodField()
    visit_offer = serializers.SerializerMethodField()

    def _ref(self, target, path: str) -> dict:
        return {
            "id": target.pk,
            "title": target.title,
            "url": _absolute(self.context["request"], path),
        }

    @extend_schema_field(RefSerializer(allow_null=True))
    def get_artefact(self, item) -> dict | None:
        return self._ref(item.artefact, item.artefact.url) if item.artefact_id else None

    @extend_schema_field(RefSerializer(allow_null=True))
    def get_visit_offer(self, item) -> dict | None:
        offer = item.visit_offer
        return self._ref(offer, offer.get_absolute_url()) if item.visit_offer_id else None


class CollectionSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    slug = serializers.CharField()
    url = serializers.SerializerMethodField()
    theme = serializers.SerializerMethodField(help_text="Theme slug, if it has one theme.")
    introduction = serializers.CharField()
    published_at = serializers.DateTimeField()
    items = CollectionItemSerializer(source="public_items", many=True)

    def get_url(self, collection) -> str:
        return _absolute(self.context["request"], collection.get_absolute_url())

    def get_theme(self, collection) -> str | None:
        return collection.theme.slug if collection.theme else None


class VisitSessionSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    places_left = serializers.SerializerMethodField(help_text="Places not yet booked.")

    def get_places_left(self, session) -> int:
        return max(self.context["places"] - session.booked_count, 0)


class VisitOfferSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    url = serializers.SerializerMethodField()
    summary = serializers.CharField(help_text="What visitors will see.")
    question = serializers.CharField(help_text="The question the visit helps with.")
    network = serializers.SerializerMethodField()
    theme = serializers.SerializerMethodField(help_text="Theme slug, if it has one.")
    regions = serializers.SerializerMethodField(help_text="Regions of its host schools.")
    phases = serializers.SerializerMethodField(
        help_text=(
            "Phases of its host schools, named as everywhere on the site: "
            + ", ".join(Phase.labels)
            + ". (Before December 2026 the register's names: Nursery, 16 plus, Not applicable.)"
        )
    )
    places = serializers.IntegerField(help_text="Places per session.")
    waitlist = serializers.BooleanField(help_text="A waitlist is kept when a session is full.")
    open_to_all_networks = serializers.BooleanField(
        help_text="False: only networks the hosts named may book."
    )
    booking_deadline = serializers.DateTimeField(allow_null=True)
    access_info = serializers.CharField(help_text="Step-free access, hearing loops and so on.")
    next_session = serializers.DateTimeField(source="next_start")
    sessions = serializers.SerializerMethodField(help_text="Sessions still to come.")

    def get_url(self, offer) -> str:
        return _absolute(self.context["request"], offer.get_absolute_url())

    @extend_schema_field(RefSerializer)
    def get_network(self, offer) -> dict:
        return {
            "id": offer.network_id,
            "title": offer.network.title,
            "url": _absolute(self.context["request"], offer.network.url),
        }

    def get_theme(self, offer) -> str | None:
        return offer.theme.slug if offer.theme else None

    def get_regions(self, offer) -> list[str]:
        return offer.host_regions()

    def get_phases(self, offer) -> list[str]:
        return [phase_label(phase) for phase in offer.host_phases()]

    @extend_schema_field(VisitSessionSerializer(many=True))
    def get_sessions(self, offer) -> list[dict]:
        return VisitSessionSerializer(
            offer.upcoming, many=True, context={"places": offer.places}
        ).data


class OpenDataParams(serializers.Serializer):
    theme = serializers.SlugField(required=False, help_text="Theme slug.")
    page = serializers.IntegerField(required=False, min_value=1)
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=MAX_PAGE_SIZE)


def _network_id(help_text: str):
    return serializers.IntegerField(
        required=False, min_value=1, max_value=2**31 - 1, help_text=help_text
    )


class ArtefactParams(OpenDataParams):
    network = _network_id("Network id.")
    type = serializers.ChoiceField(choices=ArtefactType.values, required=False)


class NetworkParams(OpenDataParams):
    status = serializers.ChoiceField(choices=NetworkStatus.values, required=False)


class CollectionParams(OpenDataParams):
    pass


class VisitOfferParams(OpenDataParams):
    network = _network_id("Host network id.")
    region = serializers.CharField(
        required=False, max_length=100, help_text="Region of a host school, e.g. North West."
    )
    phase = serializers.CharField(
        required=False,
        max_length=100,
        help_text=(
            "Phase of a host school: one of "
            + ", ".join(Phase.values)
            + " (its name, e.g. Primary or Early years, is accepted too)."
        ),
    )

    def validate_phase(self, value: str) -> str:
        phase = phase_from_register(value)
        if not phase:
            raise serializers.ValidationError(f"Unknown phase: “{value}”.")
        return phase


INVALID = OpenApiResponse(
    response={"type": "object", "additionalProperties": {}},
    description="Invalid parameters, each with its messages.",
)
NOT_FOUND = OpenApiResponse(
    response={"type": "object", "properties": {"detail": {"type": "string"}}},
    description="A page past the end.",
)


def documented(operation_id: str, description: str):
    """The OpenAPI description of an open-data list: its parameters, its rows, and its errors."""

    def document(view):
        return extend_schema_view(
            get=extend_schema(
                operation_id=operation_id,
                parameters=[view.params_class],
                responses={200: view.serializer_class(many=True), 400: INVALID, 404: NOT_FOUND},
                description=description,
            )
        )(view)

    return document


class OpenDataView(ListAPIView):
    """A public list. No session is read: everyone gets the same public data."""

    authentication_classes = []
    permission_classes = [AllowAny]
    pagination_class = OpenDataPagination
    params_class = serializers.Serializer

    def list(self, request, *args, **kwargs):
        params = self.params_class(data=request.query_params)
        if not params.is_valid():
            return Response(params.errors, status=400)
        self.params = params.validated_data
        return super().list(request, *args, **kwargs)


@documented(
    "open_data_artefacts",
    "Every public artefact, newest first: what networks learned, what worked "
    "and what did not. Also as CSV at /api/v1/artefacts.csv.",
)
class ArtefactList(OpenDataView):
    serializer_class = ArtefactSerializer
    params_class = ArtefactParams

    def get_queryset(self):
        return public_artefacts(
            theme=self.params.get("theme"),
            network=self.params.get("network"),
            artefact_type=self.params.get("type"),
        )


@documented(
    "open_data_networks",
    "Every published network, with its themes, the regions of its schools and "
    "how many public artefacts it has. No people. Also as CSV at /api/v1/networks.csv.",
)
class NetworkList(OpenDataView):
    serializer_class = NetworkSerializer
    params_class = NetworkParams

    def get_queryset(self):
        return public_networks(theme=self.params.get("theme"), status=self.params.get("status"))


@documented(
    "open_data_collections",
    "The national brokers' published collections with their public items, in "
    "order, each with the broker's note. Also as CSV at /api/v1/collections.csv.",
)
class CollectionList(OpenDataView):
    serializer_class = CollectionSerializer
    params_class = CollectionParams

    def get_queryset(self):
        return public_collections(theme=self.params.get("theme"))


@documented(
    "open_data_visit_offers",
    "Public study-visit offers open for booking (or full, with a waitlist), "
    "soonest session first: where to see a practice at work. Also as CSV at "
    "/api/v1/visit-offers.csv.",
)
class VisitOfferList(OpenDataView):
    serializer_class = VisitOfferSerializer
    params_class = VisitOfferParams

    def get_queryset(self):
        return public_visit_offers(
            theme=self.params.get("theme"),
            network=self.params.get("network"),
            region=self.params.get("region"),
            phase=self.params.get("phase"),
        )
