"""Schemathesis against the app's own OpenAPI schema: generated requests to
every operation, valid and invalid, never get a server error, and every answer
matches the schema (status code, content type, body).

Driven through schemathesis' Python API with Hypothesis (one pytest case per
operation) rather than its pytest plugin, whose lazy fixture loader does not
run under pytest 9."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from newsbrief.service import create_app
from newsbrief.settings import Settings

from .service_data import build_store

OPERATIONS = [
    (path, method.upper())
    for path, item in create_app(None).openapi()["paths"].items()
    for method in item
    if method in ("get", "post", "put", "delete", "patch")
]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory, nlp):
    path: Path = tmp_path_factory.mktemp("schema") / "news.db"
    build_store(path, nlp)
    app = create_app(path, settings=Settings(max_chars=20_000), executor="thread", max_body=200_000)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_every_api_route_is_in_the_schema():
    assert len(OPERATIONS) >= 9 and ("/api/analyze", "POST") in OPERATIONS


@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=[f"{m} {p}" for p, m in OPERATIONS])
def test_operation_conforms_to_the_schema(api_schema, path: str, method: str):
    operation = api_schema[path][method]
    # A schema-valid article can still be unusable (a page with no main text,
    # binary-looking or non-English text): POST /api/analyze answers those with
    # a coded 4xx, which "valid data is accepted" would count as a failure.
    excluded = [schemathesis.checks.positive_data_acceptance] if path == "/api/analyze" else []

    @given(case=operation.as_strategy())
    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case):
        case.call_and_validate(excluded_checks=excluded)

    check()
