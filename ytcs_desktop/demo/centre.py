"""The demo centre's server database, in agreement with the demo station from the first sync.

The demo station's database holds decisions of both sides: the station's own work, and what only the
centre may decide (the catalogue and other reference rows, the stations' profiles, approvals and
shipments of requisitions, scheduled rotation visits, the centre's steps of support requests, …),
all written locally while the demo was built. A real centre refuses the second kind from a station.

So the centre's server database is made the way a real centre and station would have made it: the
centre registers its five stations and their accounts, then the station's outbox is replayed through
the server's own push logic (in process, no network), in the order it was written, each change sent
by the side that may send it: as the station's device, or as a centre device. Who that is, is guessed
from the server's own rules (permissions.py) and decided by the server's answer: a run of changes cut
by a refusal goes in up to the refused change, which is then sent by the other side. A change that
neither side may send, or any conflict, stops the build: a demo that disagrees with its centre is a bug.

The station's database then records what a complete sync leaves behind: every change acknowledged
(push cursor, rows synced), the pull cursor at the centre's last change (everything the centre holds
came from this database), the centre's address and this PC's device, whose token is kept in the data
folder (`sync-token`, mode 0600) so `ytcs sync` and the window sync with the demo centre
(`ytcs centre serve`, port 8470) without asking for a password.
"""

from __future__ import annotations

import bisect
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from sqlalchemy import Connection, func, select

from ytcs_desktop.demo import CancelFlag, DemoCancelled, Progress, build_demo, siblings
from ytcs_desktop.demo.people import HOME, STATIONS
from ytcs_desktop.domain.errors import ValidationError
from ytcs_desktop.domain.station_ids import station_id_for
from ytcs_desktop.messages import msg
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.files import remove_database
from ytcs_desktop.sync import apply as a
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.server.device import Device
from ytcs_desktop.sync.server.store import ServerStore

__all__ = ["ACCOUNTS", "CENTRE_ACCOUNT", "DEMO_PASSWORD", "SERVER_FILE", "SERVER_URL", "CentreBuilt",
           "DemoDisagrees", "build_demo_centre", "build_demo_world", "keep_token"]

SERVER_FILE = "centre-server.sqlite3"  # what `ytcs centre serve --data-dir DIR` opens by default
SERVER_URL = "http://127.0.0.1:8470"  # `ytcs centre serve`'s default port, on this PC
DEMO_PASSWORD = "ytcs-demo"  # every demo account's password (a demo: printed, and in README)
ACCOUNTS = {  # station code -> the station's account
    "TYT-AP": "anphu",
    "TYT-BH": "binhhoa",
    "TYT-LT": "laithieu",
    "TYT-TG": "thuangiao",
    "TYT-TA": "thuanan",
}
CENTRE_ACCOUNT = "trungtam"
DEVICE_NAME = "Máy trạm An Phú (dữ liệu mẫu)"
SETUP_DEVICE_NAME = "Dữ liệu mẫu: các quyết định của Trung tâm"

_LONGEST_RUN = 4096  # changes sent at once


class DemoDisagrees(Exception):
    """A change of the demo station that the centre refuses from either side, or a conflict."""


@dataclass(frozen=True)
class CentreBuilt:
    device_id: str  # the demo station's device at the centre
    token: str  # its token (kept by `keep_token`)
    changes: int  # outbox rows replayed
    applied: int  # changes applied at the centre, attempts cut by a refusal included
    by_centre: int  # of which sent as the centre
    switches: int  # runs of one side
    neighbours: dict[str, dict[str, int]]  # the other stations' own work, by station code (siblings.py)


class _OneHash(PasswordHasher):
    """Every demo account has the same password: it is hashed once (argon2 takes a good part of a second)."""

    def __init__(self) -> None:
        super().__init__()
        self._done: dict[str | bytes, str] = {}

    def hash(self, password: str | bytes, *, salt: bytes | None = None) -> str:
        if password not in self._done:
            self._done[password] = super().hash(password, salt=salt)
        return self._done[password]


class _Refused(Exception):
    def __init__(self, index: int, detail: p.Detail | None) -> None:
        super().__init__(index)
        self.index = index
        self.detail = detail


