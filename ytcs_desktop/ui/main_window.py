"""The workspace window: a navigation list, the pages, the sync indicator. Pages do the work."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.pages.base import Page

PageFactory = Callable[[AppContext], Page]


@dataclass(frozen=True)
class PageSpec:
    """A page of the navigation: built (and its module imported) only when first shown."""

    class_name: str
    title: str
    factory: PageFactory


class MainWindow(QMainWindow):
    """Signals: `page_changed(int)`; `language_requested(str)` when the user picks a language;
    `restore_requested(str)` with a backup file the user confirmed restoring."""

    page_changed = Signal(int)
    language_requested = Signal(str)
    restore_requested = Signal(str)

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
        self.nav.setFixedWidth(228)
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
            item.setToolTip(f"Ctrl+{number}" if number < 10 else "")
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
