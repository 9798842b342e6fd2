"""Restoring a backup from the window: close the data (sync and backups stopped, every queued write
done), put the copy in place off the GUI thread, and open the workspace again over the restored data.
If anything fails the data in use is as it was and the workspace reopens over it."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from ytcs_desktop.store.backup import copy_made
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.errors import KnownStoreError
from ytcs_desktop.store.restore import RestoreResult, restore_database
from ytcs_desktop.ui.models.base import fmt_date
from ytcs_desktop.ui.tasks import TaskControl, TaskManager

if TYPE_CHECKING:
    from ytcs_desktop.ui.launcher import Launcher

log = logging.getLogger(__name__)


def restore_in_window(launcher: Launcher, backup: Path) -> TaskManager | None:
    """Start the restore; returns the task manager it runs on (None when no workspace is open)."""
    ctx, old_window = launcher.ctx, launcher.window
    if ctx is None or old_window is None:
        return None
    path = ctx.db.path
    old_window.setEnabled(False)
    old_window.statusBar().showMessage(QCoreApplication.translate("Restore", "Restoring the copy…"))
    if ctx.sync is not None:
        ctx.sync.stop()
    if ctx.backups is not None:
        ctx.backups.stop()
    ctx.tasks.shutdown()  # every write queued before is done; nothing else writes now
    ctx.db.close()
    launcher.ctx = None
    tasks = TaskManager()

    def work(_control: TaskControl) -> tuple[RestoreResult, Database]:
        result = restore_database(backup, path)
        return result, Database.open(path)

    def reopen(db: Database) -> QWidget:
        window = launcher.open_workspace(db)
        old_window.close()
        old_window.deleteLater()
        QTimer.singleShot(0, tasks.shutdown)
        return window

    def done(value: tuple[RestoreResult, Database]) -> None:
        result, db = value
        window = reopen(db)
        when = fmt_date(copy_made(backup))
        text = QCoreApplication.translate("Restore", "The data was restored from the copy of %1.").replace(
            "%1", when)
        details = [QCoreApplication.translate(
            "Restore", "The next sync takes back from the centre what was sent after that date, and sends what "
                       "the centre lacks; nothing is doubled.")]
        if result.safety is not None:
            details.append(QCoreApplication.translate("Restore", "The data as it was before is kept in %1.").replace(
                "%1", str(result.safety.path)))
        _tell(launcher, window, QMessageBox.Icon.Information, text, "\n\n".join(details))

    def failed(exc: BaseException) -> None:
        lang = launcher.lang
        reason = exc.message(lang) if isinstance(exc, KnownStoreError) else str(exc)
        log.error("restoring %s failed", backup, exc_info=exc)
        try:
            db = Database.open(path)
        except Exception as again:  # the data cannot be opened any more: say so, with the file
            QTimer.singleShot(0, tasks.shutdown)
            launcher.window = None
            old_window.close()
            launcher._cannot_open(path, again)
            return
        window = reopen(db)
        _tell(launcher, window, QMessageBox.Icon.Warning,
              QCoreApplication.translate("Restore", "The copy was not restored."), reason)

    tasks.write(work, done, failed)
    return tasks


def _tell(launcher: Launcher, parent: QWidget, icon: QMessageBox.Icon, text: str, details: str) -> Any:
    box = QMessageBox(icon, QCoreApplication.translate("Restore", "Restore"), text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("restore_outcome")
    box.setInformativeText(details)
    box.addButton(QCoreApplication.translate("Restore", "OK"), QMessageBox.ButtonRole.AcceptRole)
    box.open()
    launcher.restore_box = box  # type: ignore[attr-defined]
    return box
