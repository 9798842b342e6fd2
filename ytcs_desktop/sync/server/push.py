"""Applying a pushed batch: idempotent, checked, merged per field by clock stamp, in one transaction.

Idempotency: an insert is keyed by its row id (ids are never reused), an update or delete by its
mutation id (kept in `applied_mutations`). A re-sent batch is answered `d` and changes nothing.
The journal is pruned: a device's entries go once it says it has recorded the answers past them
(`recorded_seq`), so only a restored backup can send one again, late. Such a late re-send is harmless
without its entry: its stamps are the ones it was merged with, so it wins no field (a field written since
keeps the later value, reported to the sender as a conflict), and a status it would have moved is not
checked against the state machine, since it cannot take effect. A row
born twice (ids derived from a natural key: two PCs gave the same lot number offline) merges the
second birth like an edit, keyed by a birth id in `applied_mutations`.
Merge: per-field last-writer-wins on the hybrid clock; a value that loses is logged as a conflict and
returned to the writer, and the row is re-sequenced so the writer pulls the winner.
Clock: a stamp more than a minute in the centre's future is re-stamped with the centre's clock, the
original is kept in `restamps`, and the device is flagged "clock suspect".
Concurrency (PostgreSQL): pushes of different stations merge, write and commit side by side. Before it
writes, a push locks the rows it read (`SELECT … FOR UPDATE`, in key order) and checks each still has the
`server_seq` it was read at; a row new to this push that another push gave birth to meanwhile meets it at
the unique key as it is written. A push that finds either is `Raced`, rolled back and applied again from
the start (`push_retrying`). Pushes of one station (its PCs, a re-sent batch) queue on an advisory lock of
the station's key, so a mutation is never applied twice. Sequence numbers come from the transaction's own
id and pullers read below the commit-order watermark (store.py), so none skips a row committed late. On
SQLite the whole push holds the database's one write lock.
Cost: the new rows that no check doubts (nearly all of a station's first push) are merged a group at a time
(`Batch.take_fresh`), with the checks `apply` makes, each made once per group, column or distinct value;
the others go through `apply` one at a time, and every answer is the same.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter
from typing import Any

from psycopg.errors import DeadlockDetected, UniqueViolation
from sqlalchemy import Connection, func, select, update
from sqlalchemy.exc import DBAPIError

from ytcs_desktop.messages import Refusal, msg
from ytcs_desktop.store.base import new_id
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.server import permissions as perm
from ytcs_desktop.sync.server import proposals, register, values
from ytcs_desktop.sync.server import schema as t
from ytcs_desktop.sync.server.device import Device
from ytcs_desktop.sync.server.duties import DutyCheck, signed_rows
from ytcs_desktop.sync.server.errors import ApiError, busy
from ytcs_desktop.sync.server.store import ServerStore, now_ms

CHUNK = 500
BULK = True  # new rows are merged a group at a time (`Batch.take_fresh`); tests compare with one at a time
NOT_MERGED = frozenset({"id", "station_id", "hlc", "origin"})
_STAMP = re.compile(r"[0-9]{15}-[0-9]{6}-.")
# A column of stamps joined by newlines: matched whole, each value starts as `_STAMP` asks (a value holding a
# newline may fail it and pass `_STAMP`: its rows are then looked at one by one)
_STAMP_RUN = re.compile(r"(?:[0-9]{15}-[0-9]{6}-[^\n]+\n)*")
BORN = "~born"  # in field_hlcs: the original stamp of a re-stamped insert (to know it when re-sent)


@dataclass
class RowState:
    station_key: str
    fields: dict[str, Any]
    fhlc: dict[str, str]
    base_hlc: str
    new: bool = False
    dirty: bool = False
    echo: str | None = None
    touched: int = 0
    seq: int = 0  # server_seq as read: checked unchanged, under a row lock, before writing (PostgreSQL)

    def hlc_of(self, name: str) -> str:
        return self.fhlc.get(name, self.base_hlc)


@dataclass
class Mutation:
    q: int
    op: str
    table: str
    row_id: str
    fields: dict[str, Any]
    hlc: str
    mutation_id: str | None = None
    image_hash: str | None = None
    place: int = 0  # its place in the push as sent: mutations of equal `q` keep that order


@dataclass
class Group:
    """An insert group as decoded: one list per column, the rows' outbox positions and ids, and the place
    of its first row in the push as sent."""

    table: str
    cols: list[str]
    columns: list[list[Any]]
    seqs: list[int]
    ids: list[str]
    place: int


@dataclass
class Fresh:
    """New rows of one insert group, merged together (`Batch.take_fresh`), each as a plain insert is."""

    table: str
    seqs: list[int]
    places: list[int]
    keys: list[str]  # station_key of each row
    ids: list[str]
    hlcs: list[str]
    images: list[str]  # as JSON
    deleted: list[bool]


@dataclass
class Outcome:
    result: str
    refusal: Refusal | None = None
    conflicts: list[p.Conflict] = field(default_factory=list)
    proposed: bool = False  # a catalogue row offered to the centre (proposals.py)


def _key(station_id: Any) -> str:
    return str(station_id) if station_id else t.REFERENCE


def _mutations(req: p.PushRequest) -> tuple[list[Mutation], list[Group]]:
    """The push's updates and deletes, and its insert groups decoded (their rows become mutations in
    `Batch.take_fresh`, or are merged there a group at a time). Malformed or unstorable input: 400."""
    groups: list[Group] = []
    place = 0
    for group in req.inserts:
        try:
            seqs = p.decode_column(group.q)
            columns = [p.decode_column(col) for col in group.data]
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise _malformed() from exc
        count = len(columns[0]) if columns else 0
        if any(len(col) != count for col in columns) or count != len(seqs) or len(group.cols) != len(group.data) \
                or not values.check_positions(seqs):
            raise _malformed()
        values.check_columns(group.t, group.cols, columns)
        # a row's id as read from its image (where a name is sent twice, the image keeps the last)
        ids = columns[len(group.cols) - 1 - group.cols[::-1].index("id")] if "id" in group.cols else [""] * count
        if set(map(type, ids)) - {str}:
            ids = [str(v or "") for v in ids]
        groups.append(Group(group.t, group.cols, columns, seqs, ids, place))
        place += count
    out: list[Mutation] = []
    for c in req.changes:
        fields = {"deleted": 1} if c.op == "delete" else dict(c.f)
        values.check_row(c.t, fields)
        out.append(Mutation(c.q, c.op, c.t, c.id, fields, c.h, c.m, c.ih, place=place))
        place += 1
    return out, groups


def _named(muts: list[Mutation], groups: list[Group]) -> dict[str, list[str]]:
    """The rows a push names, per table, each as often as it is named."""
    wanted: dict[str, list[str]] = {}
    for g in groups:
        wanted.setdefault(g.table, []).extend(g.ids)
    for m in muts:
        wanted.setdefault(m.table, []).append(m.row_id)
    return wanted


def birth_id(m: Mutation) -> str:
    """The idempotency key of a second birth of a row (inserts carry no mutation id on the wire; the
    table, row and original stamp name that write uniquely)."""
    digest = hashlib.sha256(f"{m.table}|{m.row_id}|{m.hlc}".encode()).hexdigest()
    return f"birth-{digest[:40]}"


def _same_image(held: dict[str, Any], sent: dict[str, Any]) -> bool:
    return all(held.get(f) == sent.get(f) for f in set(held) | set(sent))


def _malformed() -> ApiError:
    return ApiError(400, "bad_batch", msg("bad_batch"))


_HELD_PG = (f"SELECT station_key, row_id, fields, field_hlcs, base_hlc, echo_device, server_seq FROM {t.rows.name} "
            "WHERE table_name = %s AND row_id = ANY(%s)")
_HELD_SQLITE = (f"SELECT station_key, row_id, fields, field_hlcs, base_hlc, echo_device, server_seq FROM {t.rows.name} "
                "WHERE table_name = ? AND row_id IN ({})")
_LOCK_PG = (f"SELECT row_id, server_seq FROM {t.rows.name} WHERE table_name = %s AND row_id = ANY(%s) "
            "ORDER BY row_id FOR UPDATE")


class Raced(Exception):
    """A row this push read was written by another push before this one locked it: apply again."""


def _load_rows(conn: Connection, wanted: dict[str, list[str]]) -> dict[tuple[str, str], RowState]:
    states: dict[tuple[str, str], RowState] = {}
    postgres = conn.dialect.name == "postgresql"
    for table, ids in wanted.items():
        id_list = sorted(set(ids))
        if postgres:  # one array parameter: a list of thousands of bound values costs more to plan than to run
            found: Iterable[Any] = conn.exec_driver_sql(_HELD_PG, (table, id_list))
        else:  # the driver's own placeholders: the SQL layer's expanding of a list costs more than the query
            found = (row for i in range(0, len(id_list), CHUNK) for row in conn.exec_driver_sql(
                _HELD_SQLITE.format(", ".join("?" * len(id_list[i:i + CHUNK]))), (table, *id_list[i:i + CHUNK])))
        for key, row_id, fields, hlcs, base_hlc, echo, seq in found:
            states[(table, row_id)] = RowState(key, json.loads(fields), json.loads(hlcs), base_hlc, echo=echo,
                                               seq=int(seq))
    return states


def _lock_unchanged(conn: Connection, states: dict[tuple[str, str], RowState]) -> None:
    """Before writing (PostgreSQL; on SQLite nothing can have changed): lock every row this push read, in
    one order (tables, then ids: two pushes never wait for each other in a circle), and check each still has
    the sequence it was read at. A row it is about to insert is not looked up again: if another push gave
    birth to it meanwhile, the insert meets that row at the unique key and the push is `Raced`
    (`_write_postgres`), which costs nothing in the common case of new rows."""
    wanted: dict[str, list[str]] = {}
    for (table, row_id), s in states.items():
        if not s.new:
            wanted.setdefault(table, []).append(row_id)
    for table in sorted(wanted):
        ids = wanted[table]
        now: dict[str, int] = {str(r): int(q) for r, q in conn.exec_driver_sql(_LOCK_PG, (table, ids))}
        for row_id in ids:
            if now.get(row_id) != states[(table, row_id)].seq:
                raise Raced()


def station_lock_key(station_key: str) -> int:
    """The advisory lock key (a signed 32-bit number) a station's pushes queue on (PostgreSQL), so two of
    them never apply the same mutation: `push_retrying` opens its transaction with it."""
    return zlib.crc32(station_key.encode()) - (1 << 31)


def _seen_mutations(conn: Connection, device: Device, muts: list[Mutation]) -> set[str]:
    ids = [m.mutation_id for m in muts if m.mutation_id]
    seen: set[str] = set()
    c = t.applied_mutations.c
    for i in range(0, len(ids), CHUNK):
        stmt = select(c.mutation_id).where(c.station_key == device.station_key, c.mutation_id.in_(ids[i:i + CHUNK]))
        seen.update(conn.scalars(stmt))
    return seen


class Batch:
    """One push, applied against the rows it touches, then written in bulk."""

    def __init__(self, store: ServerStore, conn: Connection, device: Device) -> None:
        self.store = store
        self.conn = conn
        self.device = device
        self.now = now_ms()
        self.limit = f"{store.clock.physical_ms() + p.CLOCK_FUTURE_LIMIT_MS:015d}"
        self.highest = ""  # the latest stamp merged, observed once at the end
        self.states: dict[tuple[str, str], RowState] = {}
        self.restamps: list[dict[str, Any]] = []
        self.applied: list[dict[str, Any]] = []
        self.proposals: list[dict[str, Any]] = []
        self.fresh: list[Fresh] = []
        self._joined_ms: int | None = None
        self.duties = DutyCheck(conn, device)

    def before_centre(self, hlc: str) -> bool:
        """Whether a stamp predates the station's first sign-in at this centre (its PC worked alone then)."""
        if self._joined_ms is None:
            self._joined_ms = int(self.conn.scalar(select(func.min(t.devices.c.created_ms)).where(
                t.devices.c.station_key == self.device.station_key)) or 0)
        return int(hlc[:15]) < self._joined_ms

    # ----- clock -------------------------------------------------------------------------------
    def stamp(self, m: Mutation) -> tuple[str, str]:
        """(stamp to merge with, origin replica); re-stamps a change from the far future."""
        if m.hlc[:15] > self.limit:  # stamps sort as text: 15 digits of wall time first
            fresh = self.store.clock.now()
            self.restamps.append({
                "station_key": self.device.station_key, "id": new_id(), "device_id": self.device.id,
                "table_name": m.table, "row_id": m.row_id, "original_hlc": m.hlc, "new_hlc": fresh, "at_ms": self.now})
            return fresh, m.hlc[23:]
        if m.hlc > self.highest:
            self.highest = m.hlc
        return m.hlc, m.hlc[23:]

    # ----- new rows, a group at a time ---------------------------------------------------------
    def take_fresh(self, groups: list[Group], muts: list[Mutation], named: dict[str, list[str]]) -> list[Mutation]:
        """Merge the groups' new rows a group at a time, each as `apply` merges an insert that nothing
        refuses: the checks that depend on the table and columns are made once, those that depend on a
        value once per distinct value. A row any check may refuse, re-stamp or look at further (one held
        here, one the push names twice, a catalogue offer, a signed ledger row) is left to `apply`: the
        mutations returned are those and `muts`, in the push's order. `named`: `_named` of the push."""
        held: dict[str, set[str]] = {}
        for table, row_id in self.states:
            held.setdefault(table, set()).add(row_id)
        for table, ids in named.items():
            if len(set(ids)) < len(ids):
                held.setdefault(table, set()).update(row_id for row_id, n in Counter(ids).items() if n > 1)
        out = list(muts)
        for g in groups:
            count = len(g.seqs)
            doubtful = self._doubtful(g, held.get(g.table, set())) if BULK else None
            if doubtful is None:
                doubtful = set(range(count))
            for i in sorted(doubtful):
                image = dict(zip(g.cols, [column[i] for column in g.columns], strict=True))
                out.append(Mutation(g.seqs[i], "insert", g.table, str(image.get("id") or ""), image,
                                    str(image.get("hlc") or ""), place=g.place + i))
            if len(doubtful) < count:
                self._merge_new(g, doubtful)
        out.sort(key=lambda m: (m.q, m.place))
        return out

    def _doubtful(self, g: Group, taken: set[str]) -> set[int] | None:
        """The rows of a group to apply one at a time; None: all of them."""
        rule = perm.RULES.get(g.table)
        if rule is None or len(set(g.cols)) < len(g.cols) or not rule.columns.issuperset(g.cols) \
                or "id" not in g.cols or "hlc" not in g.cols:
            return None
        columns = dict(zip(g.cols, g.columns, strict=True))
        ids, hlcs = columns["id"], columns["hlc"]
        if set(map(type, ids)) != {str} or set(map(type, hlcs)) != {str}:
            return None
        doubtful = perm.doubtful_new_rows(rule, self.device, columns)
        if doubtful is None:
            return None
        if not _STAMP_RUN.fullmatch("\n".join(hlcs) + "\n"):
            doubtful.update(i for i, h in enumerate(hlcs) if not _STAMP.match(h))
        if max(hlcs)[:15] > self.limit:  # re-stamped
            doubtful.update(i for i, h in enumerate(hlcs) if h[:15] > self.limit)
        if taken and not taken.isdisjoint(ids):
            doubtful.update(i for i, row_id in enumerate(ids) if row_id in taken)
        role = self.device.role
        doubtful |= values.rows_where(columns.get("station_id") or [None] * len(ids), lambda station_id: (
            station_id is None and role == "station" and g.table in proposals.PROPOSABLE)
            or perm.check_partition(self.device, station_id) is not None)
        if role == "station":
            doubtful |= signed_rows(g.table, columns)
        return doubtful

    def _merge_new(self, g: Group, doubtful: set[int]) -> None:
        """The group's other rows, as `_insert` merges a new row: stamped with their own stamps, the
        origin taken from the stamp. Their images are written as JSON a column at a time, in the order
        of the image `_insert` stores (the columns as sent, the origin last where not sent)."""
        keep = [i for i in range(len(g.seqs)) if i not in doubtful]
        columns = dict(zip(g.cols, g.columns if not doubtful else
                           [[column[i] for i in keep] for column in g.columns], strict=True))
        hlcs = columns["hlc"]
        stations = columns.get("station_id") or [None] * len(keep)
        deleted = list(map(bool, columns["deleted"])) if "deleted" in columns else [False] * len(keep)
        columns["origin"] = [hlc[23:] for hlc in hlcs]
        template = "{" + ",".join(f"{p.json_text(name).replace('%', '%%')}:%s" for name in columns) + "}"
        images = [template % row for row in zip(*map(p.json_column, columns.values()), strict=True)]
        keys = {station_id: _key(station_id) for station_id in set(stations)}
        self.fresh.append(Fresh(g.table, [g.seqs[i] for i in keep], [g.place + i for i in keep],
                                [keys[s] for s in stations], columns["id"], hlcs, images, deleted))
        top = max(hlcs)
        if top > self.highest:
            self.highest = top

    def in_order(self, muts: list[Mutation], results: list[str]) -> str:
        """The answers to `muts` (one each) and to the rows `take_fresh` merged (applied), in the push's order."""
        if not self.fresh:
            return "".join(results)
        if not muts:
            return p.RESULT_APPLIED * sum(len(f.seqs) for f in self.fresh)
        answers = [(m.q, m.place, r) for m, r in zip(muts, results, strict=True)]
        for f in self.fresh:
            answers.extend(zip(f.seqs, f.places, repeat(p.RESULT_APPLIED)))
        answers.sort()
        return "".join(map(itemgetter(2), answers))

    # ----- one mutation ------------------------------------------------------------------------
    def apply(self, m: Mutation) -> Outcome:
        rule = perm.RULES.get(m.table)
        if rule is None:
            return Outcome(p.RESULT_REJECTED, perm.refuse_unknown_table(m.table))
        refusal = perm.check_columns(rule, m.fields)
        if refusal is not None:
            return Outcome(p.RESULT_REJECTED, refusal)
        if not _STAMP.match(m.hlc):
            return Outcome(p.RESULT_REJECTED,
                           Refusal("bad_mutation", msg("bad_mutation")))
        state = self.states.get((m.table, m.row_id))
        if m.op == "insert":
            return self._insert(rule, m, state)
        if state is None:
            return Outcome(p.RESULT_REJECTED, perm.refuse_unknown_row(m.table))
        return self._update(rule, m, state, m.fields)

    def _insert(self, rule: perm.TableRule, m: Mutation, state: RowState | None) -> Outcome:
        station_id = m.fields.get("station_id")
        if (state is not None and station_id is None and state.station_key == t.REFERENCE
                and self.device.role == "station"):
            # A catalogue row the centre already holds, born again at a station that worked alone (an item
            # id comes from its code): one item, the centre's. Re-sequenced so the station pulls it back.
            state.dirty, state.echo, state.touched = True, None, m.q
            return Outcome(p.RESULT_DUPLICATE)
        if station_id is None and self.device.role == "station" and m.table in proposals.PROPOSABLE:
            return self._offer(m, state)
        refusal = perm.check_partition(self.device, station_id)
        if refusal is not None:
            return Outcome(p.RESULT_REJECTED, refusal)
        if state is None:
            refusal = perm.check_new_row(rule, self.device, m.fields)
            if refusal is None:
                refusal = self.duties.refusal(m.table, m.fields, None)
            if refusal is not None:
                return Outcome(p.RESULT_REJECTED, refusal)
            hlc, origin = self.stamp(m)
            fields = dict(m.fields)
            fields["hlc"], fields["origin"] = hlc, origin
            self.states[(m.table, m.row_id)] = RowState(
                _key(station_id), fields, {} if hlc == m.hlc else {BORN: m.hlc}, hlc, new=True, dirty=True,
                echo=self.device.id if hlc == m.hlc else None, touched=m.q)
            return Outcome(p.RESULT_APPLIED)
        if state.station_key != _key(station_id):
            return Outcome(p.RESULT_REJECTED, perm.refuse_partition_change())
        if m.hlc in (state.base_hlc, state.fhlc.get(BORN)):
            return Outcome(p.RESULT_DUPLICATE)  # this very insert, sent again
        return self._second_birth(rule, m, state)

    def _offer(self, m: Mutation, state: RowState | None) -> Outcome:
        """A catalogue row only this station has: offered to the centre (proposals.py). Until the centre
        decides it is kept in the station's own partition, so the centre's desktops hold the item its stock
        movements name; adopting it moves it to the catalogue."""
        if state is not None:  # held in a station's partition: this offer sent again, or another station's
            if state.station_key == self.device.station_key and m.hlc in (state.base_hlc, state.fhlc.get(BORN)):
                return Outcome(p.RESULT_DUPLICATE)
        else:  # marked as the station's own (station_id), which the station pulls back
            fields = dict(m.fields)
            hlc, origin = self.stamp(m)
            fields["hlc"], fields["origin"], fields["station_id"] = hlc, origin, self.device.station_key
            self.states[(m.table, m.row_id)] = RowState(
                self.device.station_key, fields, {} if hlc == m.hlc else {BORN: m.hlc}, hlc, new=True, dirty=True,
                echo=None, touched=m.q)
        self.proposals.append({"station_key": self.device.station_key, "table_name": m.table, "row_id": m.row_id,
                               "fields": p.json_text(m.fields), "device_id": self.device.id, "proposed_ms": self.now,
                               "decision": None, "decided_ms": None})
        return Outcome(p.RESULT_APPLIED, proposed=True)

    def _second_birth(self, rule: perm.TableRule, m: Mutation, state: RowState) -> Outcome:
        """Another write created a row that is already here: two PCs gave the same natural key offline
        (its id is derived from the key: store.base.natural_id). The births merge like concurrent edits,
        field by field, the later stamp winning; an insert-only row is one record, so the later stamp
        keeps the whole row. Stamps end with the replica id, so two writers never tie. The pusher is
        told every value either side lost, and the row is re-sequenced so every replica pulls the
        result (also the pusher, unless it holds exactly that image)."""
        if m.mutation_id is None:
            m.mutation_id = birth_id(m)  # remembered like an update's mutation id: a re-send changes nothing
        theirs = {f: v for f, v in state.fields.items() if f not in NOT_MERGED}
        mine = {f: v for f, v in m.fields.items() if f not in NOT_MERGED}
        fills: dict[str, Any] = {}
        allowed = perm.owned_fields(rule, self.device.role, state.station_key or None)
        if allowed is not None:
            foreign = {f for f, v in mine.items() if f not in allowed and theirs.get(f) != v}
            if perm.own_profile_birth(rule, self.device, m.row_id):
                foreign -= perm.OWN_PROFILE_BIRTH_FIELDS  # registered at the centre first: its values stand
                fills = perm.profile_fills(theirs, mine)
            refusal = perm.not_owned(rule, self.device, state.station_key or None, foreign) if foreign else None
            if refusal is not None:
                return Outcome(p.RESULT_REJECTED, refusal)
            mine = {f: v for f, v in mine.items() if f in allowed}
        refusal = perm.check_sealed(rule, {f for f, v in mine.items() if theirs.get(f) != v})
        if refusal is not None:
            return Outcome(p.RESULT_REJECTED, refusal)
        if "status" in mine and m.hlc > state.hlc_of("status"):  # a status that loses cannot move the row
            refusal = perm.check_transition(rule, self.device, theirs.get("status"), mine["status"])
            if refusal is not None:
                return Outcome(p.RESULT_REJECTED, refusal)
        hlc, origin = self.stamp(m)
        if rule.insert_only:
            conflicts = self._keep_one(m, state, hlc, origin, mine, theirs)
        else:
            conflicts = self._merge_fields(state, hlc, origin, mine)
        for name, value in fills.items():  # what the station typed before it had a centre, where the centre has none
            state.fields[name] = value
        state.dirty = True
        state.touched = m.q
        state.echo = self.device.id if _same_image(state.fields, m.fields) else None
        self._remember(m, bool(conflicts))
        if conflicts:
            return Outcome(p.RESULT_CONFLICT, conflicts=conflicts)
        return Outcome(p.RESULT_APPLIED if state.fields.get("hlc") == hlc else p.RESULT_DUPLICATE)

    def _remember(self, m: Mutation, conflicted: bool) -> None:
        """Record the mutation id as applied, so a re-sent batch is answered `duplicate`."""
        self.applied.append({"station_key": self.device.station_key, "mutation_id": m.mutation_id,
                             "device_id": self.device.id, "table_name": m.table, "row_id": m.row_id,
                             "result": p.RESULT_CONFLICT if conflicted else p.RESULT_APPLIED,
                             "code": None, "at_ms": self.now, "seq": m.q})

    @staticmethod
    def _keep_one(m: Mutation, state: RowState, hlc: str, origin: str, mine: dict[str, Any],
                  theirs: dict[str, Any]) -> list[p.Conflict]:
        """Insert-only: the later birth is the row; the other is logged whole (field "*")."""
        current = str(state.fields.get("hlc") or state.base_hlc)
        same = all(mine.get(f) == theirs.get(f) for f in set(mine) | set(theirs))
        if hlc < current:
            return [] if same else [p.Conflict(f="*", v={**m.fields, "hlc": hlc, "origin": origin}, h=hlc,
                                               wv=dict(state.fields), wh=current)]
        lost = dict(state.fields)
        state.fields.update(mine)
        state.fields["hlc"], state.fields["origin"] = hlc, origin
        return [] if same else [p.Conflict(f="*", v=lost, h=current, wv=dict(state.fields), wh=hlc)]

    @staticmethod
    def _merge_fields(state: RowState, hlc: str, origin: str, mine: dict[str, Any]) -> list[p.Conflict]:
        """Field by field, the later stamp wins; every differing value that lost is returned."""
        conflicts: list[p.Conflict] = []
        won = False
        for name, value in mine.items():
            current, kept = state.hlc_of(name), state.fields.get(name)
            if hlc > current:
                if kept != value:
                    conflicts.append(p.Conflict(f=name, v=kept, h=current, wv=value, wh=hlc))
                state.fields[name] = value
                state.fhlc[name] = hlc
                won = True
            elif kept != value:
                conflicts.append(p.Conflict(f=name, v=value, h=hlc, wv=kept, wh=current))
        if won and hlc > str(state.fields.get("hlc") or ""):
            state.fields["hlc"], state.fields["origin"] = hlc, origin
        return conflicts

    def _restamped_before(self, m: Mutation) -> bool:
        """Whether this far-future stamp was re-stamped here once already (a late re-send of it would
        otherwise be re-stamped again, and win)."""
        r = t.restamps.c
        return self.conn.scalar(select(r.id).where(
            r.station_key == self.device.station_key, r.table_name == m.table, r.row_id == m.row_id,
            r.original_hlc == m.hlc).limit(1)) is not None

    def _update(self, rule: perm.TableRule, m: Mutation, state: RowState, fields: dict[str, Any]) -> Outcome:
        if m.hlc[:15] > self.limit and self._restamped_before(m):
            return Outcome(p.RESULT_DUPLICATE)
        row_station = state.station_key or None
        if not perm.may_see(self.device, row_station):
            return Outcome(p.RESULT_REJECTED, perm.check_partition(self.device, row_station))
        if "station_id" in fields and _key(fields["station_id"]) != state.station_key:
            return Outcome(p.RESULT_REJECTED, perm.refuse_partition_change())
        refusal = perm.check_partition(self.device, row_station)
        if refusal is not None:
            return Outcome(p.RESULT_REJECTED, refusal)
        if rule.insert_only:
            return Outcome(p.RESULT_REJECTED, perm.refuse_insert_only(rule))
        changed = {f: v for f, v in fields.items() if f not in NOT_MERGED}
        fills: dict[str, Any] = {}
        kept: set[str] = set()
        if perm.own_profile_birth(rule, self.device, m.row_id) and self.before_centre(m.hlc):
            # Written before the station had a centre: empty fields of the centre's take the station's values;
            # the centre's own values stand (the station receives them back).
            fills = perm.profile_fills(state.fields, changed)
            kept = {f for f in changed if f in perm.PROFILE_ADMIN_FIELDS}
            changed = {f: v for f, v in changed.items() if f not in kept}
        refusal = perm.not_owned(rule, self.device, row_station, set(changed))
        if refusal is None:
            refusal = perm.check_sealed(rule, set(changed))
        if refusal is None:
            refusal = perm.check_values(rule, changed)
        if refusal is None and "status" in changed and m.hlc > state.hlc_of("status"):  # else it loses (see top)
            refusal = perm.check_transition(rule, self.device, state.fields.get("status"), changed["status"])
            if refusal is None:  # a status that needs a duty: the signer's, as the centre holds them
                refusal = self.duties.refusal(m.table, {**state.fields, **changed}, changed)
        if refusal is not None:
            return Outcome(p.RESULT_REJECTED, refusal)
        if kept:
            state.fields.update(fills)
            state.dirty, state.echo, state.touched = True, None, m.q
        hlc, origin = self.stamp(m)
        won = False
        conflicts: list[p.Conflict] = []
        for name, value in changed.items():
            current = state.hlc_of(name)
            if hlc > current:
                state.fields[name] = value
                state.fhlc[name] = hlc
                won = True
            elif hlc < current and state.fields.get(name) != value:
                conflicts.append(p.Conflict(f=name, v=value, h=hlc, wv=state.fields.get(name), wh=current))
        if won and hlc > str(state.fields.get("hlc") or ""):
            state.fields["hlc"], state.fields["origin"] = hlc, origin
        if won or conflicts:
            state.dirty = True
            state.touched = m.q
            exact = not conflicts and m.image_hash is not None and p.image_hash(state.fields) == m.image_hash
            state.echo = self.device.id if exact else None
        if m.mutation_id:
            self._remember(m, bool(conflicts))
        if conflicts:
            return Outcome(p.RESULT_CONFLICT, conflicts=conflicts)
        return Outcome(p.RESULT_APPLIED if won else p.RESULT_DUPLICATE)

    # ----- writing -----------------------------------------------------------------------------
    def write(self) -> None:
        dirty = [(k, s) for k, s in self.states.items() if s.dirty]
        touched = [s.touched for _, s in dirty]
        for f in self.fresh:
            touched.extend(f.seqs)
        numbers = [0] * len(touched)  # server sequence numbers in outbox order
        first = self.store.take_seqs(self.conn, len(touched))
        for counter, i in enumerate(sorted(range(len(touched)), key=touched.__getitem__), start=first):
            numbers[i] = counter
        inserts: list[tuple[Any, ...]] = []
        updates: list[tuple[Any, ...]] = []
        dump = p.json_text
        for ((table, row_id), s), counter in zip(dirty, numbers, strict=False):
            values = (dump(s.fields), dump(s.fhlc) if s.fhlc else "{}", bool(s.fields.get("deleted")), counter,
                      s.echo, self.now)
            if s.new:
                inserts.append((s.station_key, table, row_id, s.base_hlc, *values))
            else:
                updates.append((*values, s.station_key, table, row_id))
        at = len(dirty)
        for f in self.fresh:
            inserts.extend(zip(f.keys, repeat(f.table), f.ids, f.hlcs, f.images, repeat("{}"),
                               f.deleted, numbers[at:at + len(f.ids)], repeat(self.device.id), repeat(self.now)))
            at += len(f.ids)
        if self.fresh:
            inserts.sort(key=itemgetter(7))  # in sequence order, as indexed: appended, no page split mid-index
        if self.store.is_sqlite:
            _write_sqlite(self.conn, inserts, updates)
        else:
            _write_postgres(self.conn, inserts, updates)
        _insert_all(self.conn, t.applied_mutations, self.applied)
        _insert_all(self.conn, t.restamps, self.restamps)
        proposals.record(self.conn, self.proposals)


