"""A station file full of a month's work, at an older schema, upgrades with every row kept: a migration that
rebuilds a table other rows point at (SQLite's batch mode) must not trip the foreign keys."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from ytcs_desktop.demo import build_demo
from ytcs_desktop.domain.integrity import check_database
from ytcs_desktop.store.db import Database, head_revisions
from ytcs_desktop.store.migrate import alembic_config

COUNTED = ("temperature_readings", "quarantines", "stock_transactions", "lots", "stations", "sync_outbox")


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}
    finally:
        conn.close()


def test_a_month_of_work_at_revision_0002_upgrades_with_every_row(tmp_path: Path) -> None:
    path = tmp_path / "ytcs.sqlite3"
    build_demo(path, months=1)
    db = Database(path)
    with db.engine.begin() as conn:  # the capture triggers are this version's: an older file had its own
        conn.exec_driver_sql("SELECT 1")
    command.downgrade(alembic_config(db.engine), "0002")
    db.close()
    before = _counts(path)
    assert before["temperature_readings"] > 0 and before["quarantines"] >= 0 and before["stock_transactions"] > 0

    db = Database.open(path)
    try:
        assert db.stored_revisions() == head_revisions()
        with db.read() as s:
            assert check_database(s) == []
    finally:
        db.close()
    assert _counts(path) == before  # nothing lost, nothing re-queued for sync
