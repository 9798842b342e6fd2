"""`ytcs report` as a user runs it: a separate process, no display, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tests.reports.conftest import Fixture, assert_font_embedded, pdf_text
from tests.reports.test_handover import PARTIES
from ytcs_desktop.cli import main


def ytcs(fx: Fixture, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run([sys.executable, "-m", "ytcs_desktop", "--data-dir", str(fx.db.path.parent), *args],
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture(scope="module")
def cli_fx(realistic: Fixture) -> Fixture:
    # `ytcs` opens <data-dir>/ytcs.sqlite3: link the module's database under that name
    link = realistic.out / "ytcs.sqlite3"
    if not link.exists():
        link.symlink_to(realistic.db.path)
    return realistic


def run_main(fx: Fixture, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(fx.db.path.parent), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_list(cli_fx: Fixture, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_main(cli_fx, capsys, "report", "list")
    assert code == 0
    for name in ("handover", "stock-movement", "stock-card", "stock-count", "requisition", "disposal", "vaccine-use",
                 "fridge-temperature", "support-register", "rotation-schedule", "training-register", "weekly"):
        assert name in out


def test_pdf_without_a_display(cli_fx: Fixture) -> None:
    out = cli_fx.out / "cli-movement.pdf"
    res = ytcs(cli_fx, "report", "stock-movement", "--from", "01/01/2026", "--to", "2026-01-31", "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert "trang" in res.stdout
    assert "BÁO CÁO XUẤT – NHẬP – TỒN" in pdf_text(out)
    assert_font_embedded(out)


def test_xlsx_and_one_stock_card(cli_fx: Fixture, capsys: pytest.CaptureFixture[str]) -> None:
    book = cli_fx.out / "cli-movement.xlsx"
    code, _, err = run_main(cli_fx, capsys, "report", "stock-movement", "--from", "2026-01-01", "--to", "2026-01-31",
                            "--out", str(book))
    assert code == 0, err
    assert openpyxl.load_workbook(book).sheetnames == ["Xuất nhập tồn"]
    out = cli_fx.out / "cli-card.pdf"
    code, _, err = run_main(cli_fx, capsys, "report", "stock-card", "--from", "2026-01-01", "--to", "2026-01-31",
                            "--item", "40.62", "--out", str(out))
    assert code == 0, err
    text = pdf_text(out)
    assert "Amoxicilin 500 mg" in text and "Paracetamol" not in text


def test_handover_with_parties_file(cli_fx: Fixture, tmp_path: Path) -> None:
    parties = tmp_path / "parties.json"
    parties.write_text(json.dumps(PARTIES, ensure_ascii=False), encoding="utf-8")
    out = cli_fx.out / "cli-handover.pdf"
    res = ytcs(cli_fx, "report", "handover", "--from", "2026-01-31", "--to", "2026-01-31", "--parties", str(parties),
               "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert "Lê Ỷ Lan" in pdf_text(out)


def test_refusals_are_one_line(cli_fx: Fixture, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def refused(*args: str) -> str:
        code, _, err = run_main(cli_fx, capsys, "report", *args)
        assert code == 2 and err.count("\n") == 1, err
        return err

    assert "bên giao" in refused("handover", "--from", "2026-01-31", "--to", "2026-01-31", "--out",
                                 str(tmp_path / "h.pdf"))
    assert "trước ngày bắt đầu" in refused("weekly", "--from", "2026-01-31", "--to", "2026-01-01")
    assert "chỉ in ra PDF" in refused("weekly", "--from", "2026-01-01", "--to", "2026-01-07", "--out", "x.xlsx")
    assert "KHONG-CO" in refused("stock-card", "--from", "2026-01-01", "--to", "2026-01-07", "--item", "KHONG-CO",
                                 "--out", str(tmp_path / "c.pdf"))
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert "JSON" in refused("handover", "--from", "2026-01-31", "--to", "2026-01-31", "--parties", str(bad))
    assert "không tồn tại" in refused("weekly", "--from", "2026-01-01", "--to", "2026-01-07", "--out",
                                      str(tmp_path / "missing" / "w.pdf"))
    odd = tmp_path / "odd.json"
    odd.write_text(json.dumps(dict(PARTIES, time="chiều nay")), encoding="utf-8")
    assert "2026-01-31T15:30" in refused("handover", "--from", "2026-01-31", "--to", "2026-01-31", "--parties",
                                         str(odd), "--out", str(tmp_path / "h.pdf"))
    assert not list(tmp_path.glob("*.pdf"))
