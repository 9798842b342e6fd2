"""Background work: one writer thread for every SQLite write, a pool for reads and a pool for the network.

Work is a plain callable taking a `TaskControl` (progress callback and cancel flag). Results and errors
come back to the GUI thread by signal and are handed to the caller's callbacks there; work never
touches a widget. A progress dialog appears only when a task lasts longer than `PROGRESS_DELAY_MS`.
"""

from __future__ import annotations

import itertools
import logging
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 600

Work = Callable[["TaskControl"], Any]
OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class Cancelled(Exception):
    """Raised by work that noticed the cancel flag."""


class TaskControl:
    """Handed to the work: report progress, and look at the cancel flag between steps."""

    def __init__(self, task_id: int, emit: Callable[[int, int, int, str], None]) -> None:
        self._id = task_id
        self._emit = emit
        self._cancel = threading.Event()

    @property
    def task_id(self) -> int:
        """The id `TaskManager.progressed` and `finished` carry for this task."""
        return self._id

    @property
    def event(self) -> threading.Event:
        """The cancel flag itself, for APIs that take anything with `is_set()`."""
        return self._cancel

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._emit(self._id, done, total, text)


@dataclass
class _Pending:
    on_done: OnDone | None
    on_error: OnError | None
    control: TaskControl
    label: str | None
    dialog: QProgressDialog | None = None
    timer: QTimer | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class _Runnable(QRunnable):
    def __init__(self, run: Callable[[], None]) -> None:
        super().__init__()
        self._run = run
        self.setAutoDelete(True)

    def run(self) -> None:
        self._run()


class _Writer(QObject):
    """Lives in the writer thread; runs submitted work one at a time, in order."""

    submitted = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.submitted.connect(self._run)

    @Slot(object)
    def _run(self, job: Callable[[], None]) -> None:
        job()


def _quit_current_thread() -> None:
    thread = QThread.currentThread()
    if thread is not None:
        thread.quit()


class TaskManager(QObject):
    """Runs work off the GUI thread.

    Signals: `finished(task_id, result, error)` and `progressed(task_id, done, total, text)` are
    emitted from worker threads and delivered queued to the GUI thread; `busy_changed(bool)`.
    """

    finished = Signal(int, object, object)
    progressed = Signal(int, int, int, str)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, dialog_parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self.dialog_parent = dialog_parent
        self._thread = QThread()
        self._thread.setObjectName("ytcs-writer")
        self._writer = _Writer()
        self._writer.moveToThread(self._thread)
        self._thread.start()
        # One reader and one network thread: two Python-heavy workers at once starve the GUI thread
        # of the GIL (measured: 300+ ms stalls), one at a time keeps every stall under 50 ms.
        self._reads = QThreadPool()
        self._reads.setMaxThreadCount(1)
        self._network = QThreadPool()
        self._network.setMaxThreadCount(1)
        self.finished.connect(self._on_finished)
        self.progressed.connect(self._on_progress)
        self._closed = False

    # ----- submitting ---------------------------------------------------------------------
    def write(self, work: Work, on_done: OnDone | None = None, on_error: OnError | None = None,
              label: str | None = None) -> TaskControl:
        """Run work on the single writer thread (everything that writes SQLite goes here)."""
        return self._submit("write", work, on_done, on_error, label)

    def read(self, work: Work, on_done: OnDone | None = None, on_error: OnError | None = None,
             label: str | None = None, priority: int = 0) -> TaskControl:
        """Run a query on the read pool (SQLite WAL lets readers run beside the writer); queued
        queries with a higher priority run first."""
        return self._submit("read", work, on_done, on_error, label, priority)

    def network(self, work: Work, on_done: OnDone | None = None, on_error: OnError | None = None,
                label: str | None = None) -> TaskControl:
        return self._submit("network", work, on_done, on_error, label)

    def _submit(self, where: str, work: Work, on_done: OnDone | None, on_error: OnError | None,
                label: str | None, priority: int = 0) -> TaskControl:
        task_id = next(self._ids)
        control = TaskControl(task_id, self.progressed.emit)
        if self._closed:  # a late timer or click while the window closes: nothing runs
            control.cancel()
            return control
        pending = _Pending(on_done, on_error, control, label)
        was_idle = not self._pending
        self._pending[task_id] = pending
        if label:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda: self._show_dialog(task_id))
            timer.start(PROGRESS_DELAY_MS)
            pending.timer = timer

        def job() -> None:
            result: Any = None
            error: BaseException | None = None
            try:
                result = work(control)
            except BaseException as exc:  # handed to the GUI thread, never lost
                error = exc
                if not isinstance(exc, Cancelled):
                    log.debug("task %s failed:\n%s", task_id, traceback.format_exc())
            self.finished.emit(task_id, result, error)

        if where == "write":
            self._writer.submitted.emit(job)
        elif where == "read":
            self._reads.start(_Runnable(job), priority)
        else:
            self._network.start(_Runnable(job))
        if was_idle:
            self.busy_changed.emit(True)
        return control

    # ----- results on the GUI thread --------------------------------------------------------
    @Slot(int, object, object)
    def _on_finished(self, task_id: int, result: Any, error: BaseException | None) -> None:
        pending = self._pending.pop(task_id, None)
        if pending is None:
            return
        self._close_progress(pending)
        if error is None:
            if pending.on_done is not None:
                pending.on_done(result)
        elif pending.on_error is not None:
            pending.on_error(error)
        elif not isinstance(error, Cancelled):
            log.error("background task failed", exc_info=error)
        if not self._pending:
            self.busy_changed.emit(False)

    @Slot(int, int, int, str)
    def _on_progress(self, task_id: int, done: int, total: int, text: str) -> None:
        pending = self._pending.get(task_id)
        if pending is None or pending.dialog is None:
            return
        pending.dialog.setMaximum(max(total, 0))
        pending.dialog.setValue(min(done, total) if total > 0 else 0)
        if text:
            pending.dialog.setLabelText(text)

    def _show_dialog(self, task_id: int) -> None:
        pending = self._pending.get(task_id)
        if pending is None or pending.label is None:
            return
        dialog = QProgressDialog(pending.label, self.tr("Cancel"), 0, 0, self.dialog_parent)
        dialog.setWindowTitle(pending.label)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(pending.control.cancel)
        dialog.show()
        pending.dialog = dialog

    def _close_progress(self, pending: _Pending) -> None:
        if pending.timer is not None:
            pending.timer.stop()
            pending.timer.deleteLater()
        if pending.dialog is not None:
            pending.dialog.close()
            pending.dialog.deleteLater()

    # ----- state and shutdown ---------------------------------------------------------------
    def is_busy(self) -> bool:
        return bool(self._pending)

    def cancel_all(self) -> None:
        for pending in self._pending.values():
            pending.control.cancel()

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Cancel what can be cancelled, let the writer finish its queue, and stop every thread."""
        if self._closed:
            return
        self._closed = True
        self.cancel_all()
        self._network.waitForDone(timeout_ms)
        self._reads.waitForDone(timeout_ms)
        # Queued after every earlier write, so the writer drains its queue before it stops.
        self._writer.submitted.emit(_quit_current_thread)
        self._thread.wait(timeout_ms)
        for pending in list(self._pending.values()):
            self._close_progress(pending)
        self._pending.clear()
