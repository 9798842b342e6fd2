"""The audit trail: every insert, update and delete of every syncable table writes an audit row naming the
person, the computer and the values, in the same transaction; the trail itself cannot be changed; rows
applied by sync and writes made by an upgrade are not audited."""

from __future__ import annotations

import json
import socket
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, text

from tests.store.test_capture import _insert_raw
from ytcs_desktop.store.audit import audited_columns, audited_tables
from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.capture import insert_only_tables
from ytcs_desktop.store.db import Database

PERSON = "Nguyễn Thị Lan"


def _trail(db: Database, table: str, row_id: str) -> list[dict[str, Any]]:
    with db.read() as s:
        rows = s.execute(text("SELECT op, person, computer, replica_id, station_id, changes, at FROM audit_log "
                              "WHERE table_name = :t AND row_id = :r ORDER BY at, rowid"),
                         {"t": table, "r": row_id}).mappings().all()
    return [dict(r) for r in rows]


def _as(conn: sqlite3.Connection, person: str) -> None:
    """What Database does when a write transaction begins: name the person for the triggers."""
    conn.execute("INSERT OR REPLACE INTO audit_person (id, person, computer) VALUES (1, ?, 'PC-TRAM')", (person,))


def _a_value(table: Table, name: str) -> object:
    pytype = table.c[name].type.python_type
    if pytype is bool:
        return 0
    if pytype is int:
        return 7
    if pytype is float:
        return 1.5
    if pytype.__name__ == "date":
        return "2026-02-03"
    if pytype.__name__ == "datetime":
        return "2026-02-03 08:00:00"
    return "đã sửa"


@pytest.mark.parametrize("table", audited_tables(), ids=lambda t: t.name)
def test_every_operation_is_audited_with_the_person(station_db: Database, table: Table) -> None:
    row_id = new_id()
    _insert_raw_as(station_db, table, row_id, PERSON)
    trail = _trail(station_db, table.name, row_id)
    assert [(t["op"], t["person"], t["computer"]) for t in trail] == [("insert", PERSON, "PC-TRAM")]
    assert trail[0]["replica_id"] == station_db.replica_id

    if table.name in insert_only_tables():
        assert trail[0]["changes"] is None  # the row itself is the record of what was written
        return
    first = json.loads(trail[0]["changes"])
    assert set(first) == set(audited_columns(table)) and "id" not in first and "hlc" not in first

    plain = [c for c in audited_columns(table) if c != "deleted" and not table.c[c].unique]
    column = next((c for c in plain if not c.endswith("_id")), plain[0])
    value = new_id() if column.endswith("_id") else _a_value(table, column)
    with closing(sqlite3.connect(station_db.path)) as conn, conn:
        _as(conn, "Trần Văn Minh")
        conn.execute(f'UPDATE "{table.name}" SET "{column}" = ? WHERE id = ?', (value, row_id))
        conn.execute(f"UPDATE \"{table.name}\" SET sync_state = 'synced' WHERE id = ?", (row_id,))  # bookkeeping
        conn.execute(f'UPDATE "{table.name}" SET deleted = 1 WHERE id = ?', (row_id,))
        conn.execute(f'DELETE FROM "{table.name}" WHERE id = ?', (row_id,))
        conn.execute("DELETE FROM audit_person")
    trail = _trail(station_db, table.name, row_id)
    assert [(t["op"], t["person"]) for t in trail] == [
        ("insert", PERSON), ("update", "Trần Văn Minh"), ("delete", "Trần Văn Minh"), ("delete", "Trần Văn Minh")]
    before = first[column]
    assert json.loads(trail[1]["changes"]) == {column: [before, value]}
    assert json.loads(trail[2]["changes"]) == {"deleted": [0, 1]}
    removed = json.loads(trail[3]["changes"])
    assert removed[column] == value and removed["deleted"] == 1


def _insert_raw_as(db: Database, table: Table, row_id: str, person: str) -> None:
    """The capture test's plain-SQL insert, by a tool that names its person as the program does."""
    with closing(sqlite3.connect(db.path)) as conn, conn:
        _as(conn, person)
    _insert_raw(db, table, row_id)
    with closing(sqlite3.connect(db.path)) as conn, conn:
        conn.execute("DELETE FROM audit_person")


