"""Make the frozen upgrade fixtures of release 0.1: tests/fixtures/release-0.1/.

The committed files were made by YTCS Desktop 0.1.0 at commit f6b54d1 (station schema at Alembic
revision 0003; the centre server's tables made by `metadata.create_all`, before the server's schema
moved to Alembic) with:

    .venv/bin/python -m scripts.make_upgrade_fixtures

Never regenerate them: they stand for files a station and a centre hold in the field, and every later
version's tests open, migrate and sync these same files (tests/sync/test_release_fixtures.py). A later
release adds its own folder (release-0.2/ …) with this script as it is then.

What it does, with the program's own commands (`python -m ytcs_desktop …`, as a user types them) except
where no command exists (fridges, readings, a correction: the domain functions the window calls):

1. `ytcs init` a station (TYT-AP), `ytcs items import` three catalogue items (its own, before it has a
   centre), `ytcs stock receive` two lots, `ytcs stock issue` once, a fridge with two readings and one
   correction, `ytcs request new` a support request.
2. `ytcs centre add-station` / `add-user`, a real `ytcs centre serve` on a free port, `ytcs login
   --store-token-in-file`, `ytcs sync`: everything arrives.
3. The station's licence number is written behind the domain's back (a field the centre owns once the
   station has a centre, as an older program might): `ytcs sync` gets it refused, the row comes back
   'rejected' with the centre's reason and the refused value is kept in the conflict log.
4. More work that stays unsent: a receipt, an issue, a reading, a request.
5. The server stops; both files are checkpointed (no -wal) and vacuumed; the token file is copied; the
   manifest (manifest.json) records what the files hold.

The device token is in `sync-token`, the file the program writes with --store-token-in-file (its first
line names the server address and device of this run; the token is on the second). It is a test
fixture's token for a throwaway centre, not a secret.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "release-0.1"
STATION_FILE = "station.sqlite3"
CENTRE_FILE = "centre-server.sqlite3"
TOKEN_FILE = "sync-token"
CODE = "TYT-AP"
NAME = "Trạm Y tế phường An Phú"
USERNAME = "lan"
PASSWORD = "mật-khẩu-fixture"  # a fixture's throwaway account
CATALOGUE = """code,name,unit,category,doses
PARA500,Paracetamol 500 mg,viên,drug,
BKT5,Bơm kim tiêm 5 ml,cái,supply,
VGB10,Vắc xin viêm gan B,liều,vaccine,10
"""


def ytcs(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    done = subprocess.run([sys.executable, "-m", "ytcs_desktop", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"ytcs {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done.stdout


def compact(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("VACUUM")
    for tail in ("-wal", "-shm"):
        Path(f"{path}{tail}").unlink(missing_ok=True)


def fridge_work(db_path: Path, today: dt.date) -> dict[str, str]:
    """A fridge, two readings (the first typed wrong) and the correction of the first."""
    from ytcs_desktop.domain.actor import Actor
    from ytcs_desktop.domain.coldchain import add_fridge, correct_reading, record_reading
    from ytcs_desktop.store.db import Database

    db = Database.open(db_path)
    try:
        actor = Actor("Nguyễn Thị Lan", "station", db.station_id)
        day = today - dt.timedelta(days=2)
        with db.transaction() as s:
            fridge = add_fridge(s, actor, name="Tủ lạnh TCW 2000", location="Phòng tiêm chủng",
                                in_service_from=today - dt.timedelta(days=30))
            wrong = record_reading(s, actor, fridge_id=fridge.id, reading_date=day, slot="morning", celsius="5.4")
            record_reading(s, actor, fridge_id=fridge.id, reading_date=day, slot="afternoon", celsius="5.0")
            correct_reading(s, actor, reading_id=wrong.reading.id, celsius="4.5", reason="đọc nhầm nhiệt kế")
            return {"fridge_id": fridge.id}
    finally:
        db.close()


def unsent_reading(db_path: Path, fridge_id: str, today: dt.date) -> None:
    from ytcs_desktop.domain.actor import Actor
    from ytcs_desktop.domain.coldchain import record_reading
    from ytcs_desktop.store.db import Database

    db = Database.open(db_path)
    try:
        with db.transaction() as s:
            record_reading(s, Actor("Nguyễn Thị Lan", "station", db.station_id), fridge_id=fridge_id,
                           reading_date=today - dt.timedelta(days=1), slot="morning", celsius="5.2")
    finally:
        db.close()


def refused_licence(db_path: Path) -> str:
    """A centre-owned field written behind the domain's back, as an older program might."""
    from ytcs_desktop.store.db import Database
    from ytcs_desktop.store.models import Station

    db = Database.open(db_path)
    try:
        station_id = db.station_id
        assert station_id is not None
        with db.transaction() as s:
            row = s.get(Station, station_id)
            assert row is not None
            row.licence_no = "123/GP-SYT"
        return station_id
    finally:
        db.close()


