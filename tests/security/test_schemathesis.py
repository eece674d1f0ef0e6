"""An OpenAPI fuzz of /api/v1/ in-process (schemathesis): no server error, no schema violation.

The WSGI app runs in the test's thread and so on the test's database connection and transaction.
Django's request signals would close that connection between requests, as they do for a real
server; the test client disconnects them for the same reason, and so does this fixture.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from assessments.models import Result
from tests.security import real_content_once, record_count

pytestmark = pytest.mark.django_db
content = pytest.fixture(scope="module", name="content")(real_content_once)

CASES = {GenerationMode.POSITIVE: 150, GenerationMode.NEGATIVE: 100}


@pytest.fixture
def api_schema(content):
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_the_schema_covers_every_endpoint(api_schema):
    paths = {op.ok().path for op in api_schema.get_all_operations()}

    assert {"/api/v1/roles", "/api/v1/roles/{slug}", "/api/v1/certifications", "/api/v1/certifications/{slug}",
            "/api/v1/quiz/items", "/api/v1/quiz/score"} <= paths


@pytest.mark.parametrize("mode", list(CASES), ids=lambda m: m.value)
def test_the_api_conforms_to_its_schema_and_never_fails(api_schema, mode):
    calls = []

    @settings(max_examples=CASES[mode], deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(case=api_schema.as_strategy(generation_mode=mode))
    def check(case):
        calls.append(case.operation.label)
        response = case.call(headers={"X-Forwarded-Proto": "https"})
        case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])

    check()
    assert Result.objects.count() == 0  # the API stores nothing
    if mode is GenerationMode.POSITIVE:
        assert len(set(calls)) == 8, sorted(set(calls))  # every operation was exercised (2 are ICD-10-CM)
    else:  # only the score body can break the schema (path slugs are any string)
        assert "POST /api/v1/quiz/score" in calls
    record_count("schemathesis cases", f"API fuzz ({mode.value})", len(calls))
