"""Accounts and raw requests for the tests that talk to a centre server directly (bad input, load):
a station registered at the server and one of its devices signed in, with no station database."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import requests

from tests.sync.conftest import FAST_HASH, PASSWORD
from ytcs_desktop.store.base import new_id
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.client import login
from ytcs_desktop.sync.server import admin
from ytcs_desktop.sync.server.store import ServerStore


@dataclass(frozen=True)
class Device:
    url: str
    token: str
    device_id: str
    station_id: str | None
    code: str | None

    def headers(self, **extra: str) -> dict[str, str]:
        return {p.PROTOCOL_HEADER: str(p.PROTOCOL_VERSION), "Authorization": f"Bearer {self.token}", **extra}

    def post(self, path: str, body: Any, **kw: Any) -> requests.Response:
        data = body if isinstance(body, bytes | Iterator) else p.dumps(body)
        headers = self.headers(**{"Content-Type": "application/json", **kw.pop("headers", {})})
        return requests.post(f"{self.url}{p.API}{path}", data=data, headers=headers, timeout=60, **kw)

    def get(self, path: str, **kw: Any) -> requests.Response:
        headers = self.headers(**kw.pop("headers", {}))
        return requests.get(f"{self.url}{p.API}{path}", headers=headers, timeout=60, **kw)


def station_device(store: ServerStore, url: str, station_id: str | None = None) -> Device:
    """A new station registered at the server and a device of it signed in."""
    sid = station_id or new_id()
    code = f"TYT-{uuid.uuid4().hex[:6].upper()}"
    username = f"u-{code.lower()}"
    with store.write() as conn:
        admin.add_station(conn, code, f"Trạm Y tế {code}", sid)
        admin.add_user(conn, username, PASSWORD, "station", code, FAST_HASH)
    answer = login(url, username, PASSWORD, device_name=code, station_id=sid, replica_id=new_id())
    return Device(url, answer.token, answer.device_id, sid, code)


def centre_device(store: ServerStore, url: str) -> Device:
    username = f"c-{uuid.uuid4().hex[:6]}"
    with store.write() as conn:
        admin.add_user(conn, username, PASSWORD, "centre", None, FAST_HASH)
    answer = login(url, username, PASSWORD, device_name="centre", replica_id=new_id())
    return Device(url, answer.token, answer.device_id, None, None)


def ledger_batch(device: Device, rows: int, first_q: int = 1) -> tuple[dict[str, Any], list[str]]:
    """A push of `rows` new stock movements of the device's station (column-major, as the client sends
    them), with their ids."""
    ids = [new_id() for _ in range(rows)]
    base = {"station_id": device.station_id, "item_id": new_id(), "lot_id": new_id(), "txn_date": "2026-11-02",
            "kind": "receipt", "quantity": 10, "hlc": "001764000000000-000000-abcdef012345",
            "origin": "abcdef012345", "deleted": 0}
    cols = sorted([*base, "id"])
    data = [p.encode_column(ids if c == "id" else [base[c]] * rows) for c in cols]
    seqs = list(range(first_q, first_q + rows))
    body = {"last_seq": seqs[-1], "inserts": [{"t": "stock_transactions", "cols": cols,
                                               "q": p.encode_column(seqs), "data": data}]}
    return body, ids


def pull_all(device: Device, table: str) -> list[str]:
    """Every row id of `table` the device pulls from cursor 0, in the order served (repeats kept)."""
    cursor, seen = 0, []
    while True:
        r = device.get("/sync/pull", params={"cursor": cursor, "limit": 500})
        assert r.status_code == 200, r.text[:300]
        page = r.json()
        for group in page["tables"]:
            if group["t"] == table:
                seen.extend(str(row["id"]) for row in p.from_columns(group["cols"], group["data"]))
        cursor = page["cursor"]
        if not page["has_more"]:
            return seen
