"""From start to a workspace: the first-run dialog, setting up the database, switching language."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.errors import KnownStoreError
from ytcs_desktop.ui.app import database_file, install_translator, make_context
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.first_run import FirstRunChoice, FirstRunDialog
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.setup import DEMO_MONTHS, create_database
from ytcs_desktop.ui.tasks import Cancelled, TaskControl, TaskManager

log = logging.getLogger(__name__)


class Launcher(QObject):
    """Owns the open workspace (window, context) and the first-run dialog before it."""

    def __init__(self, app: QApplication, folder: Path, settings: QSettings, lang: str,
                 demo_months: int = DEMO_MONTHS) -> None:
        super().__init__()
        self.demo_months = demo_months
        self.app = app
        self.folder = folder
        self.settings = settings
        self.lang = lang
        self.ctx: AppContext | None = None
        self.window: MainWindow | None = None
        self.dialog: FirstRunDialog | None = None
        self._setup_tasks: TaskManager | None = None
        self._setup_control: TaskControl | None = None
        self._restore_tasks: TaskManager | None = None

    def start(self) -> bool:
        path = database_file(self.folder)
        if path.exists():
            try:
                # quick_check once per window start (~30 ms for a year of a station's data): a damaged
                # file is refused with what to restore, before the window shows anything from it.
                db = Database.open(path, verify=True)
            except Exception as exc:  # a damaged or locked file: say so plainly, do not crash
                self._cannot_open(path, exc)
                return False
            self.open_workspace(db)
            return True
        self.show_first_run()
        return self.dialog is not None

    def _cannot_open(self, path: Path, exc: BaseException) -> None:
        log.error("cannot open %s", path, exc_info=exc)
        detail = (exc.en if self.lang == "en" else exc.vi) if isinstance(exc, KnownStoreError) else str(exc)
        box = QMessageBox(QMessageBox.Icon.Critical, "YTCS Desktop",
                          self.tr("The data on this computer could not be opened: %1\n\nFile: %2")
                          .replace("%1", detail).replace("%2", str(path)))
        box.addButton(self.tr("Close"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    # ----- first run -----------------------------------------------------------------------------
    def show_first_run(self) -> None:
        dialog = FirstRunDialog(self.lang)
        dialog.chosen.connect(self._set_up)
        dialog.language_changed.connect(self._first_run_language)
        dialog.cancel_requested.connect(self._cancel_set_up)
        dialog.rejected.connect(self.app.quit)
        self.dialog = dialog
        dialog.show()

    def _first_run_language(self, lang: str) -> None:
        self.lang = lang
        self.settings.setValue("lang", lang)
        install_translator(self.app, lang)
        old = self.dialog
        self.show_first_run()
        if old is not None:
            old.rejected.disconnect(self.app.quit)
            old.close()
            old.deleteLater()

    def _set_up(self, choice: FirstRunChoice) -> None:
        if self._setup_tasks is None:
            self._setup_tasks = TaskManager()
            self._setup_tasks.progressed.connect(self._set_up_progress)
        path, months = database_file(self.folder), self.demo_months

        def work(control: TaskControl) -> Database:
            return create_database(path, choice, control, months)

        self._setup_control = self._setup_tasks.write(work, lambda db: self._ready(db, choice), self._setup_failed)

    def _set_up_progress(self, task_id: int, done: int, total: int, _text: str) -> None:
        control = self._setup_control
        if self.dialog is not None and control is not None and control.task_id == task_id:
            self.dialog.show_progress(done, total)

    def _cancel_set_up(self) -> None:
        if self._setup_control is not None:
            self._setup_control.cancel()

    def _setup_failed(self, exc: BaseException) -> None:
        self._setup_control = None
        if self.dialog is None:
            return
        if isinstance(exc, Cancelled):
            self.dialog.set_busy(False, self.tr("Stopped: the demo data was not made, nothing was saved."))
        elif isinstance(exc, DomainError):
            self.dialog.show_error(exc)
        else:
            log.error("setting up failed", exc_info=exc)
            self.dialog.set_busy(False, self.tr("Could not set up: %1").replace("%1", str(exc)))

    def _ready(self, db: Database, choice: FirstRunChoice) -> None:
        self._setup_control = None
        self.settings.setValue("lang", self.lang)
        if choice.user_name:
            self.settings.setValue("user_name", choice.user_name)
        if choice.server_url and not choice.offline:
            self.settings.setValue("server_url", choice.server_url)
        self.settings.sync()
        if self.dialog is not None:
            self.dialog.rejected.disconnect(self.app.quit)
            self.dialog.accept()
            self.dialog.deleteLater()
            self.dialog = None
        self.open_workspace(db)

    # ----- the workspace ---------------------------------------------------------------------------
    def open_workspace(self, db: Database) -> MainWindow:
        from ytcs_desktop.ui.workspace import build_window

        self.ctx = make_context(db, self.settings, self.lang)
        self.window = build_window(self.ctx)
        self.window.language_requested.connect(self.switch_language)
        self.window.restore_requested.connect(self.restore_backup)
        self.window.show()
        return self.window

    def restore_backup(self, backup: str) -> None:
        """Put a confirmed backup in place of the data in use, and reopen the workspace over it."""
        from ytcs_desktop.ui.restore_flow import restore_in_window

        self._restore_tasks = restore_in_window(self, Path(backup))

    def switch_language(self, lang: str) -> None:
        """Rebuild the window in the other language (every string is read again through tr)."""
        if self.ctx is None or lang == self.lang:
            return
        self.lang = lang
        self.settings.setValue("lang", lang)
        install_translator(self.app, lang)
        db = self.ctx.db
        old_window, old_ctx = self.window, self.ctx
        old_ctx.tasks.shutdown()
        if old_ctx.sync is not None:
            old_ctx.sync.stop()
        if old_ctx.backups is not None:
            old_ctx.backups.stop()
        self.ctx = make_context(db, self.settings, lang)
        from ytcs_desktop.ui.workspace import build_window

        self.window = build_window(self.ctx)
        self.window.language_requested.connect(self.switch_language)
        self.window.restore_requested.connect(self.restore_backup)
        self.window.show()
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()

    def close(self) -> None:
        if self.ctx is not None:
            if self.ctx.sync is not None:
                self.ctx.sync.stop()
            if self.ctx.backups is not None:
                self.ctx.backups.stop()
            self.ctx.tasks.shutdown()
            self.ctx.db.close()
            self.ctx = None
        if self._restore_tasks is not None:
            self._restore_tasks.shutdown()
            self._restore_tasks = None
        if self._setup_tasks is not None:
            self._setup_tasks.shutdown()
            self._setup_tasks = None
