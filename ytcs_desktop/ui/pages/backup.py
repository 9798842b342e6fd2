"""Sao lưu: the last good backup (in red when it is old), backing up now, the second folder (a USB stick),
the copies and what each holds, and restoring one (after a confirmation; the window reopens the data)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ytcs_desktop.store.errors import KnownStoreError
from ytcs_desktop.ui.backups import BackupController, BackupOutcome, CopyRow, Listing, is_old
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.models.base import Column, RecordTableModel, fmt_date, fmt_number
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, toolbar_row

RED = "#b3261e"
KIND_TITLES = {
    "regular": QT_TRANSLATE_NOOP("BackupPage", "Backup"),
    "before_upgrade": QT_TRANSLATE_NOOP("BackupPage", "Before an upgrade"),
    "before_restore": QT_TRANSLATE_NOOP("BackupPage", "Before a restore"),
}


def fmt_moment(value: Any) -> str:
    return fmt_date(value) if isinstance(value, dt.datetime) else ""


def fmt_size(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


class CopiesModel(RecordTableModel):
    """The copies in the backups folder and the second folder, newest first (rows set by the page)."""

    def __init__(self, kind_text: Callable[[str], str], who_text: Callable[[CopyRow], str],
                 parent: QObject | None = None) -> None:
        super().__init__(None, parent)
        self.columns = (
            Column("made", QT_TRANSLATE_NOOP("Columns", "Made"), fmt=fmt_moment, getter=lambda r: r.copy.made),
            Column("kind", QT_TRANSLATE_NOOP("Columns", "Kind"), getter=lambda r: kind_text(r.copy.kind)),
            Column("size", QT_TRANSLATE_NOOP("Columns", "Size"), numeric=True, fmt=fmt_size,
                   getter=lambda r: r.copy.size),
            Column("who", QT_TRANSLATE_NOOP("Columns", "Data of"), getter=who_text),
            Column("stock", QT_TRANSLATE_NOOP("Columns", "Stock transactions"), numeric=True,
                   getter=lambda r: r.contents.stock_transactions if r.contents else None),
            Column("last_change", QT_TRANSLATE_NOOP("Columns", "Last change"), fmt=fmt_moment,
                   getter=lambda r: r.contents.last_change if r.contents else None),
            Column("folder", QT_TRANSLATE_NOOP("Columns", "Folder"), getter=lambda r: str(r.copy.path.parent)),
        )

    def background(self, row: Any, column: Column) -> QColor | None:
        return QColor("#fdecea") if row.contents is None else None

    def tooltip(self, row: Any, column: Column) -> str | None:
        return str(row.copy.path)


class BackupPage(Page):
    """Signals: `restore_requested(str)` with the path of a checked copy the user confirmed; the window
    closes the data, restores it and reopens it. `listed()` after the list is in."""

    restore_requested = Signal(str)
    listed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        assert ctx.backups is not None
        self.backups: BackupController = ctx.backups
        self.heading(self.title())
        intro = QLabel(self.tr("A checked copy of this computer's data is made every day while the program runs, "
                               "and kept for 7 days, 4 weeks and 12 months. Choose a second folder (a USB stick) "
                               "to keep a copy away from this computer too."))
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)

        self.status = QLabel()
        self.status.setObjectName("backup_status")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("font-size: 11pt; font-weight: 600;")
        self.layout_.addWidget(self.status)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.back_up_button = QPushButton(self.tr("&Back up now"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # moving while a copy is made
        self.busy.setMaximumWidth(160)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.layout_.addLayout(toolbar_row(self.back_up_button, self.busy, self.note))

        folders = QGroupBox(self.tr("Where the copies are kept"))
        fcol = QVBoxLayout(folders)
        self.main_folder = QLabel()
        self.main_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.extra_folder = QLabel()
        self.extra_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self.tr("&Choose the second folder…"))
        self.clear_button = QPushButton(self.tr("&No second folder"))
        fcol.addWidget(self.main_folder)
        fcol.addLayout(toolbar_row(self.extra_folder, self.choose_button, self.clear_button, stretch_at=1))
        self.layout_.addWidget(folders)

        copies = QGroupBox(self.tr("Copies"))
        ccol = QVBoxLayout(copies)
        unreadable = self.tr("(cannot be read)")
        self.model = CopiesModel(self._kind_text, lambda r: r.contents.who(ctx.lang) if r.contents else unreadable,
                                 self)
        self.table = make_table(self.model)
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_file_button = QPushButton(self.tr("Restore fr&om a file…"))
        self.refresh_button = QPushButton(self.tr("Reload the lis&t"))
        ccol.addLayout(toolbar_row(self.restore_button, self.restore_file_button, self.refresh_button))
        ccol.addWidget(self.table)
        self.layout_.addWidget(copies, 1)
        self.listing: Listing | None = None
        self.confirm_box: QMessageBox | None = None

        self.back_up_button.clicked.connect(self.back_up_now)
        self.choose_button.clicked.connect(self.choose_folder)
        self.clear_button.clicked.connect(lambda: self.set_extra_folder(None))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.refresh_button.clicked.connect(self.load)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.model.loaded.connect(lambda: fit_columns(self.table))
        self.backups.changed.connect(self.show_status)
        self.backups.busy_changed.connect(self._busy)
        self.backups.backed_up.connect(self._backed_up)
        self.backups.failed.connect(self._failed)
        self._busy(self.backups.busy)
        self._selection_changed()

    def title(self) -> str:
        return self.tr("Backups")

    def first_load(self) -> None:
        self.show_status()
        self.backups.refresh()
        self.load()

    def _kind_text(self, kind: str) -> str:
        return self.tr(str(KIND_TITLES.get(kind, kind)))

    # ----- status -----------------------------------------------------------------------------
    def show_status(self) -> None:
        newest = self.backups.newest
        self.main_folder.setText(self.tr("On this computer: %1").replace("%1", str(self.backups.folder)))
        extra = self.backups.extra_folder()
        self.extra_folder.setText(self.tr("Second folder: %1").replace("%1", str(extra)) if extra
                                  else self.tr("Second folder: none"))
        self.clear_button.setEnabled(extra is not None)
        if not self.backups.known:
            self.status.setText(self.tr("Looking for backups…"))
            self.status.setStyleSheet("font-size: 11pt; font-weight: 600;")
            return
        if newest is None:
            text = self.tr("There is no backup of this computer's data yet.")
        else:
            days = (dt.date.today() - newest.made.date()).days
            text = self.tr("Last good backup: %1 (%2), %3 day(s) ago.").replace(
                "%1", fmt_moment(newest.made)).replace("%2", fmt_size(newest.size)).replace("%3", str(days))
            if days == 0:
                text = self.tr("Last good backup: %1 (%2), today.").replace(
                    "%1", fmt_moment(newest.made)).replace("%2", fmt_size(newest.size))
        old = is_old(newest)
        if old:
            text += " " + self.tr("Back up now, and keep a copy on a USB stick.")
        self.status.setText(text)
        colour = f"color: {RED};" if old else "color: #1b5e20;"
        self.status.setStyleSheet(f"font-size: 11pt; font-weight: 600; {colour}")
        self.status.setProperty("old", old)

    def _busy(self, busy: bool) -> None:
        self.back_up_button.setEnabled(not busy)
        self.back_up_button.setText(self.tr("Backing up…") if busy else self.tr("&Back up now"))
        self.busy.setVisible(busy)
        if busy:
            self.note.setText("")

    def _backed_up(self, outcome: BackupOutcome) -> None:
        text = self.tr("Copied to %1 (%2, %3 s) and checked.").replace("%1", str(outcome.made.path)).replace(
            "%2", fmt_size(outcome.made.size)).replace("%3", QLocale().toString(outcome.made.seconds, "f", 1))
        if outcome.extra is not None:
            text += " " + self.tr("A second copy is in %1.").replace("%1", str(outcome.extra.path.parent))
        if outcome.extra_error:
            text += " " + self.tr("The second folder could not be written: %1").replace("%1", outcome.extra_error)
        self.note.setText(text)
        self.note.setStyleSheet(f"color: {RED};" if outcome.extra_error else "")
        if self._activated:
            self.load()

    def _failed(self, text: str) -> None:
        self.note.setText(self.tr("The backup failed: %1").replace("%1", text))
        self.note.setStyleSheet(f"color: {RED};")

    # ----- actions ----------------------------------------------------------------------------
    def back_up_now(self) -> None:
        self.backups.back_up_now()

    def pick_folder(self) -> str:
        """The folder the user picks (tests replace this)."""
        start = str(self.backups.extra_folder() or Path.home())
        return QFileDialog.getExistingDirectory(self, self.tr("The second folder for backups"), start)

    def pick_file(self) -> str:
        """The backup file the user picks (tests replace this)."""
        start = str(self.backups.extra_folder() or self.backups.folder)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from a backup file"), start,
                                              self.tr("YTCS backups (*.sqlite3)"))
        return path

    def choose_folder(self) -> None:
        chosen = self.pick_folder()
        if chosen:
            self.set_extra_folder(Path(chosen))

    def set_extra_folder(self, folder: Path | None) -> None:
        self.backups.set_extra_folder(folder)
        self.show_status()
        self.load()

    def load(self) -> None:
        self.backups.load_listing(self._listed, lambda exc: self.note.setText(str(exc)))

    def _listed(self, listing: Listing) -> None:
        self.listing = listing
        self.model.set_rows(listing.rows)
        self._selection_changed()
        self.listed.emit()

    def selected(self) -> CopyRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        row = self.selected()
        self.restore_button.setEnabled(row is not None and row.contents is not None)

    def restore_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.ask_restore(row.copy.path, row.copy.made)

    def restore_from_file(self) -> None:
        chosen = self.pick_file()
        if chosen:
            self.ask_restore(Path(chosen), None)

    def ask_restore(self, path: Path, made: dt.datetime | None) -> None:
        """Check the copy (off the GUI thread), then ask before anything is replaced."""
        self.restore_button.setEnabled(False)

        def checked(result: Any) -> None:
            self._selection_changed()
            contents, current = result
            when = made or contents.last_change
            self._confirm(path, fmt_moment(when) if when else path.name, current.unsent if current else 0)

        def refused(exc: BaseException) -> None:
            self._selection_changed()
            text = exc.message(self.ctx.lang) if isinstance(exc, KnownStoreError) else str(exc)
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore"), text, QMessageBox.StandardButton.NoButton,
                              self)
            box.addButton(self.tr("OK"), QMessageBox.ButtonRole.AcceptRole)
            box.open()
            self.confirm_box = box

        self.backups.check(path, checked, refused)

    def _confirm(self, path: Path, when: str, unsent: int) -> None:
        text = self.tr("The current data will be replaced by the copy of %1. A safety copy of the current data is "
                       "made first. The next sync takes back from the centre what was sent after that date."
                       ).replace("%1", when)
        if unsent:
            text += "\n\n" + self.tr("%1 change(s) on this computer have not been sent to the centre yet: they "
                                     "will only be in the safety copy.").replace("%1", fmt_number(unsent))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore"), text, QMessageBox.StandardButton.NoButton,
                          self)
        yes = box.addButton(self.tr("&Restore this copy"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.buttonClicked.connect(lambda button: self.restore_requested.emit(str(path)) if button is yes else None)
        box.open()
        self.confirm_box = box