def _slice(batch: a.PushBatch, lo: int, hi: int) -> a.PushBatch:
    """Rows lo..hi-1 of a batch read whole, with their insert images."""
    rows = batch.rows[lo:hi]
    first, last = rows[0].seq, rows[-1].seq
    inserts = {}
    for table, (seqs, cols, data) in batch.inserts.items():
        start, end = bisect.bisect_left(seqs, first), bisect.bisect_right(seqs, last)
        if end > start:
            inserts[table] = (seqs[start:end], cols, [column[start:end] for column in data])
    return a.PushBatch(rows, inserts)


class _Replay:
    """The station's outbox sent in order, each run of changes by the side that may send it, inside the
    caller's transaction (each attempt in a savepoint: an attempt cut by a refusal leaves nothing)."""

    def __init__(self, store: ServerStore, conn: Connection, whole: a.PushBatch,
                 devices: tuple[Device, Device]) -> None:
        self.store, self.conn, self.whole, self.devices = store, conn, whole, devices
        self.rows = whole.rows
        self.results = [""] * len(self.rows)
        self.sides = bytearray(len(self.rows))  # 0: sent by the station, 1: by the centre
        self.conflicts: list[str] = []
        self.by_centre = 0
        self.switches = 1
        self.applied = 0  # changes applied, attempts cut by a refusal included (the cost of the replay)

    def push(self, side: int, lo: int, hi: int) -> None:
        """Apply rows lo..hi-1 as `side`; rolled back (and _Refused raised) at the first refusal."""
        from ytcs_desktop.sync.server.push import apply_push

        part = _slice(self.whole, lo, hi)
        request = p.PushRequest.model_validate(a.build_push(part, part.last_seq))
        self.applied += hi - lo
        with self.conn.begin_nested():
            answer = apply_push(self.store, self.conn, self.devices[side], request, p.PROTOCOL_VERSION)
            # Taken as sent, or not: refused, or held back (a station's catalogue item is an offer that
            # waits for the centre's decision); a conflict stops the build below.
            said = {d.q: d for d in answer.details if d.code != "conflict"}
            refused = next((n for n, (r, code) in enumerate(zip(self.rows[lo:hi], answer.results, strict=True))
                            if code == p.RESULT_REJECTED or r.seq in said), None)
            if refused is not None:
                raise _Refused(refused, said.get(self.rows[lo + refused].seq))
        self.results[lo:hi] = list(answer.results)
        self.sides[lo:hi] = bytes([side]) * (hi - lo)
        for d in answer.details:
            self.conflicts.extend(f"{d.q} {c.f}: {c.v!r} / {c.wv!r}" for c in d.conflicts)

    def owners(self) -> bytearray:
        """Who is likely to own each change (0 station, 1 centre), by the server's rules on the change
        alone: the runs to send. Only a guess: what the centre answers decides."""
        from ytcs_desktop.sync.server import permissions as perm
        from ytcs_desktop.sync.server.push import NOT_MERGED

        station = self.devices[0]
        guess = bytearray(len(self.rows))
        status: dict[tuple[str, str], object] = {}
        images = {table: dict(zip(seqs, zip(*data, strict=True), strict=True))
                  for table, (seqs, _cols, data) in self.whole.inserts.items()}
        columns = {table: cols for table, (_seqs, cols, _data) in self.whole.inserts.items()}
        for n, r in enumerate(self.rows):
            rule = perm.RULES.get(r.table)
            if rule is None:
                continue
            if r.op == "insert":
                image = dict(zip(columns[r.table], images[r.table][r.seq], strict=True))
                refusal = (perm.check_partition(station, image.get("station_id"))
                           or perm.check_new_row(rule, station, image))
            else:
                image = r.image
                changed = {c for c in r.changed if c not in NOT_MERGED} if r.op == "update" else {"deleted"}
                refusal = (perm.check_partition(station, image.get("station_id"))
                           or perm.not_owned(rule, station, image.get("station_id"), changed))
                if refusal is None and "status" in changed:
                    refusal = perm.check_transition(rule, station, status.get((r.table, r.row_id)), image.get("status"))
            status[(r.table, r.row_id)] = image.get("status")
            guess[n] = 0 if refusal is None else 1
        return guess

    def run(self) -> None:
        rows = self.rows
        guess = self.owners()
        i = 0
        side = guess[0] if rows else 0
        stuck: p.Detail | None = None  # why the other side refused the change at `i`, after a switch there
        while i < len(rows):
            end = i + 1  # the change at i, then the run of changes guessed to be this side's
            while end < len(rows) and guess[end] == side and end - i < _LONGEST_RUN:
                end += 1
            try:
                self.push(side, i, end)
            except _Refused as refusal:
                if refusal.index > 0:
                    try:
                        self.push(side, i, i + refusal.index)  # what went in before the refused change
                    except _Refused as again:
                        raise DemoDisagrees(f"change {rows[i + again.index].seq} refused on the second try") from None
                    i += refusal.index
                    stuck = None
                elif stuck is not None:
                    r = rows[i]
                    raise DemoDisagrees(
                        f"neither side may send change {r.seq} ({r.op} {r.table} {r.row_id}): "
                        f"{stuck.en} / {refusal.detail.en if refusal.detail else '?'}") from None
                stuck = refusal.detail or p.Detail(q=rows[i].seq, code="?")
                side = 1 - side
                self.switches += 1
                continue
            i, stuck = end, None
            if i < len(rows) and guess[i] != side:
                side = guess[i]
                self.switches += 1
        self.by_centre = sum(self.sides)
        if self.conflicts:
            raise DemoDisagrees(f"{len(self.conflicts)} conflicts with the centre, e.g. {self.conflicts[0]}")


