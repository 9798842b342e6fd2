"""The referral and supervision workflows in the window, driven by key presses on real dialogs over a
real SQLite file: a station records a referral (a missing reason is refused and nothing typed is lost)
and reports progress on an open action shown on its overview; the centre follows a referral to its end,
records a supervision visit with its checklist scores and closes an action on evidence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.helpers import pick
from ytcs_desktop.domain import referrals, supervision
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.stations import create_station
from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Referral, SupervisionFinding, SupervisionScore, SupervisionVisit
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.operations import ALL_AREAS
from ytcs_desktop.ui.pages.centre_referrals import ReferralRegisterPage
from ytcs_desktop.ui.pages.centre_supervision import SupervisionPage
from ytcs_desktop.ui.pages.overview import OverviewPage
from ytcs_desktop.ui.pages.referrals import ReferralsPage
from ytcs_desktop.ui.widgets.dialog import OperationDialog

CENTRE = Actor("BS. Trần Văn Hùng", "centre", None)


def press(qtbot: QtBot, dialog: QWidget, key: Qt.Key) -> None:
    qtbot.keyClick(dialog.focusWidget() or dialog, key)


def settle(qtbot: QtBot, ctx: AppContext) -> None:
    qtbot.waitUntil(lambda: not ctx.tasks.is_busy(), timeout=5000)
    qtbot.wait(20)


def saved(qtbot: QtBot, dialog: OperationDialog) -> None:
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)


def select_row(qtbot: QtBot, view: object, model: object, row: int = 0) -> None:
    qtbot.waitUntil(lambda: model.rowCount() > row, timeout=5000)  # type: ignore[attr-defined]
    view.selectRow(row)  # type: ignore[attr-defined]


# ----- the station --------------------------------------------------------------------------------------
def test_station_records_a_referral_refused_without_a_reason(station_window: MainWindow, qtbot: QtBot) -> None:
    db = station_window.ctx.db
    page = station_window.open(ReferralsPage)
    assert isinstance(page, ReferralsPage)
    dialog = page.record()
    qtbot.waitExposed(dialog)
    dialog.patient_ref.setFocus()
    qtbot.keyClicks(dialog.patient_ref, "BN-20931")
    dialog.icd10.setFocus()
    qtbot.keyClicks(dialog.icd10, "k358")
    dialog.destination.setFocus()
    dialog.destination.insert("Bệnh viện Đa khoa tỉnh – Khoa Ngoại")
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_text("reason") != "", timeout=5000)
    assert "lý do chuyển tuyến" in dialog.form.error_text("reason")
    assert dialog.isVisible() and dialog.patient_ref.text() == "BN-20931" and dialog.icd10.text() == "k358"
    assert dialog.focusWidget() is dialog.reason

    dialog.reason.insertPlainText("Đau bụng hố chậu phải 12 giờ, sốt 38,5 °C, nghi viêm ruột thừa")
    pick(dialog.urgency, "Khẩn")
    dialog.form.clear_errors()
    press(qtbot, dialog, Qt.Key.Key_Tab)  # out of the text box, where Enter is a new line
    assert dialog.focusWidget() is dialog.icd10
    saved(qtbot, dialog)
    with db.read() as s:
        (r,) = referrals.list_referrals(s, db.station_id)
    assert (r.patient_ref, r.icd10, r.urgency, r.status) == ("BN-20931", "K35.8", "urgent", "sent")
    assert r.reason.startswith("Đau bụng hố chậu phải") and r.referred_by == "Nguyễn Thị Lan"
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.model.index(0, 0).data() == r.number


def _visit_with_action(db: Database) -> str:
    with db.transaction() as s:
        visit = supervision.record_visit(s, CENTRE, station_id=str(db.station_id),
                                         visit_date=dt.date.today() - dt.timedelta(days=20),
                                         areas=["medical_waste"], team="Phòng Điều dưỡng")
        return supervision.add_finding(s, CENTRE, visit.id, area="medical_waste",
                                       finding="Chưa có sổ giao nhận chất thải", action="Lập sổ giao nhận",
                                       owner="ĐD. Lê Thị Mai", due_date=dt.date.today() - dt.timedelta(days=1)).id


def test_station_sees_its_open_action_and_records_progress(station_window: MainWindow, qtbot: QtBot) -> None:
    db = station_window.ctx.db
    fid = _visit_with_action(db)
    station_window.ctx.ops.announce(ALL_AREAS)  # as a pull that brought the visit does; the overview may have loaded
    overview = station_window.open(OverviewPage)
    assert isinstance(overview, OverviewPage)
    card = overview.cards["open_actions"]
    qtbot.waitUntil(lambda: "Lập sổ giao nhận" in card.lines.text(), timeout=5000)
    assert "Chưa khắc phục" in card.lines.text()

    page = station_window.open(ReferralsPage)
    assert isinstance(page, ReferralsPage)
    select_row(qtbot, page.actions_table, page.actions_model)
    dialog = page.progress()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # nothing written: refused, it stays
    qtbot.waitUntil(lambda: dialog.form.error_text("progress_note") != "", timeout=5000)
    dialog.note.insertPlainText("Đã lập sổ, chờ đơn vị thu gom ký")
    dialog.form.clear_errors()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    with db.read() as s:
        row = s.get(SupervisionFinding, fid)
        assert row is not None and row.status == "in_progress"
        assert row.progress_note == "Đã lập sổ, chờ đơn vị thu gom ký"
    qtbot.waitUntil(lambda: "Đang khắc phục" in card.lines.text(), timeout=5000)


# ----- the centre ---------------------------------------------------------------------------------------
@pytest.fixture
def centre(tmp_path: Path, make_ctx, qtbot: QtBot) -> Iterator[tuple[MainWindow, str]]:  # type: ignore[no-untyped-def]
    from ytcs_desktop.ui.workspace import build_window

    db = Database.create(tmp_path / "centre.sqlite3", role="centre")
    sid = new_id()
    with db.transaction() as s:
        create_station(s, code="TYT-AP", name="Trạm Y tế phường An Phú", station_id=sid)
    window = build_window(make_ctx(db, user="BS. Trần Văn Hùng"))
    qtbot.addWidget(window)
    window.show()
    yield window, sid
    db.close()


def test_centre_follows_a_referral_to_its_end(centre: tuple[MainWindow, str], qtbot: QtBot) -> None:
    window, sid = centre
    db = window.ctx.db
    nurse = Actor("Nguyễn Thị Lan", "station", sid)
    with db.transaction() as s:
        rid = referrals.record_referral(s, nurse, patient_ref="BN-7", reason="Khó thở, SpO2 90%",
                                        destination="Bệnh viện Phổi").id
    page = window.open(ReferralRegisterPage)
    assert isinstance(page, ReferralRegisterPage)
    select_row(qtbot, page.table, page.model)
    dialog = page.follow_up()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    pick(dialog.step, "Người bệnh đã đến")
    saved(qtbot, dialog)
    with db.read() as s:
        assert s.get(Referral, rid).status == "arrived"  # type: ignore[union-attr]

    qtbot.waitUntil(lambda: page.model.index(0, 8).data() == "Người bệnh đã đến", timeout=5000)
    select_row(qtbot, page.table, page.model)
    dialog = page.follow_up()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.step.currentData() == "closed"
    dialog.outcome.setFocus()
    dialog.outcome.insertPlainText("Viêm phổi, điều trị 5 ngày, ổn định")
    press(qtbot, dialog, Qt.Key.Key_Tab)
    press(qtbot, dialog, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.needed
    press(qtbot, dialog, Qt.Key.Key_Return)  # no judgement yet: refused under its field
    qtbot.waitUntil(lambda: dialog.form.error_text("needed") != "", timeout=5000)
    assert dialog.outcome.toPlainText() == "Viêm phổi, điều trị 5 ngày, ổn định"
    pick(dialog.needed, "Có")
    dialog.advice.insertPlainText("Cho thở oxy trên đường chuyển")
    dialog.form.clear_errors()
    dialog.needed.setFocus()
    saved(qtbot, dialog)
    with db.read() as s:
        r = s.get(Referral, rid)
        assert r is not None and r.status == "closed" and r.needed is True and r.closed_by == "BS. Trần Văn Hùng"
        (counts,) = referrals.referral_counts(s, dt.date.today(), dt.date.today())
        assert counts.unnecessary_share == 0.0


def test_centre_records_a_supervision_visit_and_closes_an_action(centre: tuple[MainWindow, str],
                                                                 qtbot: QtBot) -> None:
    window, sid = centre
    db = window.ctx.db
    page = window.open(SupervisionPage)
    assert isinstance(page, SupervisionPage)
    dialog = page.record()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.station.count() > 0 and len(dialog.lines) > 0, timeout=5000)
    settle(qtbot, window.ctx)
    assert not dialog.is_changed()
    pick(dialog.station, "An Phú")
    box = dialog.area_boxes["hand_hygiene"]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()
    hand = [line for line in dialog.lines if line.area == "hand_hygiene"]
    assert all(not dialog.table.isRowHidden(n) for n, line in enumerate(dialog.lines) if line.area == "hand_hygiene")
    assert all(dialog.table.isRowHidden(n) for n, line in enumerate(dialog.lines) if line.area == "drug_storage")
    dialog.set_score(hand[0].id, 0)
    dialog.set_score(hand[1].id, None)
    press(qtbot, dialog, Qt.Key.Key_Return)  # no team: refused, the scores stay
    qtbot.waitUntil(lambda: dialog.form.error_text("team") != "", timeout=5000)
    assert dialog.score_boxes[hand[0].id].currentData() == 0
    dialog.team.setFocus()
    dialog.team.insert("ĐD. Phạm Thu Trang, Phòng Điều dưỡng")
    dialog.form.clear_errors()
    saved(qtbot, dialog)
    with db.read() as s:
        (visit,) = s.query(SupervisionVisit).all()
        scores = {sc.item_id: sc.score for sc in s.query(SupervisionScore).filter_by(visit_id=visit.id)}
        (area,) = supervision.area_scores(s, visit.id)
    assert visit.station_id == sid and visit.areas == "hand_hygiene" and scores[hand[0].id] == 0
    assert scores[hand[1].id] is None and (area.points, area.max_points) == (2 * (len(hand) - 2), 2 * (len(hand) - 1))

    select_row(qtbot, page.visits_table, page.visits)
    finding = page.add_finding()
    assert finding is not None
    qtbot.waitExposed(finding)
    finding.finding.setFocus()
    finding.finding.insertPlainText("Thiếu dung dịch sát khuẩn tay nhanh tại buồng tiêm")
    finding.action.insertPlainText("Bổ sung bình sát khuẩn tại buồng tiêm")
    finding.owner.setFocus()
    finding.owner.insert("ĐD. Lê Thị Mai")
    saved(qtbot, finding)

    select_row(qtbot, page.actions_table, page.actions_model)
    closing = page.close_action()
    assert closing is not None
    qtbot.waitExposed(closing)
    closing.closed_on.setFocus()
    press(qtbot, closing, Qt.Key.Key_Return)  # no evidence note: refused
    qtbot.waitUntil(lambda: closing.form.error_text("evidence_note") != "", timeout=5000)
    assert "minh chứng" in closing.form.error_text("evidence_note") and closing.isVisible()
    closing.evidence.insertPlainText("Kiểm tra trực tiếp: đã có bình sát khuẩn")
    closing.form.clear_errors()
    closing.closed_on.setFocus()
    saved(qtbot, closing)
    with db.read() as s:
        (row,) = s.query(SupervisionFinding).all()
        assert row.status == "closed" and row.evidence_note == "Kiểm tra trực tiếp: đã có bình sát khuẩn"
    assert QApplication.activeModalWidget() is None