def manifest(station: Path, centre: Path, made: dict[str, object]) -> dict[str, object]:
    from ytcs_desktop import __version__
    from ytcs_desktop.store.capture import syncable_tables

    with closing(sqlite3.connect(station)) as conn:
        meta = dict(conn.execute("SELECT key, value FROM sync_meta").fetchall())
        cursor = int(meta.get("sync_push_cursor", 0))
        unsent = [{"seq": r[0], "mutation_id": r[1], "table": r[2], "row_id": r[3], "op": r[4]}
                  for r in conn.execute("SELECT seq, mutation_id, table_name, row_id, op FROM sync_outbox "
                                        "WHERE seq > ? ORDER BY seq", (cursor,))]
        tables = [t.name for t in syncable_tables()]
        counts = {t: n for t in tables if (n := conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])}
        rejected = [{"table": t, "row_id": r[0], "reason": r[1]} for t in tables
                    for r in conn.execute(f"SELECT id, sync_reason FROM \"{t}\" WHERE sync_state = 'rejected'")]
        conflicts = [{"id": r[0], "table": r[1], "row_id": r[2], "field": r[3], "losing_value": r[4],
                      "winning_value": r[5], "resolved": r[6]}
                     for r in conn.execute("SELECT id, table_name, row_id, field, losing_value, winning_value, "
                                           "resolved FROM sync_conflicts ORDER BY id")]
        revision = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
        outbox = conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]
    with closing(sqlite3.connect(centre)) as conn:
        server_tables = sorted(r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        server_counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in server_tables}
        server_meta = dict(conn.execute("SELECT key, value FROM ytcs_server_meta").fetchall())
        device = conn.execute("SELECT id, username, acked_seq FROM ytcs_devices").fetchone()
    return {
        "made_by": {"version": __version__, "commit": made["commit"], "script": "scripts/make_upgrade_fixtures.py",
                    "made_on": made["today"]},
        "station": {
            "file": STATION_FILE, "bytes": station.stat().st_size, "alembic_revisions": revision,
            "station_id": made["station_id"], "station_code": CODE, "replica_id": meta["replica_id"],
            "counts": counts, "outbox_rows": outbox, "push_cursor": cursor, "pull_cursor":
                int(meta.get("sync_pull_cursor", 0)), "pending": len(unsent), "unsent": unsent,
            "rejected": rejected, "conflicts": conflicts, "device_id": meta.get("sync_device_id"),
        },
        "centre": {
            "file": CENTRE_FILE, "bytes": centre.stat().st_size, "schema": "metadata.create_all (no version table)",
            "tables": server_tables, "counts": server_counts, "server_id": server_meta["server_id"],
            "seq": int(server_meta["seq"]), "device_id": device[0], "username": device[1],
            "device_acked_seq": device[2],
        },
        "token_file": TOKEN_FILE,
    }


