"""The applied-mutation journal stays small: a device's entries are pruned once the device has recorded the
answers past them (it says so with each push), and a late re-send of a pruned change (a PC restored from
a backup taken before it was sent) is still harmless: nothing doubles, no later value is overwritten,
nothing is refused, and the restored PC ends with the centre's row. SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import func, select

from tests.sync.conftest import Centre, Replica
from tests.sync.helpers import add_fridge
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Fridge
from ytcs_desktop.sync.server import schema as t


def _rename(replica: Replica, fridge_id: str, name: str) -> None:
    with replica.db.transaction() as s:
        fridge = s.get(Fridge, fridge_id)
        assert fridge is not None
        fridge.name = name


def _journal(centre: Centre, replica: Replica) -> int:
    with centre.store.read() as conn:
        return int(conn.scalar(select(func.count()).select_from(t.applied_mutations).where(
            t.applied_mutations.c.device_id == replica.device_id)) or 0)


def _centre_name(centre: Centre, fridge_id: str) -> str:
    import json

    with centre.store.read() as conn:
        images = list(conn.scalars(select(t.rows.c.fields).where(t.rows.c.table_name == "fridges",
                                                                 t.rows.c.row_id == fridge_id)))
    assert len(images) == 1  # one row, never two
    return str(json.loads(images[0])["name"])


def _local_name(replica: Replica, fridge_id: str) -> str:
    with replica.db.read() as s:
        fridge = s.get(Fridge, fridge_id)
        assert fridge is not None
        return fridge.name


def _backup(replica: Replica, to: Path) -> None:
    src, dst = sqlite3.connect(replica.db.path), sqlite3.connect(to)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _restore(replica: Replica, backup: Path) -> None:
    path = replica.db.path
    replica.db.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(backup.read_bytes())
    replica.db = Database.open(path)


def test_the_journal_keeps_only_what_the_device_may_still_send(centre: Centre) -> None:
    pc = centre.station("journal")[0]
    fridge = add_fridge(pc.db)
    assert pc.sync().complete
    for n in range(6):
        _rename(pc, fridge, f"Tủ lạnh {n}")
        assert pc.sync().complete
    assert _journal(centre, pc) == 1  # the last push's change: its answer may not be recorded yet
    assert _centre_name(centre, fridge) == "Tủ lạnh 5"


def test_a_late_resend_of_a_pruned_change_is_harmless(centre: Centre, tmp_path: Path) -> None:
    pc = centre.station("late")[0]
    fridge = add_fridge(pc.db)
    assert pc.sync().complete
    _rename(pc, fridge, "Tủ lạnh A")
    _backup(pc, tmp_path / "before.sqlite3")  # holds the rename to A, not yet sent
    assert pc.sync().complete
    _rename(pc, fridge, "Tủ lạnh B")
    assert pc.sync().complete  # its push says A's answer is recorded: A's entry goes
    assert _journal(centre, pc) == 1
    _restore(pc, tmp_path / "before.sqlite3")
    report = pc.sync()  # sends A again, with no journal entry to know it by
    assert report.complete and report.restored and report.rejected == 0
    assert _centre_name(centre, fridge) == "Tủ lạnh B"  # the later value stands
    assert _local_name(pc, fridge) == "Tủ lạnh B"  # and comes back to the PC
    pc.db.close()


def test_a_late_resend_nothing_overwrote_is_a_duplicate(centre: Centre, tmp_path: Path) -> None:
    pc = centre.station("dup")[0]
    fridge = add_fridge(pc.db)
    assert pc.sync().complete
    _rename(pc, fridge, "Tủ lạnh A")
    _backup(pc, tmp_path / "before.sqlite3")
    assert pc.sync().complete
    add_fridge(pc.db, "Tủ lạnh phụ")  # another change, so a push says A's answer is recorded
    assert pc.sync().complete
    assert _journal(centre, pc) == 0
    _restore(pc, tmp_path / "before.sqlite3")
    report = pc.sync()
    assert report.complete and report.rejected == 0 and report.conflicts == 0
    assert _centre_name(centre, fridge) == "Tủ lạnh A" == _local_name(pc, fridge)
    pc.db.close()