def _login(store: ServerStore, conn: Connection, code: str) -> Callable[[Database], Device]:
    """A neighbour station's PC signs in with its account (kept: the centre sees each station's PC)."""
    from ytcs_desktop.sync.server import auth

    def login(db: Database) -> Device:
        name = next(n for c, n, _m, _p in STATIONS if c == code)
        return auth.login(store, conn, ACCOUNTS[code], DEMO_PASSWORD, f"Máy {name} (dữ liệu mẫu)",
                          db.station_id, db.replica_id)[1]

    return login


def _replayer(store: ServerStore, conn: Connection, centre: Device) -> Callable[[Database, Device], int]:
    def replay(db: Database, device: Device) -> int:
        run = _Replay(store, conn, a.read_outbox(db, 0, 1 << 40), (device, centre))
        run.run()
        return len(run.rows)

    return replay


def build_demo_centre(station_path: Path, server_path: Path, seed: int = 2026) -> CentreBuilt:
    """Create the demo centre's server database at `server_path` (which must not exist) from the demo
    station database at `station_path` and its four neighbours' own work (siblings.py, from `seed`), and
    record in the station database that it has synced."""
    from ytcs_desktop.sync.client import SyncReport
    from ytcs_desktop.sync.join import remember_centre
    from ytcs_desktop.sync.server import admin, auth
    from ytcs_desktop.sync.server import schema as t
    from ytcs_desktop.sync.server.push import apply_push

    if server_path.exists():
        raise FileExistsError(f"{server_path} exists: the demo centre is built only into a new database file")
    db = Database.open(station_path)
    store = ServerStore(f"sqlite:///{server_path}")
    try:
        home_id = db.station_id
        if home_id != station_id_for(HOME):
            raise DemoDisagrees(f"the demo station's id {home_id} is not the one its code {HOME} gives")
        store.create_schema()
        hasher = _OneHash()
        with store.write() as conn:  # one transaction: the centre's database is whole or not at all
            # The register only: each station's profile row is the one the centre wrote in the demo
            # (with its address, head, licence), replayed below; a profile row written here as well
            # would be a second, different birth of the same row.
            for code, name, _commune, _population in STATIONS:
                admin.add_station(conn, code, name, station_id_for(code))
                admin.add_user(conn, ACCOUNTS[code], DEMO_PASSWORD, "station", code, hasher)
            admin.add_user(conn, CENTRE_ACCOUNT, DEMO_PASSWORD, "centre", None, hasher)
            token, station_device, _ = auth.login(store, conn, ACCOUNTS[HOME], DEMO_PASSWORD, DEVICE_NAME,
                                                  home_id, db.replica_id)
            _, centre_device, _ = auth.login(store, conn, CENTRE_ACCOUNT, DEMO_PASSWORD, SETUP_DEVICE_NAME,
                                             None, None)
            replay = _Replay(store, conn, a.read_outbox(db, 0, 1 << 40), (station_device, centre_device))
            replay.run()
            rows = replay.rows
            span = siblings.span_of(db)
            neighbours = {} if span is None else {
                code: siblings.build_neighbour(store, conn, code, span, seed, _login(store, conn, code),
                                               _replayer(store, conn, centre_device))
                for code, _name, _commune, _population in STATIONS if code != HOME}
            last = rows[-1] if rows else None
            # The station's device has acknowledged everything (what `hello` tells it), and no PC holds
            # the token of the device that sent the centre's decisions.
            done = p.PushRequest(last_seq=last.seq if last else 0, last_mutation=last.mutation_id if last else None)
            apply_push(store, conn, station_device, done, p.PROTOCOL_VERSION)
            admin.revoke_device(conn, centre_device.id)
            top = store.committed_top(conn)
            left = conn.scalar(select(func.count()).select_from(t.rejections))
            if left:
                raise DemoDisagrees(f"{left} changes refused by the centre")
        if rows:
            answer = p.PushResponse(results="".join(replay.results), acked_seq=rows[-1].seq, clock_suspect=False,
                                    server_time_ms=store.clock.physical_ms())
            rejected, logged = a.record_push_answer(db, rows, answer)
            if rejected or logged:
                raise DemoDisagrees(f"{rejected} refused, {logged} conflicts recorded at the station")
        # The station's last sync, where the window and `ytcs sync status` read it: the demo station
        # is in sync with its centre, so it must not say “never synced”.
        report = SyncReport(pushed=len(rows), complete=True)
        with a.remote_write(db) as conn:
            a.set_meta(conn, a.PULL_CURSOR, str(top))
            a.set_meta(conn, a.LAST_SYNC, json.dumps({**report.as_dict(), "at_ms": int(time.time() * 1000)}))
        remember_centre(db, SERVER_URL, station_device.id, ACCOUNTS[HOME])
        return CentreBuilt(station_device.id, token, len(rows), replay.applied, replay.by_centre, replay.switches,
                           neighbours)
    finally:
        store.dispose()
        db.close()


