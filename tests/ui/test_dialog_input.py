"""Nobody loses what they typed in a dialog: after a refusal Enter submits again (never cancels), and
Esc, Cancel or closing a changed dialog asks first. Real key presses on a real station database."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.helpers import pick, seed_items, set_date, station_actor, type_into
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.coldchain import ActiveQuarantine, add_fridge, list_fridges, record_reading
from ytcs_desktop.domain.inventory import receive
from ytcs_desktop.domain.inventory.stock import ItemBalance, LotBalance, on_hand_by_lot
from ytcs_desktop.domain.programme.calendar import CaseLine, SessionLine
from ytcs_desktop.domain.programme.ratings import Received
from ytcs_desktop.domain.programme.training_plan import PlanItemProgress
from ytcs_desktop.domain.reporting.submissions import SubmissionRow
from ytcs_desktop.domain.stations import StationProfile, add_staff, create_station, station_profile
from ytcs_desktop.domain.techniques import TechniqueView
from ytcs_desktop.domain.vaccines import OpenVial
from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import (
    Referral,
    RotationVisit,
    Staff,
    StationTechnique,
    SupervisionFinding,
    VisitCase,
)
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.coldchain import (
    CloseVialDialog,
    CorrectReadingDialog,
    FridgeDialog,
    OpenVialDialog,
    QuarantineDialog,
)
from ytcs_desktop.ui.dialogs.issue import IssueDialog
from ytcs_desktop.ui.dialogs.local_accounts import NewAccountDialog
from ytcs_desktop.ui.dialogs.programme import (
    ActivityDialog,
    CaseDialog,
    ConclusionDialog,
    ConsultationDialog,
    DocumentDialog,
    IndicatorDialog,
    PlanDialog,
    RatingDialog,
    TrainingLinkDialog,
    TrainingPlanItemDialog,
)
from ytcs_desktop.ui.dialogs.referral import FollowUpDialog, ReferralDialog
from ytcs_desktop.ui.dialogs.report_input import ReportInputDialog
from ytcs_desktop.ui.dialogs.request import MoveDialog, NewRequestDialog
from ytcs_desktop.ui.dialogs.staff import DepartureDialog, StaffDialog
from ytcs_desktop.ui.dialogs.station_profile import StationProfileDialog
from ytcs_desktop.ui.dialogs.stock_level import StockLevelDialog
from ytcs_desktop.ui.dialogs.stock_moves import DisposeDialog, ReceiveDialog, ReverseDialog, TransferDialog
from ytcs_desktop.ui.dialogs.submission import ReviewDialog, SubmissionDialog
from ytcs_desktop.ui.dialogs.supervision import (
    CloseActionDialog,
    FindingDialog,
    ProgressDialog,
    SupervisionVisitDialog,
)
from ytcs_desktop.ui.dialogs.training import AttendeeDialog, SessionDialog
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.models.documents import RequisitionRow
from ytcs_desktop.ui.pages.centre_rotations import CaseOutcomeDialog, OutcomeDialog, RotationsPage, VisitDialog
from ytcs_desktop.ui.pages.centre_stations import NewStationDialog
from ytcs_desktop.ui.pages.centre_supply import ShipDialog
from ytcs_desktop.ui.pages.receipts import ConfirmReceiptDialog
from ytcs_desktop.ui.pages.station_rotations import VisitCaseDialog
from ytcs_desktop.ui.pages.stock import StockPage
from ytcs_desktop.ui.pages.techniques import StageDialog, TechniqueDialog
from ytcs_desktop.ui.pages.village_workers import WorkerDialog
from ytcs_desktop.ui.widgets.dialog import OperationDialog

KEEP, DISCARD = "Tiếp tục nhập", "Bỏ thay đổi"


# ----- driving a dialog by keys -------------------------------------------------------------------
def press(qtbot: QtBot, dialog: QWidget, key: Qt.Key) -> None:
    """A key pressed where the user is: in the dialog's focused field."""
    qtbot.keyClick(dialog.focusWidget() or dialog, key)