_INSERTED = ("station_key", "table_name", "row_id", "base_hlc", "fields", "field_hlcs", "deleted", "server_seq",
             "echo_device", "updated_ms")
_UPDATED = ("fields", "field_hlcs", "deleted", "server_seq", "echo_device", "updated_ms")


def _write_sqlite(conn: Connection, inserts: list[tuple[Any, ...]], updates: list[tuple[Any, ...]]) -> None:
    """Plain driver executemany: on SQLite the SQL layer's per-row parameter handling costs more than the
    insert itself, and statements cost no round trip."""
    if inserts:
        conn.exec_driver_sql(f"INSERT INTO {t.rows.name} ({', '.join(_INSERTED)}) "
                             f"VALUES ({', '.join(['?'] * len(_INSERTED))})", inserts)
    if updates:
        sets = ", ".join(f"{c} = ?" for c in _UPDATED)
        conn.exec_driver_sql(f"UPDATE {t.rows.name} SET {sets} WHERE station_key = ? AND table_name = ? "
                             "AND row_id = ?", updates)


_PG_TYPES = ("text", "text", "boolean", "bigint", "text", "bigint", "text", "text", "text")


def _write_postgres(conn: Connection, inserts: list[tuple[Any, ...]], updates: list[tuple[Any, ...]]) -> None:
    """New rows through COPY (psycopg streams them in one statement: several times faster than multi-row
    INSERTs, whose per-row parameter handling dominated a large push); updates as multi-row statements,
    since each statement is a round trip."""
    if inserts:
        driver: Any = conn.connection.driver_connection  # psycopg 3, inside this transaction
        try:
            with driver.cursor() as cursor, cursor.copy(
                    f"COPY {t.rows.name} ({', '.join(_INSERTED)}) FROM STDIN") as copy:
                for row in inserts:
                    copy.write_row(row)
        except UniqueViolation as e:  # born meanwhile by another push: apply this one again, to merge
            if e.diag.table_name == t.rows.name:
                raise Raced() from e
            raise
    row_sql = "(" + ", ".join(f"%s::{kind}" for kind in _PG_TYPES) + ")"
    names = ", ".join((*_UPDATED, "k", "tn", "rid"))
    sets = ", ".join(f"{c} = v.{c}" for c in _UPDATED)
    for i in range(0, len(updates), CHUNK):
        chunk = updates[i:i + CHUNK]
        conn.exec_driver_sql(
            f"UPDATE {t.rows.name} AS r SET {sets} FROM (VALUES {', '.join([row_sql] * len(chunk))}) AS v({names}) "
            "WHERE r.station_key = v.k AND r.table_name = v.tn AND r.row_id = v.rid",
            tuple(value for row in chunk for value in row))