def keep_token(folder: Path, built: CentreBuilt) -> None:
    """The station device's token in the data folder, as `ytcs login --store-token-in-file` keeps it."""
    from ytcs_desktop.sync import keystore

    keystore.save_token(SERVER_URL, built.device_id, built.token, folder, to_file=True)


def centre_exists(folder: Path) -> ValidationError:
    server = folder / SERVER_FILE
    return ValidationError(
        "centre_exists",
        msg("centre_exists", server=server))


def build_demo_world(path: Path, months: int = 12, seed: int = 2026, *, replace_centre: bool = False,
                     progress: Progress | None = None,
                     cancel: CancelFlag | None = None) -> tuple[dict[str, int], CentreBuilt]:
    """The demo station database at `path` (replaced if there is one) and its centre's server database
    beside it (`SERVER_FILE`, replaced only with `replace_centre`), both built beside their targets and
    moved into place at the end: a cancel or a failure leaves neither half-made. Then the station
    device's token goes into the folder. Returns the station's counts and what the centre holds.

    `progress(done, total)` follows `build_demo`'s steps; the centre is built in its last step."""
    folder = path.parent
    server = folder / SERVER_FILE
    if server.exists() and not replace_centre:
        raise centre_exists(folder)
    building = path.with_name(path.name + ".building")
    server_building = server.with_name(server.name + ".building")
    for leftover in (building, server_building):
        remove_database(leftover)
    folder.mkdir(parents=True, exist_ok=True)
    steps = [0]

    def station_step(done: int, total: int) -> None:
        steps[0] = total
        if progress is not None:
            progress(min(done, total - 1), total)  # the last step ends with the centre

    try:
        summary = build_demo(building, months=months, seed=seed, progress=station_step, cancel=cancel)
        if cancel is not None and cancel.is_set():
            raise DemoCancelled()
        built = build_demo_centre(building, server_building, seed)
    except BaseException:
        for leftover in (building, server_building):
            remove_database(leftover)
        raise
    remove_database(path)
    os.replace(building, path)
    remove_database(server)
    os.replace(server_building, server)
    keep_token(folder, built)
    if progress is not None:
        progress(steps[0], steps[0])
    return summary, built
