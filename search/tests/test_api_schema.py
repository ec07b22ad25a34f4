"""The API against its own OpenAPI schema: schemathesis generates requests from the schema at
/api/v1/schema/ and calls the WSGI application in-process. No generated input may produce a
server error, and every response must match the schema."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

OPERATIONS = ["GET /api/v1/search/", "GET /api/v1/search/suggest/"]
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def api_schema(db, no_elasticsearch):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    from nlc.wsgi import application
    from search.factories import SearchDocumentFactory

    SearchDocumentFactory(title="Assessment for learning", themes=["assessment"])
    SearchDocumentFactory(title="Oracy in year 3", visibility="members")
    # As Django's test Client does: requests must not close the test's database connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


# Schemathesis's own pytest integration (`from_fixture`) does not run under pytest 9, so each
# operation's Hypothesis strategy is driven directly; the checks are schemathesis's.
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("label", OPERATIONS)
def test_no_generated_request_causes_a_server_error(api_schema, label, mode):
    """Valid requests, and (negative) requests that break the schema: never a 500, and every
    answer, 400s included, as the schema describes it."""
    operations = {
        f"{op.method.upper()} {op.path}": op
        for op in (result.ok() for result in api_schema.get_all_operations())
    }
    operation = operations[label]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=60,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    def call(case):
        case.call_and_validate(checks=CHECKS)

    call()


def test_the_schema_lists_both_operations(api_schema):
    labels = {
        f"{op.method.upper()} {op.path}"
        for op in (result.ok() for result in api_schema.get_all_operations())
    }
    assert set(OPERATIONS) <= labels  # the open data (broker.api) is described beside them