def _insert_all(conn: Connection, table: Any, rows: Iterable[dict[str, Any]]) -> None:
    rows = list(rows)
    if rows:
        conn.execute(table.insert(), rows)


def prune_journal(conn: Connection, device: Device, recorded_seq: int) -> int:
    """Drop the device's journal entries at or before the position it has recorded: it never sends
    those again (a restored backup may, harmlessly: see the top of this module)."""
    c = t.applied_mutations.c
    done = conn.execute(t.applied_mutations.delete().where(
        c.station_key == device.station_key, c.device_id == device.id, c.seq <= recorded_seq))
    return int(done.rowcount or 0)


RACE_ATTEMPTS = 8  # a push raced this many times in a row is answered "busy" (503 with Retry-After)


def _raced(exc: Exception) -> bool:
    """Whether a failed attempt only met another push: raced on a row, or waiting for each other's rows
    (PostgreSQL ends one of two such transactions as a deadlock; applied again, it goes through)."""
    cause = exc.orig if isinstance(exc, DBAPIError) else exc
    return isinstance(exc, Raced) or isinstance(cause, DeadlockDetected)


# A batch sent ahead (protocol.AFTER_SEQ_HEADER) that finds the batch it follows not yet applied waits this
# long for it, looking again every AHEAD_POLL_S. The one before it, if it is being applied, holds the station's
# queue, so only one still arriving is waited for: two sent moments apart over a fast link. Past it the
# batch before was lost or is still on a slow line: 409, and the station sends this one again after it.
AHEAD_WAIT_S = 0.5
AHEAD_POLL_S = 0.02


