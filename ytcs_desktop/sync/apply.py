"""The station database side of sync: reading the outbox, recording answers, applying pulled rows.

Every write here is one local transaction in which capture is paused (the rows come from the centre,
or touch only local bookkeeping), so nothing is re-queued for push. Foreign-key checks are off in
that transaction: a pulled page may reference a row that arrives in a later page, or a row of a
partition this device does not see; the centre is the authority for those references.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, partial
from itertools import chain, compress, repeat
from operator import add, attrgetter, eq, itemgetter
from typing import Any, NamedTuple

from pydantic_core import from_json
from sqlalchemy import Connection, Table, UniqueConstraint, text
from sqlalchemy.exc import IntegrityError

from ytcs_desktop.store.audit import AUDIT_TABLE
from ytcs_desktop.store.capture import insert_only_tables, syncable_tables, wire_columns
from ytcs_desktop.store.db import Database
from ytcs_desktop.sync import protocol as p

PUSH_CURSOR = "sync_push_cursor"  # last outbox seq the centre acknowledged
PULL_CURSOR = "sync_pull_cursor"  # last server seq applied here
PULL_OWN = "sync_pull_own"  # "1" after a restore: pull this device's own rows back too
RESNAPSHOT = "sync_resnapshot"  # "1" while a full re-download after a 410 is under way
CLOCK_OFFSET = "clock_offset_ms"
CLOCK_SUSPECT = "sync_clock_suspect"
LAST_SYNC = "sync_last_report"
RECOMMENDED_CLIENT = "centre_recommended_client"  # from hello: the version the centre offers
CLIENT_DOWNLOAD = "centre_client_download"  # and where

TABLES: dict[str, Table] = {tbl.name: tbl for tbl in syncable_tables()}
COLUMNS: dict[str, list[str]] = {name: wire_columns(tbl) for name, tbl in TABLES.items()}
# Insert-only tables with a natural key (readings): their ids come from the key (store.base.natural_id),
# so two PCs can give birth to the same row; the centre keeps one, and the other PC learns it on pull.
BORN_TWICE = frozenset(name for name, tbl in TABLES.items() if name in insert_only_tables()
                       and any(isinstance(c, UniqueConstraint) for c in tbl.constraints))


class OutboxRow(NamedTuple):
    seq: int
    mutation_id: str
    table: str
    row_id: str
    op: str
    hlc: str
    image: dict[str, Any]
    changed: list[str]


_NEW_ROW: Any = partial(tuple.__new__, OutboxRow)  # an OutboxRow from a tuple of its fields, in C
_HEAD = itemgetter(0, 1, 2, 3, 4, 5)  # seq .. hlc of an outbox row as read


# ----- the local transaction ----------------------------------------------------------------------
@contextmanager
def remote_write(db: Database, *, bulk: bool = False) -> Iterator[Connection]:
    """One write transaction, not captured (like `Database.applying_remote`), foreign keys unchecked.
    `bulk`: statements of many rows follow (a pulled page, a push answer)."""
    with db.engine.connect() as conn:
        raw: Any = conn.connection.driver_connection
        raw.execute("PRAGMA foreign_keys = OFF")  # outside any transaction, or it is a no-op
        if bulk:
            # The journal SQLite keeps to undo one statement stays in memory (else past 64 KB it is a
            # temporary file written page by page): it holds the pages one statement touched, some tens of MB
            # at most (1,024 rows of random ids). Switching costs a few tenths of a millisecond, so small
            # transactions keep the default.
            raw.execute("PRAGMA temp_store = MEMORY")
        try:
            with conn.begin():
                conn.exec_driver_sql("INSERT INTO sync_capture_pause (token) VALUES (1)")
                yield conn
                conn.exec_driver_sql("DELETE FROM sync_capture_pause")
        finally:
            if bulk:
                raw.execute("PRAGMA temp_store = DEFAULT")
            raw.execute("PRAGMA foreign_keys = ON")


def set_meta(conn: Connection, key: str, value: str) -> None:
    conn.exec_driver_sql("INSERT INTO sync_meta (key, value) VALUES (?, ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))


def get_int(db: Database, key: str) -> int:
    return int(db.meta(key) or 0)


# ----- push ---------------------------------------------------------------------------------------
def pending_count(db: Database) -> int:
    """Outbox rows not yet acknowledged by the centre (the audit rows that travel with the records included)."""
    with db.read() as s:
        return int(s.scalar(text("SELECT count(*) FROM sync_outbox WHERE seq > :c"), {"c": get_int(db, PUSH_CURSOR)}))


def waiting_records(db: Database) -> int:
    """Changes of records not yet acknowledged, as a person counts them: the audit row each change writes
    travels with it and is not a change of its own."""
    with db.read() as s:
        return int(s.scalar(text("SELECT count(*) FROM sync_outbox WHERE seq > :c AND table_name <> :audit"),
                            {"c": get_int(db, PUSH_CURSOR), "audit": AUDIT_TABLE}))


def record_rows(rows: list[OutboxRow]) -> int:
    """How many of these outbox rows are changes of records (see `waiting_records`)."""
    audit: int = sum(map(eq, map(attrgetter("table"), rows), repeat(AUDIT_TABLE)))
    return len(rows) - audit


@dataclass
class PushBatch:
    """Outbox rows in seq order; the images of inserts as columns per table (seqs, one list per column)."""

    rows: list[OutboxRow]
    inserts: dict[str, tuple[list[int], list[str], list[list[Any]]]]

    @property
    def last_seq(self) -> int:
        return self.rows[-1].seq if self.rows else 0

    def head(self, n: int) -> PushBatch:
        """The first n rows of this batch."""
        rows = self.rows[:n]
        if not rows:
            return PushBatch([], {})
        last = rows[-1].seq
        inserts = {}
        for table, (seqs, cols, data) in self.inserts.items():
            keep = sum(1 for q in seqs if q <= last)
            if keep:
                inserts[table] = (seqs[:keep], cols, [col[:keep] for col in data])
        return PushBatch(rows, inserts)


def read_outbox(db: Database, after: int, limit: int) -> PushBatch:
    """The next outbox rows. The images of inserts are read per table as one JSON array (the outbox's texts
    joined as bytes, parsed by pydantic's reader) and taken apart column by column: the initial push of a
    large ledger neither parses JSON row by row in Python nor has SQLite parse each image once per column."""
    with db.read() as s:
        conn: Any = s.connection().connection.driver_connection  # plain sqlite3: no per-row overhead
        found = conn.execute(
            "SELECT seq, mutation_id, table_name, row_id, op, hlc, changed, "
            "CASE WHEN op = 'insert' THEN NULL ELSE fields END FROM sync_outbox WHERE seq > ? ORDER BY seq LIMIT ?",
            (after, limit)).fetchall()
        # Made by C loops (most rows are inserts, with no image or changed columns of their own here), then
        # the updates and deletes are given theirs.
        count = len(found)
        rows: list[OutboxRow] = list(map(_NEW_ROW, map(add, map(_HEAD, found), zip(
            map(dict, repeat((), count)), map(list, repeat((), count)), strict=True))))
        for i in compress(range(count), map(itemgetter(7), found)):
            r = found[i]
            rows[i] = rows[i]._replace(image=json.loads(r[7]), changed=r[6].split(",") if r[6] else [])
        inserts: dict[str, tuple[list[int], list[str], list[list[Any]]]] = {}
        if rows:
            for table in sorted({r.table for r in rows if r.op == "insert"}):
                cols = COLUMNS.get(table)
                if cols is None:
                    continue
                got = conn.execute(
                    "SELECT seq, CAST(fields AS BLOB) FROM sync_outbox WHERE seq > ? AND seq <= ? AND table_name = ? "
                    "AND op = 'insert' ORDER BY seq", (after, rows[-1].seq, table)).fetchall()
                seqs, texts = zip(*got, strict=True)
                # The capture triggers write each image with json_object from the row's own values: an object
                # of numbers, text and nulls, which this reader gives back as SQLite's json_extract does.
                images = from_json(b"[" + b",".join(texts) + b"]", cache_strings="keys")
                inserts[table] = (list(seqs), cols, [p.column(images, c) for c in cols])
    return PushBatch(rows, inserts)


def build_push(batch: PushBatch, last_seq: int) -> dict[str, Any]:
    """A push body (protocol.PushRequest): inserts column-major per table, then updates and deletes."""
    changes: list[dict[str, Any]] = []
    for r in batch.rows:
        if r.op == "insert":
            continue
        if r.op == "update":
            changes.append({"m": r.mutation_id, "q": r.seq, "t": r.table, "id": r.row_id, "op": "update", "h": r.hlc,
                            "s": r.image.get("station_id"), "f": {c: r.image.get(c) for c in r.changed},
                            "ih": p.image_hash(r.image)})
        else:
            changes.append({"m": r.mutation_id, "q": r.seq, "t": r.table, "id": r.row_id, "op": "delete", "h": r.hlc,
                            "s": r.image.get("station_id"), "f": {}})
    inserts = [{"t": table, "cols": cols, "q": p.encode_column(seqs), "data": [p.encode_column(c) for c in data]}
               for table, (seqs, cols, data) in batch.inserts.items()]
    last_mutation = batch.rows[-1].mutation_id if batch.rows and batch.rows[-1].seq == last_seq else None
    return {"last_seq": last_seq, "last_mutation": last_mutation, "inserts": inserts, "changes": changes}


def restored_from_backup(db: Database, acked_seq: int, acked_mutation: str | None) -> bool:
    """The centre acknowledged a push this database does not remember.

    A lost answer also leaves the centre ahead of the local push cursor, but then the outbox still
    holds the acknowledged row (same seq, same mutation id); after a restore it does not (the seq is
    gone or was reused by a new write)."""
    if acked_seq <= get_int(db, PUSH_CURSOR):
        return False
    with db.read() as s:
        mine = s.scalar(text("SELECT mutation_id FROM sync_outbox WHERE seq = :q"), {"q": acked_seq})
    return acked_mutation is None or mine != acked_mutation


def reason_text(detail: p.Detail) -> str:
    return f"{detail.vi} / {detail.en} [{detail.code}]"


def record_push_answer(db: Database, rows: list[OutboxRow], answer: p.PushResponse) -> tuple[int, int]:
    """Mark rows synced or rejected (+ reason), log conflicts, advance the push cursor: one transaction.

    Returns (rejected, conflicts)."""
    details = {d.q: d for d in answer.details}
    last = rows[-1].seq if rows else answer.acked_seq
    synced: dict[str, list[str]] = {}
    rejected = conflicts = 0
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0).isoformat(sep=" ")
    # A row written again later in this batch takes its state from the answer to that later write: the
    # row sent with an earlier write's answer may predate it.
    keys = list(zip(map(attrgetter("table"), rows), map(attrgetter("row_id"), rows), strict=True))
    with remote_write(db, bulk=True) as conn:
        later = _later_pending(conn, last, list(map(attrgetter("row_id"), rows)))
        answered = len(answer.results)
        if not answer.details:  # nothing refused, nothing lost: the one loop below, without a row's work
            # A row is synced once, unless written again after its last write answered here.
            done = set(keys[:answered]).difference(keys[answered:], later)
            for table in {t for t, _ in done} & TABLES.keys():
                synced[table] = [row_id for t, row_id in done if t == table]
        else:
            last_write = dict(zip(keys, map(attrgetter("seq"), rows), strict=True))
            for r, code in zip(rows, answer.results, strict=False):
                if r.table not in TABLES:
                    continue
                detail = details.get(r.seq)
                busy = (r.table, r.row_id) in later or last_write[(r.table, r.row_id)] > r.seq
                if code == p.RESULT_REJECTED and detail is not None:
                    rejected += 1
                    if detail.row is not None and not busy:
                        write_images(conn, r.table, [detail.row], {})
                        for name in r.changed:
                            _conflict(conn, r.table, r.row_id, name, r.image.get(name), r.hlc,
                                      detail.row.get(name), str(detail.row.get("hlc") or ""), now)
                    conn.exec_driver_sql(f'UPDATE "{r.table}" SET sync_state = \'rejected\', sync_reason = ? '
                                         "WHERE id = ?", (reason_text(detail), r.row_id))
                    continue
                if code == p.RESULT_CONFLICT and detail is not None:
                    conflicts += len(detail.conflicts)
                    for c in detail.conflicts:
                        _conflict(conn, r.table, r.row_id, c.f, c.v, c.h, c.wv, c.wh, now)
                    if detail.row is not None and not busy:
                        write_images(conn, r.table, [detail.row], {})
                if not busy:
                    synced.setdefault(r.table, []).append(r.row_id)
        for table, ids in synced.items():  # one statement a table: the ids as one JSON array
            conn.exec_driver_sql(f"UPDATE \"{table}\" SET sync_state = 'synced', sync_reason = NULL "
                                 "WHERE id IN (SELECT value FROM json_each(?)) AND sync_state <> 'rejected'",
                                 (json.dumps(ids),))
        set_meta(conn, PUSH_CURSOR, str(last))
        if answer.clock_suspect:
            set_meta(conn, CLOCK_SUSPECT, "1")
    return rejected, conflicts


def _later_pending(conn: Connection, after: int, row_ids: list[str]) -> set[tuple[str, str]]:
    """Rows of this batch written again after it (they stay pending)."""
    raw: Any = conn.connection.driver_connection
    return set(raw.execute("SELECT table_name, row_id FROM sync_outbox WHERE seq > ? "
                           "AND row_id IN (SELECT value FROM json_each(?))", (after, json.dumps(row_ids))).fetchall())


def _conflict(conn: Connection, table: str, row_id: str, name: str, value: Any, hlc: str, winner: Any,
              winner_hlc: str, now: str) -> None:
    conn.exec_driver_sql(
        "INSERT INTO sync_conflicts (table_name, row_id, field, losing_value, losing_hlc, winning_value, winning_hlc, "
        "recorded_at, resolved) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
        (table, row_id, name, json.dumps(value, ensure_ascii=False), hlc, json.dumps(winner, ensure_ascii=False),
         winner_hlc, now))


# ----- pull ---------------------------------------------------------------------------------------
def pending_changes(conn: Connection, push_cursor: int) -> dict[tuple[str, str], set[str] | None]:
    """Columns of each row changed locally and not yet acknowledged; None: the whole row is new here."""
    out: dict[tuple[str, str], set[str] | None] = {}
    for table, row_id, op, changed in conn.exec_driver_sql(
            "SELECT table_name, row_id, op, changed FROM sync_outbox WHERE seq > ? ORDER BY seq", (push_cursor,)):
        key = (table, row_id)
        if op == "insert" or out.get(key, set()) is None:
            out[key] = None
            continue
        cols = out.setdefault(key, set())
        assert cols is not None
        cols.update(changed.split(",") if changed else ["deleted"])
    return out


def write_images(conn: Connection, table: str, images: list[dict[str, Any]],
                 pending: dict[tuple[str, str], set[str] | None]) -> int:
    """Upsert row images from the centre by id (never doubling a row)."""
    if not images:
        return 0
    cols = [c for c in COLUMNS.get(table, []) if c in images[0]]
    return write_rows(conn, table, cols, [tuple(image.get(c) for c in cols) for image in images], pending)


def write_rows(conn: Connection, table: str, cols: list[str], values: list[tuple[Any, ...]],
               pending: dict[tuple[str, str], set[str] | None], *, pulled: bool = False) -> int:
    """Upsert rows (tuples in `cols` order, `cols` known columns including id). Columns changed
    locally and not yet pushed keep their local value (the push decides them); the row stays pending.
    `pulled`: the rows come from a pull (a push answer logs its own conflicts)."""
    if table not in COLUMNS or not values:
        return 0
    at = cols.index("id")
    plain = values
    if pending:  # nothing waits to be pushed, nearly always: then every row is written as it came
        plain = []
        for row in values:
            key = (table, str(row[at]))
            if key not in pending:
                plain.append(row)
                continue
            keep = pending[key]
            if keep:  # partial: only the columns this device has not changed
                own = [(i, c) for i, c in enumerate(cols) if c not in keep and c != "id"]
                if own:
                    sets = ", ".join(f'"{c}" = ?' for _, c in own)
                    conn.exec_driver_sql(f'UPDATE "{table}" SET {sets} WHERE id = ?',
                                         (*(row[i] for i, _ in own), row[at]))
    if pulled and plain and table in BORN_TWICE:
        _log_lost_births(conn, table, cols, plain)
    if plain:
        written = _upsert(conn, table, cols, plain)
        if written < len(plain):
            return written  # some broke a local rule (kept in the conflict log)
    return len(values)


# Rows per upsert statement, largest first. Every statement on a table with triggers journals the pages it
# touches, once per statement: one row per statement journals the same index pages again for every row,
# and that journal, once past 64 KB, spills to a temporary file page by page. sqlite3 keeps the statements
# it prepared (128 a connection), so the sizes are few and bounded (a 1,024-row one holds about 3 MB).
_CHUNKS = (1024, 128, 16, 1)


@cache
def _upsert_sql(table: str, cols: tuple[str, ...], rows: int) -> str:
    """Upsert `rows` rows by id: a row that exists takes the centre's values and becomes synced, unless it
    was rejected here (the reason stays until the user acts on it)."""
    names = ", ".join(f'"{c}"' for c in cols)
    one = "(" + ", ".join("?" * len(cols)) + ", 'synced')"
    sets = ", ".join(f'"{c}" = excluded."{c}"' for c in cols if c != "id")
    state = (f"sync_state = CASE WHEN \"{table}\".sync_state = 'rejected' THEN 'rejected' ELSE 'synced' END, "
             f"sync_reason = CASE WHEN \"{table}\".sync_state = 'rejected' THEN \"{table}\".sync_reason END")
    return (f'INSERT INTO "{table}" ({names}, sync_state) VALUES {", ".join([one] * rows)} '
            f"ON CONFLICT(id) DO UPDATE SET {sets}, {state}")


def _upsert(conn: Connection, table: str, cols: list[str], rows: list[tuple[Any, ...]]) -> int:
    """Upsert rows in a few statements of many rows; the rows written."""
    key = tuple(cols)
    raw: Any = conn.connection.driver_connection
    most = raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // len(cols)
    done = 0
    try:
        for size in _CHUNKS:
            if size > most and size > 1:
                continue
            sql = _upsert_sql(table, key, size)
            while len(rows) - done >= size:
                conn.exec_driver_sql(sql, tuple(chain.from_iterable(rows[done:done + size])))
                done += size
    except IntegrityError:
        # SQLite undid the failing statement alone: the rows before it stay written, its rows and the
        # rest are written one at a time.
        return done + _write_one_by_one(conn, table, cols, rows[done:], _upsert_sql(table, key, 1))
    return done


def _log_lost_births(conn: Connection, table: str, cols: list[str], rows: list[tuple[Any, ...]]) -> None:
    """An insert-only row never changes, so a pulled one that differs from the row this replica wrote is
    a second birth the centre settled the other way (two PCs recorded the same reading): the reading
    written here is logged, whole, as the value not kept."""
    me = conn.exec_driver_sql("SELECT value FROM sync_meta WHERE key = 'replica_id'").scalar()
    at = cols.index("id")
    pulled = {str(row[at]): dict(zip(cols, row, strict=True)) for row in rows}
    names = ", ".join(f'"{c}"' for c in cols)
    ids = sorted(pulled)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0).isoformat(sep=" ")
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for found in conn.exec_driver_sql(
                f'SELECT {names} FROM "{table}" WHERE origin = ? AND id IN ({marks})', (me, *chunk)).all():
            mine = dict(zip(cols, found, strict=True))
            theirs = pulled[str(mine["id"])]
            if any(mine[c] != theirs[c] for c in cols if c not in ("hlc", "origin")):
                _conflict(conn, table, str(mine["id"]), "*", mine, str(mine.get("hlc") or ""), theirs,
                          str(theirs.get("hlc") or ""), now)


def _write_one_by_one(conn: Connection, table: str, cols: list[str], rows: list[tuple[Any, ...]], sql: str) -> int:
    """A row that breaks a local unique rule must not block the whole pull: it is kept aside in the
    conflict log, visible to the user, and the rest is applied. Rows with a natural key take their id
    from it, so this is left for rows made otherwise (before natural ids, or by plain SQL)."""
    written = 0
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0).isoformat(sep=" ")
    for row in rows:
        try:
            with conn.begin_nested():
                conn.exec_driver_sql(sql, row)
            written += 1
        except IntegrityError as exc:
            image = dict(zip(cols, row, strict=True))
            _conflict(conn, table, str(image.get("id")), "*", image, str(image.get("hlc") or ""),
                      f"local rule: {exc.orig}", "", now)
    return written


def apply_pull_page(db: Database, page: dict[str, Any], seen: dict[str, set[str]] | None) -> tuple[int, str]:
    """Write one pulled page and the new pull cursor in one transaction. Returns (rows, highest stamp)."""
    count = 0
    top = ""
    with remote_write(db, bulk=True) as conn:
        pending = pending_changes(conn, get_int(db, PUSH_CURSOR))
        for group in page.get("tables", []):
            table = group["t"]
            if table not in TABLES:
                continue  # a table this version does not know; a newer client will pull it again
            known = set(COLUMNS[table])
            picked = [(name, p.decode_column(col)) for name, col in zip(group["cols"], group["data"], strict=True)
                      if name in known]
            cols = [name for name, _ in picked]
            if "id" not in cols:
                continue
            values = list(zip(*(col for _, col in picked), strict=True))
            count += write_rows(conn, table, cols, values, pending, pulled=True)
            if "hlc" in cols:
                top = max(top, max(map(str, filter(None, dict(picked)["hlc"])), default=""))
            if seen is not None:
                seen.setdefault(table, set()).update(str(v) for v in dict(picked)["id"])
        set_meta(conn, PULL_CURSOR, str(int(page["cursor"])))
    return count, top


# The clock stamp of rows a migration seeds in every database (older than any write; store migrations).
SEED_STAMP = "000000000000000-000000-"


def finish_resnapshot(db: Database, seen: dict[str, set[str]]) -> int:
    """After a full re-download: rows synced here that the centre no longer holds were purged
    tombstones; mark them deleted (rows still pending are kept: they will be pushed; rows every database
    is born with, such as the supervision checklist, stamped before any write, never were the centre's)."""
    gone = 0
    with remote_write(db) as conn:
        for name in TABLES:
            ids = seen.get(name, set())
            local = [r[0] for r in conn.exec_driver_sql(
                f"SELECT id FROM \"{name}\" WHERE sync_state = 'synced' AND deleted = 0 "
                f"AND hlc NOT LIKE '{SEED_STAMP}%'")]
            stale = [i for i in local if i not in ids]
            for i in range(0, len(stale), 500):
                chunk = stale[i:i + 500]
                marks = ",".join("?" * len(chunk))
                conn.exec_driver_sql(f'UPDATE "{name}" SET deleted = 1 WHERE id IN ({marks})', tuple(chunk))
            gone += len(stale)
        set_meta(conn, RESNAPSHOT, "0")
    return gone
