"""The JSON search API: GET /api/v1/search/ and /api/v1/search/suggest/.

Parameters are validated by `SearchParamsSerializer` (shared with the HTML page); anything
invalid is a 400 with a message per parameter, never a 500. Results respect visibility exactly
as the page does: the caller's session decides the audience.
"""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from django.conf import settings
from django.utils.http import urlencode

from core.vocabulary import Phase, Region

from . import registry
from .query import (
    FACETS,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    MAX_QUERY_LENGTH,
    MAX_RESULTS,
    MAX_VALUES_PER_FACET,
    SORTS,
    SearchQuery,
)
from .selectors import search_for, suggestions_for, unknown_facet_values
from .services import record_search

MAX_SUGGEST_LENGTH = 100


def _values(child, help_text: str):
    return serializers.ListField(
        child=child, required=False, max_length=MAX_VALUES_PER_FACET, help_text=help_text
    )


class SearchParamsSerializer(serializers.Serializer):
    """What a search request may ask for. Repeat a facet parameter to select several values."""

    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=MAX_QUERY_LENGTH,
        default="",
        help_text='Words to find; "quoted phrase", -excluded word.',
    )
    type = _values(
        serializers.RegexField(r"^[a-z0-9_-]{1,40}$"), "Type: an artefact type, 'network', ..."
    )
    theme = _values(serializers.SlugField(max_length=100), "Theme slug.")
    phase = _values(
        serializers.ChoiceField(choices=Phase.values),
        "Phase: " + ", ".join(Phase.values) + " (as everywhere on the site).",
    )
    region = _values(
        serializers.ChoiceField(choices=Region.values),
        "Region: " + ", ".join(Region.values) + ".",
    )
    network = _values(
        serializers.IntegerField(min_value=1, max_value=2**31 - 1), "Network page id."
    )
    year = _values(serializers.IntegerField(min_value=1900, max_value=2100), "Year published.")
    strength = _values(
        serializers.IntegerField(min_value=1, max_value=5), "Self-rated evidence strength, 1–5."
    )
    sort = serializers.ChoiceField(
        choices=SORTS,
        required=False,
        allow_blank=True,
        default="",
        help_text="relevance (default with words) or newest (default without).",
    )
    page = serializers.IntegerField(min_value=1, max_value=MAX_PAGE, required=False, default=1)

    def to_search_query(self) -> SearchQuery:
        data = self.validated_data
        filters = {name: tuple(dict.fromkeys(data[name])) for name in FACETS if data.get(name)}
        return SearchQuery(
            text=data.get("q", "").strip(),
            filters=filters,
            sort=data.get("sort") or "",
            page=data.get("page") or 1,
            page_size=data.get("page_size") or settings.SEARCH_PAGE_SIZE,
        )


class SearchAPIParamsSerializer(SearchParamsSerializer):
    """The API's parameters: the page's, and the page size."""

    page_size = serializers.IntegerField(
        min_value=1,
        max_value=MAX_PAGE_SIZE,
        required=False,
        help_text=f"Results per page, at most {MAX_PAGE_SIZE} (default 20).",
    )

    def validate(self, attrs):
        page_size = attrs.get("page_size") or settings.SEARCH_PAGE_SIZE
        if attrs.get("page", 1) * page_size > MAX_RESULTS:
            raise serializers.ValidationError(
                {"page": [f"Only the first {MAX_RESULTS:,} results can be paged through."]}
            )
        return attrs


UNKNOWN_PARAMETER = "Unknown parameter."


def unknown_parameters(params, serializer_class) -> dict:
    known = set(serializer_class().fields)
    return {name: [UNKNOWN_PARAMETER] for name in params if name not in known}


def search_query_from(
    params, *, lenient: bool = False, serializer_class=SearchParamsSerializer
) -> tuple[SearchQuery | None, dict]:
    """(query, errors). Lenient (the HTML page): invalid parameters are dropped, not fatal.
    Strict (the API): unknown parameters are errors too."""
    if not lenient:
        unknown = unknown_parameters(params, serializer_class)
        if unknown:
            return None, unknown
    serializer = serializer_class(data=params)
    if serializer.is_valid():
        return serializer.to_search_query(), {}
    if not lenient:
        return None, serializer.errors
    errors = serializer.errors
    cleaned = params.copy()
    for key in errors:
        cleaned.pop(key, None)
    retry = serializer_class(data=cleaned)
    if retry.is_valid():
        return retry.to_search_query(), errors
    return SearchQuery(page_size=settings.SEARCH_PAGE_SIZE), errors


class NetworkRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class HitSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The page id.")
    kind = serializers.CharField(help_text='What it is: "artefact", "network", ...')
    title = serializers.CharField()
    title_html = serializers.CharField(help_text="Escaped HTML with <mark> around matches.")
    url = serializers.CharField()
    type = serializers.CharField()
    type_label = serializers.CharField()
    summary = serializers.CharField(allow_blank=True)
    snippet_html = serializers.CharField(
        allow_blank=True, help_text="Escaped HTML with <mark> around matches."
    )
    network = NetworkRefSerializer(allow_null=True)
    published_at = serializers.DateTimeField(allow_null=True)
    visibility = serializers.ChoiceField(choices=["public", "members", "network"])


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


class FacetsSerializer(serializers.Serializer):
    type = FacetValueSerializer(many=True)
    theme = FacetValueSerializer(many=True)
    phase = FacetValueSerializer(many=True)
    region = FacetValueSerializer(many=True)
    network = FacetValueSerializer(many=True)
    year = FacetValueSerializer(many=True)
    strength = FacetValueSerializer(many=True)


