"""Opening a station database: a file already at the newest schema skips Alembic (most of a cold
start), one that is not is migrated; the capture triggers are always those of this version."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from ytcs_desktop.store import db as store_db
from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.db import Database, head_revisions
from ytcs_desktop.store.migrate import alembic_config
from ytcs_desktop.store.revisions import script_revisions

ROOT = Path(__file__).resolve().parents[2]


def _captured(db: Database) -> int:
    with db.read() as s:
        # The records' own changes; each also has its audit row, captured alongside.
        return int(s.scalar(text("SELECT count(*) FROM sync_outbox WHERE table_name <> 'audit_log'")))


def _triggers(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                 "AND name LIKE 'ytcs_cap_%'")))


def test_head_read_from_the_scripts_is_alembics_head() -> None:
    from alembic.script import ScriptDirectory

    assert head_revisions() == frozenset(ScriptDirectory(str(store_db.VERSIONS.parent)).get_heads())


def test_a_file_at_head_opens_without_alembic(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    Database.create(path, station_id=new_id()).close()
    probe = ("import sys; from pathlib import Path; from ytcs_desktop.store.db import Database; "
             f"db = Database.open(Path({str(path)!r})); print('alembic' in sys.modules, db.at_head())")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.split() == ["False", "True"]


def test_a_file_at_head_gets_this_versions_capture_triggers(tmp_path: Path) -> None:
    from ytcs_desktop.store.models import Fridge

    path = tmp_path / "station.sqlite3"
    made = Database.create(path, station_id=new_id())
    full = _triggers(made)
    with made.engine.begin() as conn:  # an older program left one trigger out
        conn.exec_driver_sql("DROP TRIGGER ytcs_cap_fridges_update")
    made.close()
    db = Database.open(path)
    try:
        assert db.at_head() and _triggers(db) == full
        with db.transaction() as s:
            fridge = Fridge(station_id=db.station_id, name="Tủ lạnh")
            s.add(fridge)
        with db.transaction() as s:
            row = s.get(Fridge, fridge.id)
            assert row is not None
            row.name = "Tủ lạnh chính"
        assert _captured(db) == 2
    finally:
        db.close()


def test_a_file_behind_head_is_migrated(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "station.sqlite3"
    made = Database.create(path, station_id=new_id())
    command.downgrade(alembic_config(made.engine), "base")  # an empty schema, as before the first version
    assert not made.at_head()
    made.close()
    db = Database.open(path)
    try:
        assert db.at_head() and _triggers(db) > 0
        with db.read() as s:
            assert s.scalar(text("SELECT count(*) FROM stock_transactions")) == 0
    finally:
        db.close()


def test_a_newer_script_makes_a_file_at_the_old_head_migrate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    versions = tmp_path / "versions"
    shutil.copytree(store_db.VERSIONS, versions)
    old = sorted(head_revisions())
    (versions / "9999_next.py").write_text(
        f'"""next"""\nrevision = "9999"\ndown_revision = {old[0]!r}\n\n\ndef upgrade() -> None:\n    pass\n',
        encoding="utf-8")
    path = tmp_path / "station.sqlite3"
    Database.create(path, station_id=new_id()).close()
    monkeypatch.setattr(store_db, "VERSIONS", versions)
    script_revisions.cache_clear()
    try:
        assert head_revisions() == frozenset({"9999"})
        db = Database(path)
        assert not db.at_head()  # so Database.open would run the migration
        db.close()
    finally:
        script_revisions.cache_clear()
