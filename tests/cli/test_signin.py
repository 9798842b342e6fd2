"""The command line acts as a signed-in person: `ytcs signin USER` (password asked, piped, or from
$YTCS_PASSWORD), commands that write carry that person and their duties, nobody signed in refuses a
write and says to run `ytcs signin`; `ytcs signout`. A database without accounts works as before."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from tests.cli.conftest import Runner, snapshot
from ytcs_desktop.domain.accounts import create_account, create_first_account
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import AuditEntry, StockTransaction

HEAD_PASSWORD, NURSE_PASSWORD = "tram truong an phu", "dieu duong an phu"


def _items(ytcs: Runner, tmp_path: Path) -> None:
    items = tmp_path / "items.csv"
    items.write_text("\ufeffMã,Tên,Đơn vị,Loại\nAMOX500,Amoxicillin 500mg,viên,thuốc\n", encoding="utf-8")
    assert ytcs("items", "import", str(items)).code == 0


def _accounts(data_dir: Path) -> None:
    db = Database.open(data_dir / "ytcs.sqlite3")
    try:
        with db.transaction() as s:
            head = create_first_account(s, role="station", station_id=db.station_id, username="lan",
                                        full_name="Nguyễn Thị Lan", password=HEAD_PASSWORD)
            create_account(s, Actor(head.full_name, "station", db.station_id, head.duties, "lan"), username="hoa",
                           full_name="Lê Thị Hoa", password=NURSE_PASSWORD, duties=["lam_sang"])
    finally:
        db.close()


def _receive(run: Runner, lot: str, **kw: object) -> object:
    return run("stock", "receive", "--item", "AMOX500", "--lot", lot, "--expiry", "2030-01-31", "--qty", "30", **kw)


def test_commands_act_as_the_person_signed_in(station: Runner, ytcs_process: Runner, data_dir: Path,
                                              tmp_path: Path) -> None:
    _items(station, tmp_path)
    assert _receive(station, "A0").code == 0  # type: ignore[attr-defined]  # no accounts yet: as before
    _accounts(data_dir)

    before = snapshot(station)  # reading needs nobody signed in
    refused = _receive(ytcs_process, "A1")
    assert refused.code == 2 and "ytcs signin" in refused.err and len(refused.err_lines) == 1  # type: ignore[attr-defined]
    assert snapshot(station) == before

    wrong = ytcs_process("signin", "hoa", env={"YTCS_PASSWORD": "sai mat khau"})
    assert wrong.code == 2 and "không đúng" in wrong.err
    signed = ytcs_process("signin", "hoa", env={"YTCS_PASSWORD": NURSE_PASSWORD})
    assert signed.code == 0 and "Lê Thị Hoa (nhân viên lâm sàng)" in signed.out, signed.err
    assert _receive(ytcs_process, "A1").code == 0  # type: ignore[attr-defined]

    # a clinical account may count but not approve the count; the refusal names who may
    assert ytcs_process("stock", "count", "start").code == 0
    assert ytcs_process("stock", "count", "enter", "--item", "AMOX500", "--lot", "A0", "--qty", "30").code == 0
    assert ytcs_process("stock", "count", "enter", "--item", "AMOX500", "--lot", "A1", "--qty", "30").code == 0
    approve = ytcs_process("stock", "count", "approve", env={"YTCS_LANG": "en"})
    assert approve.code == 2 and "Only the head of station or stock keeper / pharmacist may approve" in approve.err

    # the head signs in from a pipe (no terminal) and approves
    head = ytcs_process("signin", "lan", stdin=HEAD_PASSWORD + "\n")
    assert head.code == 0 and "Nguyễn Thị Lan (trạm trưởng)" in head.out, head.err
    assert ytcs_process("stock", "count", "approve").code == 0

    out = ytcs_process("signout")
    assert out.code == 0 and "Đã đăng xuất" in out.out
    assert _receive(ytcs_process, "A2").code == 2  # type: ignore[attr-defined]

    db = Database.open(data_dir / "ytcs.sqlite3")
    try:
        with db.read() as s:
            rows = s.scalar(select(func.count()).select_from(StockTransaction))
            people = s.scalars(select(AuditEntry.person).where(AuditEntry.table_name == "stock_transactions")
                               .order_by(AuditEntry.at)).all()
            counts = s.scalars(select(AuditEntry.person).where(AuditEntry.table_name == "stock_counts")).all()
    finally:
        db.close()
    assert rows == 2  # A0 before the accounts, A1 by the nurse; nothing while nobody was signed in
    assert people[1:] == ["Lê Thị Hoa"]
    assert set(counts) == {"Lê Thị Hoa", "Nguyễn Thị Lan"}  # started by the nurse, approved by the head


def test_signin_where_there_are_no_accounts_says_none_is_needed(station: Runner) -> None:
    result = station("signin", "lan")
    assert result.code == 2 and "không cần đăng nhập" in result.err


def test_the_head_of_station_makes_and_disables_accounts(station: Runner, ytcs_process: Runner,
                                                         data_dir: Path) -> None:
    _accounts(data_dir)
    assert ytcs_process("signin", "hoa", env={"YTCS_PASSWORD": NURSE_PASSWORD}).code == 0
    nurse = ytcs_process("accounts", "add", "mai", "--name", "Phạm Thị Mai", "--duties", "thu_kho",
                         stdin="kho thuoc cua mai\n")
    assert nurse.code == 2 and "Chỉ trạm trưởng mới được tạo tài khoản" in nurse.err

    assert ytcs_process("signin", "lan", env={"YTCS_PASSWORD": HEAD_PASSWORD}).code == 0
    weak = ytcs_process("accounts", "add", "mai", "--name", "Phạm Thị Mai", "--duties", "thu_kho", stdin="12345678\n")
    assert weak.code == 2 and "danh sách mật khẩu" in weak.err
    made = ytcs_process("accounts", "add", "mai", "--name", "Phạm Thị Mai", "--duties", "thu_kho,lam_sang",
                        stdin="kho thuoc cua mai\n")
    assert made.code == 0 and "chờ Trung tâm xác nhận" in made.out, made.err
    listed = ytcs_process("accounts", "list", env={"YTCS_LANG": "en"})
    assert listed.code == 0
    row = next(line for line in listed.out.splitlines() if line.startswith("mai "))
    assert "Phạm Thị Mai" in row and "stock keeper / pharmacist or clinical staff" in row and " no " in row

    assert ytcs_process("accounts", "disable", "hoa").code == 0
    refused = ytcs_process("signin", "hoa", env={"YTCS_PASSWORD": NURSE_PASSWORD})
    assert refused.code == 2 and "đã bị khóa" in refused.err
    own = ytcs_process("accounts", "disable", "lan")
    assert own.code == 2 and "chính mình" in own.err
    assert ytcs_process("signin", "mai", env={"YTCS_PASSWORD": "kho thuoc cua mai"}).code == 0