class Ahead(Exception):
    """The batch this one follows is not applied yet."""


def _check_order(conn: Connection, device: Device, after_seq: int | None) -> None:
    """Under the station's queue: a batch sent ahead is applied only after the one it follows."""
    if after_seq is None:
        return
    acked = conn.scalar(select(t.devices.c.acked_seq).where(t.devices.c.id == device.id))
    if int(acked or 0) < after_seq:
        raise Ahead()


def push_retrying(store: ServerStore, device: Device, req: p.PushRequest, protocol: int,
                  after_seq: int | None = None) -> p.PushResponse:
    """`apply_push` in a transaction of its own, applied again from the start while it is `Raced`; a batch
    sent ahead (`after_seq`, protocol.AFTER_SEQ_HEADER) waits for the one it follows (`_check_order`)."""
    attempt = 0
    give_up = time.monotonic() + AHEAD_WAIT_S
    while True:
        try:
            with store.write(queue=station_lock_key(device.station_key)) as conn:
                _check_order(conn, device, after_seq)
                return apply_push(store, conn, device, req, protocol)
        except Ahead:
            if time.monotonic() >= give_up:
                raise ApiError(409, "push_ahead", msg("push_ahead")) from None
            time.sleep(AHEAD_POLL_S)
        except (Raced, DeadlockDetected, DBAPIError) as exc:
            if not _raced(exc):
                raise
            attempt += 1
            if attempt == RACE_ATTEMPTS:
                raise busy() from None


