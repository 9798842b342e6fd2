"""`ytcs stock receive | issue | on-hand` as written in the contract, and every refusal: one line on
stderr, exit 2, and the database exactly as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import Result, Runner, copy_database, snapshot
from ytcs_desktop import cli

CSV = "code,name,unit,category,doses\nPARA500,Paracetamol 500mg,viên,drug,\nBCG,Vắc xin BCG,liều,vaccine,20\n"


@pytest.fixture(scope="session")
def stocked_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A station with Paracetamol in two lots (L-SHORT expires first), built once per session."""
    folder = tmp_path_factory.mktemp("stocked")
    path = folder / "items.csv"
    path.write_text(CSV, encoding="utf-8")
    for args in (
        ["init", "--station-code", "TYT-AP", "--station-name", "Trạm Y tế phường An Phú"],
        ["items", "import", str(path)],
        ["stock", "receive", "--item", "PARA500", "--lot", "L-2027", "--expiry", "2027-06-30", "--qty", "100",
         "--date", "2026-01-05", "--doc", "PN-001"],
        ["stock", "receive", "--item", "PARA500", "--lot", "L-SHORT", "--expiry", "2026-03-31", "--qty", "40",
         "--date", "2026-01-05"],
    ):
        assert cli.main([*args, "--data-dir", str(folder)]) == 0
    return folder / "ytcs.sqlite3"


@pytest.fixture
def stocked(ytcs: Runner, stocked_template: Path, data_dir: Path) -> Runner:
    copy_database(stocked_template, data_dir)
    return ytcs


def on_hand(ytcs: Runner) -> dict[str, int]:
    result = ytcs("stock", "on-hand", "--format", "json")
    assert result.code == 0, result.err
    return {row["lot"]: row["quantity"] for row in json.loads(result.out)}


def refused(ytcs: Runner, *args: str) -> Result:
    before = snapshot(ytcs)
    result = ytcs(*args)
    assert result.code == 2, (result.out, result.err)
    assert len(result.err_lines) == 1, result.err
    assert result.err_lines[0].startswith("ytcs")
    assert snapshot(ytcs) == before
    return result


def test_receive_issue_fefo_and_on_hand(stocked: Runner) -> None:
    assert on_hand(stocked) == {"L-2027": 100, "L-SHORT": 40}
    result = stocked("stock", "issue", "--item", "PARA500", "--qty", "50", "--date", "2026-02-01")
    assert result.code == 0, result.err
    assert "L-SHORT: 40" in result.out and "L-2027: 10" in result.out  # first expiry, first out
    assert on_hand(stocked) == {"L-2027": 90}
    table = stocked("stock", "on-hand")
    assert table.code == 0
    assert "Paracetamol 500mg" in table.out and "L-2027" in table.out and "Hạn dùng" in table.out
    english = stocked("stock", "on-hand", "--lang", "en")
    assert "Expiry" in english.out


def test_issue_out_of_fefo_order_needs_reason(stocked: Runner) -> None:
    result = refused(stocked, "stock", "issue", "--item", "PARA500", "--qty", "5", "--lot", "L-2027",
                     "--date", "2026-02-01")
    assert "FEFO" in result.err
    ok = stocked("stock", "issue", "--item", "PARA500", "--qty", "5", "--lot", "L-2027", "--reason",
                 "Người bệnh cần hộp nguyên", "--date", "2026-02-01")
    assert ok.code == 0, ok.err
    assert on_hand(stocked) == {"L-2027": 95, "L-SHORT": 40}


