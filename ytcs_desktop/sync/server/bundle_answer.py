"""The centre's half of sync on a USB stick (sync/bundle.py): check a station's request file, apply its push
exactly as the online endpoint does and answer with every change the device may see, signed the same way.
The accounts the file carries are answered first, each by the function behind `POST /sync/accounts`
(sync/server/station_accounts.py) in a transaction of its own, so a new approver is known before the push,
and the answer says which of the station's accounts the centre keeps in use (`GET /sync/accounts`'s).
Kept with the server so the station's sync code never imports the server."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from sqlalchemy import select

from ytcs_desktop.messages import msg
from ytcs_desktop.sync import bundle as b
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.server import schema as t
from ytcs_desktop.sync.server.device import Device
from ytcs_desktop.sync.server.errors import ApiError
from ytcs_desktop.sync.server.pull import pull
from ytcs_desktop.sync.server.push import push_retrying
from ytcs_desktop.sync.server.station_accounts import confirm_account, station_users


def answer_bundle(store: Any, data: bytes) -> bytes:
    """At the centre, on the server's database (`ServerStore`)."""
    body, raw, sig = b.open_bundle(data)
    with store.read() as conn:
        row = conn.execute(select(t.devices, t.users.c.role).join(t.users, t.users.c.username == t.devices.c.username)
                           .where(t.devices.c.id == str(body.get("device_id")))).mappings().first()
        if row is None or row["revoked"]:
            raise b.BundleError("device_revoked", msg("device_revoked"))
        key = b.bundle_key(row["token_hash"])
        b.check_signature(raw, sig, key)
        device = Device(row["id"], row["username"], row["role"], row["station_key"] or None, row["station_key"],
                        int(row["acked_seq"] or 0), row["acked_mutation"], bool(row["clock_suspect"]))
    carried = body.get("accounts")
    accounts = [_answer_account(store, device, one) for one in carried] if isinstance(carried, list) else []
    in_use = _in_use(store, device)
    answer = push_retrying(store, device, p.PushRequest.model_validate(body["push"]), p.PROTOCOL_VERSION)
    with store.read() as conn:
        page = pull(store, conn, device, int(body.get("pull_cursor") or 0), b.ALL_ROWS, False)
    out = {"device_id": device.id, "push_from": body["push_from"], "answer": answer.model_dump(mode="json"),
           "pull": page, "made_at_ms": body.get("made_at_ms"), "server_time_ms": store.clock.physical_ms(),
           "accounts": [a.model_dump(mode="json") for a in accounts]}
    if in_use is not None:
        out["accounts_in_use"] = [u.model_dump(mode="json") for u in in_use]
    return b.seal(out, key)


def _answer_account(store: Any, device: Device, carried: object) -> p.AccountOutcome:
    """One account the file carried, answered as `POST /sync/accounts` answers it."""
    name = str(carried.get("username", "")) if isinstance(carried, dict) else ""
    try:
        body = p.StationAccount.model_validate(carried)
    except ValidationError as exc:
        found = exc.errors()
        where = ".".join(str(x) for x in found[0]["loc"]) if found else ""
        invalid = msg("invalid_request", where=where, detail=found[0]["msg"] if found else "")
        return p.AccountOutcome(username=name, code="invalid_request", message_vi=invalid.vi, message_en=invalid.en)
    try:
        with store.write() as conn:
            made = confirm_account(conn, device, body)
    except ApiError as exc:
        return p.AccountOutcome(username=body.username, code=exc.code, message_vi=exc.vi, message_en=exc.en)
    return p.AccountOutcome(username=body.username, user=made)


def _in_use(store: Any, device: Device) -> list[p.StationUser] | None:
    """Whether the centre keeps each of the station's accounts in use; None for a computer not a station's."""
    try:
        with store.read() as conn:
            return station_users(conn, device)
    except ApiError:
        return None
