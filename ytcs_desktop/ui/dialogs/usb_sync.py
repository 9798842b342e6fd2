"""Đồng bộ qua USB: sync without a network, in the window. At a station: write the file for the centre to a
USB drive, later read the centre's answer from it. At the centre: answer a station's file (the centre's
server does the work; the answer is written beside the station's file). Every step runs on a worker."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ytcs_desktop.messages import msg
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.operations import ALL_AREAS
from ytcs_desktop.ui.tasks import TaskControl

SUFFIX = ".ytcs-sync"


def _credentials(ctx: AppContext) -> tuple[str, str, str]:
    """(server, device id, token) of this PC: a PC signs in online once before it can sync by USB."""
    from ytcs_desktop.sync.bundle import BundleError
    from ytcs_desktop.ui.models.sync_info import DEVICE_ID, SERVER_URL
    from ytcs_desktop.ui.sync_controller import load_token

    db = ctx.db
    server, device = db.meta(SERVER_URL) or "", db.meta(DEVICE_ID) or ""
    token = load_token(server, device, db.path.parent) if server and device else None
    if not token:
        raise BundleError("no_token", msg("no_token"))
    return server, device, token


class UsbSyncDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Sync by USB drive"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        if ctx.is_centre:
            intro = self.tr("A station without a network brings its sync file on a USB drive. Answer it here: "
                            "the centre's server takes the station's changes and writes the answer file beside "
                            "it, for the station to read back.")
            self.write_button = QPushButton(self.tr("&Answer a station's file…"))
            self.read_button = None
        else:
            intro = self.tr("Without a network: 1. write this computer's changes to a USB drive and take it to "
                            "the centre; 2. when it comes back with the centre's answer, read the answer here.")
            self.write_button = QPushButton(self.tr("1. &Write the file for the centre…"))
            self.read_button = QPushButton(self.tr("2. &Read the centre's answer…"))
        note = QLabel(intro)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.write_button)
        self.write_button.clicked.connect(lambda: self.answer() if ctx.is_centre else self.write())
        if self.read_button is not None:
            layout.addWidget(self.read_button)
            self.read_button.clicked.connect(lambda: self.read())
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # how long a file takes is not known: a moving bar says work goes on
        self.busy.hide()
        layout.addWidget(self.busy)
        self.outcome = QLabel()
        self.outcome.setObjectName("usb_result")
        self.outcome.setWordWrap(True)
        layout.addWidget(self.outcome)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # ----- the steps (a path given skips the file dialog: what the dialog hands over) ----------------
    def write(self, target: Path | None = None) -> None:
        if target is None:
            code = self.ctx.db.station_id or "tram"
            name = f"ytcs-{code[:8]}-{dt.datetime.now():%Y%m%d-%H%M}{SUFFIX}"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Write the file for the centre"),
                                                    str(Path.home() / name), self._filter())
            if not chosen:
                return
            target = Path(chosen)
        ctx, out = self.ctx, target

        def work(_control: TaskControl) -> int:
            from ytcs_desktop.sync import bundle

            _server, device, token = _credentials(ctx)
            data = bundle.request_bundle(ctx.db, device, token)
            out.write_bytes(data)
            return len(data)

        self._start()
        self.ctx.tasks.read(work, lambda size: self._done(
            self.tr("Written %1 (%2 KB): take it to the centre.").replace("%1", str(out))
            .replace("%2", f"{max(1, size // 1024)}")), self._failed)

    def read(self, source: Path | None = None) -> None:
        if source is None:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Read the centre's answer"), str(Path.home()),
                                                    self._filter())
            if not chosen:
                return
            source = Path(chosen)
        ctx, path = self.ctx, source

        def work(_control: TaskControl) -> dict[str, int]:
            from ytcs_desktop.sync import bundle

            _server, device, token = _credentials(ctx)
            return bundle.apply_answer(ctx.db, device, token, path.read_bytes())

        def done(counts: dict[str, int]) -> None:
            ctx.ops.announce(ALL_AREAS)
            text = (self.tr("Read: %1 changes acknowledged by the centre (%2 refused), %3 received.")
                    .replace("%1", str(counts["pushed"])).replace("%2", str(counts["rejected"]))
                    .replace("%3", str(counts["pulled"])))
            if counts.get("accounts_confirmed") or counts.get("accounts_refused"):
                text += " " + (self.tr("Sign-in accounts: %1 confirmed by the centre, %2 refused (see File → "
                                       "Accounts on this computer).")
                               .replace("%1", str(counts.get("accounts_confirmed", 0)))
                               .replace("%2", str(counts.get("accounts_refused", 0))))
            self._done(text)

        self._start()
        self.ctx.tasks.write(work, done, self._failed)

    def answer(self, source: Path | None = None) -> None:
        if source is None:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("A station's sync file"), str(Path.home()),
                                                    self._filter())
            if not chosen:
                return
            source = Path(chosen)
        ctx, path = self.ctx, source
        out = path.with_name(path.name.removesuffix(SUFFIX) + "-tra-loi" + SUFFIX)

        def work(_control: TaskControl) -> Path:
            from ytcs_desktop.sync import bundle
            from ytcs_desktop.sync.client import trusted_ca

            server, _device, token = _credentials(ctx)
            out.write_bytes(bundle.answer_through_server(server, token, path.read_bytes(),
                                                         verify=trusted_ca(ctx.db.path.parent)))
            return out

        self._start()
        self.ctx.tasks.network(work, lambda made: self._done(
            self.tr("The answer is written to %1: give the drive back to the station.").replace("%1", str(made))),
            self._failed)

    # ----- showing where things stand --------------------------------------------------------------
    def _filter(self) -> str:
        return self.tr("YTCS sync files (*%1);;All files (*)").replace("%1", SUFFIX)

    def _start(self) -> None:
        self.outcome.clear()
        self.busy.show()
        self.write_button.setEnabled(False)
        if self.read_button is not None:
            self.read_button.setEnabled(False)

    def _finish(self) -> None:
        self.busy.hide()
        self.write_button.setEnabled(True)
        if self.read_button is not None:
            self.read_button.setEnabled(True)

    def _done(self, text: str) -> None:
        self._finish()
        self.outcome.setStyleSheet("")
        self.outcome.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        message: Any = getattr(exc, "en" if self.ctx.lang == "en" else "vi", None) or str(exc)
        self.outcome.setStyleSheet("color: #b3261e;")
        self.outcome.setText(str(message))