def main() -> int:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT,
                            check=False).stdout.strip() or "unknown"
    today = dt.date.today()
    with tempfile.TemporaryDirectory(prefix="ytcs-fixtures-") as tmp_name:
        tmp = Path(tmp_name)
        data, centre_dir = tmp / "station", tmp / "centre"
        centre_dir.mkdir()
        centre = centre_dir / CENTRE_FILE
        centre_url = f"sqlite:///{centre}"
        env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "YTCS_LANG": "en",
               "YTCS_LOG_DIR": str(tmp / "logs")}
        env.pop("YTCS_SYNC_TOKEN", None)
        at = ("--data-dir", str(data))
        station_db = data / "ytcs.sqlite3"

        # 1. a station at work before it has a centre
        ytcs(env, "init", *at, "--station-code", CODE, "--station-name", NAME)
        (tmp / "catalogue.csv").write_text(CATALOGUE, encoding="utf-8")
        ytcs(env, "items", "import", *at, str(tmp / "catalogue.csv"))
        week = today - dt.timedelta(days=7)
        ytcs(env, "stock", "receive", *at, "--item", "PARA500", "--lot", "PA2401", "--expiry", "2029-06-30",
             "--qty", "500", "--date", week.isoformat(), "--doc", "PN-0001")
        ytcs(env, "stock", "receive", *at, "--item", "VGB10", "--lot", "VGB-77", "--expiry", "2028-03-31",
             "--qty", "40", "--date", week.isoformat(), "--doc", "PN-0002")
        ytcs(env, "stock", "issue", *at, "--item", "PARA500", "--qty", "30",
             "--date", (week + dt.timedelta(days=1)).isoformat(), "--doc", "PX-0001")
        fridge = fridge_work(station_db, today)
        ytcs(env, "request", "new", *at, "--kind", "consultation", "--title", "Hội chẩn ca sốt kéo dài")

        # 2. the centre registers it; the station logs in and syncs
        with closing(sqlite3.connect(station_db)) as conn:
            station_id = conn.execute("SELECT value FROM sync_meta WHERE key = 'station_id'").fetchone()[0]
        ytcs(env, "centre", "add-station", *at, "--database", centre_url, "--id", station_id, CODE, NAME)
        ytcs(env, "centre", "add-user", *at, "--database", centre_url, "--role", "station", "--station", CODE,
             "--password-stdin", USERNAME, stdin=PASSWORD + "\n")
        server = subprocess.Popen(
            [sys.executable, "-m", "ytcs_desktop", "centre", "serve", "--database", centre_url,
             "--host", "127.0.0.1", "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
        try:
            assert server.stdout is not None
            line = server.stdout.readline()
            if "ready on " not in line:
                raise SystemExit(f"the centre server did not start: {line!r}")
            url = line.split("ready on ", 1)[1].split()[0]
            ytcs(env, "login", *at, "--server", url, "--username", USERNAME, "--password-stdin",
                 "--store-token-in-file", "--device-name", "PC tiếp đón", stdin=PASSWORD + "\n")
            first = json.loads(ytcs(env, "sync", *at, "--format", "json"))
            assert first["complete"] and first["rejected"] == 0, first

            # 3. a refused change, which also leaves the refused value in the conflict log
            refused_licence(station_db)
            second = json.loads(ytcs(env, "sync", *at, "--format", "json"))
            assert second["complete"] and second["rejected"] == 1, second
        finally:
            server.terminate()
            server.communicate(timeout=20)

        # 4. more work, not sent
        ytcs(env, "stock", "receive", *at, "--item", "BKT5", "--lot", "BK-3", "--expiry", "2030-01-31",
             "--qty", "200", "--date", (today - dt.timedelta(days=1)).isoformat(), "--doc", "PN-0003")
        ytcs(env, "stock", "issue", *at, "--item", "VGB10", "--qty", "10",
             "--date", (today - dt.timedelta(days=1)).isoformat(), "--doc", "PX-0002")
        unsent_reading(station_db, fridge["fridge_id"], today)
        ytcs(env, "request", "new", *at, "--kind", "supply_support", "--title", "Xin cấp thêm vắc xin viêm gan B")
        status = json.loads(ytcs(env, "sync", "status", *at, "--format", "json"))
        assert status["pending"] > 0 and status["rejected"] == 1 and status["conflicts"] >= 1, status

        # 5. small files, then the manifest
        compact(station_db)
        compact(centre)
        if OUT.exists():
            shutil.rmtree(OUT)
        OUT.mkdir(parents=True)
        shutil.copyfile(station_db, OUT / STATION_FILE)
        shutil.copyfile(centre, OUT / CENTRE_FILE)
        shutil.copyfile(data / TOKEN_FILE, OUT / TOKEN_FILE)
        found = manifest(OUT / STATION_FILE, OUT / CENTRE_FILE,
                         {"commit": commit, "today": today.isoformat(), "station_id": station_id})
        (OUT / "manifest.json").write_text(json.dumps(found, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: station {found['station']['bytes']} bytes, "  # type: ignore[index]
          f"centre {found['centre']['bytes']} bytes, {found['station']['pending']} unsent")  # type: ignore[index]
    return 0


if __name__ == "__main__":
    sys.exit(main())
