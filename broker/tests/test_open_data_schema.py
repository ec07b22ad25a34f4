"""The open data against its own OpenAPI schema: schemathesis generates requests from the
schema and calls the WSGI application in-process (as search/tests/test_api_schema.py does).
No generated input may produce a server error, and every response must match the schema."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from broker.factories import CollectionFactory, CollectionItemFactory
from nlc.wsgi import application

OPERATIONS = [
    "GET /api/v1/artefacts/",
    "GET /api/v1/networks/",
    "GET /api/v1/collections/",
    "GET /api/v1/visit-offers/",
]
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def api_schema(world, theme, make_artefact, make_offer):
    collection = CollectionFactory(theme=theme)
    CollectionItemFactory(collection=collection, artefact=make_artefact(themes=[theme]))
    CollectionItemFactory(collection=collection, visit_offer=make_offer(theme=theme))
    CollectionFactory()
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.parametrize("label", OPERATIONS)
def test_no_generated_request_causes_a_server_error(api_schema, label):
    operations = {
        f"{op.method.upper()} {op.path}": op
        for op in (result.ok() for result in api_schema.get_all_operations())
    }

    @given(case=operations[label].as_strategy())
    @settings(
        max_examples=40,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    def call(case):
        case.call_and_validate(checks=CHECKS)

    call()