def question(qtbot: QtBot) -> QMessageBox:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), timeout=3000)
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    return box


def answer(qtbot: QtBot, box: QMessageBox, label: str) -> None:
    button = next(b for b in box.findChildren(QPushButton) if b.text() == label)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=3000)


def settle(qtbot: QtBot, ctx: AppContext) -> None:
    """Every look-up the dialog started (its pickers' choices) has come in."""
    qtbot.waitUntil(lambda: not ctx.tasks.is_busy(), timeout=5000)
    qtbot.wait(20)


def open_receive(window: MainWindow, qtbot: QtBot) -> ReceiveDialog:
    page = window.page(StockPage)
    assert isinstance(page, StockPage)
    window.show_page(window.index_of(StockPage))
    dialog = page.on_hand.receive()
    qtbot.waitUntil(lambda: dialog.item.count() > 0, timeout=5000)
    settle(qtbot, window.ctx)
    return dialog


def lots(db: Database) -> set[tuple[str, int]]:
    with db.read() as s:
        return {(b.lot_no, b.quantity) for b in on_hand_by_lot(s, db.station_id or "")}


# ----- a refused save keeps the dialog, and Enter submits again --------------------------------------
def test_enter_after_a_refusal_submits_again_and_never_cancels(station_window: MainWindow, qtbot: QtBot) -> None:
    db = station_window.ctx.db
    seed_items(db)
    dialog = open_receive(station_window, qtbot)
    assert not dialog.cancel_button.autoDefault() and dialog.save_button.isDefault()
    pick(dialog.item, "Paracetamol")
    type_into(qtbot, dialog.lot_no, "P-2026")
    type_into(qtbot, dialog.expiry, f"{today + dt.timedelta(days=400):%d%m%Y}")  # no expiry is proposed
    type_into(qtbot, dialog.quantity, "-5")
    dialog.save_button.setFocus()  # the focus on Save while it is disabled for the write must not matter

    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_text("quantity") != "", timeout=5000)
    assert "-5" in dialog.form.error_text("quantity")
    assert dialog.isVisible() and dialog.lot_no.text() == "P-2026" and dialog.quantity.text() == "-5"
    assert dialog.save_button.isDefault() and not dialog.cancel_button.isDefault()
    assert dialog.focusWidget() is dialog.quantity

    # Enter again: refused again, never a cancel.
    dialog.form.clear_errors()
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_text("quantity") != "", timeout=5000)
    settle(qtbot, station_window.ctx)
    assert dialog.isVisible() and dialog.lot_no.text() == "P-2026" and dialog.quantity.text() == "-5"
    assert dialog.save_button.isDefault() and dialog.save_button.isEnabled()
    assert lots(db) == set()

    # Fixed: Enter saves, and the lot is in the database file.
    type_into(qtbot, dialog.quantity, "120")
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert lots(db) == {("P-2026", 120)}
    assert QApplication.activeModalWidget() is None  # a saved dialog asks nothing


def test_a_refusal_before_the_write_keeps_save_the_default(make_ctx, station_db: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    """The check made on the GUI thread (a temperature that is not a number) behaves the same."""
    ctx = make_ctx(station_db)
    line = {"id": new_id(), "item": "Vắc xin BCG", "lot_no": "B1", "quantity": 20, "unit": "liều", "doc_no": "PX-1"}
    dialog = ConfirmReceiptDialog(ctx, line)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog.temperature, "abc")
    dialog.save_button.setFocus()
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.form.error_text("temperature") != "" and dialog.isVisible()
    assert dialog.focusWidget() is dialog.temperature and dialog.save_button.isDefault()
    dialog.form.clear_errors()
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.form.error_text("temperature") != "" and dialog.isVisible()
    assert dialog.temperature.text() == "abc"