class SearchResponseSerializer(serializers.Serializer):
    query = serializers.CharField(allow_blank=True)
    sort = serializers.ChoiceField(choices=SORTS)
    total = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    num_pages = serializers.IntegerField()
    next = serializers.CharField(allow_null=True)
    previous = serializers.CharField(allow_null=True)
    results = HitSerializer(many=True)
    facets = FacetsSerializer()
    did_you_mean = serializers.CharField(allow_blank=True)
    reduced_mode = serializers.BooleanField(
        help_text="True when the full search engine is unreachable and the answer comes from "
        "the database index."
    )
    notice = serializers.CharField(allow_blank=True)


class SuggestParamsSerializer(serializers.Serializer):
    q = serializers.CharField(
        required=False, allow_blank=True, max_length=MAX_SUGGEST_LENGTH, default=""
    )


class SuggestionSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField()
    kind = serializers.CharField()


class SuggestResponseSerializer(serializers.Serializer):
    suggestions = SuggestionSerializer(many=True)


ERROR_RESPONSE = OpenApiResponse(
    response={
        "type": "object",
        "description": "Each invalid parameter with its messages, for example "
        '{"page": ["Ensure this value is less than or equal to 500."]}; for a repeated '
        "parameter, the messages are keyed by the position of the invalid value.",
        "additionalProperties": {},
    },
    description="Invalid parameters.",
)


def page_link(request, query: SearchQuery, page: int) -> str:
    params = [(key, value) for key, value in request.query_params.lists() if key != "page"]
    flat = [(key, v) for key, values in params for v in values]
    return f"{request.path}?{urlencode(flat + [('page', page)])}"


PUBLISHED_AT = serializers.DateTimeField(allow_null=True)


def serialise_outcome(request, outcome) -> dict:
    """The response body, already in the JSON form `SearchResponseSerializer` documents (built
    directly: passing it through the serializer again costs milliseconds per request)."""
    results = outcome.results
    query = outcome.query
    labels = registry.type_labels()
    return {
        "query": query.text,
        "sort": query.effective_sort,
        "total": results.total,
        "page": results.page,
        "page_size": results.page_size,
        "num_pages": results.num_pages,
        "next": page_link(request, query, results.page + 1)
        if results.page < query.last_page(results.num_pages)
        else None,
        "previous": page_link(request, query, results.page - 1) if results.page > 1 else None,
        "results": [
            {
                "id": hit.page_id,
                "kind": hit.kind,
                "title": hit.title,
                "title_html": hit.title_html,
                "url": hit.url,
                "type": hit.type,
                "type_label": str(labels.get(hit.type, hit.type)),
                "summary": hit.summary,
                "snippet_html": hit.snippet_html,
                "network": {"id": hit.network_id, "title": hit.network_title}
                if hit.network_id
                else None,
                "published_at": PUBLISHED_AT.to_representation(hit.published_at),
                "visibility": hit.visibility,
            }
            for hit in results.hits
        ],
        "facets": {
            name: [
                {"value": c.value, "label": str(c.label), "count": c.count, "selected": c.selected}
                for c in results.facets.get(name, [])
            ]
            for name in FACETS
        },
        "did_you_mean": results.did_you_mean,
        "reduced_mode": outcome.reduced_mode,
        "notice": outcome.notice,
    }


class SearchAPIView(APIView):
    """Search artefacts and networks."""

    @extend_schema(
        operation_id="search",
        parameters=[SearchAPIParamsSerializer],
        responses={200: SearchResponseSerializer, 400: ERROR_RESPONSE},
        description=(
            "Full-text search over what networks publish, with facet counts. Repeat a facet "
            "parameter to select several values (OR within a facet, AND across facets). "
            "Anonymous callers see public items; members of any network also see "
            "members-only items and those of their own networks."
        ),
    )
    def get(self, request):
        query, errors = search_query_from(
            request.query_params, serializer_class=SearchAPIParamsSerializer
        )
        if errors:
            return Response(errors, status=400)
        unknown = unknown_facet_values(user=request.user, filters=query.filters)
        if unknown:
            return Response(
                {
                    name: [f"Unknown value: “{value}”." for value in values]
                    for name, values in unknown.items()
                },
                status=400,
            )
        outcome = search_for(user=request.user, query=query)
        if query.page == 1:
            record_search(
                text=query.text,
                filters=query.active_filters(),
                result_count=outcome.results.total,
                searcher=request.user,
            )
        return Response(serialise_outcome(request, outcome))


class SuggestAPIView(APIView):
    """Titles for the search box while typing."""

    @extend_schema(
        operation_id="search_suggest",
        parameters=[SuggestParamsSerializer],
        responses={200: SuggestResponseSerializer, 400: ERROR_RESPONSE},
        description="Up to 8 titles the caller may see whose words start with what was typed.",
    )
    def get(self, request):
        unknown = unknown_parameters(request.query_params, SuggestParamsSerializer)
        if unknown:
            return Response(unknown, status=400)
        params = SuggestParamsSerializer(data=request.query_params)
        if not params.is_valid():
            return Response(params.errors, status=400)
        suggestions = suggestions_for(user=request.user, prefix=params.validated_data["q"])
        return Response(
            {"suggestions": [{"title": s.title, "url": s.url, "kind": s.kind} for s in suggestions]}
        )
