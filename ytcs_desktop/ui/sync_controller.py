"""Sync from the window: on demand, every few minutes while the link is up, and when it comes back.

The sync itself (`ytcs_desktop.sync.client.SyncClient`) runs on the network pool with a progress
callback and a cancel flag; this object only keeps the state the status bar shows and announces the
change once a sync pulled rows.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from ytcs_desktop.domain.errors import RuleError
from ytcs_desktop.store.db import Database
from ytcs_desktop.ui.operations import ALL_AREAS
from ytcs_desktop.ui.tasks import Cancelled, TaskControl

if TYPE_CHECKING:
    from ytcs_desktop.ui.context import AppContext
    from ytcs_desktop.ui.dialogs.first_run import FirstRunChoice

log = logging.getLogger(__name__)

AUTO_INTERVAL_MS = 5 * 60 * 1000
RETRY_INTERVAL_MS = 60 * 1000


def sync_client_module() -> Any | None:
    try:
        return importlib.import_module("ytcs_desktop.sync.client")
    except ModuleNotFoundError:
        return None


@dataclass
class SyncStatus:
    state: str = "offline"  # offline|idle|syncing|error|unconfigured
    last_success: dt.datetime | None = None
    pending: int = 0
    rejected: int = 0
    message: str = ""
    done: int = 0
    total: int = 0


class SyncController(QObject):
    """Signals: `status_changed(SyncStatus)`; `finished(object)` with the sync report."""

    status_changed = Signal(object)
    finished = Signal(object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status = SyncStatus()
        self._control: TaskControl | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_now)
        self.server_url = str(ctx.settings.value("server_url", "") or "")
        if not self.server_url:
            self.status.state = "unconfigured"

    # ----- state ----------------------------------------------------------------------------
    def configured(self) -> bool:
        return bool(self.server_url) and sync_client_module() is not None

    def start_auto(self) -> None:
        if self.configured():
            self.timer.start(AUTO_INTERVAL_MS)

    def stop(self) -> None:
        self.timer.stop()
        if self._control is not None:
            self._control.cancel()

    def refresh_counts(self) -> None:
        """Re-read pending and refused changes and the last successful sync (on the read pool)."""
        module = sync_client_module()
        if module is None or not hasattr(module, "local_status"):
            self.status_changed.emit(self.status)
            return
        db = self.ctx.db
        self.ctx.tasks.read(lambda _c: module.local_status(db), self._counts, lambda _e: None)

    def _counts(self, info: Any) -> None:
        self.status.pending = int(getattr(info, "pending", 0) or 0)
        self.status.rejected = int(getattr(info, "rejected", 0) or 0)
        self.status.last_success = getattr(info, "last_success", None)
        self.status_changed.emit(self.status)

    # ----- syncing ----------------------------------------------------------------------------
    def sync_now(self) -> None:
        if self._control is not None:
            return
        module = sync_client_module()
        if module is None or not self.server_url:
            self.status.state = "unconfigured"
            self.status_changed.emit(self.status)
            return
        db, url = self.ctx.db, self.server_url
        token = self._token(module)

        def work(control: TaskControl) -> Any:
            client = module.SyncClient(db, url, token, progress=lambda d, t, *a: control.progress(d, t),
                                       cancel=lambda: control.cancelled)
            return client.sync()

        self.status.state = "syncing"
        self.status.done = self.status.total = 0
        self.status_changed.emit(self.status)
        self._control = self.ctx.tasks.network(work, self._done, self._failed)
        self.ctx.tasks.progressed.connect(self._progress)

    def cancel(self) -> None:
        if self._control is not None:
            self._control.cancel()

    def _token(self, module: Any) -> str | None:
        keystore = getattr(module, "load_token", None)
        if keystore is None:
            return None
        try:
            return keystore(self.server_url)  # type: ignore[no-any-return]
        except Exception:  # no keyring on this machine: sync will ask to sign in again
            return None

    def _progress(self, _task: int, done: int, total: int, _text: str) -> None:
        if self.status.state == "syncing":
            self.status.done, self.status.total = done, total
            self.status_changed.emit(self.status)

    def _done(self, report: Any) -> None:
        self._finish()
        self.status.state = "idle"
        self.status.message = ""
        self.status.last_success = dt.datetime.now(dt.UTC)
        self.ctx.ops.announce(ALL_AREAS)
        self.finished.emit(report)
        self.refresh_counts()
        self.timer.start(AUTO_INTERVAL_MS)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, Cancelled):
            self.status.state = "idle"
            self.status.message = self.tr("Sync cancelled.")
        else:
            self.status.state = "offline" if _is_network_error(exc) else "error"
            self.status.message = _message(exc, self.ctx.lang)
            # Try again soon: this is how a sync happens "when the link comes back".
            self.timer.start(RETRY_INTERVAL_MS)
        self.status_changed.emit(self.status)
        self.finished.emit(None)

    def _finish(self) -> None:
        self._control = None
        with contextlib.suppress(RuntimeError, TypeError):
            self.ctx.tasks.progressed.disconnect(self._progress)


def _is_network_error(exc: BaseException) -> bool:
    names = {type(e).__name__ for e in (exc, exc.__cause__, exc.__context__) if e is not None}
    return bool(names & {"ConnectionError", "Timeout", "ConnectTimeout", "ReadTimeout", "OfflineError",
                         "NetworkError", "OSError"})


def _message(exc: BaseException, lang: str) -> str:
    message = getattr(exc, "message", None)
    if callable(message):
        try:
            return str(message(lang))
        except TypeError:
            pass
    return str(exc)


def first_sign_in(path: Path, choice: FirstRunChoice, control: TaskControl) -> Database:
    """Sign in to the centre server and make this computer's database from its answer."""
    module = sync_client_module()
    setup = getattr(module, "first_setup", None) if module is not None else None
    if setup is None:
        raise RuleError(
            "sync_unavailable",
            "Phiên bản này chưa kết nối được máy chủ Trung tâm. Hãy chọn “Làm việc ngoại tuyến”.",
            "This version cannot reach the centre server yet. Choose “Work offline for now”.",
            "server_url",
        )
    result = setup(path, choice.server_url, choice.username, choice.password)
    return result if isinstance(result, Database) else Database.open(path)
