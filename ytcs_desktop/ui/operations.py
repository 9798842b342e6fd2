"""Named write operations and queries, run off the GUI thread, with one change announcement per write.

A write is `Operations.write(name, fn, areas=...)`: `fn(session, actor)` runs inside one
`db.transaction()` on the writer thread; when it commits, `changed` is emitted once with the areas it
touched, and each view decides whether to refresh. A refusal of the domain layer (`DomainError`) comes
back to `on_error` so the form can show `message(lang)` next to the field; nothing was written then.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.store.db import Database, known_error
from ytcs_desktop.store.session import Session
from ytcs_desktop.ui.tasks import Cancelled, TaskControl, TaskManager

log = logging.getLogger(__name__)
T = TypeVar("T")

# Areas a write can touch; views subscribe to the ones they show.
STOCK = "stock"
REQUESTS = "requests"
TRAINING = "training"
COLDCHAIN = "coldchain"
PROFILE = "profile"
REQUISITIONS = "requisitions"
SYNC = "sync"
REPORTING = "reporting"  # report submissions and the schedule
ALL_AREAS = frozenset({STOCK, REQUESTS, TRAINING, COLDCHAIN, PROFILE, REQUISITIONS, SYNC, REPORTING})


class Operations(QObject):
    """The one door for writes and queries from the window.

    Signals: `changed(frozenset[str])` once per committed write (or sync), `saved(str, object)` with
    the name and result of each committed write (the window confirms it), `failed(str)` with a
    message for the user when a write failed for a reason that is not a domain refusal.
    """

    changed = Signal(object)
    saved = Signal(str, object)
    failed = Signal(str)

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager, lang: str = "vi",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.tasks = tasks
        self.lang = lang
        self.last_operation: str | None = None
        self.version = 0  # one more at every change announced
        self._memo: dict[Hashable, tuple[int, Any]] = {}
        self._memo_lock = threading.Lock()
        self.changed.connect(self._bump, Qt.ConnectionType.DirectConnection)

    def _bump(self, _areas: object) -> None:
        self.version += 1

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()` once per announced change: views that read the same thing after the same
        change (the lot and item lists after a stock write) share one answer. Call it on a worker."""
        version = self.version
        with self._memo_lock:
            kept = self._memo.get(key)
            if kept is not None and kept[0] == version:
                return kept[1]  # type: ignore[no-any-return]
        value = compute()
        with self._memo_lock:
            self._memo[key] = (version, value)
        return value

    def write(self, name: str, fn: Callable[[Session, Actor], T], areas: Iterable[str],
              on_done: Callable[[T], None] | None = None,
              on_error: Callable[[DomainError], None] | None = None,
              label: str | None = None, parent: QWidget | None = None,
              on_failed: Callable[[], None] | None = None) -> TaskControl:
        """Run `fn(session, actor)` in one transaction on the writer thread. `on_failed` runs after
        any error that is not a domain refusal (the user was told; nothing was written)."""
        touched = frozenset(areas)
        db, actor = self.db, self.actor

        def work(_control: TaskControl) -> T:
            with db.transaction(person=actor.name) as session:  # the audit trail names the actor
                return fn(session, actor)

        def done(result: T) -> None:
            self.last_operation = name
            self.changed.emit(touched)
            if on_done is not None:
                on_done(result)
            self.saved.emit(name, result)

        def error(exc: BaseException) -> None:
            self._handle_error(name, exc, on_error, parent)
            if on_failed is not None and not isinstance(exc, DomainError):
                on_failed()

        return self.tasks.write(work, done, error, label)

    def query(self, fn: Callable[[Session], T], on_done: Callable[[T], None],
              on_error: Callable[[BaseException], None] | None = None,
              label: str | None = None, priority: int = 0) -> TaskControl:
        """Run `fn(session)` in a read session on the read pool (higher priority goes first)."""
        db = self.db

        def work(_control: TaskControl) -> T:
            with db.read() as session:
                return fn(session)

        def error(exc: BaseException) -> None:
            if on_error is not None:
                on_error(exc)
            elif not isinstance(exc, Cancelled):
                log.error("query failed", exc_info=exc)

        return self.tasks.read(work, on_done, error, label, priority=priority)

    def announce(self, areas: Iterable[str]) -> None:
        """Announce a change made outside `write` (a sync that pulled rows)."""
        self.changed.emit(frozenset(areas))

    def _handle_error(self, name: str, exc: BaseException,
                      on_error: Callable[[DomainError], None] | None, parent: QWidget | None) -> None:
        if isinstance(exc, DomainError):
            if on_error is not None:
                on_error(exc)
            else:
                self._tell(parent, exc.message(self.lang))
            return
        if isinstance(exc, Cancelled):
            return
        log.error("operation %s failed", name, exc_info=exc)
        known = known_error(exc, self.db.path) if isinstance(exc, Exception) else None
        # a damaged file, a full disk, a locked file: what it is and what to do
        detail = known.message(self.lang).rstrip(".") if known is not None else str(exc) or type(exc).__name__
        text = self.tr("Could not save: %1. Nothing was changed; what you typed is still here.").replace(
            "%1", detail
        )
        self.failed.emit(text)
        self._tell(parent, text)

    def _tell(self, parent: QWidget | None, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("YTCS"), text, QMessageBox.StandardButton.NoButton,
                          parent)
        box.addButton(self.tr("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.open()


def run_sync_query(db: Database, fn: Callable[[Session], Any]) -> Any:
    """A query on the calling thread; for tests and for the first paint of tiny look-ups only."""
    with db.read() as session:
        return fn(session)
