"""`ytcs login` on an empty data folder: the PC joins the centre (a real server process), or, on any
refusal, says what to do in one line, exits 2 and leaves no data folder behind. The register: a station
added at the centre is on the centre's desktop before the station ever syncs."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import Runner
from tests.sync.conftest import start_server, stop_server
from ytcs_desktop.domain.station_ids import station_id_for

PASSWORD = "matkhau-01"


@pytest.fixture
def centre(tmp_path: Path, ytcs: Runner) -> Iterator[tuple[str, Path]]:
    """A centre server process with one station, a station account and a centre account."""
    folder = tmp_path / "centre-server"
    folder.mkdir()
    assert ytcs("centre", "add-station", "TYT-AP", "Trạm Y tế phường An Phú", data=folder).code == 0
    assert _add_user(ytcs, folder, "ap.lan", "--role", "station", "--station", "TYT-AP") == 0
    assert _add_user(ytcs, folder, "kehoach", "--role", "centre") == 0
    proc, base = start_server(f"sqlite:///{folder / 'centre-server.sqlite3'}")
    try:
        yield base, folder
    finally:
        stop_server(proc)


def _add_user(ytcs: Runner, folder: Path, *args: str) -> int:
    import io
    import sys

    old = sys.stdin
    sys.stdin = io.StringIO(PASSWORD + "\n")
    try:
        return ytcs("centre", "add-user", *args, "--password-stdin", data=folder).code
    finally:
        sys.stdin = old


def _login(ytcs_process: Runner, base: str, user: str, pc: Path, password: str = PASSWORD) -> object:
    return ytcs_process("login", "--server", base, "--username", user, "--password-stdin", "--store-token-in-file",
                        data=pc, stdin=password + "\n")


def test_a_station_pc_and_the_centre_desktop_join_from_empty_folders(centre: tuple[str, Path], tmp_path: Path,
                                                                      ytcs_process: Runner) -> None:
    base, _ = centre
    desk = tmp_path / "centre-desktop"
    joined = _login(ytcs_process, base, "kehoach", desk)
    assert joined.code == 0, joined  # type: ignore[attr-defined]
    assert ytcs_process("sync", data=desk).code == 0
    with sqlite3.connect(desk / "ytcs.sqlite3") as conn:  # registered, never synced: already there
        assert conn.execute("SELECT code, name FROM stations").fetchall() == [("TYT-AP", "Trạm Y tế phường An Phú")]
        assert conn.execute("SELECT value FROM sync_meta WHERE key = 'role'").fetchone() == ("centre",)

    pc = tmp_path / "ap-pc1"
    assert _login(ytcs_process, base, "ap.lan", pc).code == 0  # type: ignore[attr-defined]
    assert ytcs_process("sync", data=pc).code == 0
    with sqlite3.connect(pc / "ytcs.sqlite3") as conn:
        assert conn.execute("SELECT id, code FROM stations").fetchall() == [(station_id_for("TYT-AP"), "TYT-AP")]
    status = json.loads(ytcs_process("sync", "status", "--format", "json", data=pc).out)
    assert status["rejected"] == 0 and status["username"] == "ap.lan"


@pytest.mark.parametrize("case", ["wrong password", "unknown user", "no server"])
def test_a_refused_join_leaves_no_data_folder(centre: tuple[str, Path], tmp_path: Path, ytcs_process: Runner,
                                              case: str) -> None:
    base, _ = centre
    pc = tmp_path / "pc"
    user, password = ("ap.lan", "sai-mat-khau") if case == "wrong password" else ("ai-do", PASSWORD)
    if case == "no server":
        base = "http://127.0.0.1:9"
    result = ytcs_process("login", "--server", base, "--username", user, "--password-stdin", data=pc,
                          stdin=password + "\n")
    assert result.code == 2, result
    assert len(result.err_lines) == 1 and "Traceback" not in result.err
    assert not pc.exists()


def test_the_register_lists_stations_and_accounts(centre: tuple[str, Path], ytcs: Runner) -> None:
    _, folder = centre
    stations = json.loads(ytcs("centre", "stations", "--format", "json", data=folder).out)
    assert [(s["code"], s["id"], s["pcs"]) for s in stations] == [("TYT-AP", station_id_for("TYT-AP"), 0)]
    users = json.loads(ytcs("centre", "users", "--format", "json", data=folder).out)
    assert {(u["username"], u["role"], u["station"]) for u in users} == {
        ("ap.lan", "station", "TYT-AP"), ("kehoach", "centre", None)}
    again = ytcs("centre", "add-station", "TYT-AP", "Trùng mã", data=folder)
    assert again.code == 2 and "TYT-AP" in again.err


def test_a_station_set_up_alone_enrols_with_its_header_and_licence(centre: tuple[str, Path], tmp_path: Path,
                                                                   ytcs_process: Runner) -> None:
    base, folder = centre
    pc = tmp_path / "ap-alone"
    assert ytcs_process("init", "--station-code", "TYT-AP", "--station-name", "TYT An Phú", data=pc).code == 0
    assert ytcs_process("station", "set", "--parent-org", "UBND phường An Phú", "--licence-no", "125/BD-GPHĐ",
                        "--licence-date", "2019-06-01", "--licence-issuer", "Sở Y tế tỉnh Bình Dương",
                        "--contact-name", "Lê Thị Hoa", data=pc).code == 0
    assert _login(ytcs_process, base, "ap.lan", pc).code == 0  # type: ignore[attr-defined]
    assert ytcs_process("sync", data=pc).code == 0
    status = json.loads(ytcs_process("sync", "status", "--format", "json", data=pc).out)
    assert status["rejected"] == 0 and status["conflicts"] == 0, status
    # the register's table gives the station's last sync as a person reads a moment, not as ISO text
    line = next(ln for ln in ytcs_process("centre", "stations", data=folder).out.splitlines() if "TYT-AP" in ln)
    assert re.search(r"\d\d/\d\d/\d{4} \d\d:\d\d", line) and "+00:00" not in line, line

    desk = tmp_path / "centre-desktop"
    assert _login(ytcs_process, base, "kehoach", desk).code == 0  # type: ignore[attr-defined]
    assert ytcs_process("sync", data=desk).code == 0
    row = ("TYT-AP", "Trạm Y tế phường An Phú", "UBND phường An Phú", "125/BD-GPHĐ", "Lê Thị Hoa")
    query = "SELECT code, name, parent_org, licence_no, contact_name FROM stations"
    with sqlite3.connect(desk / "ytcs.sqlite3") as conn:  # the centre's name stands; what it lacked is filled
        assert conn.execute(query).fetchall() == [row]
    assert ytcs_process("sync", data=pc).code == 0
    with sqlite3.connect(pc / "ytcs.sqlite3") as conn:
        assert conn.execute(query).fetchall() == [row]


def test_an_account_of_another_station_never_takes_a_registration_over(centre: tuple[str, Path], tmp_path: Path,
                                                                       ytcs: Runner, ytcs_process: Runner) -> None:
    base, folder = centre
    assert ytcs("centre", "add-station", "TYT-BH", "Trạm Y tế phường Bình Hòa", data=folder).code == 0
    assert _add_user(ytcs, folder, "bh.minh", "--role", "station", "--station", "TYT-BH") == 0
    pc = tmp_path / "ap-alone"
    assert ytcs_process("init", "--station-code", "TYT-AP", "--station-name", "TYT An Phú", data=pc).code == 0
    wrong = _login(ytcs_process, base, "bh.minh", pc)
    assert wrong.code == 2 and "TYT-AP" in wrong.err and "Traceback" not in wrong.err, wrong  # type: ignore[attr-defined]
    stations = json.loads(ytcs("centre", "stations", "--format", "json", data=folder).out)
    assert {s["code"]: s["id"] for s in stations}["TYT-BH"] == station_id_for("TYT-BH")
    assert _login(ytcs_process, base, "ap.lan", pc).code == 0  # type: ignore[attr-defined]