# ----- Esc asks on a changed dialog, not on an unchanged one ---------------------------------------
def test_escape_on_a_changed_receipt_asks(station_window: MainWindow, qtbot: QtBot) -> None:
    seed_items(station_window.ctx.db)
    dialog = open_receive(station_window, qtbot)
    pick(dialog.item, "Amoxicilin")
    type_into(qtbot, dialog.lot_no, "A-77")
    type_into(qtbot, dialog.quantity, "40")

    press(qtbot, dialog, Qt.Key.Key_Escape)
    box = question(qtbot)
    assert box.text() == "Bỏ các thay đổi?"
    assert box.defaultButton() is not None and box.defaultButton().text() == KEEP
    qtbot.keyClick(box, Qt.Key.Key_Return)  # a stray Enter keeps the input
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=3000)
    assert dialog.isVisible() and dialog.lot_no.text() == "A-77" and dialog.quantity.text() == "40"
    assert "Amoxicilin" in dialog.item.currentText()

    dialog.cancel_button.click()  # the Cancel button asks too
    answer(qtbot, question(qtbot), KEEP)
    assert dialog.isVisible() and dialog.quantity.text() == "40"

    press(qtbot, dialog, Qt.Key.Key_Escape)
    answer(qtbot, question(qtbot), DISCARD)
    assert not dialog.isVisible()
    assert lots(station_window.ctx.db) == set()


def test_closing_the_window_of_a_changed_dialog_asks(station_window: MainWindow, qtbot: QtBot) -> None:
    seed_items(station_window.ctx.db)
    dialog = open_receive(station_window, qtbot)
    type_into(qtbot, dialog.lot_no, "X1")
    assert not dialog.close()
    answer(qtbot, question(qtbot), KEEP)
    assert dialog.isVisible() and dialog.lot_no.text() == "X1"


