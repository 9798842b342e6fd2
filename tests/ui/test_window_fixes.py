"""A window a tired nurse can't lose work in: every dialog fits a 1366×768 screen (also at 125 %), a
refusal's message shows whole, search ignores accents, Alt+letter is never ambiguous, a save is
confirmed in the status bar, and Nhập kho proposes neither an item nor an expiry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.helpers import pick, seed_items, station_actor, type_into
from tests.ui.test_dialog_input import FACTORIES, _seeded, press, settle
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.catalogue import upsert_item
from ytcs_desktop.domain.coldchain import add_fridge, current_reading, reading_history, record_reading
from ytcs_desktop.domain.inventory import receive
from ytcs_desktop.domain.text import fold
from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.ui.dialogs.coldchain import CorrectReadingDialog, FridgeDialog
from ytcs_desktop.ui.dialogs.stock_moves import ReceiveDialog
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.models.documents import RequisitionRow
from ytcs_desktop.ui.pages.centre_supply import ShipDialog
from ytcs_desktop.ui.pages.coldchain import ColdChainPage
from ytcs_desktop.ui.pages.stock import StockPage
from ytcs_desktop.ui.pages.stock_onhand import OnHandTab
from ytcs_desktop.ui.widgets.pickers import ChoicePicker

SCREEN_W, SCREEN_H, TASKBAR, TITLE_BAR = 1366, 768, 40, 32


def _ship_60(ctx, ids, lots, parent):  # type: ignore[no-untyped-def]
    """A requisition of 60 approved lines, as a busy station sends before the rainy season."""
    lines = [RequisitionRow(new_id(), f"TH{n:03d}", f"Thuốc số {n} viên nén bao phim 500 mg", "viên", 50, 30.0,
                            200, 150, ids["PARA500"]) for n in range(60)]
    return ShipDialog(ctx, {"id": new_id(), "station": "Trạm Y tế phường An Phú",
                            "station_id": ctx.actor.station_id}, lines, parent)


DIALOGS = {**FACTORIES, "ShipDialog": _ship_60}


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_every_dialog_fits_the_screen_also_at_125_percent(name: str, station_window: MainWindow,
                                                          qtbot: QtBot) -> None:
    ctx = station_window.ctx
    ids, lots_now = _seeded(ctx.db)
    dialog = DIALOGS[name](ctx, ids, lots_now, station_window)
    dialog.open()
    qtbot.waitExposed(dialog)
    settle(qtbot, ctx)
    hint = dialog.sizeHint().expandedTo(dialog.minimumSize())
    for scale in (1.0, 1.25):
        assert (hint.height() + TITLE_BAR) * scale <= SCREEN_H - TASKBAR, f"{name} is {hint.height()} px tall"
        assert hint.width() * scale <= SCREEN_W, f"{name} is {hint.width()} px wide"
    assert dialog.save_button.isVisible() and dialog.cancel_button.isVisible()
    dialog.done(0)


def test_the_ship_dialogs_lines_scroll_and_tab_brings_a_line_into_view(station_window: MainWindow,
                                                                        qtbot: QtBot) -> None:
    ctx = station_window.ctx
    ids, lots_now = _seeded(ctx.db)
    dialog = _ship_60(ctx, ids, lots_now, station_window)
    dialog.open()
    qtbot.waitExposed(dialog)
    area = dialog.lines_area
    assert area.verticalScrollBar().maximum() > 0  # the lines scroll, the dialog does not grow
    last_lot = dialog.rows[-1][1]
    last_lot.setFocus(Qt.FocusReason.TabFocusReason)
    area.ensureWidgetVisible(last_lot)
    top_left = last_lot.mapTo(area.viewport(), QPoint(0, 0))
    assert area.viewport().rect().contains(top_left)
    dialog.done(0)


# ----- a refusal's message shows whole -------------------------------------------------------------------
def shown_whole(label: QLabel, window: QWidget) -> bool:
    """The label has the height its wrapped text needs at its width, inside the window."""
    inside = window.rect().contains(label.mapTo(window, QPoint(label.width() - 1, label.height() - 1)))
    return label.isVisible() and label.heightForWidth(label.width()) <= label.height() and inside


def test_a_long_refusal_under_a_field_shows_whole_in_a_narrow_dialog(station_window: MainWindow,
                                                                       qtbot: QtBot) -> None:
    ctx = station_window.ctx
    name = "Tủ lạnh bảo quản vắc xin tiêm chủng mở rộng số 1 phòng tiêm"
    with ctx.db.transaction() as s:
        add_fridge(s, ctx.actor, name=name)
    dialog = FridgeDialog(ctx, station_window)
    dialog.open()
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog.name, name)
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_text("name") != "", timeout=5000)
    qtbot.wait(50)
    label = dialog.form.errors["name"]
    assert "hãy đặt tên khác" in label.text()  # the half that says what to do
    assert label.heightForWidth(label.width()) > label.fontMetrics().height() * 2  # it wraps: 3 lines or more
    assert shown_whole(label, dialog), (label.geometry(), label.heightForWidth(label.width()), dialog.size())
    dialog.done(0)


# ----- search ignores accents and case -------------------------------------------------------------------
def _items_with_accents(db: Database) -> None:
    """The seeded items and two with accents, each with stock on hand."""
    ids = seed_items(db)
    today = dt.date.today()
    with db.transaction() as s:
        for code, name_, unit in (("MR", "Vắc xin sởi", "liều"), ("GLU5", "Đường glucose 5%", "chai")):
            item, _ = upsert_item(s, Actor("Khoa Dược", "centre"), {
                "code": code, "name": name_, "base_unit": unit, "category": "vaccine" if code == "MR" else "drug"})
            ids[code] = item.id
        for code, item_id in ids.items():
            receive(s, station_actor(db), item_id=item_id, lot_no=f"{code}-1", expiry=today + dt.timedelta(days=400),
                    quantity=20, txn_date=today)


def test_fold() -> None:
    assert fold("Vắc xin sởi") == "vac xin soi" and fold("ĐƯỜNG") == fold("Đường") == "duong"
    assert fold("Va\u0306\u0301c") == "vac"  # typed in decomposed form


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing", "propagateSizeHints")
def test_search_and_pickers_ignore_accents_and_case(station_window: MainWindow, qtbot: QtBot) -> None:
    _items_with_accents(station_window.ctx.db)
    page = station_window.open(StockPage)
    assert isinstance(page, StockPage)
    tab = page.on_hand
    tab.by_item.setChecked(True)
    qtbot.waitUntil(lambda: tab.item_model.rowCount() >= 6, timeout=5000)

    def found(text: str) -> list[str]:
        tab.search.clear()
        qtbot.keyClicks(tab.search, text)
        proxy = tab.item_proxy
        return [proxy.index(r, 1).data() for r in range(proxy.rowCount())]

    assert found("vac xin soi") == ["Vắc xin sởi"]
    assert found("DUONG") == ["Đường glucose 5%"]
    assert found("xin") and all("Vắc xin" in n for n in found("xin"))

    dialog = tab.receive()
    qtbot.waitUntil(lambda: dialog.item.count() >= 6, timeout=5000)
    settle(qtbot, station_window.ctx)
    picker = dialog.item
    assert isinstance(picker, ChoicePicker)
    line = picker.lineEdit()
    assert line is not None
    for typed, wanted in (("vac xin soi", "Vắc xin sởi (MR)"), ("DUONG", "Đường glucose 5% (GLU5)")):
        line.selectAll()
        qtbot.keyClicks(line, typed)
        completions = picker.completer().completionModel()
        assert [completions.index(r, 0).data() for r in range(completions.rowCount())] == [wanted]
        assert picker.completer().popup().isVisible()
        qtbot.keyClick(picker.completer().popup(), Qt.Key.Key_Down)
        qtbot.keyClick(picker.completer().popup(), Qt.Key.Key_Return)
        assert picker.currentText() == wanted and picker.current_id() is not None
    line.selectAll()
    qtbot.keyClicks(line, "vac xin soi (mr)")  # a whole name typed without accents is that item
    assert picker.current_choice() is not None and picker.current_choice().label == "Vắc xin sởi (MR)"
    picker.completer().popup().hide()
    dialog.done(0)


# ----- Alt+letter does one thing ------------------------------------------------------------------------
def mnemonic(text: str) -> str | None:
    """The letter after a single '&' (Alt+that letter), lower-case; None when the text has none."""
    at = 0
    while (at := text.find("&", at)) >= 0 and at + 1 < len(text):
        char = text[at + 1]
        if char == "&":
            at += 2
            continue
        return char.casefold() if char.isalnum() else None
    return None


def window_mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of what answers Alt+letter in the window as it is shown now: menu bar titles,
    visible buttons, group boxes, tabs and labels with a buddy."""
    out: list[tuple[str, str]] = []

    def add(text: str) -> None:
        letter = mnemonic(text)
        if letter:
            out.append((letter, text))

    for bar in window.findChildren(QMenuBar):
        for action in bar.actions():
            if action.isVisible():
                add(action.text())
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractButton):
            add(widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget.title())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            add(widget.text())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add(widget.tabText(i))
    return out


