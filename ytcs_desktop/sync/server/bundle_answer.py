"""The centre's half of sync on a USB stick (sync/bundle.py): check a station's request file, apply its push
exactly as the online endpoint does and answer with every change the device may see, signed the same way.
Kept with the server so the station's sync code never imports the server."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ytcs_desktop.sync import bundle as b
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.server import schema as t
from ytcs_desktop.sync.server.device import Device
from ytcs_desktop.sync.server.pull import pull
from ytcs_desktop.sync.server.push import push_retrying


def answer_bundle(store: Any, data: bytes) -> bytes:
    """At the centre, on the server's database (`ServerStore`)."""
    body, raw, sig = b.open_bundle(data)
    with store.read() as conn:
        row = conn.execute(select(t.devices, t.users.c.role).join(t.users, t.users.c.username == t.devices.c.username)
                           .where(t.devices.c.id == str(body.get("device_id")))).mappings().first()
        if row is None or row["revoked"]:
            raise b.BundleError("device_revoked", "Máy gửi tệp này không (còn) được phép đồng bộ.",
                                "The device that made this file may not sync (any more).")
        key = b.bundle_key(row["token_hash"])
        b.check_signature(raw, sig, key)
        device = Device(row["id"], row["username"], row["role"], row["station_key"] or None, row["station_key"],
                        int(row["acked_seq"] or 0), row["acked_mutation"], bool(row["clock_suspect"]))
    answer = push_retrying(store, device, p.PushRequest.model_validate(body["push"]), p.PROTOCOL_VERSION)
    with store.read() as conn:
        page = pull(store, conn, device, int(body.get("pull_cursor") or 0), b.ALL_ROWS, False)
    return b.seal({"device_id": device.id, "push_from": body["push_from"], "answer": answer.model_dump(mode="json"),
                   "pull": page, "made_at_ms": body.get("made_at_ms"), "server_time_ms": store.clock.physical_ms()},
                  key)
