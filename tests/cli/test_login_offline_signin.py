"""`ytcs login` keeps the centre's accepted password as this PC's hash, as the window's "Sign in to the
centre" does: a person who logged in once from this PC signs in here with `ytcs signin` afterwards, with
the centre switched off; a wrong password is refused in one line. Accounts the head of station makes with
`ytcs accounts add` reach the centre with `ytcs sync`, which says how many were confirmed or refused. A real
centre server process."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import Runner
from tests.sync.conftest import start_server, stop_server
from ytcs_desktop.domain.accounts import create_first_account
from ytcs_desktop.store.db import Database

HEAD_PASSWORD, NURSE_PASSWORD = "tram truong an phu", "dieu duong an phu 01"


def _add_user(ytcs: Runner, folder: Path, username: str, password: str) -> int:
    old = sys.stdin
    sys.stdin = io.StringIO(password + "\n")
    try:
        return ytcs("centre", "add-user", username, "--role", "station", "--station", "TYT-AP", "--password-stdin",
                    data=folder).code
    finally:
        sys.stdin = old


@pytest.fixture
def centre(tmp_path: Path, ytcs: Runner) -> Iterator[tuple[str, object]]:
    """A centre server process knowing station TYT-AP and its nurse hoa (who has no account on the PC)."""
    folder = tmp_path / "centre-server"
    folder.mkdir()
    assert ytcs("centre", "add-station", "TYT-AP", "Trạm Y tế phường An Phú", data=folder).code == 0
    assert _add_user(ytcs, folder, "hoa", NURSE_PASSWORD) == 0
    assert _add_user(ytcs, folder, "binh", "thu kho an phu 01") == 0  # at the centre only
    proc, base = start_server(f"sqlite:///{folder / 'centre-server.sqlite3'}")
    try:
        yield base, proc
    finally:
        stop_server(proc)


def _head_of_station(data_dir: Path) -> None:
    db = Database.open(data_dir / "ytcs.sqlite3")
    try:
        with db.transaction() as s:  # people sign in on this PC: the head of station's account
            create_first_account(s, role="station", station_id=db.station_id, username="lan",
                                 full_name="Nguyễn Thị Lan", password=HEAD_PASSWORD)
    finally:
        db.close()


def test_a_person_who_logged_in_once_signs_in_offline(centre: tuple[str, object], station: Runner,
                                                       ytcs_process: Runner, data_dir: Path) -> None:
    base, proc = centre
    _head_of_station(data_dir)
    never = ytcs_process("signin", "hoa", env={"YTCS_PASSWORD": NURSE_PASSWORD})
    assert never.code == 2, never  # this PC has never seen hoa's password

    logged = ytcs_process("login", "--server", base, "--username", "hoa", "--password-stdin",
                          "--store-token-in-file", stdin=NURSE_PASSWORD + "\n")
    assert logged.code == 0, logged
    stop_server(proc)  # type: ignore[arg-type]  # the centre is out of reach from here on

    wrong = ytcs_process("signin", "hoa", env={"YTCS_PASSWORD": "sai mat khau roi"})
    assert wrong.code == 2 and len(wrong.err_lines) == 1 and "Traceback" not in wrong.err, wrong
    assert "không đúng" in wrong.err
    signed = ytcs_process("signin", "hoa", env={"YTCS_PASSWORD": NURSE_PASSWORD})
    assert signed.code == 0, signed
    assert "Đã đăng nhập: hoa (nhân viên lâm sàng)" in signed.out
    listed = ytcs_process("accounts", "list", env={"YTCS_LANG": "en"})
    assert listed.code == 0
    row = next(line for line in listed.out.splitlines() if line.split()[:1] == ["hoa"])
    assert row.split()[-2:] == ["yes", "yes"]  # confirmed by the centre, in use


def test_accounts_made_here_reach_the_centre_with_ytcs_sync(centre: tuple[str, object], station: Runner,
                                                             ytcs_process: Runner, data_dir: Path) -> None:
    base, _ = centre
    _head_of_station(data_dir)
    assert ytcs_process("login", "--server", base, "--username", "hoa", "--password-stdin", "--store-token-in-file",
                        stdin=NURSE_PASSWORD + "\n").code == 0
    assert ytcs_process("signin", "lan", env={"YTCS_PASSWORD": HEAD_PASSWORD}).code == 0
    for name, full_name in (("minh", "Trần Văn Minh"), ("binh", "Phạm Văn Bình")):  # binh: someone else's
        made = ytcs_process("accounts", "add", name, "--name", full_name, "--duties", "thu_kho",
                            stdin="thu kho cua tram 01\n")
        assert made.code == 0, made
    synced = ytcs_process("sync")
    assert synced.code == 0, synced
    assert "Trung tâm đã xác nhận 2 tài khoản tạo trên máy này." in synced.out  # lan and minh
    assert "Trung tâm từ chối 1 tài khoản tạo trên máy này: xem lý do bằng `ytcs accounts list`." in synced.err
    listed = ytcs_process("accounts", "list")
    assert "binh: Tên đăng nhập “binh” đã có người khác dùng ở Trung tâm." in listed.out
    confirmed = {line.split()[0]: line for line in listed.out.splitlines()[2:] if line.strip() and ":" not in line}
    assert confirmed["minh"].split()[-2:] == ["có", "có"] and "bị từ chối" in confirmed["binh"]
