"""Backups while the window runs: a checked copy every day (at start when the newest is older than a
day, then whenever it is again), on the writer thread, followed by the rotation; optionally a second
copy in a folder of the user's choice (a USB stick). The file work is in store/backup.py; this object
keeps what the backup page and the overview show, and never blocks the GUI thread."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from ytcs_desktop.store.backup import BackupCopy, backup_folder, list_copies, make_backup, newest_backup, rotate
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.errors import KnownStoreError
from ytcs_desktop.store.restore import CopyContents, check_restore, contents_or_none
from ytcs_desktop.ui.tasks import Cancelled, TaskControl, TaskManager

log = logging.getLogger(__name__)

EXTRA_FOLDER_KEY = "backup_extra_folder"
DAY = dt.timedelta(days=1)
WARN_AFTER = dt.timedelta(days=3)  # the page and the overview warn in red beyond this
CHECK_INTERVAL_MS = 60 * 60 * 1000  # hourly: a PC that slept past the day still backs up soon after
FIRST_CHECK_MS = 20_000  # after start, once the window has settled


@dataclass(frozen=True)
class BackupOutcome:
    made: BackupCopy
    extra: BackupCopy | None = None
    extra_error: str | None = None  # the second folder could not be written (a stick not plugged in)
    deleted: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class CopyRow:
    """A line of the backup page: a copy on disk and what it holds (None: unreadable)."""

    copy: BackupCopy
    contents: CopyContents | None

    @property
    def made(self) -> dt.datetime:
        return self.copy.made


@dataclass(frozen=True)
class Listing:
    rows: list[CopyRow]
    current: CopyContents | None  # what the data in use holds


def is_old(newest: BackupCopy | None, now: dt.datetime | None = None) -> bool:
    """No backup, or the newest older than WARN_AFTER."""
    return newest is None or (now or dt.datetime.now()) - newest.made > WARN_AFTER


class BackupController(QObject):
    """Signals: `changed()` when the newest backup is known anew; `busy_changed(bool)`;
    `backed_up(BackupOutcome)`; `failed(str)` with the reason in the window's language."""

    changed = Signal()
    busy_changed = Signal(bool)
    backed_up = Signal(object)
    failed = Signal(str)

    def __init__(self, db: Database, tasks: TaskManager, settings: QSettings, lang: str = "vi",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self.settings = settings
        self.lang = lang
        self.newest: BackupCopy | None = None
        self.known = False  # the newest has been looked up at least once
        self.busy = False
        self.last_error: str | None = None
        self._made = 0  # copies made by this object: a look-up started before one is stale
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._check)

    # ----- folders ----------------------------------------------------------------------------
    @property
    def folder(self) -> Path:
        return backup_folder(self.db.path)

    def extra_folder(self) -> Path | None:
        value = str(self.settings.value(EXTRA_FOLDER_KEY, "") or "")
        return Path(value) if value else None

    def set_extra_folder(self, folder: Path | None) -> None:
        self.settings.setValue(EXTRA_FOLDER_KEY, str(folder) if folder else "")
        self.settings.sync()
        self.refresh()

    def folders(self) -> list[Path]:
        extra = self.extra_folder()
        return [self.folder, *([extra] if extra else [])]

    # ----- automatic backups ------------------------------------------------------------------
    def start_auto(self, first_delay_ms: int = FIRST_CHECK_MS) -> None:
        """Look at the newest copy soon after start and back up when it is a day old, then every hour."""
        self.timer.start(first_delay_ms)

    def stop(self) -> None:
        self.timer.stop()

    def _check(self) -> None:
        self.timer.start(CHECK_INTERVAL_MS)
        self.refresh(then_back_up_if_due=True)

    def refresh(self, then_back_up_if_due: bool = False) -> None:
        """Look up the newest backup (on the read pool); with `then_back_up_if_due`, back up when it is
        missing or a day old."""
        folders, made = self.folders(), self._made

        def work(_control: TaskControl) -> BackupCopy | None:
            return newest_backup(*folders)

        def done(newest: BackupCopy | None) -> None:
            if made != self._made:  # a copy was made since this look-up began: it knows better
                return
            self.newest, self.known = newest, True
            self.changed.emit()
            if then_back_up_if_due and (newest is None or dt.datetime.now() - newest.made >= DAY):
                self.back_up_now()

        self.tasks.read(work, done, lambda exc: log.warning("looking up backups failed: %s", exc), priority=-3)

    # ----- backing up -------------------------------------------------------------------------
    def back_up_now(self) -> bool:
        """Make a copy now on the writer thread (after any write queued before it); False when one is
        already being made."""
        if self.busy:
            return False
        self._set_busy(True)
        path, extra = self.db.path, self.extra_folder()

        def work(_control: TaskControl) -> BackupOutcome:
            made = make_backup(path)
            deleted = rotate(made.path.parent)
            extra_copy, extra_error = None, None
            if extra is not None:
                try:
                    extra_copy = make_backup(made.path, extra, when=made.made)  # from the checked copy
                    deleted += rotate(extra)
                except KnownStoreError as exc:
                    extra_error = exc.message(self.lang)
            return BackupOutcome(made, extra_copy, extra_error, deleted)

        self.tasks.write(work, self._done, self._failed)
        return True

    def _done(self, outcome: BackupOutcome) -> None:
        self._set_busy(False)
        self.newest, self.known, self.last_error = outcome.made, True, None
        self._made += 1
        log.info("backed up to %s (%d bytes, %.1f s)", outcome.made.path, outcome.made.size, outcome.made.seconds)
        self.backed_up.emit(outcome)
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, Cancelled):
            return
        if isinstance(exc, KnownStoreError):
            text = exc.message(self.lang)
        else:
            log.error("backup failed", exc_info=exc)
            text = f"{type(exc).__name__}: {exc}"
        self.last_error = text
        self.failed.emit(text)
        self.changed.emit()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)

    # ----- listing and checking (read pool) ---------------------------------------------------
    def load_listing(self, on_done: Any, on_error: Any = None) -> None:
        folders, path = self.folders(), self.db.path

        def work(_control: TaskControl) -> Listing:
            rows = [CopyRow(c, contents_or_none(c.path)) for c in list_copies(*folders)]
            return Listing(rows, contents_or_none(path))

        self.tasks.read(work, on_done, on_error)

    def check(self, backup: Path, on_done: Any, on_error: Any) -> None:
        """Whether `backup` may replace the data in use: `on_done((copy contents, current contents))`."""
        path = self.db.path
        self.tasks.read(lambda _c: check_restore(backup, path), on_done, on_error)