def test_escape_on_an_unchanged_dialog_closes_at_once(station_window: MainWindow, qtbot: QtBot) -> None:
    """Its pickers' choices arrived after it opened (opened from the toolbar, the item picker proposes
    no item): that is no change."""
    seed_items(station_window.ctx.db)
    dialog = open_receive(station_window, qtbot)
    assert dialog.item.count() > 1 and dialog.item.currentText() == ""
    assert not dialog.is_changed()
    press(qtbot, dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert QApplication.activeModalWidget() is None


def test_a_typed_change_put_back_is_no_change(station_window: MainWindow, qtbot: QtBot) -> None:
    seed_items(station_window.ctx.db)
    dialog = open_receive(station_window, qtbot)
    type_into(qtbot, dialog.doc_no, "PN-1")
    assert dialog.is_changed()
    dialog.doc_no.clear()
    press(qtbot, dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_question_speaks_the_window_language(make_ctx, station_db: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(station_db, lang="en")
    dialog = FridgeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog.name, "Fridge 2")
    press(qtbot, dialog, Qt.Key.Key_Escape)
    box = question(qtbot)
    assert box.text() == "Discard your changes?"
    assert {b.text() for b in box.findChildren(QPushButton)} >= {"Discard", "Keep editing"}
    answer(qtbot, box, "Discard")
    assert not dialog.isVisible()


# ----- every dialog of the station's and the centre's windows ---------------------------------------
def _seeded(db: Database) -> tuple[dict[str, str], list[LotBalance]]:
    ids = seed_items(db)
    actor, today = station_actor(db), dt.date.today()
    with db.transaction() as s:
        receive(s, actor, item_id=ids["PARA500"], lot_no="P1", expiry=today + dt.timedelta(days=300), quantity=50,
                txn_date=today)
        receive(s, actor, item_id=ids["BCG"], lot_no="B1", expiry=today + dt.timedelta(days=200), quantity=40,
                txn_date=today)
    with db.read() as s:
        return ids, on_hand_by_lot(s, db.station_id or "")


Factory = Callable[[AppContext, dict[str, str], list[LotBalance], QWidget], OperationDialog]


def _staff_member(ctx: AppContext) -> Staff:
    """A midwife of the station's staff directory, as the profile page's list hands her to a dialog."""
    from ytcs_desktop.domain.staff_directory import save_staff

    with ctx.db.transaction() as s:
        return save_staff(s, ctx.actor, None, {"full_name": "Lê Thị Mai", "title": "midwife",
                                               "licence_no": f"CCHN-{new_id()[-12:]}", "grade_step": 3})
now = dt.datetime.now()
today = dt.date.today()

FACTORIES: dict[str, Factory] = {
    "ReceiveDialog": lambda ctx, ids, lots, p: ReceiveDialog(ctx, ids["PARA500"], p),
    "IssueDialog": lambda ctx, ids, lots, p: IssueDialog(ctx, ids["PARA500"], p),
    "TransferDialog": lambda ctx, ids, lots, p: TransferDialog(ctx, lots[0], p),
    "DisposeDialog": lambda ctx, ids, lots, p: DisposeDialog(ctx, lots[0], p),
    "ReverseDialog": lambda ctx, ids, lots, p: ReverseDialog(ctx, new_id(), "Nhập kho P1 — 50 viên", p),
    "StockLevelDialog": lambda ctx, ids, lots, p: StockLevelDialog(
        ctx, ItemBalance(ids["PARA500"], "PARA500", "Paracetamol 500 mg", "viên", "drug", 50, 200, 0, None), p),
    "StaffDialog": lambda ctx, ids, lots, p: StaffDialog(ctx, p),
    "StaffDialog-edit": lambda ctx, ids, lots, p: StaffDialog(ctx, p, _staff_member(ctx)),
    "DepartureDialog": lambda ctx, ids, lots, p: DepartureDialog(ctx, _staff_member(ctx), p),
    "SessionDialog": lambda ctx, ids, lots, p: SessionDialog(ctx, p),
    "AttendeeDialog": lambda ctx, ids, lots, p: AttendeeDialog(ctx, new_id(), p),
    "FridgeDialog": lambda ctx, ids, lots, p: FridgeDialog(ctx, p),
    "QuarantineDialog-release": lambda ctx, ids, lots, p: QuarantineDialog(ctx, ActiveQuarantine(
        new_id(), lots[1].lot_id, "B1", "Vắc xin BCG", lots[1].expiry, 40, None, "frozen", None, now), True, p),
    "QuarantineDialog-dispose": lambda ctx, ids, lots, p: QuarantineDialog(ctx, ActiveQuarantine(
        new_id(), lots[1].lot_id, "B1", "Vắc xin BCG", lots[1].expiry, 40, None, "frozen", None, now), False, p),
    "OpenVialDialog": lambda ctx, ids, lots, p: OpenVialDialog(ctx, p),
    "CloseVialDialog": lambda ctx, ids, lots, p: CloseVialDialog(ctx, OpenVial(
        new_id(), lots[1].lot_id, "Vắc xin BCG", "B1", now, now + dt.timedelta(hours=6), None, 20, False), p),
    "NewRequestDialog": lambda ctx, ids, lots, p: NewRequestDialog(ctx, p),
    "MoveDialog-rejected": lambda ctx, ids, lots, p: MoveDialog(ctx, new_id(), "rejected", p),
    "MoveDialog-scheduled": lambda ctx, ids, lots, p: MoveDialog(ctx, new_id(), "scheduled", p),
    "MoveDialog-rated": lambda ctx, ids, lots, p: MoveDialog(ctx, new_id(), "rated", p),
    "ConfirmReceiptDialog": lambda ctx, ids, lots, p: ConfirmReceiptDialog(ctx, {
        "id": new_id(), "item": "Vắc xin BCG", "lot_no": "B2", "quantity": 20, "unit": "liều", "doc_no": None}, p),
    "VisitDialog": lambda ctx, ids, lots, p: VisitDialog(ctx, p),
    "OutcomeDialog": lambda ctx, ids, lots, p: OutcomeDialog(ctx, RotationVisit(purpose="Hỗ trợ siêu âm"), p),
    "ShipDialog": lambda ctx, ids, lots, p: ShipDialog(
        ctx, {"id": new_id(), "station": "Trạm Y tế phường An Phú", "station_id": ctx.actor.station_id},
        [RequisitionRow(new_id(), "PARA500", "Paracetamol 500 mg", "viên", 50, 30.0, 200, 150, ids["PARA500"])], p),
    "ReportInputDialog-handover": lambda ctx, ids, lots, p: ReportInputDialog(
        ctx, "handover", "Biên bản bàn giao", today, None, p),
    "StationProfileDialog": lambda ctx, ids, lots, p: StationProfileDialog(ctx, _profile(ctx), p),
    "NewStationDialog": lambda ctx, ids, lots, p: NewStationDialog(ctx, p),
    "CorrectReadingDialog": lambda ctx, ids, lots, p: CorrectReadingDialog(
        ctx, _fridge_read_this_morning(ctx), "Tủ lạnh vắc xin số 1", today, "morning", p),
    "VisitCaseDialog": lambda ctx, ids, lots, p: VisitCaseDialog(ctx, new_id(), p),
    "CaseOutcomeDialog": lambda ctx, ids, lots, p: CaseOutcomeDialog(
        ctx, VisitCase(id=new_id(), kind="case", patient_ref="BN-1203", description="Tăng huyết áp"), p),
    "TechniqueDialog": lambda ctx, ids, lots, p: TechniqueDialog(ctx, p),
    "StageDialog": lambda ctx, ids, lots, p: StageDialog(ctx, TechniqueView(StationTechnique(
        id=new_id(), name="Khâu vết thương", specialty="surgery", status="planned",
        station_id=ctx.actor.station_id), "Trạm Y tế phường An Phú", ""), p),
    "WorkerDialog": lambda ctx, ids, lots, p: WorkerDialog(ctx, p),
    "PlanDialog": lambda ctx, ids, lots, p: PlanDialog(ctx, None, p),
    "ActivityDialog": lambda ctx, ids, lots, p: ActivityDialog(ctx, None, None, p),
    "IndicatorDialog": lambda ctx, ids, lots, p: IndicatorDialog(ctx, None, p),
    "ConsultationDialog": lambda ctx, ids, lots, p: ConsultationDialog(ctx, p),
    "CaseDialog": lambda ctx, ids, lots, p: CaseDialog(ctx, SessionLine(
        new_id(), today, "14:00", "online", None, "https://meet.example.vn/hc", "Hội chẩn tháng này", "BS. Bảy",
        "planned", "", None, ()), p),
    "ConclusionDialog": lambda ctx, ids, lots, p: ConclusionDialog(ctx, CaseLine(
        new_id(), new_id(), "YC-2026-0001", "Ca sốt kéo dài", "Trạm Y tế phường An Phú", ""), p),
    "RatingDialog": lambda ctx, ids, lots, p: RatingDialog(
        ctx, Received("rotation", new_id(), today, "Khám bệnh không lây nhiễm", None, ""), p),
    "TrainingPlanItemDialog": lambda ctx, ids, lots, p: TrainingPlanItemDialog(ctx, None, p),
    "DocumentDialog": lambda ctx, ids, lots, p: DocumentDialog(ctx, p),
    "TrainingLinkDialog": lambda ctx, ids, lots, p: TrainingLinkDialog(ctx, PlanItemProgress(
        new_id(), today.year, 2, "Phòng Điều dưỡng", "Vệ sinh tay", "", "hands_on", "", 20, 0, 0), p),
    "ReferralDialog": lambda ctx, ids, lots, p: ReferralDialog(ctx, p),
    "FollowUpDialog": lambda ctx, ids, lots, p: FollowUpDialog(ctx, Referral(
        id=new_id(), number="CT-2026-0001", patient_ref="BN-1", reason="Đau bụng cấp", destination="BV tỉnh",
        status="arrived"), p),
    "SupervisionVisitDialog": lambda ctx, ids, lots, p: SupervisionVisitDialog(ctx, p),
    "FindingDialog": lambda ctx, ids, lots, p: FindingDialog(ctx, new_id(), ["hand_hygiene"], p),
    "ProgressDialog": lambda ctx, ids, lots, p: ProgressDialog(ctx, _finding(), p),
    "CloseActionDialog": lambda ctx, ids, lots, p: CloseActionDialog(ctx, _finding(), p),
    "SubmissionDialog": lambda ctx, ids, lots, p: SubmissionDialog(ctx, p),
    "ReviewDialog-returned": lambda ctx, ids, lots, p: ReviewDialog(ctx, _submission(), "returned", p),
    "ReviewDialog-acknowledged": lambda ctx, ids, lots, p: ReviewDialog(ctx, _submission(), "acknowledged", p),
    "NewAccountDialog": lambda ctx, ids, lots, p: NewAccountDialog(ctx, p),
}


def _submission() -> SubmissionRow:
    return SubmissionRow(new_id(), new_id(), "TYT-AP", "Trạm Y tế phường An Phú", "weekly", today, today,
                         now.astimezone(), "Nguyễn Thị Lan", "submitted", None, None, None, None, None,
                         {"requests_opened": 2}, ["Thiếu nhân lực"], [])


def _finding() -> SupervisionFinding:
    return SupervisionFinding(id=new_id(), area="hand_hygiene", finding="Thiếu dung dịch sát khuẩn",
                              action="Bổ sung tại buồng tiêm", owner="ĐD. Mai", due_date=today, status="open")


def _fridge_read_this_morning(ctx: AppContext) -> str:
    """A fridge with this morning's reading (made once per database)."""
    with ctx.db.transaction() as s:
        fridges = list_fridges(s, ctx.actor.station_id or "")
        if fridges:
            return fridges[0].id
        fridge_id = add_fridge(s, ctx.actor, name="Tủ lạnh vắc xin số 1").id
        record_reading(s, ctx.actor, fridge_id=fridge_id, reading_date=today, slot="morning", celsius="45")
        return fridge_id


def _profile(ctx: AppContext) -> StationProfile:
    with ctx.db.read() as s:
        return station_profile(s, ctx.actor)


def _change_one_field(qtbot: QtBot, dialog: OperationDialog) -> None:
    """Type into the first text field (a spin box when the dialog has none), as a user would."""
    inputs = dialog.inputs()
    text = next((w for w in inputs if isinstance(w, (QLineEdit, QPlainTextEdit)) and w.isEnabled()), None)
    if text is not None:
        text.setFocus()
        qtbot.keyClicks(text, "abc")
        return
    spin = next((w for w in inputs if isinstance(w, QAbstractSpinBox)), None)
    if spin is None:  # a dialog of pickers only: type into the first searchable one
        line = next(w.lineEdit() for w in inputs if isinstance(w, QComboBox) and w.lineEdit() is not None)
        assert line is not None
        line.setFocus()
        qtbot.keyClicks(line, "abc")
        return
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Up)


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_every_dialog_asks_before_dropping_a_change(name: str, station_window: MainWindow, qtbot: QtBot) -> None:
    ctx = station_window.ctx
    ids, lots_now = _seeded(ctx.db)
    make = FACTORIES[name]

    # Unchanged (its choices loaded after it opened): Esc closes at once.
    dialog = make(ctx, ids, lots_now, station_window)
    dialog.open()
    qtbot.waitExposed(dialog)
    settle(qtbot, ctx)
    assert dialog.save_button.isDefault()
    assert all(not b.autoDefault() for b in dialog.buttons.findChildren(QPushButton) if b is not dialog.save_button)
    press(qtbot, dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and QApplication.activeModalWidget() is None

    # Changed: Esc asks; keep editing keeps it, discard closes it.
    dialog = make(ctx, ids, lots_now, station_window)
    dialog.open()
    qtbot.waitExposed(dialog)
    settle(qtbot, ctx)
    _change_one_field(qtbot, dialog)
    assert dialog.is_changed()
    press(qtbot, dialog, Qt.Key.Key_Escape)
    if not dialog.asks_before_discarding:  # the reports page keeps the input as the next draft
        assert not dialog.isVisible()
        return
    answer(qtbot, question(qtbot), KEEP)
    assert dialog.isVisible() and dialog.is_changed()
    press(qtbot, dialog, Qt.Key.Key_Escape)
    answer(qtbot, question(qtbot), DISCARD)
    assert not dialog.isVisible()


def test_every_operation_dialog_is_covered() -> None:
    """A new dialog joins the list above (LotDialog is only the base of transfer and disposal). Every module
    of the window is imported first: a dialog whose module no test imported would escape the check."""
    import ytcs_desktop.ui

    for module in pkgutil.walk_packages(ytcs_desktop.ui.__path__, "ytcs_desktop.ui."):
        importlib.import_module(module.name)

    def subclasses(cls: type) -> set[str]:
        out = set()
        for sub in cls.__subclasses__():
            out |= {sub.__name__} | subclasses(sub)
        return out

    covered = {n.split("-")[0] for n in FACTORIES} | {"LotDialog"}
    assert subclasses(OperationDialog) <= covered


# ----- the centre's "Lên lịch" ----------------------------------------------------------------------
@pytest.fixture
def centre_window(tmp_path: Path, make_ctx, qtbot: QtBot):  # type: ignore[no-untyped-def]
    db = Database.create(tmp_path / "centre.sqlite3", role="centre")
    with db.transaction() as s:
        create_station(s, code="TYT-AP", name="Trạm Y tế phường An Phú", station_id=new_id())
        add_staff(s, Actor("Khoa Dược", "centre"), full_name="BS. Lê Minh Tâm", title="Bác sĩ")
    window = build_centre(make_ctx(db, user="BS. Lê Minh Tâm"), qtbot)
    yield window
    db.close()


def build_centre(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    from ytcs_desktop.ui.workspace import build_window

    window = build_window(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def test_centre_visit_refused_then_enter_submits_again(centre_window: MainWindow, qtbot: QtBot) -> None:
    page = centre_window.open(RotationsPage)
    assert isinstance(page, RotationsPage)
    dialog = page.plan()
    qtbot.waitUntil(lambda: dialog.staff.count() > 0 and dialog.station.count() > 0, timeout=5000)
    settle(qtbot, centre_window.ctx)
    type_into(qtbot, dialog.purpose, "Ho tro sieu am")
    start = today + dt.timedelta(days=7)
    set_date(dialog.date_from, start)
    set_date(dialog.date_to, start - dt.timedelta(days=2))  # ends before it starts

    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_text("date_to") != "", timeout=5000)
    assert dialog.isVisible() and dialog.purpose.text() == "Ho tro sieu am"
    assert dialog.focusWidget() is dialog.date_to or dialog.date_to.isAncestorOf(dialog.focusWidget())
    dialog.form.clear_errors()
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_text("date_to") != "", timeout=5000)
    settle(qtbot, centre_window.ctx)
    assert dialog.isVisible() and dialog.purpose.text() == "Ho tro sieu am" and dialog.save_button.isDefault()

    set_date(dialog.date_to, start + dt.timedelta(days=3))
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    with centre_window.ctx.db.read() as s:
        assert [v.purpose for v in s.scalars(select(RotationVisit))] == ["Ho tro sieu am"]
