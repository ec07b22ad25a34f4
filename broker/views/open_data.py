"""Open data as CSV downloads, and the browsable page describing the API.

The CSV files hold the same public data as the JSON lists (broker.selectors.open_data), streamed
in chunks so a national-scale download never sits in memory.
"""

from drf_spectacular.generators import SchemaGenerator

from django.core.cache import cache
from django.shortcuts import render
from django.utils import timezone

from core.vocabulary import Phase

from ..selectors.open_data import (
    public_artefacts,
    public_collections,
    public_networks,
    public_visit_offers,
)
from ._common import csv_response

CHUNK = 1000


def artefacts_csv(request):
    def rows():
        for artefact in public_artefacts().iterator(chunk_size=CHUNK):
            yield [
                artefact.pk,
                artefact.title,
                request.build_absolute_uri(artefact.url),
                artefact.get_artefact_type_display(),
                artefact.network.title,
                " | ".join(theme.name for theme in artefact.themes.all()),
                " | ".join(phase.name for phase in artefact.phases.all()),
                artefact.evidence_strength or "",
                artefact.tried_count,
                artefact.adapted_from_id or "",
                artefact.get_licence_display(),
                artefact.first_published_at.date().isoformat(),
                artefact.summary,
            ]

    header = ["id", "title", "url", "type", "network", "themes", "phases", "evidence_strength",
              "tried_by", "adapted_from", "licence", "published_on", "summary"]  # fmt: skip
    return csv_response("artefacts.csv", header, rows())


def networks_csv(request):
    def rows():
        for network in public_networks().iterator(chunk_size=CHUNK):
            regions = sorted(
                {link.school.region for link in network.current_links if link.school.region}
            )
            yield [
                network.pk,
                network.title,
                request.build_absolute_uri(network.url),
                network.get_status_display(),
                network.started_on.isoformat() if network.started_on else "",
                " | ".join(theme.name for theme in network.themes.all()),
                " | ".join(regions),
                len(network.current_links),
                network.public_artefacts,
                network.purpose,
            ]

    header = ["id", "title", "url", "status", "started_on", "themes", "regions", "schools",
              "public_artefacts", "purpose"]  # fmt: skip
    return csv_response("networks.csv", header, rows())


def collections_csv(request):
    """One row per public item, with its collection: an artefact's columns or a study-visit
    offer's (the last three) are filled, as `kind` says."""

    def rows():
        for collection in public_collections().iterator(chunk_size=CHUNK):
            for item in collection.public_items:
                artefact, offer = item.artefact, item.visit_offer
                yield [
                    collection.pk,
                    collection.title,
                    request.build_absolute_uri(collection.get_absolute_url()),
                    collection.theme.name if collection.theme else "",
                    item.position,
                    item.artefact_id or "",
                    artefact.title if artefact else "",
                    request.build_absolute_uri(artefact.url) if artefact else "",
                    item.note,
                    item.kind,
                    item.visit_offer_id or "",
                    offer.title if offer else "",
                    request.build_absolute_uri(offer.get_absolute_url()) if offer else "",
                ]

    header = ["collection_id", "collection", "collection_url", "theme", "position",
              "artefact_id", "artefact", "artefact_url", "note", "kind", "visit_offer_id",
              "visit_offer", "visit_offer_url"]  # fmt: skip
    return csv_response("collections.csv", header, rows())


def visit_offers_csv(request):
    """One row per public offer open for booking, with its next session."""

    def rows():
        for offer in public_visit_offers().iterator(chunk_size=CHUNK):
            yield [
                offer.pk,
                offer.title,
                request.build_absolute_uri(offer.get_absolute_url()),
                offer.network.title,
                offer.theme.name if offer.theme else "",
                " | ".join(offer.host_regions()),
                " | ".join(offer.host_phases()),
                timezone.localtime(offer.next_start).isoformat(),
                len(offer.upcoming),
                offer.places,
                sum(max(offer.places - session.booked_count, 0) for session in offer.upcoming),
                offer.question,
                offer.summary,
            ]

    header = ["id", "title", "url", "host_network", "theme", "regions", "phases",
              "next_session", "sessions", "places_per_session", "places_left", "question",
              "summary"]  # fmt: skip
    return csv_response("visit-offers.csv", header, rows())


SCHEMA_CACHE_KEY = "broker:openapi-docs"


def _schema() -> dict:
    schema = cache.get(SCHEMA_CACHE_KEY)
    if schema is None:
        schema = SchemaGenerator().get_schema(request=None, public=True)
        cache.set(SCHEMA_CACHE_KEY, schema, 3600)
    return schema


def api_docs(request):
    """The API described for people: every endpoint, its parameters and an example."""
    schema = _schema()
    endpoints = []
    for path, operations in sorted(schema.get("paths", {}).items()):
        for method, operation in operations.items():
            endpoints.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "id": operation.get("operationId", ""),
                    "description": operation.get("description", ""),
                    "parameters": [
                        {
                            "name": parameter["name"],
                            "description": parameter.get("description", ""),
                            "type": parameter.get("schema", {}).get("type", ""),
                            "values": parameter.get("schema", {}).get("enum", []),
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                }
            )
    return render(
        request,
        "broker/api_docs.html",
        {
            "info": schema.get("info", {}),
            "endpoints": endpoints,
            "base": request.build_absolute_uri("/")[:-1],
            "downloads": ["artefacts.csv", "networks.csv", "collections.csv", "visit-offers.csv"],
            "phase_labels": Phase.labels,
        },
    )