@pytest.mark.parametrize(
    "args",
    [
        ("stock", "receive", "--item", "NOPE", "--lot", "A", "--expiry", "2027-01-01", "--qty", "5"),
        ("stock", "issue", "--item", "NOPE", "--qty", "5"),
        ("stock", "receive", "--item", "PARA500", "--lot", "A", "--expiry", "2027-01-01", "--qty", "0"),
        ("stock", "receive", "--item", "PARA500", "--lot", "A", "--expiry", "2027-01-01", "--qty", "-5"),
        ("stock", "receive", "--item", "PARA500", "--lot", "A", "--expiry", "2027-01-01", "--qty", "abc"),
        ("stock", "receive", "--item", "PARA500", "--lot", "A", "--expiry", "2027-01-01", "--qty", "1.5"),
        ("stock", "receive", "--item", "PARA500", "--lot", "A", "--expiry", "2027-01-01", "--qty", "9" * 25),
        ("stock", "issue", "--item", "PARA500", "--qty", "10000001"),
        ("stock", "issue", "--item", "PARA500", "--qty", "0"),
        ("stock", "issue", "--item", "PARA500", "--qty", "-3"),
        ("stock", "receive", "--item", "PARA500", "--lot", "A", "--expiry", "2026-13-01", "--qty", "5"),
        ("stock", "receive", "--item", "PARA500", "--lot", "A", "--expiry", "abc", "--qty", "5"),
        ("stock", "receive", "--item", "PARA500", "--lot", "A", "--expiry", "2027-01-01", "--qty", "5", "--date",
         "2026-02-30"),
        ("stock", "issue", "--item", "PARA500", "--qty", "5", "--date", "abc"),
        ("stock", "receive", "--item", "PARA500", "--lot", " ", "--expiry", "2027-01-01", "--qty", "5"),
        # the same lot number with another expiry date
        ("stock", "receive", "--item", "PARA500", "--lot", "L-2027", "--expiry", "2028-01-01", "--qty", "5"),
        ("stock", "issue", "--item", "PARA500", "--qty", "141", "--date", "2026-02-01"),  # over-issue
        ("stock", "issue", "--item", "PARA500", "--qty", "101", "--lot", "L-2027", "--reason", "x", "--date",
         "2026-04-10"),  # over-issue of one lot
        ("stock", "issue", "--item", "PARA500", "--qty", "5", "--lot", "L-SHORT", "--date", "2026-04-10"),  # expired
        ("stock", "issue", "--item", "PARA500", "--qty", "5", "--lot", "NO-SUCH-LOT"),
        ("stock", "issue", "--item", "PARA500", "--qty", "5", "--date", "2026-01-01"),  # before the receipt
        ("stock", "on-hand", "--format", "xml"),
        ("stock", "receive", "--item", "PARA500", "--lot", "A", "--qty", "5"),  # --expiry missing
        ("stock", "issue", "--item", "PARA500", "--qty", "5", "--bogus"),
        ("stock",),
        ("stock", "levels", "--item", "PARA500"),  # neither levels nor --clear
        ("stock", "levels", "--item", "PARA500", "--min", "5", "--clear"),
        ("stock", "levels", "--item", "PARA500", "--min", "50", "--max", "40"),
        ("stock", "levels", "--item", "PARA500", "--min", "-1"),
        ("stock", "levels", "--item", "PARA500", "--min", "nhiều"),
        ("stock", "levels", "--item", "NOPE", "--min", "1"),
    ],
)
def test_bad_input_refused_and_nothing_written(stocked: Runner, args: tuple[str, ...]) -> None:
    refused(stocked, *args)


def test_levels_set_then_back_to_the_catalogue(stocked: Runner) -> None:
    done = stocked("stock", "levels", "--item", "PARA500", "--min", "150", "--max", "600")
    assert done.code == 0, done.err
    assert "tối thiểu 150, tối đa 600" in done.out
    again = stocked("stock", "levels", "--item", "PARA500", "--clear", "--lang", "en")
    assert again.code == 0 and "catalogue's levels apply" in again.out


def test_expired_lot_message_is_actionable_in_both_languages(stocked: Runner) -> None:
    args = ("stock", "issue", "--item", "PARA500", "--qty", "5", "--lot", "L-SHORT", "--date", "2026-04-10")
    vi = refused(stocked, *args)
    en = refused(stocked, *args, "--lang", "en")
    assert "hết hạn" in vi.err.lower()
    assert "expired" in en.err.lower()


def test_no_database_yet(ytcs: Runner, data_dir: Path) -> None:
    for args in (("stock", "on-hand"), ("stock", "issue", "--item", "X", "--qty", "1"), ("export",), ("check",),
                 ("request", "list")):
        result = ytcs(*args)
        assert result.code == 2 and len(result.err_lines) == 1
        assert "ytcs init" in result.err
    assert list(data_dir.iterdir()) == []  # nothing created


def test_console_script_round_trip(ytcs_process: Runner, ytcs: Runner, tmp_path: Path) -> None:
    """The installed `ytcs` script, in Vietnamese by default and English with YTCS_LANG=en."""
    assert ytcs("init", "--station-code", "TYT-BH", "--station-name", "Trạm Y tế phường Bình Hòa").code == 0
    items = tmp_path / "items.csv"
    items.write_text("\ufeffMã,Tên,Đơn vị,Loại\nAMOX500,Amoxicillin 500mg,viên,thuốc\n", encoding="utf-8")
    assert ytcs_process("items", "import", str(items)).code == 0
    ok = ytcs_process("stock", "receive", "--item", "AMOX500", "--lot", "A1", "--expiry", "2030-01-31", "--qty", "30")
    assert ok.code == 0 and "Đã nhập 30 viên" in ok.out
    before = snapshot(ytcs)
    bad = ytcs_process("stock", "issue", "--item", "AMOX500", "--qty", "31", env={"YTCS_LANG": "en"})
    assert bad.code == 2 and bad.err_lines == [bad.err.strip()] and "Not enough stock" in bad.err
    assert snapshot(ytcs) == before
    listing = ytcs("stock", "on-hand", "--format", "json")
    assert json.loads(listing.out)[0]["quantity"] == 30
