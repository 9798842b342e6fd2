"""The authorization matrix: every endpoint × {no token, bad token, revoked device, no protocol header,
station on centre endpoints}, and per-mutation refusals for another station's data, reference data,
centre fields and centre transitions. Every 4xx carries a machine-readable code."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from tests.sync.conftest import PASSWORD, Centre, Replica
from tests.sync.helpers import add_fridge, add_item, add_request
from ytcs_desktop.store.base import new_id
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.client import AuthError, login
from ytcs_desktop.sync.server import admin

EMPTY_PUSH = p.dumps({"last_seq": 0})
ENDPOINTS = [
    ("GET", "/api/v1/sync/hello"),
    ("POST", "/api/v1/sync/push"),
    ("GET", "/api/v1/sync/pull"),
    ("POST", "/api/v1/auth/logout"),
    ("GET", "/api/v1/centre/devices"),
    ("GET", "/api/v1/centre/stations"),
]


def call(url: str, method: str, path: str, token: str | None, protocol: int | None = p.PROTOCOL_VERSION) -> Any:
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    if protocol is not None:
        headers[p.PROTOCOL_HEADER] = str(protocol)
    r = requests.request(method, url + path, headers=headers, timeout=10,
                         data=EMPTY_PUSH if method == "POST" else None)
    return r.status_code, r.json()


@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
def test_every_endpoint_refuses_callers_without_a_valid_device(centre: Centre, method: str, path: str) -> None:
    (st,) = centre.station("Kiểm tra")
    assert call(centre.url, method, path, None) == (401, _body("auth_required"))
    assert call(centre.url, method, path, "not-a-token")[1]["code"] == "token_invalid"
    status, body = call(centre.url, method, path, st.token, protocol=None)
    assert (status, body["code"]) == (426, "protocol_unsupported")
    centre.admin(lambda c: admin.revoke_device(c, st.device_id))
    status, body = call(centre.url, method, path, st.token)
    assert (status, body["code"]) == (401, "device_revoked")
    assert body["message_vi"] and body["message_en"]


def _body(code: str) -> dict[str, str]:
    from ytcs_desktop.sync.server import errors

    return errors.auth_required().body() if code == "auth_required" else {}


@pytest.mark.parametrize("path", ["/api/v1/centre/devices", "/api/v1/centre/stations"])
def test_station_devices_may_not_use_centre_endpoints(centre: Centre, path: str) -> None:
    (st,) = centre.station("Trạm")
    hub = centre.centre_replica()
    status, body = call(centre.url, "GET", path, st.token)
    assert (status, body["code"]) == (403, "forbidden_role")
    status, _ = call(centre.url, "GET", path, hub.token)
    assert status == 200


def test_wrong_password_and_revoked_client_raise_auth_errors(centre: Centre) -> None:
    (st,) = centre.station("Mật khẩu")
    username = f"u-{st.code.lower()}" if st.code else ""
    with pytest.raises(AuthError) as wrong:
        login(centre.url, username, PASSWORD + "x")
    assert wrong.value.code == "login_failed"
    centre.admin(lambda c: admin.revoke_device(c, st.device_id))
    with pytest.raises(AuthError) as revoked:
        st.sync()
    assert revoked.value.code == "device_revoked"


def _push(replica: Replica, body: dict[str, Any]) -> dict[str, Any]:
    client = replica.client()
    try:
        answer: dict[str, Any] = client.request("POST", "/api/v1/sync/push", body=p.gzip_bytes(p.dumps(body)))
        return answer
    finally:
        client.close()


def _insert(table: str, image: dict[str, Any], q: int = 1) -> dict[str, Any]:
    cols = sorted(image)
    return {"last_seq": q, "inserts": [{"t": table, "cols": cols, "q": [q], "data": [[image[c]] for c in cols]}]}


def _stamp() -> str:
    from ytcs_desktop.store.hlc import HybridClock

    return HybridClock(new_id()).now()


def test_refused_mutations_carry_their_reason_code(centre: Centre) -> None:
    (a,) = centre.station("A")
    (b,) = centre.station("B")
    hub = centre.centre_replica()
    item = add_item(hub.db)
    hub.sync()
    fridge_b = add_fridge(b.db)
    request_b = add_request(b.db)
    b.sync()
    a.sync()
    fridge = {"id": new_id(), "station_id": b.station_id, "hlc": _stamp(), "origin": "x", "deleted": 0,
              "name": "Tủ lạ", "model": None, "location": None, "active": 1}
    cases: list[tuple[Replica, dict[str, Any], str]] = [
        # another station's partition: insert, and update of an existing row
        (a, _insert("fridges", fridge), "partition"),
        (a, {"last_seq": 1, "changes": [{"m": new_id(), "q": 1, "t": "fridges", "id": fridge_b, "op": "update",
                                         "h": _stamp(), "s": b.station_id, "f": {"location": "x"}}]}, "partition"),
        # reference data is the centre's
        (a, {"last_seq": 1, "changes": [{"m": new_id(), "q": 1, "t": "items", "id": item, "op": "update",
                                         "h": _stamp(), "s": None, "f": {"name": "x"}}]}, "partition"),
        # a centre field and a centre transition, by the owning station
        (b, {"last_seq": 1, "changes": [{"m": new_id(), "q": 1, "t": "support_requests", "id": request_b,
                                         "op": "update", "h": _stamp(), "s": b.station_id,
                                         "f": {"outcome": "xong"}}]}, "field_not_owned"),
        (b, {"last_seq": 1, "changes": [{"m": new_id(), "q": 1, "t": "support_requests", "id": request_b,
                                         "op": "update", "h": _stamp(), "s": b.station_id,
                                         "f": {"status": "scheduled"}}]}, "transition"),
        # a station field, by the centre
        (hub, {"last_seq": 1, "changes": [{"m": new_id(), "q": 1, "t": "support_requests", "id": request_b,
                                           "op": "update", "h": _stamp(), "s": b.station_id,
                                           "f": {"title": "x"}}]}, "field_not_owned"),
        # moving a row to another partition, changing the ledger, unknown tables and columns
        (b, {"last_seq": 1, "changes": [{"m": new_id(), "q": 1, "t": "fridges", "id": fridge_b, "op": "update",
                                         "h": _stamp(), "s": b.station_id, "f": {"station_id": a.station_id}}]},
         "partition_change"),
        (b, _insert("no_such_table", {"id": new_id(), "hlc": _stamp()}), "unknown_table"),
        (b, _insert("fridges", {**fridge, "station_id": b.station_id, "evil": 1}), "unknown_column"),
    ]
    for replica, body, code in cases:
        answer = _push(replica, body)
        assert answer["results"] == "r", (code, answer)
        assert answer["details"][0]["code"] == code
        assert answer["details"][0]["vi"] and answer["details"][0]["en"]


def test_ledger_rows_are_immutable_on_the_server(centre: Centre) -> None:
    from tests.sync.helpers import add_ledger

    hub = centre.centre_replica()
    item = add_item(hub.db)
    hub.sync()
    (st,) = centre.station("Sổ kho")
    st.sync()
    add_ledger(st.db, item, 1)
    st.sync()
    from sqlalchemy import text

    with st.db.read() as s:
        txn = s.scalar(text("SELECT id FROM stock_transactions"))
    answer = _push(st, {"last_seq": 1, "changes": [{"m": new_id(), "q": 1, "t": "stock_transactions", "id": txn,
                                                   "op": "update", "h": _stamp(), "s": st.station_id,
                                                   "f": {"quantity": 999}}]})
    assert answer["results"] == "r" and answer["details"][0]["code"] == "insert_only"


def test_requisition_moves_are_checked_per_side(centre: Centre) -> None:
    import datetime as dt

    from ytcs_desktop.store.models import Requisition

    (st,) = centre.station("Dự trù")
    hub = centre.centre_replica()
    req_id = new_id()
    with st.db.transaction() as s:
        s.add(Requisition(id=req_id, station_id=st.station_id, number="DT-1", status="submitted",
                          created_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC)))
    assert st.sync().rejected == 0
    with st.db.transaction() as s:
        r = s.get(Requisition, req_id)
        assert r is not None
        r.status = "approved"  # the centre's move
    assert st.sync().rejected == 1
    hub.sync()
    with hub.db.transaction() as s:
        r = s.get(Requisition, req_id)
        assert r is not None
        r.status, r.approved_by = "approved", "Khoa Dược"
    assert hub.sync().rejected == 0
    st.sync()
    from tests.sync.helpers import count

    assert count(st.db, "requisitions", "id = :i AND status = 'approved'", i=req_id) == 1


def test_a_station_registered_at_the_centre_carries_every_first_value_then_each_field_has_one_owner(
        centre: Centre) -> None:
    """The centre creates a station's profile with its contact details (as the demo builder does);
    after that the station alone changes the contact fields and the centre alone the licence."""
    from tests.sync.conftest import FAST_HASH, new_db
    from tests.sync.helpers import count
    from ytcs_desktop.domain import stations
    from ytcs_desktop.domain.actor import Actor
    from ytcs_desktop.store.models import Station

    hub = centre.centre_replica()
    sid, code = new_id(), f"TYT-{new_id()[-6:].upper()}"
    with hub.db.transaction() as s:
        stations.create_station(
            s, code=code, name="Trạm Y tế xã Tân Định", station_id=sid, actor=Actor("Phòng KH", "centre", None),
            commune="Xã Tân Định", address="Ấp 2, xã Tân Định", phone="0274 3600 123", contact_name="Lê Văn Hùng",
            contact_phone="0912 345 678", head_name="Lê Văn Hùng", population=12_500, licence_no="120/SYT-GPHĐ")
    assert hub.sync().rejected == 0
    # The centre desktop's new station is in the server's register already: only its account is made.
    assert {s["code"]: s["id"] for s in centre.admin(admin.list_stations)}[code] == sid
    centre.admin(lambda c: admin.add_user(c, f"u-{code.lower()}", PASSWORD, "station", code, FAST_HASH))
    db = new_db(centre.tmp / f"{code}.sqlite3", station_id=sid)
    centre.made.append(db)
    answer = login(centre.url, f"u-{code.lower()}", PASSWORD, station_id=sid, replica_id=db.replica_id)
    st = Replica(db, answer.token, answer.device_id, centre.url, sid, code)
    assert st.sync().complete
    assert count(st.db, "stations", "id = :i AND contact_phone = '0912345678' AND population = 12500", i=sid) == 1

    def change(replica: Replica, **fields: Any) -> int:
        with replica.db.transaction() as s:
            row = s.get(Station, sid)
            assert row is not None
            for name, value in fields.items():
                setattr(row, name, value)
        return replica.sync().rejected

    assert change(st, contact_phone="0988000111") == 0
    assert change(st, licence_no="999/SYT-GPHĐ") == 1
    assert change(hub, head_name="Người khác") == 1
    assert change(hub, licence_no="121/SYT-GPHĐ") == 0
    st.sync()
    hub.sync()
    for replica in (st, hub):
        assert count(replica.db, "stations", "id = :i AND contact_phone = '0988000111' AND "
                     "licence_no = '121/SYT-GPHĐ' AND head_name = 'Lê Văn Hùng'", i=sid) == 1


def test_only_the_centre_seeds_the_other_sides_fields_of_a_new_station(centre: Centre) -> None:
    (st,) = centre.station("Hồ sơ")
    hub = centre.centre_replica()
    base = {"hlc": _stamp(), "origin": "x", "deleted": 0, "status": "active", "centre_id": None}
    new = new_id()
    by_centre = {**base, "id": new, "station_id": new, "code": f"C-{new[-6:]}", "name": "Trạm mới",
                 "contact_phone": "0912 000 000", "population": 9000, "licence_no": "1/SYT"}
    answer = _push(hub, _insert("stations", by_centre))
    assert answer["results"] == "a", answer
    other = new_id()  # a station device may not seed a licence, even on a new row of its own partition
    by_station = {**base, "id": other, "station_id": st.station_id, "code": f"S-{other[-6:]}", "name": "Trạm lạ",
                  "licence_no": "2/SYT"}
    answer = _push(st, _insert("stations", by_station))
    assert answer["results"] == "r" and answer["details"][0]["code"] == "field_not_owned"


def test_the_server_checks_the_domains_own_state_machines() -> None:
    """Defined once: the server imports the domain's moves, it does not keep a copy that could drift."""
    from ytcs_desktop.domain import support
    from ytcs_desktop.domain.inventory import requisitions
    from ytcs_desktop.sync.server import permissions

    assert permissions.STATUS_MACHINES["requisitions"] is requisitions.TRANSITIONS
    assert permissions.STATUS_MACHINES["support_requests"] is support.TRANSITIONS
