"""Upgrades tested against real old files: the station database and the centre server database that
release 0.1 wrote in the field (tests/fixtures/release-0.1/, made once by scripts/make_upgrade_fixtures.py
and frozen; manifest.json says what they hold).

This version opens the station's file (Database.open migrates it), finds nothing wrong with it (`ytcs
check`), loses none of its unsent changes and re-queues nothing already sent, keeps its conflict and its
refused row; a real centre server started on the old centre database takes the unsent changes exactly
once and refuses none (the server stamps the old centre database's schema and brings it to head).

Every later version's tests open, migrate and sync these same files: never regenerate them. A release
that changes either schema adds its own folder beside this one and keeps this test passing.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.sync.conftest import start_server, stop_server
from ytcs_desktop.domain.integrity import check_database
from ytcs_desktop.store.db import Database
from ytcs_desktop.sync import apply as a
from ytcs_desktop.sync.client import SyncClient
from ytcs_desktop.sync.server import migrate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "release-0.1"
MANIFEST: dict[str, Any] = json.loads((FIXTURES / "manifest.json").read_text(encoding="utf-8"))
STATION: dict[str, Any] = MANIFEST["station"]
CENTRE: dict[str, Any] = MANIFEST["centre"]


@pytest.fixture
def field_files(tmp_path: Path) -> Path:
    """A copy of the fixtures (the committed files are never opened, never written)."""
    folder = tmp_path / "release-0.1"
    shutil.copytree(FIXTURES, folder)
    return folder


def _token(folder: Path) -> str:
    """The device token from the file `ytcs login --store-token-in-file` wrote (line 2)."""
    return (folder / MANIFEST["token_file"]).read_text().splitlines()[1]


def _unsent(db: Database) -> list[dict[str, Any]]:
    with db.read() as s:
        found = s.execute(text("SELECT seq, mutation_id, table_name, row_id, op FROM sync_outbox WHERE seq > :c "
                               "ORDER BY seq"), {"c": a.get_int(db, a.PUSH_CURSOR)}).all()
    return [{"seq": r[0], "mutation_id": r[1], "table": r[2], "row_id": r[3], "op": r[4]} for r in found]


def _rejected(db: Database) -> list[dict[str, Any]]:
    with db.read() as s:
        return [{"table": name, "row_id": r[0], "reason": r[1]} for name in a.TABLES
                for r in s.execute(text(f"SELECT id, sync_reason FROM \"{name}\" WHERE sync_state = 'rejected'"))]


def _conflicts(db: Database) -> list[dict[str, Any]]:
    with db.read() as s:
        found = s.execute(text("SELECT id, table_name, row_id, field, losing_value, winning_value, resolved "
                               "FROM sync_conflicts ORDER BY id")).all()
    return [dict(zip(("id", "table", "row_id", "field", "losing_value", "winning_value", "resolved"), r,
                     strict=True)) for r in found]


def test_the_fixtures_are_what_release_0_1_wrote() -> None:
    """The frozen files are small, at the old schema, and hold what the tests below rely on."""
    assert MANIFEST["made_by"]["version"] == "0.1.0"
    for name in (STATION["file"], CENTRE["file"]):
        size = (FIXTURES / name).stat().st_size
        assert size < 1_000_000
        assert not Path(f"{FIXTURES / name}-wal").exists()
    with closing(sqlite3.connect(f"file:{FIXTURES / STATION['file']}?mode=ro", uri=True)) as conn:
        assert [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")] == ["0003"]
    with closing(sqlite3.connect(f"file:{FIXTURES / CENTRE['file']}?mode=ro", uri=True)) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "ytcs_rows" in names and not any("alembic" in n for n in names)  # made by create_all
    assert STATION["pending"] == len(STATION["unsent"]) > 0
    assert STATION["rejected"] and STATION["conflicts"]


def test_the_station_file_opens_with_its_work_and_its_queue(field_files: Path) -> None:
    db = Database.open(field_files / STATION["file"], verify=True)
    try:
        assert db.at_head()
        assert db.station_id == STATION["station_id"] and db.replica_id == STATION["replica_id"]
        with db.read() as s:
            findings = check_database(s)
            counts = {name: int(s.scalar(text(f'SELECT count(*) FROM "{name}"'))) for name in STATION["counts"]}
            outbox = int(s.scalar(text("SELECT count(*) FROM sync_outbox")))
        assert [f.en for f in findings] == []
        assert counts == STATION["counts"]
        # nothing pending lost, nothing already sent queued again
        assert a.get_int(db, a.PUSH_CURSOR) == STATION["push_cursor"]
        assert outbox == STATION["outbox_rows"]
        assert _unsent(db) == STATION["unsent"]
        assert a.pending_count(db) == STATION["pending"]
        assert _rejected(db) == STATION["rejected"]
        assert _conflicts(db) == STATION["conflicts"]
    finally:
        db.close()


def test_the_station_syncs_its_unsent_work_with_the_old_centre_database(field_files: Path) -> None:
    db = Database.open(field_files / STATION["file"])
    centre = field_files / CENTRE["file"]
    proc, url = start_server(f"sqlite:///{centre}")
    try:
        client = SyncClient(db, url, _token(field_files))
        try:
            report = client.sync()
            again = client.sync()
        finally:
            client.close()
    finally:
        stop_server(proc)
    try:
        assert report.complete and report.rejected == 0 and report.conflicts == 0, report
        assert report.pushed == STATION["pending"]
        assert again.complete and again.pushed == 0 and again.rejected == 0
        assert a.pending_count(db) == 0
        assert a.get_int(db, a.PUSH_CURSOR) == STATION["unsent"][-1]["seq"]
        # the refusal and the conflict it left are still shown until the user acts on them
        assert _rejected(db) == STATION["rejected"]
        assert _conflicts(db) == STATION["conflicts"]
        with db.read() as s:
            assert check_database(s) == []
    finally:
        db.close()
    with closing(sqlite3.connect(centre)) as conn:
        for change in STATION["unsent"]:  # each arrived, once
            assert conn.execute("SELECT count(*) FROM ytcs_rows WHERE table_name = ? AND row_id = ?",
                                (change["table"], change["row_id"])).fetchone()[0] == 1, change
        assert conn.execute("SELECT count(*) FROM ytcs_rows").fetchone()[0] == (
            CENTRE["counts"]["ytcs_rows"] + len(STATION["unsent"]))
        assert conn.execute("SELECT count(*) FROM ytcs_rejections").fetchone()[0] == (
            CENTRE["counts"]["ytcs_rejections"])
        assert conn.execute("SELECT acked_seq FROM ytcs_devices WHERE id = ?",
                            (CENTRE["device_id"],)).fetchone()[0] == STATION["unsent"][-1]["seq"]
        assert conn.execute("SELECT value FROM ytcs_server_meta WHERE key = 'server_id'").fetchone()[0] == (
            CENTRE["server_id"])
        # the server that started on it stamped its schema (made by create_all) and brought it to head
        assert {r[0] for r in conn.execute(f"SELECT version_num FROM {migrate.VERSION_TABLE}")} == (
            migrate.head_revisions())
