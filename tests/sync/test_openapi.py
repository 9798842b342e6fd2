"""The server documents itself: every endpoint in /openapi.json, every refusal with a code."""

from __future__ import annotations

import requests

from tests.sync.conftest import Centre


def test_openapi_lists_every_endpoint(centre: Centre) -> None:
    doc = requests.get(centre.url + "/openapi.json", timeout=10).json()
    paths = set(doc["paths"])
    for path in ("/api/v1/auth/login", "/api/v1/auth/logout", "/api/v1/sync/hello", "/api/v1/sync/push",
                 "/api/v1/sync/pull", "/api/v1/centre/devices", "/api/v1/centre/stations"):
        assert path in paths
    assert "ErrorBody" in doc["components"]["schemas"]


def test_unknown_paths_and_bad_requests_answer_with_a_code(centre: Centre) -> None:
    r = requests.get(centre.url + "/api/v1/nope", timeout=10)
    assert r.status_code == 404 and r.json()["code"] == "not_found"
    r = requests.post(centre.url + "/api/v1/auth/login", json={"username": ""}, timeout=10,
                      headers={"X-YTCS-Protocol": "3"})
    assert r.status_code == 422 and r.json()["code"] == "invalid_request"
    r = requests.post(centre.url + "/api/v1/sync/push", data=b"not gzip", timeout=10,
                      headers={"Content-Encoding": "gzip", "X-YTCS-Protocol": "3"})
    assert r.status_code == 400 and r.json()["code"] == "bad_gzip"
