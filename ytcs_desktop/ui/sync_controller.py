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
from ytcs_desktop.messages import msg
from ytcs_desktop.store.db import Database
from ytcs_desktop.ui.operations import ALL_AREAS
from ytcs_desktop.ui.tasks import Cancelled, TaskControl

if TYPE_CHECKING:
    from ytcs_desktop.ui.context import AppContext
    from ytcs_desktop.ui.dialogs.first_run import FirstRunChoice

log = logging.getLogger(__name__)

# Each wait is drawn ±20 % around these (sync/timing.py): the stations of a province that lost the centre
# together (a restart, an outage) do not all come back in the same second, nor stay in step after.
AUTO_INTERVAL_MS = 5 * 60 * 1000
RETRY_INTERVAL_MS = 60 * 1000


def spread(interval_ms: int) -> int:
    """The next wait of the timer: the interval ±20 %."""
    from ytcs_desktop.sync.timing import jittered

    return round(jittered(interval_ms))


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
    enrolled = Signal(object)  # EnrolmentSummary: the first sync took this PC's earlier records across
    update_available = Signal(str, str)  # the version the centre offers, where to get it

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status = SyncStatus()
        self._control: TaskControl | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_now)
        self.server_url = str(ctx.settings.value("server_url", "") or "")
        self.device_id: str | None = None
        self._watch_link()
        if not self.server_url:
            self.status.state = "unconfigured"

    def _watch_link(self) -> None:
        """Sync as soon as the OS reports the network back (else the one-minute retry does it)."""
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if QNetworkInformation.loadDefaultBackend() and QNetworkInformation.instance() is not None:
                QNetworkInformation.instance().reachabilityChanged.connect(self._link_changed)
        except Exception:  # no backend on this system: retries cover it
            log.debug("no network information backend")

    def _link_changed(self, reachability: object) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if reachability == QNetworkInformation.Reachability.Online and self.status.state in ("offline", "error"):
            self.timer.start(2000)

    # ----- state ----------------------------------------------------------------------------
    def configured(self) -> bool:
        return bool(self.server_url) and sync_client_module() is not None

    def start_auto(self, first_delay_ms: int = 3000) -> None:
        """Sync soon after start, then every few minutes; after a failure, retry every minute."""
        self.timer.start(first_delay_ms)

    def stop(self) -> None:
        self.timer.stop()
        if self._control is not None:
            self._control.cancel()

    def refresh_counts(self) -> None:
        """Re-read pending and refused changes and the last successful sync (on the read pool)."""
        db = self.ctx.db

        def work(_control: TaskControl) -> Any:
            from ytcs_desktop.ui.models.sync_info import local_status

            return local_status(db)

        self.ctx.tasks.read(work, self._counts, lambda _e: None, priority=-2)

    def _counts(self, info: Any) -> None:
        self.status.pending = info.pending
        self.status.rejected = info.rejected
        self.status.last_success = info.last_success or self.status.last_success
        if info.server_url:
            self.server_url = info.server_url
            self.device_id = info.device_id
            if self.status.state == "unconfigured":
                self.status.state = "idle"
        self.status_changed.emit(self.status)

    # ----- syncing ----------------------------------------------------------------------------
    def sync_now(self) -> None:
        """Start a sync on the network pool; the server and the token are read there, not here."""
        if self._control is not None:
            return
        module = sync_client_module()
        if module is None:
            return
        db, fallback_url = self.ctx.db, self.server_url

        def work(control: TaskControl) -> Any:
            from ytcs_desktop.ui.models.sync_info import DEVICE_ID, SERVER_URL

            url = db.meta(SERVER_URL) or fallback_url
            if not url:
                raise NotConfigured()
            token = load_token(url, db.meta(DEVICE_ID), db.path.parent)
            if not token:
                raise module.AuthError("no_token", msg("no_token.work"))
            # Few retries here: the window retries every minute by itself while the link is down.
            client = module.SyncClient(db, url, token, cancel=control.event, max_retries=2,
                                       progress=lambda phase, done, total: control.progress(done, total or 0, phase))
            from ytcs_desktop.sync import apply as sync_apply

            first = sync_apply.get_int(db, sync_apply.PUSH_CURSOR) == 0 and sync_apply.pending_count(db) > 0
            try:
                report = client.sync()
            finally:
                client.close()
            from ytcs_desktop.domain.enrolment import first_sync_summary

            return Synced(report, first_sync_summary(db, report.rejected) if first and report.complete else None,
                          update_offered(db))

        if self.server_url:  # not known yet on the first tick: the worker finds out
            self.status.state = "syncing"
            self.status.done = self.status.total = 0
            self.status_changed.emit(self.status)
        self._control = self.ctx.tasks.network(work, self._done, self._failed)
        self.ctx.tasks.progressed.connect(self._progress)

    def cancel(self) -> None:
        if self._control is not None:
            self._control.cancel()

    def _progress(self, _task: int, done: int, total: int, _text: str) -> None:
        if self._control is not None:
            self.status.state = "syncing"
            self.status.done, self.status.total = done, total
            self.status_changed.emit(self.status)

    def _done(self, result: Synced) -> None:
        report = result.report
        self._finish()
        self.status.state = "idle"
        self.status.message = ""
        if getattr(report, "complete", True):
            self.status.last_success = dt.datetime.now(dt.UTC)
        self.ctx.ops.announce(ALL_AREAS)
        self.finished.emit(report)
        if result.enrolment is not None:
            self.enrolled.emit(result.enrolment)
        if result.update is not None:
            self.update_available.emit(*result.update)
        self.refresh_counts()
        self.timer.start(spread(AUTO_INTERVAL_MS))

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, NotConfigured):
            self.status.state = "unconfigured"
            self.timer.stop()
        elif isinstance(exc, Cancelled):
            self.status.state = "idle"
            self.status.message = self.tr("Sync cancelled.")
        else:
            self.status.state = "offline" if _is_network_error(exc) else "error"
            self.status.message = _message(exc, self.ctx.lang)
            # Try again soon: this is how a sync happens "when the link comes back".
            self.timer.start(spread(RETRY_INTERVAL_MS))
        self.status_changed.emit(self.status)
        self.finished.emit(None)

    def _finish(self) -> None:
        self._control = None
        with contextlib.suppress(RuntimeError, TypeError):
            self.ctx.tasks.progressed.disconnect(self._progress)