def repeated(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    by_letter: dict[str, list[str]] = {}
    for letter, text in pairs:
        by_letter.setdefault(letter, []).append(text)
    return {k: v for k, v in by_letter.items() if len(v) > 1}


def every_view(window: MainWindow, qtbot: QtBot) -> Iterator[str]:
    """Show each page of the window and, within it, each tab: yields where it is."""
    for n, spec in enumerate(window.specs):
        window.show_page(n)
        page = window.page_at(n)
        qtbot.wait(10)
        tabs = [t for t in page.findChildren(QTabWidget) if t.isVisible()]
        if not tabs:
            yield spec.class_name
        for tab in tabs:
            for i in range(tab.count()):
                tab.setCurrentIndex(i)
                qtbot.wait(10)
                yield f"{spec.class_name} / {tab.tabText(i)}"


def menus_of(window: QWidget) -> list[QMenu]:
    found: list[QMenu] = []
    for bar in window.findChildren(QMenuBar):
        for action in bar.actions():
            if action.menu() is not None:
                found.append(action.menu())
    return found + [m for m in window.findChildren(QMenu) if m not in found]


def check_window(window: MainWindow, qtbot: QtBot) -> list[str]:
    clashes = []
    for where in every_view(window, qtbot):
        for letter, texts in repeated(window_mnemonics(window)).items():
            clashes.append(f"{where}: Alt+{letter.upper()} is {texts}")
    for menu in menus_of(window):
        pairs = [(m, a.text()) for a in menu.actions() if a.isVisible() and (m := mnemonic(a.text()))]
        for letter, texts in repeated(pairs).items():
            clashes.append(f"menu {menu.title()}: {letter.upper()} is {texts}")
    return clashes


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_mnemonic_is_repeated_in_the_station_window(lang: str, make_ctx, station_db: Database,  # type: ignore[no-untyped-def]
                                                       qtbot: QtBot) -> None:
    from ytcs_desktop.ui.workspace import build_window

    window = build_window(make_ctx(station_db, lang=lang))
    qtbot.addWidget(window)
    window.show()
    clashes = check_window(window, qtbot)
    assert not clashes, "\n".join(clashes)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_mnemonic_is_repeated_in_the_centre_window(lang: str, make_ctx, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      qtbot: QtBot) -> None:
    from ytcs_desktop.ui.workspace import build_window

    db = Database.create(tmp_path / "centre.sqlite3", role="centre")
    try:
        window = build_window(make_ctx(db, lang=lang))
        qtbot.addWidget(window)
        window.show()
        clashes = check_window(window, qtbot)
        assert not clashes, "\n".join(clashes)
        window.close()
        window.ctx.tasks.shutdown()
    finally:
        db.close()


def _names_cut(window: MainWindow) -> list[str]:
    """The page names in the navigation that do not fit its width (with the item's padding)."""
    metrics, room = window.nav.fontMetrics(), window.nav.viewport().width() - 2 * 12 - 8
    return [f"{window.nav.item(n).text()}: {metrics.horizontalAdvance(window.nav.item(n).text())} > {room} px"
            for n in range(window.nav.count())
            if metrics.horizontalAdvance(window.nav.item(n).text()) > room]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_name_shows_whole_in_the_navigation(lang: str, make_ctx, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                       qtbot: QtBot) -> None:
    from ytcs_desktop.ui.workspace import build_window

    for role in ("station", "centre"):
        db = Database.create(tmp_path / f"{role}-{lang}.sqlite3", role=role,
                             **({"station_id": new_id()} if role == "station" else {}))
        try:
            window = build_window(make_ctx(db, lang=lang))
            qtbot.addWidget(window)
            window.show()
            qtbot.waitExposed(window)
            assert window.nav.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            assert _names_cut(window) == [], role
            window.close()
            window.ctx.tasks.shutdown()
        finally:
            db.close()


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_no_mnemonic_is_repeated_in_a_dialog(name: str, station_window: MainWindow, qtbot: QtBot) -> None:
    ctx = station_window.ctx
    ids, lots_now = _seeded(ctx.db)
    dialog = FACTORIES[name](ctx, ids, lots_now, station_window)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert repeated(window_mnemonics(dialog)) == {}
    dialog.done(0)


# ----- Nhập kho proposes nothing; a save is confirmed in the status bar -------------------------------------
def _on_hand_with_paracetamol(window: MainWindow, qtbot: QtBot) -> OnHandTab:
    ids = seed_items(window.ctx.db)
    today = dt.date.today()
    with window.ctx.db.transaction() as s:
        receive(s, station_actor(window.ctx.db), item_id=ids["PARA500"], lot_no="P0",
                expiry=today + dt.timedelta(days=300), quantity=10, txn_date=today)
    page = window.open(StockPage)
    assert isinstance(page, StockPage)
    tab = page.on_hand
    qtbot.waitUntil(lambda: tab.lot_model.rowCount() == 1, timeout=5000)
    tab.table.selectRow(0)  # a row selected behind the dialog is not a choice
    assert tab.selected_item_id() == ids["PARA500"]
    return tab


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing", "propagateSizeHints")
def test_receive_proposes_no_item_and_no_expiry_and_the_save_is_confirmed(station_window: MainWindow,
                                                                          qtbot: QtBot) -> None:
    tab = _on_hand_with_paracetamol(station_window, qtbot)
    paracetamol = tab.selected_item_id()
    qtbot.mouseClick(tab.receive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ReceiveDialog), timeout=3000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ReceiveDialog)
    qtbot.waitUntil(lambda: dialog.item.count() > 1, timeout=5000)
    settle(qtbot, station_window.ctx)
    assert dialog.item.currentText() == "" and dialog.item.current_id() is None
    assert dialog.expiry.value() is None and dialog.expiry.displayText() == "__/__/____"

    # Nothing chosen, nothing typed: the item is asked for first, then the expiry, in the user's words.
    type_into(qtbot, dialog.lot_no, "L1")
    type_into(qtbot, dialog.quantity, "100")
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_text("item_id") != "", timeout=5000)
    assert "Chưa chọn mặt hàng" in dialog.form.error_text("item_id")
    pick(dialog.item, "Paracetamol")
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_text("expiry") != "", timeout=5000)
    assert "Chưa nhập hạn dùng" in dialog.form.error_text("expiry")
    assert dialog.focusWidget() is dialog.expiry
    qtbot.keyClicks(dialog.expiry, f"{dt.date.today() + dt.timedelta(days=500):%d%m%Y}")
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    status = station_window.statusBar()
    qtbot.waitUntil(lambda: status.currentMessage() != "", timeout=5000)
    assert status.currentMessage() == "Đã nhập 100 viên Paracetamol 500 mg, lô L1"

    # Beside the line, a link to what was saved: the item's stock card.
    link = station_window.saved_link
    assert link.isVisible() and "Mở thẻ kho" in link.text()
    page = station_window.stack.currentWidget()
    assert isinstance(page, StockPage)
    page.tabs.setCurrentIndex(0)
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton, pos=QPoint(6, link.height() // 2))
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is page.card, timeout=3000)
    qtbot.waitUntil(lambda: page.card.model.rowCount() == 2 and page.card.item.current_id() == paracetamol,
                    timeout=5000)  # the lot received before and the one just saved, on the item's card
    status.clearMessage()
    assert not link.isVisible()  # the link goes with its line


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing", "propagateSizeHints")
def test_receive_this_item_from_the_rows_menu(station_window: MainWindow, qtbot: QtBot) -> None:
    tab = _on_hand_with_paracetamol(station_window, qtbot)
    rect = tab.table.visualRect(tab.table.model().index(0, 1))
    menu = tab._row_menu(rect.center())
    assert menu is not None
    assert [a.text() for a in menu.actions()] == ["Nhập kho mặt hàng này…", "Lịch sử…"]
    menu.close()
    tab.receive_item_action.trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ReceiveDialog), timeout=3000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ReceiveDialog)
    qtbot.waitUntil(lambda: dialog.item.count() > 1, timeout=5000)
    assert dialog.item.currentText() == "Paracetamol 500 mg (PARA500)"
    assert dialog.expiry.value() is None
    dialog.done(0)


