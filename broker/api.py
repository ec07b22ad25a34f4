"""Open data: public artefacts, networks and collections as paginated JSON under /api/v1/.

Every list is read as an anonymous visitor, whoever asks (no session is read here), so open data
never holds anything private. Parameters are validated; anything invalid is a 400 with a message
per parameter, and a page past the end is a 404 saying so.
"""

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from artefacts.models import ArtefactType
from networks.models import NetworkStatus

from .selectors.open_data import public_artefacts, public_collections, public_networks

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
    kind = serializers.CharField(default="artefact")
    artefact = serializers.SerializerMethodField()

    @extend_schema_field(RefSerializer)
    def get_artefact(self, item) -> dict:
        return {
            "id": item.artefact_id,
            "title": item.artefact.title,
            "url": _absolute(self.context["request"], item.artefact.url),
        }


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


class ArtefactParams(serializers.Serializer):
    theme = serializers.SlugField(required=False, help_text="Theme slug.")
    network = serializers.IntegerField(
        required=False, min_value=1, max_value=2**31 - 1, help_text="Network id."
    )
    type = serializers.ChoiceField(choices=ArtefactType.values, required=False)
    page = serializers.IntegerField(required=False, min_value=1)
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=MAX_PAGE_SIZE)


class NetworkParams(serializers.Serializer):
    theme = serializers.SlugField(required=False, help_text="Theme slug.")
    status = serializers.ChoiceField(choices=NetworkStatus.values, required=False)
    page = serializers.IntegerField(required=False, min_value=1)
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=MAX_PAGE_SIZE)


class CollectionParams(serializers.Serializer):
    theme = serializers.SlugField(required=False, help_text="Theme slug.")
    page = serializers.IntegerField(required=False, min_value=1)
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=MAX_PAGE_SIZE)


INVALID = OpenApiResponse(
    response={"type": "object", "additionalProperties": {}},
    description="Invalid parameters, each with its messages.",
)
NOT_FOUND = OpenApiResponse(
    response={"type": "object", "properties": {"detail": {"type": "string"}}},
    description="A page past the end.",
)


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


class ArtefactList(OpenDataView):
    serializer_class = ArtefactSerializer
    params_class = ArtefactParams

    @extend_schema(
        operation_id="open_data_artefacts",
        parameters=[ArtefactParams],
        responses={200: ArtefactSerializer(many=True), 400: INVALID, 404: NOT_FOUND},
        description="Every public artefact, newest first: what networks learned, what worked "
        "and what did not. Also as CSV at /api/v1/artefacts.csv.",
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return public_artefacts(
            theme=self.params.get("theme"),
            network=self.params.get("network"),
            artefact_type=self.params.get("type"),
        )


class NetworkList(OpenDataView):
    serializer_class = NetworkSerializer
    params_class = NetworkParams

    @extend_schema(
        operation_id="open_data_networks",
        parameters=[NetworkParams],
        responses={200: NetworkSerializer(many=True), 400: INVALID, 404: NOT_FOUND},
        description="Every published network, with its themes, the regions of its schools and "
        "how many public artefacts it has. No people. Also as CSV at /api/v1/networks.csv.",
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return public_networks(theme=self.params.get("theme"), status=self.params.get("status"))


class CollectionList(OpenDataView):
    serializer_class = CollectionSerializer
    params_class = CollectionParams

    @extend_schema(
        operation_id="open_data_collections",
        parameters=[CollectionParams],
        responses={200: CollectionSerializer(many=True), 400: INVALID, 404: NOT_FOUND},
        description="The national brokers' published collections with their public items, in "
        "order, each with the broker's note. Also as CSV at /api/v1/collections.csv.",
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return public_collections(theme=self.params.get("theme"))
