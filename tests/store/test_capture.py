"""Change capture: every insert, update and delete of every syncable table lands in the outbox in the
same transaction; pulled rows are not re-captured; insert-only tables refuse updates and deletes."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import Table, text

from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.capture import insert_only_tables, syncable_tables, wire_columns
from ytcs_desktop.store.db import Database


def _value_for(col: object) -> object:
    pytype = col.type.python_type  # type: ignore[attr-defined]
    if pytype is bool:
        return 1
    if pytype is int:
        return 3
    if pytype is float:
        return 4.5
    if pytype.__name__ == "date":
        return "2026-01-05"
    if pytype.__name__ == "datetime":
        return "2026-01-05 07:30:00"
    return "x"


def _insert_raw(db: Database, table: Table, row_id: str) -> None:
    """Plain SQL on a plain sqlite3 connection, as a bulk tool would write: capture must still see
    it. Such a connection has foreign keys off, so the referenced ids need not exist."""
    values: dict[str, object] = {}
    for col in table.columns:
        if col.name == "id":
            values["id"] = row_id
        elif col.name in ("hlc", "origin", "sync_state", "sync_reason", "deleted"):
            continue
        elif col.name.endswith("_id") or col.name == "station_id":
            values[col.name] = new_id()
        elif not col.nullable or col.unique:
            values[col.name] = _value_for(col) if not col.unique else f"u-{row_id}"
    names = ", ".join(f'"{n}"' for n in values)
    marks = ", ".join(f":{n}" for n in values)
    with closing(sqlite3.connect(db.path)) as conn, conn:
        conn.execute(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', values)


def _outbox(db: Database, table: str, row_id: str) -> list[tuple[str, str, str | None]]:
    with db.read() as s:
        rows = s.execute(
            text("SELECT op, fields, changed FROM sync_outbox WHERE table_name = :t AND row_id = :r ORDER BY seq"),
            {"t": table, "r": row_id},
        ).all()
    return [(r[0], r[1], r[2]) for r in rows]


@pytest.mark.parametrize("table", syncable_tables(), ids=lambda t: t.name)
def test_every_operation_is_captured(station_db: Database, table: Table) -> None:
    row_id = new_id()
    _insert_raw(station_db, table, row_id)
    captured = _outbox(station_db, table.name, row_id)
    assert [c[0] for c in captured] == ["insert"]
    image = json.loads(captured[0][1])
    assert set(image) == set(wire_columns(table))
    assert image["id"] == row_id

    if table.name in insert_only_tables():
        with closing(sqlite3.connect(station_db.path)) as conn:
            with pytest.raises(sqlite3.IntegrityError, match="insert-only"):
                conn.execute(f'UPDATE "{table.name}" SET deleted = 1 WHERE id = ?', (row_id,))
            with pytest.raises(sqlite3.IntegrityError, match="insert-only"):
                conn.execute(f'DELETE FROM "{table.name}" WHERE id = ?', (row_id,))
            conn.rollback()
        assert len(_outbox(station_db, table.name, row_id)) == 1
        return

    with closing(sqlite3.connect(station_db.path)) as conn, conn:
        conn.execute(f'UPDATE "{table.name}" SET deleted = 1 WHERE id = ?', (row_id,))
        # Touching only local bookkeeping is not a change to sync.
        conn.execute(f"UPDATE \"{table.name}\" SET sync_state = 'synced' WHERE id = ?", (row_id,))
        conn.execute(f'DELETE FROM "{table.name}" WHERE id = ?', (row_id,))
    captured = _outbox(station_db, table.name, row_id)
    assert [c[0] for c in captured] == ["insert", "update", "delete"]
    assert captured[1][2] == "deleted"


def test_rolled_back_write_leaves_no_outbox_row(station_db: Database) -> None:
    from ytcs_desktop.store.models import Fridge

    fridge_id = new_id()
    with pytest.raises(RuntimeError), station_db.transaction() as s:
        s.add(Fridge(id=fridge_id, station_id=station_db.station_id, name="Tủ lạnh TCW 2000"))
        s.flush()
        raise RuntimeError("power cut")
    assert _outbox(station_db, "fridges", fridge_id) == []


def test_orm_writes_are_stamped_with_the_replica_clock(station_db: Database) -> None:
    from ytcs_desktop.store.models import Fridge

    with station_db.transaction() as s:
        fridge = Fridge(station_id=station_db.station_id, name="Tủ lạnh 1")
        s.add(fridge)
    with station_db.transaction() as s:
        f = s.get(Fridge, fridge.id)
        assert f is not None
        first = f.hlc
        f.name = "Tủ lạnh chính"
    captured = _outbox(station_db, "fridges", fridge.id)
    assert [c[0] for c in captured] == ["insert", "update"]
    stamps = [json.loads(c[1])["hlc"] for c in captured]
    assert stamps[0] == first and stamps[1] > stamps[0]
    assert stamps[1].endswith(station_db.replica_id)
    assert captured[1][2] == "name"


def test_applying_remote_rows_is_not_captured(station_db: Database) -> None:
    from ytcs_desktop.store.models import Fridge

    remote_id = new_id()
    with station_db.applying_remote() as s:
        s.add(Fridge(id=remote_id, station_id=station_db.station_id, name="Tủ từ trung tâm",
                     hlc="000000000000001-000000-centre", origin="centre", sync_state="synced"))
    assert _outbox(station_db, "fridges", remote_id) == []
    with station_db.read() as s:
        assert s.scalar(text("SELECT count(*) FROM sync_capture_pause")) == 0
        assert s.scalar(text("SELECT hlc FROM fridges WHERE id = :i"), {"i": remote_id}).endswith("centre")


def test_migrations_do_not_requeue_rows(tmp_path: Path) -> None:
    db = Database.create(tmp_path / "m.sqlite3", station_id=new_id())
    with db.read() as s:
        before = s.scalar(text("SELECT count(*) FROM sync_outbox"))
    db.migrate()
    db.close()
    again = Database.open(tmp_path / "m.sqlite3")
    with again.read() as s:
        assert s.scalar(text("SELECT count(*) FROM sync_outbox")) == before
    again.close()
