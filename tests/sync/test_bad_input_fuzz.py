"""A bounded schemathesis run against a real `ytcs centre serve` (SQLite and PostgreSQL): requests made
from the server's own OpenAPI document, valid and invalid, each answered without a 5xx and only with a
status the document lists. Signed in as a centre device (it may call every endpoint); the protocol header
is the real one, so requests reach past the version check. Sign-out is left out (it ends the session the
run uses), and so is anything that changes a password."""

from __future__ import annotations

import time
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import status_code_conformance

from tests.sync.conftest import Centre
from tests.sync.server_helpers import centre_device

EXAMPLES = 8  # per operation and mode: about two hundred requests in all
FEWER = {"/api/v1/auth/login": 2}  # each sign-in hashes a password on purpose (seconds each)
SKIPPED = ("/api/v1/auth/logout", "password")


def _run(operation: Any, mode: GenerationMode, headers: dict[str, str], base_url: str) -> int:
    count = 0

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=FEWER.get(operation.path, EXAMPLES), deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    def check(case: Any) -> None:
        nonlocal count
        count += 1
        for name, value in headers.items():
            case.headers = {**(case.headers or {}), name: value}
        response = case.call(base_url=base_url, timeout=30)
        case.validate_response(response, checks=[not_a_server_error, status_code_conformance])

    try:
        check()
    except Unsatisfiable:  # nothing to make invalid (an operation without parameters)
        assert mode is GenerationMode.NEGATIVE
    return count


def _has_input(operation: Any) -> bool:
    return bool(len(operation.query) or len(operation.path_parameters) or len(operation.body))


def test_generated_requests_find_no_server_error_and_no_undocumented_status(centre_server: Centre) -> None:
    device = centre_device(centre_server.store, centre_server.url)
    schema = schemathesis.openapi.from_url(f"{centre_server.url}/openapi.json")
    headers = device.headers()
    started = time.monotonic()
    sent = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        if any(part in operation.path for part in SKIPPED):
            continue
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            if mode is GenerationMode.NEGATIVE and not _has_input(operation):
                continue  # its only parameters are the headers the run sets itself
            sent += _run(operation, mode, headers, centre_server.url)
    seconds = time.monotonic() - started
    assert 50 <= sent <= 400, sent
    assert seconds < 90, f"{sent} requests took {seconds:.0f} s"


pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