# ----- a fridge reading is corrected, the original kept ------------------------------------------------------
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing", "propagateSizeHints")
def test_correct_a_reading_from_the_cold_chain_page(station_window: MainWindow, qtbot: QtBot) -> None:
    ctx = station_window.ctx
    today = dt.date.today()
    with ctx.db.transaction() as s:
        fridge_id = add_fridge(s, ctx.actor, name="Tủ lạnh vắc xin số 1").id
        original = record_reading(s, ctx.actor, fridge_id=fridge_id, reading_date=today, slot="morning",
                                  celsius="45").reading.id  # typed 45 for 4,5
    page = station_window.open(ColdChainPage)
    assert isinstance(page, ColdChainPage)
    qtbot.waitUntil(lambda: page.fridge.current_id() == fridge_id, timeout=5000)
    page.slot.setCurrentIndex(page.slot.findData("morning"))
    qtbot.mouseClick(page.correct_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), CorrectReadingDialog), timeout=3000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, CorrectReadingDialog)
    qtbot.waitUntil(lambda: dialog.current_id == original, timeout=5000)
    assert "45 °C" in dialog.history.text() and "Nguyễn Thị Lan" in dialog.history.text()

    # The reason is asked for; then the correction is saved and the dialog closes.
    type_into(qtbot, dialog.celsius, "4,5")
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_text("reason") != "", timeout=5000)
    type_into(qtbot, dialog.reason, "Go nham 45 thay cho 4,5")
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    with ctx.db.read() as s:
        current = current_reading(s, fridge_id, today, "morning")
        assert current is not None and current.celsius == 4.5 and current.corrects_id == original
        assert [h.celsius for h in reading_history(s, fridge_id, today, "morning")] == [45.0, 4.5]

    def chart_value() -> float | None:
        sheet = page.chart.sheet
        cell = next((d.morning for d in sheet.days if d.day == today), None) if sheet else None
        return cell.celsius if cell else None

    qtbot.waitUntil(lambda: chart_value() == 4.5, timeout=5000)
    assert "số đo gốc vẫn được giữ" in page.message.text()
    qtbot.waitUntil(lambda: station_window.statusBar().currentMessage() != "", timeout=5000)

    # Opened again, the slot's history shows the original beside the correction.
    again = page.correct()
    assert again is not None
    qtbot.waitUntil(lambda: again.current_id is not None and again.current_id != original, timeout=5000)
    assert "45 °C" in again.history.text() and "4,5 °C" in again.history.text()
    assert "Go nham 45 thay cho 4,5" in again.history.text()
    again.done(0)
