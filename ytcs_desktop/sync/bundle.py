"""Sync without a network (SYNC.md "Transport without a network"): the same push and pull, on a USB stick.

1. At the station: `request_bundle` writes every pending change and the pull cursor to a file,
   signed (HMAC-SHA256) with a key only this device and the centre know (the SHA-256 of the device
   token, which is what the centre stores).
2. At the centre: `answer_bundle` (sync/server/bundle_answer.py) checks the signature and the device,
   applies the push exactly as the online endpoint does (idempotent: a bundle carried twice is answered
   `duplicate`), and writes the push answer and every change the device may see past its cursor, signed
   the same way.
3. Back at the station: `apply_answer` checks the signature, records the answer and applies the
   pulled rows, advancing each cursor only as the online client does. Applying an answer twice is
   harmless.

The station's accounts travel too (sync/station_accounts.py): the request carries those made here that
await the centre's word (`accounts`, as `POST /sync/accounts` sends them), the centre answers each with
the network endpoint's own function (`accounts`: made or refused, with its code and words) and adds
whether it keeps each of the station's accounts in use (`accounts_in_use`); the station records both as
the online sync does. The format is extended compatibly, its name unchanged (the file has no version
number): an older station's request has no `accounts` and is answered as before, and an older centre's
answer without them reads, the accounts waiting for a later sync.

A stick travels for days, so the answer cannot measure this PC's clock the way `hello` does. It can
bound it: the request was made before the centre answered and the answer is applied after, so the
true offset (centre time − this PC's wall) lies between the two. The offset kept is moved into that
interval only when it lies outside (a clock set years wrong is corrected to within the trip; a right
clock is left alone), and a complete push then drops a far-future stamp as the online sync does.
"""

from __future__ import annotations

import gzip
import hashlib
import hmac
import json
from typing import Any

from ytcs_desktop.messages import Refusal, given, msg
from ytcs_desktop.store.db import Database
from ytcs_desktop.sync import apply as a
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.station_accounts import accounts_to_send, apply_carried

FORMAT = "ytcs-sync-bundle"
ALL_ROWS = 10_000_000


class BundleError(Refusal):
    """A sync file that cannot be read or applied (damaged, another device's), or the centre's refusal of it."""


def bundle_key(token_hash: str) -> bytes:
    return token_hash.encode()


def seal(body: dict[str, Any], key: bytes) -> bytes:
    raw = p.dumps(body)
    sig = hmac.new(key, raw, hashlib.sha256).hexdigest()
    return gzip.compress(p.dumps({"format": FORMAT, "sig": sig, "body": raw.decode()}), mtime=0)


def open_bundle(data: bytes) -> tuple[dict[str, Any], bytes, str]:
    try:
        outer = json.loads(gzip.decompress(data))
        raw = str(outer["body"]).encode()
        if outer.get("format") != FORMAT:
            raise ValueError("format")
        return json.loads(raw), raw, str(outer["sig"])
    except (OSError, EOFError, ValueError, KeyError, TypeError) as exc:
        raise BundleError("bundle_bad", msg("bundle_bad")) from exc


def check_signature(raw: bytes, sig: str, key: bytes) -> None:
    if not hmac.compare_digest(hmac.new(key, raw, hashlib.sha256).hexdigest(), sig):
        raise BundleError("bundle_signature", msg("bundle_signature"))


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def request_bundle(db: Database, device_id: str, token: str) -> bytes:
    cursor = a.get_int(db, a.PUSH_CURSOR)
    batch = a.read_outbox(db, cursor, ALL_ROWS)
    body = {"device_id": device_id, "push_from": cursor, "push": a.build_push(batch, batch.last_seq or cursor),
            "pull_cursor": a.get_int(db, a.PULL_CURSOR), "made_at_ms": db.clock.wall_ms(),
            "accounts": [account.model_dump() for account in accounts_to_send(db)]}
    return seal(body, bundle_key(token_hash(token)))


