"""A push's new rows merged a group at a time (push.Batch.take_fresh) are answered and stored exactly as
when each is applied alone: the same pushes, random and full of what a check refuses or looks at twice
(bad stamps, stamps from the far future, rows held already or named twice, another station's rows, fields
the writer does not own, statuses a row may not be born in, catalogue offers, signed ledger rows, unknown
tables and columns), go to two centres, one merging one row at a time; every answer and every stored row
must match."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ytcs_desktop.store.base import new_id
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.server import admin, push
from ytcs_desktop.sync.server import permissions as perm
from ytcs_desktop.sync.server import schema as t
from ytcs_desktop.sync.server.device import Device
from ytcs_desktop.sync.server.errors import ApiError
from ytcs_desktop.sync.server.store import ServerStore, now_ms
from ytcs_desktop.sync.server.values import KINDS, NUMBER

TABLES = ["stock_transactions", "audit_log", "items", "stock_counts", "support_requests", "referrals", "stations",
          "fridges", "no_such_table"]
CENTRE_STAMP = re.compile(r"[0-9]{15}-[0-9]{6}-centre\.[0-9a-f]{12}")
CLEAN = {"deleted": [0, 1], "kind": ["issue", "count"], "actor_user": [None, "someone"], "table_name": ["items"],
         "op": ["insert"], "doc_no": ["PX-1", "a,b", 'say "hi"', "%s"], "reason": [None, "back\\slash", "],["]}
TEXTS = ["a", "", None, "Nguyễn", "draft", "approved", "submitted", "count", "disposal", "receipt", "someone",
         "a,b", 'say "hi"', "back\\slash", "%s %d %%", "two\nlines", "],["]


def _centre(path: Path, station: str, other: str) -> ServerStore:
    store = ServerStore(f"sqlite:///{path}")
    store.create_schema()
    with store.write() as conn:
        admin.add_station(conn, "TYT-A", "Trạm A", station)
        admin.add_station(conn, "TYT-B", "Trạm B", other)
    return store


def _stamp(draw: random.Random, wall: int) -> Any:
    kind = draw.random()
    if kind < 0.8:
        return f"{wall:015d}-{draw.randrange(1000):06d}-{draw.choice(['r1', 'r2', 'centre.x'])}"
    return draw.choice([f"{wall + 10**9:015d}-000000-r1", "garbage", f"{wall:015d}-000001-r1\nx", "", None, 5])


class Pushes:
    """Random pushes over a small pool of row ids, so rows are born twice and edited."""

    def __init__(self, draw: random.Random, station: str, other: str) -> None:
        self.draw, self.station, self.other = draw, station, other
        self.pool: dict[str, list[str]] = {}
        self.q = 0

    def _id(self, table: str) -> Any:
        pool = self.pool.setdefault(table, [])
        if pool and self.draw.random() < 0.15:
            return self.draw.choice(pool)
        if self.draw.random() < 0.02:
            return self.draw.choice([None, ""])
        row_id = self.station if table == "stations" and self.draw.random() < 0.3 else new_id()
        pool.append(row_id)
        return row_id

    def _value(self, table: str, name: str, wall: int) -> Any:
        draw = self.draw
        if name == "station_id":
            return draw.choice([self.station] * 6 + [self.other, None])
        if name == "hlc":
            return _stamp(draw, wall)
        if name == "deleted":
            return draw.choice([0, 0, 0, 1])
        if KINDS.get(table, {}).get(name) == NUMBER:
            return draw.choice([0, 1, 5, None])
        return draw.choice(TEXTS)

    def group(self, wall: int) -> dict[str, Any]:
        draw = self.draw
        table = draw.choice(TABLES)
        rule = perm.RULES.get(table)
        names = sorted(rule.columns) if rule else ["id", "hlc", "station_id"]
        cols = [c for c in names if c in ("id", "hlc") or draw.random() < 0.8]
        if draw.random() < 0.05:
            cols.append("no_such_column")
        if draw.random() < 0.05:
            cols.append(draw.choice(["id", "hlc", "station_id"]))  # a name sent twice: the image keeps the last
        rows = draw.randrange(1, 12)
        data = []
        clean = draw.random() < 0.5  # rows nothing refuses, mostly
        for c in cols:
            if c == "id":
                data.append([self._id(table) for _ in range(rows)])
            elif clean and c in CLEAN:
                data.append([draw.choice(CLEAN[c]) if draw.random() < 0.1 else CLEAN[c][0] for _ in range(rows)])
            else:
                data.append([self._value(table, c, wall) for _ in range(rows)])
        if clean and "status" in cols:
            data[cols.index("status")] = [perm.INITIAL_STATUS.get(table, "draft")] * rows
        if clean and "hlc" in cols:
            data[cols.index("hlc")] = [f"{wall:015d}-{self.q + i:06d}-r1" for i in range(rows)]
        if clean and "station_id" in cols:
            data[cols.index("station_id")] = [self.station] * rows
        seqs = [self.q + 1 + i for i in range(rows)]
        if draw.random() < 0.2:
            draw.shuffle(seqs)
        self.q += rows
        return {"t": table, "cols": cols, "q": p.encode_column(seqs), "data": [p.encode_column(d) for d in data]}

    def change(self, wall: int) -> dict[str, Any]:
        table = self.draw.choice([t for t in self.pool if self.pool[t]] or ["fridges"])
        row_id = self.draw.choice(self.pool.get(table) or [new_id()])
        self.q += 1
        op = self.draw.choice(["update", "update", "delete"])
        name = self.draw.choice(sorted(perm.RULES[table].columns) if table in perm.RULES else ["x"])
        return {"m": new_id(), "q": self.q, "t": table, "id": str(row_id or "x"), "op": op,
                "h": str(_stamp(self.draw, wall) or "x"), "f": {name: self._value(table, name, wall)}}

    def push(self) -> p.PushRequest:
        wall = now_ms()
        inserts = [self.group(wall) for _ in range(self.draw.randrange(1, 4))]
        changes = [self.change(wall) for _ in range(self.draw.randrange(0, 3))]
        return p.PushRequest(last_seq=self.q, inserts=inserts, changes=changes)


def _answer(store: ServerStore, device: Device, req: p.PushRequest, bulk: bool,
            monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(push, "BULK", bulk)
    try:
        answer = push.push_retrying(store, device, req, p.PROTOCOL_VERSION)
    except ApiError as exc:
        return exc.status, exc.body()
    except IntegrityError as exc:  # an item offered twice in one push (both ways alike): answered 409
        return type(exc.orig).__name__
    return json.loads(_unstamped(answer.model_dump_json(exclude={"server_time_ms"})))


def _held(store: ServerStore) -> list[Any]:
    r, j = t.rows.c, t.rejections.c
    with store.read() as conn:
        rows = conn.execute(select(r.station_key, r.table_name, r.row_id, r.fields, r.field_hlcs, r.base_hlc,
                                   r.deleted, r.server_seq, r.echo_device).order_by(r.server_seq)).all()
        refused = conn.execute(select(j.mutation_id, j.table_name, j.row_id, j.code).order_by(
            j.table_name, j.row_id, j.code)).all()
        restamped = conn.execute(select(t.restamps.c.table_name, t.restamps.c.row_id, t.restamps.c.original_hlc)
                                 .order_by(t.restamps.c.row_id)).all()
        offered = conn.execute(select(t.proposals.c.table_name, t.proposals.c.row_id, t.proposals.c.fields)
                               .order_by(t.proposals.c.row_id)).all()
    return [[tuple(_unstamped(v) for v in row) for row in found] for found in (rows, refused, restamped, offered)]


def _unstamped(value: Any) -> Any:
    """A value with the centre's own stamps (a re-stamp: each centre has its own clock and id) made alike."""
    return CENTRE_STAMP.sub("centre-stamp", value) if isinstance(value, str) else value


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_bulk_merge_answers_and_stores_as_one_at_a_time(seed: int, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    station, other = new_id(), new_id()
    one, bulk = _centre(tmp_path / "one.sqlite3", station, other), _centre(tmp_path / "bulk.sqlite3", station, other)
    devices = [Device(new_id(), "st", "station", station, station, 0, None, False),
               Device(new_id(), "centre", "centre", None, t.REFERENCE, 0, None, False)]
    draw = random.Random(seed)
    pushes = {d.role: Pushes(random.Random(seed * 7 + n), station, other) for n, d in enumerate(devices)}
    answered = set()
    merged: list[int] = []
    merge = push.Batch._merge_new
    monkeypatch.setattr(push.Batch, "_merge_new", lambda self, g, doubtful: (
        merged.append(len(g.seqs) - len(doubtful)), merge(self, g, doubtful))[1])
    try:
        for _ in range(60):
            device = draw.choice(devices)
            req = pushes[device.role].push()
            expected = _answer(one, device, req, False, monkeypatch)
            assert _answer(bulk, device, req, True, monkeypatch) == expected
            answered.update(expected["results"] if isinstance(expected, dict) else "4")
        assert _held(bulk) == _held(one)
    finally:
        one.dispose()
        bulk.dispose()
    assert {"a", "r"} <= answered  # the pushes reached both kinds of answer
    assert sum(merged) > 40  # and many rows were merged in bulk


def test_a_clean_group_is_merged_in_bulk(tmp_path: Path) -> None:
    """Rows nothing doubts skip `apply` (the point of it): a station's new ledger rows."""
    station = new_id()
    store = _centre(tmp_path / "c.sqlite3", station, new_id())
    device = Device(new_id(), "st", "station", station, station, 0, None, False)
    wall = now_ms()
    ids = [new_id() for _ in range(20)]
    cols = {"id": ids, "station_id": [station] * 20, "hlc": [f"{wall:015d}-{i:06d}-r1" for i in range(20)],
            "origin": ["r1"] * 20, "deleted": [0] * 20, "kind": ["issue"] * 10 + ["count"] * 10,
            "actor_user": [None] * 20}
    req = p.PushRequest(last_seq=20, inserts=[{"t": "stock_transactions", "cols": list(cols), "q": list(range(1, 21)),
                                               "data": [p.encode_column(v) for v in cols.values()]}])
    try:
        with store.write() as conn:
            batch = push.Batch(store, conn, device)
            muts, groups = push._mutations(req)
            named = push._named(muts, groups)
            batch.states = push._load_rows(conn, named)
            alone = batch.take_fresh(groups, muts, named)
        assert [m.row_id for m in alone] == ids[10:]  # a count correction is signed: its duty is checked
        assert batch.fresh[0].ids == ids[:10]
        assert push.push_retrying(store, device, req, p.PROTOCOL_VERSION).results == "a" * 20
    finally:
        store.dispose()


def test_a_name_sent_twice_reads_as_the_image_keeps_it(tmp_path: Path) -> None:
    """Where a group sends "id" twice, a row is the one its image names (the last), also when that one is held."""
    station = new_id()
    store = _centre(tmp_path / "c.sqlite3", station, new_id())
    device = Device(new_id(), "st", "station", station, station, 0, None, False)
    held, other = new_id(), new_id()
    stamp = f"{now_ms():015d}-000000-r1"

    def birth(ids: list[list[str]], q: int) -> p.PushRequest:
        cols = ["id"] * len(ids) + ["station_id", "hlc", "kind"]
        data = [*ids, [station], [stamp], ["issue"]]
        return p.PushRequest(last_seq=q, inserts=[{"t": "stock_transactions", "cols": cols, "q": [q], "data": data}])

    try:
        assert push.push_retrying(store, device, birth([[held]], 1), p.PROTOCOL_VERSION).results == "a"
        assert push.push_retrying(store, device, birth([[other], [held]], 2), p.PROTOCOL_VERSION).results == "d"
        with store.read() as conn:
            assert set(conn.scalars(select(t.rows.c.row_id))) == {held}
    finally:
        store.dispose()
