"""Bad input is answered 4xx with a machine-readable code, never 500, and stores nothing: integers past 64
bits and negative positions, values of the wrong type in any column (also inside delta-coded columns),
a station id another station holds, bodies and headers over their bounds. Against a real `ytcs centre
serve` on SQLite and on PostgreSQL."""

from __future__ import annotations

import gzip
import socket
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
from sqlalchemy import func, select

from tests.sync.conftest import Centre
from tests.sync.server_helpers import Device, station_device
from ytcs_desktop.store.base import new_id
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.client import ServerRefused, login
from ytcs_desktop.sync.server import schema as t
from ytcs_desktop.sync.server.app import ERRORS

BEYOND_64_BITS = 1 << 64
HLC = "001764000000000-000000-abcdef012345"


@pytest.fixture
def station(centre_server: Centre) -> Device:
    return station_device(centre_server.store, centre_server.url)


def _stored(centre: Centre) -> tuple[int, int]:
    """How many row images the centre holds, and the highest sequence number among them."""
    with centre.store.read() as conn:
        count, top = conn.execute(select(func.count(), func.max(t.rows.c.server_seq))).one()
        return int(count), int(top or 0)


def _acked(centre: Centre, device: Device) -> int:
    with centre.store.read() as conn:
        return int(conn.scalar(t.devices.select().with_only_columns(t.devices.c.acked_seq)
                               .where(t.devices.c.id == device.device_id)) or 0)


def _refused(r: requests.Response, status: int, code: str) -> dict[str, Any]:
    assert r.status_code == status, (r.status_code, r.text[:300])
    body: dict[str, Any] = r.json()
    assert body["code"] == code and body["message_vi"] and body["message_en"], body
    return body


def _insert(station: Device, **fields: Any) -> dict[str, Any]:
    image = {"id": new_id(), "station_id": station.station_id, "item_id": new_id(), "lot_id": new_id(),
             "txn_date": "2026-11-02", "kind": "receipt", "quantity": 10, "hlc": HLC, "origin": "abcdef012345",
             "deleted": 0, **fields}
    cols = sorted(image)
    return {"last_seq": 1, "inserts": [{"t": "stock_transactions", "cols": cols, "q": [1],
                                        "data": [[image[c]] for c in cols]}]}


# ----- integers -------------------------------------------------------------------------------------
@pytest.mark.parametrize("cursor", [BEYOND_64_BITS, -1, "12abc"])
def test_a_pull_cursor_out_of_range_is_refused(station: Device, cursor: Any) -> None:
    _refused(station.get("/sync/pull", params={"cursor": cursor}), 422, "invalid_request")
    assert station.get("/sync/pull", params={"cursor": p.INT64_MAX}).status_code == 200


@pytest.mark.parametrize("when", [str(BEYOND_64_BITS), "-5", "soon"])
def test_a_client_time_out_of_range_is_refused(station: Device, when: str) -> None:
    _refused(station.get("/sync/hello", headers={"X-YTCS-Client-Time": when}), 422, "invalid_request")
    assert station.get("/sync/hello", headers={"X-YTCS-Client-Time": "1764000000000"}).status_code == 200


@pytest.mark.parametrize("last_seq", [BEYOND_64_BITS, -1])
def test_a_push_position_out_of_range_is_refused_and_not_stored(centre_server: Centre, station: Device,
                                                                last_seq: int) -> None:
    _refused(station.post("/sync/push", {"last_seq": last_seq}), 422, "invalid_request")
    assert _acked(centre_server, station) == 0
    change = {"m": new_id(), "q": BEYOND_64_BITS, "t": "lots", "id": new_id(), "op": "update", "h": HLC, "f": {}}
    _refused(station.post("/sync/push", {"last_seq": 1, "changes": [change]}), 422, "invalid_request")


# ----- types ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("column", "value"), [
    ("quantity", "many"),  # a string where a number goes
    ("quantity", BEYOND_64_BITS),
    ("quantity", [1, 2]),
    ("kind", 7),  # a number where text goes
    ("txn_date", {"y": 2026}),
    ("deleted", "no"),
    ("id", "x" * 100),  # longer than any id the server keeps
    ("station_id", 12),
])
def test_a_value_its_column_cannot_hold_is_refused_whole(centre_server: Centre, station: Device, column: str,
                                                         value: Any) -> None:
    before = _stored(centre_server)
    body = _refused(station.post("/sync/push", _insert(station, **{column: value})), 400, "bad_value")
    assert column in body["message_en"]
    assert _stored(centre_server) == before and _acked(centre_server, station) == 0


def test_a_non_finite_number_is_refused(station: Device) -> None:
    raw = p.dumps(_insert(station, quantity=12345))
    assert raw.count(b"[12345]") == 1
    raw = raw.replace(b"[12345]", b"[NaN]")  # JSON has no NaN, but Python's reader takes it
    _refused(station.post("/sync/push", raw), 400, "bad_value")


