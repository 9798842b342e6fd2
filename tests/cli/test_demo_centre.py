"""`ytcs demo` builds the demo station and its centre's server database, in agreement from the first sync:
started the way a person does (the installed `ytcs`, a real `ytcs centre serve` on the same folder), the
station's first sync is refused nothing and logs no conflict, and the centre's desktop that joins from an
empty folder receives the five stations and every record, the requisitions with the station's statuses."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import YTCS, Runner
from tests.sync.conftest import launch_server, stop_server

KEYRING_OFF = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def start_centre(folder: Path) -> tuple[subprocess.Popen[str], str]:
    """`ytcs centre serve --data-dir FOLDER` on a free port (the demo centre's database by default)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("YTCS_") or k == "YTCS_LOG_DIR"}
    return launch_server([YTCS, "centre", "serve", "--data-dir", str(folder), "--host", "127.0.0.1", "--port", "0"],
                         {**env, "LANG": "C.UTF-8"})


def statuses(folder: Path) -> dict[str, str]:
    with sqlite3.connect(folder / "ytcs.sqlite3") as conn:
        return dict(conn.execute("SELECT id, status FROM requisitions WHERE deleted = 0").fetchall())


def as_json(result: Any) -> Any:
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_demo_station_and_centre_agree_from_the_first_sync(ytcs_process: Runner, data_dir: Path,
                                                          tmp_path: Path) -> None:
    built = ytcs_process("demo", "--months", "1")
    assert built.code == 0, built.err
    assert "ytcs centre serve --data-dir" in built.out and "anphu" in built.out and "trungtam" in built.out
    assert sorted(p.name for p in data_dir.iterdir()) == ["centre-server.sqlite3", "sync-token", "ytcs.sqlite3"]
    assert stat.S_IMODE((data_dir / "sync-token").stat().st_mode) == 0o600
    before = statuses(data_dir)
    assert "shipped" in before.values()  # decisions of the centre, made in the demo

    server, url = start_centre(data_dir)
    try:
        # The station's own device, as the demo left it (its token is in the folder; the centre listens on a
        # free port here instead of 8470, hence --server and the token given to this run).
        token = (data_dir / "sync-token").read_text().splitlines()[1]
        first = as_json(ytcs_process("sync", "--server", url, "--format", "json", env={"YTCS_SYNC_TOKEN": token}))
        assert (first["rejected"], first["conflicts"], first["complete"]) == (0, 0, True), first
        assert (first["pushed"], first["pulled"], first["restored"]) == (0, 0, False), first  # it holds it all
        status = as_json(ytcs_process("sync", "status", "--format", "json"))
        assert (status["rejected"], status["conflicts"], status["pending"]) == (0, 0, 0), status
        assert statuses(data_dir) == before

        # The centre's desktop joins from an empty folder and receives everything.
        desktop = tmp_path / "centre-desktop"
        joined = ytcs_process("login", "--server", url, "--username", "trungtam", "--password-stdin",
                              "--store-token-in-file", data=desktop, stdin="ytcs-demo\n", env=KEYRING_OFF)
        assert joined.code == 0, joined.err
        synced = as_json(ytcs_process("sync", "--format", "json", data=desktop))
        assert (synced["rejected"], synced["conflicts"], synced["complete"]) == (0, 0, True), synced
        with sqlite3.connect(desktop / "ytcs.sqlite3") as conn:
            codes = [r[0] for r in conn.execute("SELECT code FROM stations WHERE deleted = 0 ORDER BY code")]
        assert codes == ["TYT-AP", "TYT-BH", "TYT-LT", "TYT-TA", "TYT-TG"]
        assert statuses(desktop) == before
        # Every record of the station the same at the centre; the centre holds besides only what the four
        # neighbour stations sent of their own: referrals, reports, ratings, staff, registers, all five filled.
        home = as_json(ytcs_process("export"))["tables"]
        centre = as_json(ytcs_process("export", data=desktop))["tables"]
        home_station = next(r["id"] for r in home["stations"] if r["code"] == "TYT-AP")
        extra: dict[str, list[dict[str, Any]]] = {}
        for table, rows in centre.items():
            mine = {r["id"]: r for r in home.get(table, [])}
            assert [r for r in rows if r["id"] in mine] == list(mine.values()), table
            extra[table] = [r for r in rows if r["id"] not in mine]
        neighbour_rows = [r for rows in extra.values() for r in rows]
        assert neighbour_rows and all(r.get("station_id") not in (None, home_station) for r in neighbour_rows), \
            {t: rows[0] for t, rows in extra.items() if rows}
        for table in ("referrals", "report_submissions", "village_health_workers", "station_techniques", "staff"):
            assert len({r["station_id"] for r in centre[table] if r.get("station_id")}) == 5, table

        again = as_json(ytcs_process("sync", "--server", url, "--format", "json", env={"YTCS_SYNC_TOKEN": token}))
        assert (again["rejected"], again["conflicts"], again["pulled"]) == (0, 0, 0), again
        assert statuses(data_dir) == before
        register = ytcs_process("centre", "stations")
        assert register.code == 0 and all(code in register.out for code in codes)
    finally:
        stop_server(server)


def test_demo_never_overwrites_a_centre_database_unless_forced(ytcs_process: Runner, data_dir: Path) -> None:
    (data_dir / "centre-server.sqlite3").write_bytes(b"a centre's data")
    refused = ytcs_process("demo", "--months", "1")
    assert refused.code == 2 and len(refused.err_lines) == 1 and "centre-server.sqlite3" in refused.err
    assert sorted(p.name for p in data_dir.iterdir()) == ["centre-server.sqlite3"]
    assert (data_dir / "centre-server.sqlite3").read_bytes() == b"a centre's data"


def test_a_change_neither_side_may_send_stops_the_build(tmp_path: Path) -> None:
    """A demo that disagrees with its centre is a bug: the builder says so instead of leaving refusals."""
    from ytcs_desktop.demo.centre import DemoDisagrees, build_demo_centre
    from ytcs_desktop.demo.people import HOME
    from ytcs_desktop.domain.actor import Actor
    from ytcs_desktop.domain.station_ids import station_id_for
    from ytcs_desktop.domain.stations import add_staff, create_station
    from ytcs_desktop.store.db import Database

    home = station_id_for(HOME)
    db = Database.create(tmp_path / "ytcs.sqlite3", station_id=home, role="station")
    try:
        with db.transaction() as s:
            create_station(s, code=HOME, name="Trạm Y tế phường An Phú", station_id=home)
            staff_id = add_staff(s, Actor("Trạm", "station", home), full_name="Nguyễn Thị Lan", title="nurse").id
        with db.transaction() as s:  # a record moved to another station: no side may do that
            s.connection().exec_driver_sql("UPDATE staff SET station_id = ? WHERE id = ?",
                                           (station_id_for("TYT-BH"), staff_id))
    finally:
        db.close()
    with pytest.raises(DemoDisagrees, match="neither side"):
        build_demo_centre(tmp_path / "ytcs.sqlite3", tmp_path / "centre-server.sqlite3")


def test_readme_names_the_demo_accounts_the_demo_makes() -> None:
    from ytcs_desktop.cli.centre import SERVER_DB_FILENAME
    from ytcs_desktop.demo import centre

    text = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Two commands\n", 1)[1].split("\n## ", 1)[0]
    for name in (*centre.ACCOUNTS.values(), centre.CENTRE_ACCOUNT, centre.DEMO_PASSWORD):
        assert f"`{name}`" in section
    assert f"echo '{centre.DEMO_PASSWORD}' | ytcs login --server {centre.SERVER_URL} --username trungtam" in section
    assert centre.SERVER_FILE == SERVER_DB_FILENAME  # what `ytcs centre serve --data-dir` opens