@dataclass(frozen=True)
class Synced:
    report: Any
    enrolment: Any  # EnrolmentSummary of a first sync that sent this PC's earlier records, else None
    update: tuple[str, str] | None = None  # (version, where to get it) the centre offers, if newer


def update_offered(db: Database) -> tuple[str, str] | None:
    """The version the centre recommends when it is newer than this program, with where to get it."""
    from ytcs_desktop import __version__
    from ytcs_desktop.sync import apply as sync_apply
    from ytcs_desktop.sync.protocol import version_tuple

    offered = db.meta(sync_apply.RECOMMENDED_CLIENT) or ""
    if not offered or version_tuple(offered) <= version_tuple(__version__):
        return None
    return offered, db.meta(sync_apply.CLIENT_DOWNLOAD) or ""


class NotConfigured(Exception):
    """No centre server is set on this computer: nothing to sync with."""


def load_token(server_url: str, device_id: str | None, data_dir: Path) -> str | None:
    """The device token: $YTCS_SYNC_TOKEN (scripts), else the sync client's keystore."""
    from ytcs_desktop.settings import settings
    from ytcs_desktop.sync import keystore

    if given := settings().sync_token:
        return given
    if not device_id:
        return None
    try:
        return keystore.load_token(server_url, device_id, data_dir)
    except Exception:  # no keyring on this machine: the window asks to sign in again
        return None


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
    if module is None:
        raise RuleError(
            "sync_unavailable",
            msg("sync_unavailable"),
            field="server_url",
        )
    import socket

    from ytcs_desktop.sync.join import join_centre

    if not choice.server_url:
        raise RuleError("required", msg("required.first_sign_in"), field="server_url")
    try:
        joined = join_centre(path, choice.server_url, choice.username, choice.password,
                             device_name=socket.gethostname())
    except module.SyncError as exc:
        raise RuleError(exc.code, exc.text, field="password" if exc.code != "network" else "server_url") from exc
    return joined.db
