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