def apply_push(store: ServerStore, conn: Connection, device: Device, req: p.PushRequest,
               protocol: int) -> p.PushResponse:
    """Apply one batch in the caller's transaction and answer per mutation. On PostgreSQL it raises
    `Raced` when another push wrote a row it read (see the top of this module): call it through
    `push_retrying`, which applies it again, in a transaction queued behind the station's other pushes."""
    muts, groups = _mutations(req)
    batch = Batch(store, conn, device)
    named = _named(muts, groups)
    batch.states = _load_rows(conn, named)
    muts = batch.take_fresh(groups, muts, named)
    for m in muts:  # second births of rows held here: keyed so that a re-sent one is known
        state = batch.states.get((m.table, m.row_id))
        if m.op == "insert" and state is not None and m.hlc not in (state.base_hlc, state.fhlc.get(BORN)):
            m.mutation_id = birth_id(m)
    seen = _seen_mutations(conn, device, muts)
    results: list[str] = []
    details: list[p.Detail] = []
    rejected: list[dict[str, Any]] = []
    conflict_rows: list[dict[str, Any]] = []
    shown: list[tuple[p.Detail, RowState]] = []
    for m in muts:
        if m.mutation_id and m.mutation_id in seen:
            results.append(p.RESULT_DUPLICATE)
            continue
        outcome = batch.apply(m)
        if m.mutation_id:
            seen.add(m.mutation_id)
        results.append(outcome.result)
        if outcome.refusal is not None:
            state = batch.states.get((m.table, m.row_id))
            visible = state is not None and perm.may_see(device, state.station_key or None)
            vi, en = outcome.refusal.vi, outcome.refusal.en
            details.append(p.Detail(q=m.q, code=outcome.refusal.code, vi=vi, en=en))
            if visible and state is not None:
                shown.append((details[-1], state))
            rejected.append({"station_key": device.station_key, "id": new_id(), "device_id": device.id,
                             "mutation_id": m.mutation_id, "table_name": m.table, "row_id": m.row_id[:36],
                             "code": outcome.refusal.code, "message_vi": vi, "message_en": en,
                             "at_ms": batch.now})
        elif outcome.proposed:
            details.append(p.Detail(q=m.q, code=proposals.DETAIL_CODE, vi=proposals.MESSAGE.vi,
                                    en=proposals.MESSAGE.en))
        elif outcome.conflicts:
            state = batch.states[(m.table, m.row_id)]
            details.append(p.Detail(q=m.q, code="conflict", conflicts=outcome.conflicts))
            shown.append((details[-1], state))
            for c in outcome.conflicts:
                conflict_rows.append({
                    "station_key": state.station_key, "id": new_id(), "device_id": device.id, "table_name": m.table,
                    "row_id": m.row_id, "field": c.f, "losing_value": json.dumps(c.v, ensure_ascii=False),
                    "losing_hlc": c.h, "winning_value": json.dumps(c.wv, ensure_ascii=False), "winning_hlc": c.wh,
                    "at_ms": batch.now})
    for detail, state in shown:  # the row as this whole push leaves it: a later write in it may change it
        detail.row = dict(state.fields)
    if not store.is_sqlite:
        _lock_unchanged(conn, batch.states)
    batch.write()
    if device.role == "centre":
        register.note_profiles(conn, [s.fields for (table, _), s in batch.states.items()
                                      if table == "stations" and s.dirty and not s.fields.get("deleted")])
    if batch.highest:
        store.clock.observe(batch.highest, max_future_ms=0)
    _insert_all(conn, t.rejections, rejected)
    _insert_all(conn, t.conflicts, conflict_rows)
    suspect = device.clock_suspect or bool(batch.restamps)
    if req.recorded_seq is not None:
        prune_journal(conn, device, req.recorded_seq)
    conn.execute(update(t.devices).where(t.devices.c.id == device.id).values(
        acked_seq=req.last_seq, acked_mutation=req.last_mutation, last_seen_ms=batch.now, protocol=protocol,
        clock_suspect=suspect))
    return p.PushResponse(results=batch.in_order(muts, results), details=details, acked_seq=req.last_seq,
                          clock_suspect=suspect, server_time_ms=store.clock.physical_ms())