def test_delta_columns_holding_strings_are_refused(station: Device) -> None:
    body = _insert(station)
    group = body["inserts"][0]
    ids = [new_id() for _ in range(4)]
    images = [{**dict(zip(group["cols"], (col[0] for col in group["data"]), strict=True)), "id": i} for i in ids]
    cols = group["cols"]
    data: list[Any] = [[img[c] for img in images] for c in cols]
    data[cols.index("quantity")] = {"d": ["1", "2", "3", "4"]}  # delta-coded strings in a number column
    group.update(q=[1, 2, 3, 4], data=data)
    body["last_seq"] = 4
    _refused(station.post("/sync/push", body), 400, "bad_value")
    data[cols.index("quantity")] = {"d": [1, "x", 3, 4]}
    _refused(station.post("/sync/push", body), 400, "bad_batch")
    data[cols.index("quantity")] = [10, 10, 10, 10]
    group["q"] = {"d": ["a", "b", "c", "d"]}  # positions that are not numbers
    _refused(station.post("/sync/push", body), 400, "bad_batch")
    group["q"] = {"d": [1, BEYOND_64_BITS, 1, 1]}
    _refused(station.post("/sync/push", body), 400, "bad_batch")
    group["q"] = [1, 2, 3, 4]
    assert station.post("/sync/push", body).json()["results"] == "aaaa"  # the same batch, well formed


def test_an_update_with_a_value_of_the_wrong_type_is_refused(station: Device) -> None:
    change = {"m": new_id(), "q": 1, "t": "lots", "id": new_id(), "op": "update", "h": HLC,
              "f": {"vvm_stage": "two"}}
    _refused(station.post("/sync/push", {"last_seq": 1, "changes": [change]}), 400, "bad_value")
    _refused(station.post("/sync/push", {"last_seq": 1, "changes": [{**change, "t": "x" * 65}]}), 422,
             "invalid_request")


# ----- identities -----------------------------------------------------------------------------------
def test_a_station_id_another_station_holds_is_refused_409(centre_server: Centre, station: Device) -> None:
    from tests.sync.conftest import FAST_HASH, PASSWORD
    from ytcs_desktop.sync.server import admin

    with centre_server.store.write() as conn:  # a registration no PC has claimed yet
        admin.add_station(conn, "TYT-COLLIDE", "Trạm Y tế Va chạm")
        admin.add_user(conn, "u-collide", PASSWORD, "station", "TYT-COLLIDE", FAST_HASH)
    with pytest.raises(ServerRefused) as refused:  # a database that says it is the other station
        login(centre_server.url, "u-collide", PASSWORD, station_id=station.station_id, station_code="TYT-COLLIDE")
    assert refused.value.code == "station_id_taken"
    r = requests.post(f"{centre_server.url}{p.API}/auth/login", timeout=30, headers={p.PROTOCOL_HEADER: "3"},
                      json={"username": "u-collide", "password": PASSWORD, "station_id": station.station_id,
                            "station_code": "TYT-COLLIDE"})
    _refused(r, 409, "station_id_taken")
    assert station.get("/sync/hello").status_code == 200  # the other station is untouched


# ----- sizes ----------------------------------------------------------------------------------------
def test_an_uncompressed_body_over_the_bound_is_refused_413(station: Device) -> None:
    big = b'{"last_seq": 1, "pad": "' + b"x" * (p.MAX_BODY_PLAIN + 1) + b'"}'
    _refused(station.post("/sync/push", big), 413, "body_too_large")

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for i in range(0, len(big), 1 << 20):
            yield big[i:i + (1 << 20)]

    _refused(station.post("/sync/push", chunks()), 413, "body_too_large")
    packed = gzip.compress(b'{"pad": "' + b"x" * p.MAX_BODY_DECOMPRESSED + b'"}')  # small, over the bound inflated
    assert len(packed) < p.MAX_BODY_COMPRESSED
    _refused(station.post("/sync/push", packed, headers={"Content-Encoding": "gzip"}), 413, "body_too_large")
    assert station.post("/sync/push", {"last_seq": 0}).status_code == 200


def test_a_one_megabyte_bearer_header_is_refused_431(station: Device) -> None:
    r = requests.get(f"{station.url}{p.API}/sync/hello", timeout=30,
                     headers={p.PROTOCOL_HEADER: "3", "Authorization": "Bearer " + "a" * (1 << 20)})
    _refused(r, 431, "headers_too_large")
    assert station.get("/sync/hello").status_code == 200


def test_a_request_that_is_not_http_is_answered_400(station: Device) -> None:
    parts = urlsplit(station.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost x\r\n\r\n")  # a header line with no colon
        answer = b""
        while chunk := sock.recv(4096):  # the server closes after its answer
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 400") and b'"code":"bad_http"' in answer.replace(b" ", b"")


# ----- the document ---------------------------------------------------------------------------------
def test_the_openapi_document_lists_every_status_the_server_sends(centre_server: Centre) -> None:
    doc = requests.get(centre_server.url + "/openapi.json", timeout=10).json()
    for path in ("/api/v1/sync/push", "/api/v1/sync/pull", "/api/v1/sync/hello", "/api/v1/auth/login"):
        for operation in doc["paths"][path].values():
            listed = {int(s) for s in operation["responses"]}
            assert {400, 401, 409, 413, 422, 426, 431, 503} <= listed, (path, sorted(listed))
    assert set(ERRORS) >= {400, 401, 403, 404, 409, 410, 413, 422, 426, 429, 431, 503}


def test_a_nul_character_is_never_a_server_error(station: Device) -> None:
    """PostgreSQL cannot hold a NUL in text (found by the schemathesis run)."""
    r = requests.post(f"{station.url}{p.API}/auth/login", timeout=30, headers={p.PROTOCOL_HEADER: "3"},
                      json={"username": "u\x00x", "password": "p"})
    assert r.status_code in (400, 401) and r.json()["code"] in ("bad_value", "login_failed"), r.text