def apply_answer(db: Database, device_id: str, token: str, data: bytes) -> dict[str, int]:
    body, raw, sig = open_bundle(data)
    check_signature(raw, sig, bundle_key(token_hash(token)))
    if body.get("device_id") != device_id:
        raise BundleError("bundle_device", msg("bundle_device"))
    answer = p.PushResponse.model_validate(body["answer"])
    _bound_clock(db, body.get("made_at_ms"), body.get("server_time_ms"))
    start = int(body["push_from"])
    rejected = pushed = 0
    if a.get_int(db, a.PUSH_CURSOR) == start and answer.results:
        rows = a.read_outbox(db, start, len(answer.results)).rows
        pushed = a.record_rows(rows)
        if len(rows) == len(answer.results) and rows[-1].seq == answer.acked_seq:
            rejected, _ = a.record_push_answer(db, rows, answer)
    if a.pending_count(db) == 0:  # every change acknowledged, far-ahead ones re-stamped by the centre
        db.settle_clock(a.get_int(db, a.PUSH_CURSOR), p.CLOCK_FUTURE_LIMIT_MS)
    pulled = 0
    page = body["pull"]
    if int(page["cursor"]) > a.get_int(db, a.PULL_CURSOR):
        pulled, top = a.apply_pull_page(db, page, None)
        if top:
            db.clock.observe(top, max_future_ms=p.CLOCK_FUTURE_LIMIT_MS)
    answered = body.get("server_time_ms")
    people = apply_carried(db, body.get("accounts") or [], body.get("accounts_in_use"),
                           answered if isinstance(answered, int) else None)
    return {"pushed": pushed, "rejected": rejected, "pulled": pulled, "accounts_confirmed": people.confirmed,
            "accounts_refused": people.refused}


def _bound_clock(db: Database, made_at_ms: object, server_time_ms: object) -> None:
    if not isinstance(made_at_ms, int) or not isinstance(server_time_ms, int):
        return  # a bundle of an older version: no evidence about the clock
    lowest = server_time_ms - db.clock.wall_ms()  # the answer is applied after the centre wrote it
    highest = server_time_ms - made_at_ms  # the request was made before
    if lowest > highest:
        return  # this PC's clock was moved back during the trip: the bounds say nothing
    offset = min(max(db.clock.offset_ms, lowest), highest)
    if offset == db.clock.offset_ms:
        return
    with a.remote_write(db) as conn:
        a.set_meta(conn, a.CLOCK_OFFSET, str(offset))
        a.set_meta(conn, a.CLOCK_SUSPECT, "1" if abs(offset) > p.CLOCK_FUTURE_LIMIT_MS else "0")
    db.clock.offset_ms = offset


def answer_through_server(server_url: str, token: str, data: bytes, verify: str | bool = True,
                          timeout: float = 300.0) -> bytes:
    """From a centre desktop: hand a station's file to the centre's server, which answers it (the centre's
    window has no server database of its own)."""
    import requests

    from ytcs_desktop.sync.client import AuthError, certificate_error, network_error, ssl_reason

    try:
        r = requests.post(f"{server_url.rstrip('/')}{p.API}/centre/bundle", data=data, timeout=timeout,
                          verify=verify, headers={"Authorization": f"Bearer {token}",
                                                  p.PROTOCOL_HEADER: str(p.PROTOCOL_VERSION),
                                                  "Content-Type": "application/octet-stream"})
    except requests.exceptions.SSLError as exc:
        raise certificate_error(ssl_reason(exc)) from exc
    except requests.RequestException as exc:
        raise network_error(str(exc)) from exc
    if r.status_code == 200:
        return r.content
    answer = r.json() if r.headers.get("Content-Type", "").startswith("application/json") else {}
    code = answer.get("code", f"http_{r.status_code}")
    vi, en = answer.get("message_vi", ""), answer.get("message_en", "")
    if r.status_code == 401:
        raise AuthError(code, given(vi, en))
    raise BundleError(code, given(vi or en or r.text[:200], en or r.text[:200]))
