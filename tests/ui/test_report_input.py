"""The handover minutes and the weekly report take what the user writes from a dialog: the PDF made
through the reports page holds it, a refusal stays in the dialog under its field, and the next print
starts from the parties entered last, read back from the station database."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.helpers import seed_items, station_actor, type_into
from ytcs_desktop.domain.inventory import receive
from ytcs_desktop.domain.reportdata.remembered import SETTING_PREFIX
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Setting
from ytcs_desktop.ui.dialogs.report_input import ReportInputDialog
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.pages.reports import ReportsPage
from ytcs_desktop.ui.workspace import build_window

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def choose(page: ReportsPage, title: str) -> None:
    names = [page.list.item(i).text() for i in range(page.list.count())]
    page.list.setCurrentRow(names.index(title))


def open_input(page: ReportsPage, qtbot: QtBot, target: Path) -> ReportInputDialog:
    page.save("pdf", target)
    qtbot.waitUntil(lambda: page.input_dialog is not None and page.input_dialog.isVisible(), timeout=5000)
    assert page.input_dialog is not None
    return page.input_dialog


def test_handover_parties_from_the_dialog_reach_the_pdf_and_are_remembered(
        station_window: MainWindow, qtbot: QtBot, tmp_path: Path, make_ctx) -> None:  # type: ignore[no-untyped-def]
    db = station_window.ctx.db
    ids = seed_items(db)
    with db.transaction() as s:
        receive(s, station_actor(db), item_id=ids["PARA500"], lot_no="P-HO1",
                expiry=dt.date.today() + dt.timedelta(days=300), quantity=40, txn_date=dt.date.today())
    page = station_window.open(ReportsPage)
    assert isinstance(page, ReportsPage)
    choose(page, "Biên bản bàn giao")
    target = tmp_path / "ban-giao.pdf"
    dialog = open_input(page, qtbot, target)

    # Only the receiving side and a witness position typed: the domain refuses, under the first field.
    type_into(qtbot, dialog.parties["receiving"].name, "Trần Văn Bình")
    type_into(qtbot, dialog.parties["receiving"].position, "Trưởng trạm")
    type_into(qtbot, dialog.parties["witnesses"].position, "Kế toán")
    type_into(qtbot, dialog.lines["reason"], "Nghỉ thai sản")
    dialog.texts["records"].setPlainText("Sổ khám bệnh 2025\n\nSổ tiêm chủng")
    dialog.save_button.click()
    assert "bên giao" in dialog.form.error_text("handing_over")
    assert dialog.isVisible() and not target.exists()
    type_into(qtbot, dialog.parties["handing_over"].name, "Nguyễn Thị Lan")
    type_into(qtbot, dialog.parties["handing_over"].position, "Dược sĩ")
    dialog.save_button.click()
    assert "người chứng kiến" in dialog.form.error_text("witnesses")
    assert dialog.form.error_text("handing_over") == ""
    assert dialog.parties["receiving"].name.text() == "Trần Văn Bình"  # nothing typed was lost
    type_into(qtbot, dialog.parties["witnesses"].name, "Phạm Thu Hà")

    with qtbot.waitSignal(page.saved, timeout=30_000):
        dialog.save_button.click()
    text = pdf_text(target)
    assert "BIÊN BẢN BÀN GIAO" in text
    for expected in ("Ông/Bà: Nguyễn Thị Lan", "Chức vụ: Dược sĩ", "Ông/Bà: Trần Văn Bình", "Trưởng trạm",
                     "Ông/Bà: Phạm Thu Hà", "NGƯỜI CHỨNG KIẾN", "Lý do bàn giao: Nghỉ thai sản",
                     "- Sổ khám bệnh 2025", "- Sổ tiêm chủng", "P-HO1"):
        assert expected in text, expected
    assert "- \n" not in text  # the blank line typed between the records is no record

    # Kept in the station database's local settings, not in a widget: a new window on the same file has them.
    qtbot.waitUntil(lambda: not station_window.ctx.tasks.is_busy(), timeout=5000)
    with db.read() as s:
        kept = json.loads(s.get(Setting, SETTING_PREFIX + "handover").value)  # type: ignore[union-attr]
    assert kept["handing_over"][0]["name"] == "Nguyễn Thị Lan" and "number" not in kept
    again = build_window(make_ctx(Database.open(db.path)))
    qtbot.addWidget(again)
    page2 = again.open(ReportsPage)
    assert isinstance(page2, ReportsPage)
    choose(page2, "Biên bản bàn giao")
    dialog2 = open_input(page2, qtbot, tmp_path / "lan-2.pdf")
    assert dialog2.parties["handing_over"].name.text() == "Nguyễn Thị Lan"
    assert dialog2.parties["receiving"].position.text() == "Trưởng trạm"
    assert dialog2.parties["witnesses"].name.text() == "Phạm Thu Hà"
    assert dialog2.texts["records"].toPlainText() == "Sổ khám bệnh 2025\nSổ tiêm chủng"
    dialog2.reject()
    again.ctx.db.close()


def test_weekly_free_text_and_a_cancelled_dialog_keeps_what_was_typed(
        station_window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    page = station_window.open(ReportsPage)
    assert isinstance(page, ReportsPage)
    choose(page, "Báo cáo tiến độ tuần")
    target = tmp_path / "tuan.pdf"
    dialog = open_input(page, qtbot, target)
    assert "handing_over" not in dialog.form.fields
    dialog.texts["difficulties"].setPlainText("Thiếu vắc xin BCG tuần 2")
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: page.input_dialog is None, timeout=5000)
    assert not target.exists()

    dialog = open_input(page, qtbot, target)
    assert dialog.texts["difficulties"].toPlainText() == "Thiếu vắc xin BCG tuần 2"
    dialog.texts["proposals"].setPlainText("Đề nghị cấp bổ sung 2 lọ BCG")
    with qtbot.waitSignal(page.saved, timeout=30_000):
        dialog.save_button.click()
    text = pdf_text(target)
    assert "- Thiếu vắc xin BCG tuần 2" in text and "- Đề nghị cấp bổ sung 2 lọ BCG" in text