def test_the_program_names_the_person_and_forgets_it_at_commit(station_db: Database) -> None:
    from ytcs_desktop.store.models import Fridge

    station_db.person = PERSON
    with station_db.transaction() as s:
        fridge = Fridge(station_id=station_db.station_id, name="Tủ lạnh TCW 2000")
        s.add(fridge)
    with station_db.transaction(person="Trần Văn Minh") as s:  # one write, another person (a quick switch)
        row = s.get(Fridge, fridge.id)
        assert row is not None
        row.name = "Tủ lạnh chính"
    with station_db.read() as s:
        assert s.scalar(text("SELECT count(*) FROM audit_person")) == 0
    with closing(sqlite3.connect(station_db.path)) as conn, conn:  # another program, naming nobody
        conn.execute("UPDATE fridges SET location = 'Phòng tiêm' WHERE id = ?", (fridge.id,))
    trail = _trail(station_db, "fridges", fridge.id)
    assert [(t["op"], t["person"]) for t in trail] == [("insert", PERSON), ("update", "Trần Văn Minh"),
                                                       ("update", None)]
    assert trail[0]["computer"] == socket.gethostname()[:120]
    assert trail[0]["station_id"] == station_db.station_id
    assert json.loads(trail[1]["changes"]) == {"name": ["Tủ lạnh TCW 2000", "Tủ lạnh chính"]}


def test_a_rolled_back_write_leaves_no_audit_row(station_db: Database) -> None:
    from ytcs_desktop.store.models import Fridge

    fridge_id = new_id()
    with pytest.raises(RuntimeError), station_db.transaction(person=PERSON) as s:
        s.add(Fridge(id=fridge_id, station_id=station_db.station_id, name="Tủ lạnh"))
        s.flush()
        raise RuntimeError("power cut")
    assert _trail(station_db, "fridges", fridge_id) == []


def test_the_trail_cannot_be_changed(station_db: Database) -> None:
    from ytcs_desktop.store.models import Fridge

    with station_db.transaction(person=PERSON) as s:
        s.add(Fridge(station_id=station_db.station_id, name="Tủ lạnh"))
    with closing(sqlite3.connect(station_db.path)) as conn:
        with pytest.raises(sqlite3.IntegrityError, match="insert-only"):
            conn.execute("UPDATE audit_log SET person = 'ai đó'")
        with pytest.raises(sqlite3.IntegrityError, match="insert-only"):
            conn.execute("DELETE FROM audit_log")
    with station_db.read() as s:  # the trail is not audited, but it is sent to the centre
        assert s.scalar(text("SELECT count(*) FROM audit_log WHERE table_name = 'audit_log'")) == 0
        trail = s.scalar(text("SELECT count(*) FROM audit_log"))
        assert s.scalar(text("SELECT count(*) FROM sync_outbox WHERE table_name = 'audit_log'")) == trail == 2


def test_rows_applied_by_sync_are_not_audited_again(station_db: Database) -> None:
    from ytcs_desktop.store.models import Fridge

    remote_id = new_id()
    with station_db.applying_remote() as s:
        s.add(Fridge(id=remote_id, station_id=station_db.station_id, name="Tủ từ máy khác",
                     hlc="000000000000001-000000-other", origin="other", sync_state="synced"))
    assert _trail(station_db, "fridges", remote_id) == []


def test_an_upgrade_writes_no_audit_row(tmp_path: Path) -> None:
    db = Database.create(tmp_path / "m.sqlite3", station_id=new_id())
    with db.read() as s:
        before = s.scalar(text("SELECT count(*) FROM audit_log"))
    db.migrate()
    db.close()
    again = Database.open(tmp_path / "m.sqlite3")
    with again.read() as s:
        assert s.scalar(text("SELECT count(*) FROM audit_log")) == before
        installed = s.scalar(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                  "AND name LIKE 'ytcs_audit_%'"))
    again.close()
    assert installed == sum(1 if t.name in insert_only_tables() else 3 for t in audited_tables())
