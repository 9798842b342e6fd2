"""A file written by a newer program is refused and left byte-identical; an upgrade that fails half-way
puts the file back as it was (a copy is taken first), with every capture trigger in place."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from tests.cli.conftest import Runner
from ytcs_desktop.paths import DB_FILENAME
from ytcs_desktop.store.backup import backup_folder
from ytcs_desktop.store.db import WRITTEN_BY, Database

TRIGGERS = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'ytcs_cap_%'"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _station(ytcs: Runner, data_dir: Path) -> Path:
    assert ytcs("init", "--station-code", "T01", "--station-name", "Trạm Y tế xã Thử").code == 0
    assert ytcs("items", "import", str(_items_csv(data_dir.parent))).code == 0
    assert ytcs("stock", "receive", "--item", "PARA500", "--lot", "L1", "--expiry", "2030-01-31",
                "--qty", "100").code == 0
    return data_dir / DB_FILENAME


def _items_csv(folder: Path) -> Path:
    path = folder / "items.csv"
    path.write_text("code,name,unit,category\nPARA500,Paracetamol 500 mg,viên,drug\n", encoding="utf-8")
    return path


def _rewrite(path: Path, *sql: tuple[str, tuple[str, ...]]) -> None:
    """Change the file as another program would, then fold the WAL in so the main file is all there is."""
    conn = sqlite3.connect(path)
    try:
        for stmt, params in sql:
            conn.execute(stmt, params)
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _count(path: Path, sql: str) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def test_a_newer_database_is_refused_and_left_untouched(ytcs: Runner, ytcs_process: Runner, data_dir: Path) -> None:
    path = _station(ytcs, data_dir)
    triggers = _count(path, TRIGGERS)
    assert triggers > 50
    _rewrite(path, ("UPDATE alembic_version SET version_num = ?", ("9f3e_future",)),
             ("INSERT OR REPLACE INTO sync_meta (key, value) VALUES (?, ?)", (WRITTEN_BY, "0.9.2")))
    before = _digest(path)
    for args in (("stock", "on-hand"), ("check",), ("stock", "receive", "--item", "PARA500", "--lot", "L2",
                                                     "--expiry", "2031-01-31", "--qty", "5")):
        result = ytcs_process(*args)
        assert result.code == 2, (args, result)
        assert result.err_lines == [result.err_lines[0]] and "Traceback" not in result.err
        assert "YTCS 0.9.2" in result.err and "cài" in result.err, result.err
        assert _digest(path) == before, args
    assert _count(path, TRIGGERS) == triggers
    assert not backup_folder(path).exists()  # nothing to copy: nothing is changed


def test_a_newer_database_without_a_version_note_still_says_what_to_do(ytcs: Runner, data_dir: Path) -> None:
    path = _station(ytcs, data_dir)
    _rewrite(path, ("UPDATE alembic_version SET version_num = ?", ("9f3e_future",)),
             ("DELETE FROM sync_meta WHERE key = ?", (WRITTEN_BY,)))
    result = ytcs("stock", "on-hand", "--lang", "en")
    assert result.code == 2
    assert "newer version of YTCS" in result.err and "Install the newest version" in result.err


def test_an_upgrade_that_fails_puts_the_file_back(ytcs: Runner, ytcs_process: Runner, data_dir: Path) -> None:
    path = _station(ytcs, data_dir)
    triggers = _count(path, TRIGGERS)
    before = ytcs("export").out
    # A schema note lost (an interrupted copy, an old tool): the upgrade re-creates tables that exist and fails.
    _rewrite(path, ("DELETE FROM alembic_version", ()))
    result = ytcs_process("stock", "on-hand")
    assert result.code == 2 and "Traceback" not in result.err and len(result.err_lines) == 1, result
    assert "giữ như trước khi nâng cấp" in result.err
    assert _count(path, TRIGGERS) == triggers  # capture still on: later writes still reach the centre
    copies = list(backup_folder(path).glob("*.sqlite3"))
    assert len(copies) == 1 and str(copies[0]) in result.err
    assert copies[0].stat().st_mode & 0o077 == 0
    _rewrite(path, ("INSERT INTO alembic_version (version_num) VALUES (?)", (next(iter(_heads())),)))
    assert ytcs("export").out == before


def _heads() -> frozenset[str]:
    from ytcs_desktop.store.db import head_revisions

    return head_revisions()


def test_an_older_file_is_copied_before_it_is_upgraded(tmp_path: Path) -> None:
    from alembic import command

    from ytcs_desktop.store.migrate import alembic_config

    path = tmp_path / DB_FILENAME
    made = Database.create(path)
    command.downgrade(alembic_config(made.engine), "base")
    made.close()
    db = Database.open(path)
    try:
        assert db.at_head() and db.meta(WRITTEN_BY)
    finally:
        db.close()
    assert len(list(backup_folder(path).glob("*-before-upgrade-*.sqlite3"))) == 1
