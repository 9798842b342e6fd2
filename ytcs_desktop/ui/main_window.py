"""The workspace window: a navigation list, the pages, the sync indicator. Pages do the work."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from ytcs_desktop.domain.inventory.summary import MovementLine, movement_lines
from ytcs_desktop.store.models import StockTransaction
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.models.base import fmt_number
from ytcs_desktop.ui.pages.base import Page

PageFactory = Callable[[AppContext], Page]
SAVED_MESSAGE_MS = 15_000  # long enough to be read after the dialog closes

# The status line after a saved stock movement: %1 quantity, %2 unit, %3 item, %4 lot(s).
MOVEMENT_TEXTS: dict[str, object] = {
    "receipt": QT_TRANSLATE_NOOP("Saved", "Received %1 %2 %3, lot %4"),
    "transfer_in": QT_TRANSLATE_NOOP("Saved", "Received %1 %2 %3, lot %4"),
    "issue": QT_TRANSLATE_NOOP("Saved", "Issued %1 %2 %3, lot %4"),
    "transfer_out": QT_TRANSLATE_NOOP("Saved", "Transferred %1 %2 %3 to another station, lot %4"),
    "disposal": QT_TRANSLATE_NOOP("Saved", "Disposed of %1 %2 %3, lot %4"),
    "reversal": QT_TRANSLATE_NOOP("Saved", "Reversed %1 %2 %3, lot %4"),
    "": QT_TRANSLATE_NOOP("Saved", "Saved: %1 %2 %3, lot %4"),
}
# The status line after any other saved write, by the operation's name.
SAVED_TEXTS: dict[str, object] = {
    "add_comment": QT_TRANSLATE_NOOP("Saved", "Comment sent"),
    "add_finding": QT_TRANSLATE_NOOP("Saved", "Finding and corrective action saved"),
    "add_fridge": QT_TRANSLATE_NOOP("Saved", "Fridge added"),
    "acknowledge_report": QT_TRANSLATE_NOOP("Saved", "Report acknowledged"),
    "add_staff": QT_TRANSLATE_NOOP("Saved", "Staff member added"),
    "add_station": QT_TRANSLATE_NOOP("Saved", "Station added"),
    "approve_requisition": QT_TRANSLATE_NOOP("Saved", "Requisition approved"),
    "clear_stock_level": QT_TRANSLATE_NOOP("Saved", "Stock levels saved"),
    "close_action": QT_TRANSLATE_NOOP("Saved", "Corrective action closed"),
    "close_vial": QT_TRANSLATE_NOOP("Saved", "Vial closed"),
    "correct_reading": QT_TRANSLATE_NOOP("Saved", "Reading corrected; the original is kept in its history"),
    "create_request": QT_TRANSLATE_NOOP("Saved", "Support request saved"),
    "create_requisition": QT_TRANSLATE_NOOP("Saved", "Requisition created"),
    "create_session": QT_TRANSLATE_NOOP("Saved", "Training session saved"),
    "dispose_quarantined": QT_TRANSLATE_NOOP("Saved", "Quarantined lot disposed of"),
    "enter_counts": QT_TRANSLATE_NOOP("Saved", "Counts saved"),
    "follow_up_referral": QT_TRANSLATE_NOOP("Saved", "Referral follow-up saved"),
    "mark_held": QT_TRANSLATE_NOOP("Saved", "Training session marked as held"),
    "move_request": QT_TRANSLATE_NOOP("Saved", "Support request updated"),
    "open_vial": QT_TRANSLATE_NOOP("Saved", "Vial opened"),
    "plan_visit": QT_TRANSLATE_NOOP("Saved", "Rotation visit planned"),
    "record_attendance": QT_TRANSLATE_NOOP("Saved", "Attendee added"),
    "record_progress": QT_TRANSLATE_NOOP("Saved", "Progress on the action saved"),
    "record_reading": QT_TRANSLATE_NOOP("Saved", "Fridge reading saved"),
    "record_referral": QT_TRANSLATE_NOOP("Saved", "Referral saved"),
    "record_supervision": QT_TRANSLATE_NOOP("Saved", "Supervision visit saved"),
    "record_visit": QT_TRANSLATE_NOOP("Saved", "Visit outcome saved"),
    "reject_requisition": QT_TRANSLATE_NOOP("Saved", "Requisition rejected"),
    "release_quarantine": QT_TRANSLATE_NOOP("Saved", "Lot released from quarantine"),
    "set_requested": QT_TRANSLATE_NOOP("Saved", "Requested quantities saved"),
    "return_report": QT_TRANSLATE_NOOP("Saved", "Report returned to the station"),
    "set_stock_level": QT_TRANSLATE_NOOP("Saved", "Stock levels saved"),
    "submit_report": QT_TRANSLATE_NOOP("Saved", "Report sent to the centre at the next sync"),
    "ship": QT_TRANSLATE_NOOP("Saved", "Shipment sent to the station"),
    "start_count": QT_TRANSLATE_NOOP("Saved", "Stock count started"),
    "update_profile": QT_TRANSLATE_NOOP("Saved", "Station profile saved"),
    "add_activity": QT_TRANSLATE_NOOP("Saved", "Activity added to the plan"),
    "add_case": QT_TRANSLATE_NOOP("Saved", "Case added to the consultation"),
    "add_document": QT_TRANSLATE_NOOP("Saved", "Document recorded"),
    "add_indicator": QT_TRANSLATE_NOOP("Saved", "Indicator added to the plan"),
    "add_plan_item": QT_TRANSLATE_NOOP("Saved", "Training added to the plan"),
    "create_plan": QT_TRANSLATE_NOOP("Saved", "Support plan saved"),
    "mark_consultation_held": QT_TRANSLATE_NOOP("Saved", "Consultation marked as held"),
    "rate_activity": QT_TRANSLATE_NOOP("Saved", "Rating saved"),
    "record_conclusion": QT_TRANSLATE_NOOP("Saved", "Conclusion saved"),
    "schedule_consultation": QT_TRANSLATE_NOOP("Saved", "Consultation scheduled"),
    "link_training": QT_TRANSLATE_NOOP("Saved", "Training session linked to the plan"),
    "": QT_TRANSLATE_NOOP("Saved", "Saved"),
}
SAVED_QUIETLY = frozenset({"remember_report_input"})  # kept for the next print, not a record saved


@dataclass(frozen=True)
class PageSpec:
    """A page of the navigation: built (and its module imported) only when first shown."""

    class_name: str
    title: str
    factory: PageFactory


class MainWindow(QMainWindow):
    """Signals: `page_changed(int)`; `language_requested(str)` when the user picks a language;
    `restore_requested(str)` with a backup file the user confirmed restoring; `switch_user_requested()`,
    `sign_out_requested()`, `lock_requested()` from the File menu (enabled once a person is signed in)."""

    page_changed = Signal(int)
    language_requested = Signal(str)
    restore_requested = Signal(str)
    switch_user_requested = Signal()
    sign_out_requested = Signal()
    lock_requested = Signal()

    def __init__(self, ctx: AppContext, specs: Sequence[PageSpec], title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.specs = list(specs)
        self._built: dict[int, Page] = {}
        self.setWindowTitle(title)
        self.resize(1366, 768)
        self.setMinimumSize(QSize(1000, 640))
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        # Wide enough for the longest page name (Vắc xin & dây chuyền lạnh); never a scroll bar under the
        # list: at a larger text size a long name is shortened with "…" and shown whole in its tooltip.
        self.nav.setFixedWidth(248)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setSpacing(1)
        self.nav.setStyleSheet(
            "QListWidget#navigation { background: #f3f5f7; border: none; font-size: 11pt; padding-top: 8px; }"
            "QListWidget#navigation::item { padding: 8px 12px; }"
            "QListWidget#navigation::item:selected { background: #d7e6f5; color: #0b3d66;"
            " border-left: 4px solid #1f6fb2; }"
        )
        self.stack = QStackedWidget()
        for number, spec in enumerate(self.specs, start=1):
            self.stack.addWidget(QWidget())  # replaced by the page when first shown
            item = QListWidgetItem(spec.title)
            item.setToolTip(f"{spec.title} (Ctrl+{number})" if number < 10 else spec.title)
            self.nav.addItem(item)
            if number < 10:
                action = QAction(self)
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
                action.triggered.connect(lambda _=False, n=number - 1: self.show_page(n))
                self.addAction(action)
        self.nav.currentRowChanged.connect(self._on_nav)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._menus()
        # Beside a saved stock movement's line: a link to the stock it changed (the line itself is a message).
        self.saved_link = QLabel()
        self.saved_link.setObjectName("saved_link")
        self.saved_link.setTextFormat(Qt.TextFormat.RichText)
        self.saved_link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.saved_link.linkActivated.connect(self._open_saved)
        self.saved_link.hide()
        self._saved_text = ""
        self._saved_item: str | None = None
        self.statusBar().insertPermanentWidget(0, self.saved_link)
        self.statusBar().messageChanged.connect(
            lambda text: self.saved_link.setVisible(bool(text) and text == self._saved_text
                                                    and bool(self.saved_link.text())))
        ctx.ops.saved.connect(self.confirm_saved)
        if self.specs:
            self.show_page(0)

    # ----- pages ----------------------------------------------------------------------------------
    def page_at(self, index: int) -> Page:
        page = self._built.get(index)
        if page is None:
            page = self.specs[index].factory(self.ctx)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            link = getattr(page, "open_page", None)
            if link is not None:
                link.connect(self.show_page_named)
            restore = getattr(page, "restore_requested", None)
            if restore is not None:
                restore.connect(self.restore_requested)
            self._built[index] = page
        return page

    def preload(self, class_names: Sequence[str], delay_ms: int = 1200) -> None:
        """Build the most-used pages and start their loads in the background once the window has
        settled, so they open at once when clicked."""

        def run() -> None:
            for name in class_names:
                for n, spec in enumerate(self.specs):
                    if spec.class_name == name:
                        self.page_at(n).activate()

        QTimer.singleShot(delay_ms, self, run)

    @property
    def pages(self) -> list[Page]:
        """Every page (building those not yet shown)."""
        return [self.page_at(i) for i in range(len(self.specs))]

    def index_of(self, cls: type[Page]) -> int:
        for n, spec in enumerate(self.specs):
            if spec.class_name == cls.__name__:
                return n
        raise KeyError(cls.__name__)

    def page(self, cls: type[Page]) -> Page:
        """The page of a class, built if needed (tests and cross-page links)."""
        return self.page_at(self.index_of(cls))

    def open(self, cls: type[Page]) -> Page:
        """Show the page of a class and return it."""
        index = self.index_of(cls)
        self.show_page(index)
        return self.page_at(index)

    def _menus(self) -> None:
        bar = self.menuBar()
        # Alt+letter of a menu differs from every button's (tests/ui/test_window_fixes.py checks each page).
        file_menu = bar.addMenu(self.tr("&File"))
        self.sync_action = QAction(self.tr("&Sync now"), self)
        self.sync_action.setShortcut(QKeySequence("F9"))
        file_menu.addAction(self.sync_action)
        self.sign_in_action = QAction(self.tr("Sign &in to the centre…"), self)
        self.sign_in_action.triggered.connect(self.sign_in)
        file_menu.addAction(self.sign_in_action)
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence("F5"))
        refresh.triggered.connect(lambda: self.ctx.ops.announce({"stock", "requests", "training", "coldchain",
                                                                  "profile", "requisitions", "sync"}))
        file_menu.addAction(refresh)
        self.backup_action = QAction(self.tr("&Backups…"), self)
        self.backup_action.triggered.connect(lambda: self.show_page_named("BackupPage"))
        file_menu.addAction(self.backup_action)
        self.usb_action = QAction(self.tr("Sync by &USB drive…"), self)
        self.usb_action.triggered.connect(lambda: self.usb_sync())
        file_menu.addAction(self.usb_action)
        self.diagnostics_action = QAction(self.tr("&Diagnostics for the centre…"), self)
        self.diagnostics_action.triggered.connect(lambda: self.save_diagnostics())
        file_menu.addAction(self.diagnostics_action)
        file_menu.addSeparator()
        # A person signed in on this PC (a database with accounts): another takes over, or nobody.
        self.switch_user_action = QAction(self.tr("S&witch user…"), self)
        self.switch_user_action.triggered.connect(self.switch_user_requested)
        file_menu.addAction(self.switch_user_action)
        self.lock_action = QAction(self.tr("Loc&k"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_requested)
        file_menu.addAction(self.lock_action)
        self.sign_out_action = QAction(self.tr("Sign &out"), self)
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        file_menu.addAction(self.sign_out_action)
        self.accounts_action = QAction(self.tr("&Accounts on this computer…"), self)
        self.accounts_action.triggered.connect(lambda: self.local_accounts())
        file_menu.addAction(self.accounts_action)
        self.enable_person_actions(False)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        lang_menu = bar.addMenu(self.tr("&Language"))
        for code, text in (("vi", "Tiếng Việt"), ("en", "English")):
            action = QAction(text, self)
            action.setCheckable(True)
            action.setChecked(self.ctx.lang == code)
            action.triggered.connect(lambda _=False, c=code: self.language_requested.emit(c))
            lang_menu.addAction(action)

    def enable_person_actions(self, enabled: bool) -> None:
        """Switch user, lock and sign out apply once a person is signed in (a database with accounts)."""
        for action in (self.switch_user_action, self.lock_action, self.sign_out_action, self.accounts_action):
            action.setEnabled(enabled)
            action.setVisible(enabled)

    # ----- what was saved ---------------------------------------------------------------------------
    def confirm_saved(self, name: str, result: object) -> None:
        """One line in the status bar after every saved write, naming what was saved: a stock movement by
        its quantity, item and lot ("Đã nhập 100 viên Paracetamol 500 mg, lô L1"), anything else by what
        it was."""
        if name in SAVED_QUIETLY:
            return
        rows = result if isinstance(result, (list, tuple)) else [result]
        txn_ids = [r.id for r in rows if isinstance(r, StockTransaction)]
        if txn_ids:
            self.ctx.ops.query(lambda s: movement_lines(s, txn_ids), self._show_movement)
            return
        text = SAVED_TEXTS.get(name, SAVED_TEXTS[""])
        self.show_saved(QCoreApplication.translate("Saved", str(text)))

    def _show_movement(self, lines: list[MovementLine]) -> None:
        by_item: dict[tuple[str, str, str], list[MovementLine]] = {}
        for line in lines:
            by_item.setdefault((line.kind, line.item_name, line.unit), []).append(line)
        parts = []
        for (kind, item, unit), group in by_item.items():
            text = QCoreApplication.translate("Saved", str(MOVEMENT_TEXTS.get(kind, MOVEMENT_TEXTS[""])))
            lots = ", ".join(dict.fromkeys(line.lot_no for line in group))
            parts.append(text.replace("%1", fmt_number(sum(abs(line.quantity) for line in group)))
                         .replace("%2", unit).replace("%3", item).replace("%4", lots))
        if parts:
            items = {line.item_id for line in lines}
            stock = any(spec.class_name == "StockPage" for spec in self.specs)
            link = "" if not stock else self.tr("Open the stock card") if len(items) == 1 else \
                self.tr("Open the stock")
            self.show_saved("; ".join(parts), link, next(iter(items)) if len(items) == 1 else None)

    def show_saved(self, text: str, link: str = "", item_id: str | None = None) -> None:
        """The saved line in the status bar; with `link`, a link beside it to the stock it changed (the
        item's stock card when `item_id` is given)."""
        self._saved_text, self._saved_item = text, item_id
        self.saved_link.setText(f'<a href="stock">{link}</a>' if link else "")
        self.statusBar().showMessage(text, SAVED_MESSAGE_MS)
        self.saved_link.setVisible(bool(link))

    def _open_saved(self, _href: str) -> None:
        index = next(n for n, spec in enumerate(self.specs) if spec.class_name == "StockPage")
        self.show_page(index)
        page = self.page_at(index)
        open_card = getattr(page, "open_card", None)
        if self._saved_item is not None and callable(open_card):
            open_card(self._saved_item)

    def show_page(self, index: int) -> None:
        if 0 <= index < len(self.specs):
            self.nav.setCurrentRow(index)

    def show_page_named(self, class_name: str) -> None:
        for n, spec in enumerate(self.specs):
            if spec.class_name == class_name:
                self.show_page(n)
                return

    def _on_nav(self, index: int) -> None:
        if 0 <= index < len(self.specs):
            page = self.page_at(index)
            self.stack.setCurrentWidget(page)
            page.activate()
            self.page_changed.emit(index)

    def save_diagnostics(self, target: Path | None = None) -> None:
        """The zip for the centre's support (logs, versions, the file's check; no password or token), built
        on a worker; the status bar says where it went."""
        from ytcs_desktop import diagnostics

        if target is None:
            start = Path.home() / diagnostics.default_name()
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the diagnostics for the centre"), str(start),
                                                    self.tr("Zip files (*.zip)"))
            if not chosen:
                return
            target = Path(chosen)
        database = self.ctx.db.path
        done = self.tr("Diagnostics written to %1: send this file to the centre.")
        failed = self.tr("The diagnostics could not be written: %1")
        self.ctx.tasks.read(lambda _control: diagnostics.build(database.parent, target, database),
                            lambda made: self.statusBar().showMessage(done.replace("%1", str(made)), 15_000),
                            lambda exc: self.statusBar().showMessage(failed.replace("%1", str(exc)), 15_000),
                            label=self.tr("Collecting diagnostics…"))

    def usb_sync(self) -> QWidget:
        from ytcs_desktop.ui.dialogs.usb_sync import UsbSyncDialog

        dialog = UsbSyncDialog(self.ctx, self)
        self.usb_dialog = dialog
        dialog.open()
        return dialog

    def local_accounts(self) -> QWidget:
        from ytcs_desktop.ui.dialogs.local_accounts import LocalAccountsDialog

        dialog = LocalAccountsDialog(self.ctx, self)
        self.accounts_dialog = dialog
        dialog.open()
        return dialog

    def sign_in(self) -> QWidget:
        from ytcs_desktop.ui.dialogs.sign_in import SignInDialog

        dialog = SignInDialog(self.ctx, self)
        dialog.open()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.tasks.cancel_all()
        super().closeEvent(event)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_F6:  # jump between the navigation and the page
            target = self.stack.currentWidget() if self.nav.hasFocus() else self.nav
            if target is not None:
                target.setFocus()
            return
        super().keyPressEvent(event)
