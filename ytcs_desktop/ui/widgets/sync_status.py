"""The status-bar sync indicator: last successful sync, changes waiting, and the state in plain words."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ytcs_desktop.ui.models.base import fmt_date, fmt_time
from ytcs_desktop.ui.sync_controller import SyncController, SyncStatus


class SyncStatusWidget(QWidget):
    """Shows a SyncStatus; Sync now / Cancel buttons drive the controller."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 0, 4, 0)
        self.state_label = QLabel()
        self.state_label.setObjectName("sync_state")
        self.detail_label = QLabel()
        self.detail_label.setObjectName("sync_detail")
        self.progress = QProgressBar()
        self.progress.setFixedWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setToolTip(self.tr("Send and receive changes (F9)"))
        self.cancel_button = QPushButton(self.tr("Stop"))
        self.cancel_button.hide()
        self.sync_button.clicked.connect(controller.sync_now)
        self.cancel_button.clicked.connect(controller.cancel)
        row.addWidget(self.state_label)
        row.addSpacing(12)
        row.addWidget(self.detail_label)
        row.addStretch(1)
        for widget in (self.progress, self.cancel_button, self.sync_button):
            row.addWidget(widget)
        controller.status_changed.connect(self.show_status)
        self.show_status(controller.status)

    def show_status(self, status: SyncStatus) -> None:
        texts = {
            "unconfigured": (self.tr("Working offline (no centre server set)"), "#6b6b6b"),
            "offline": (self.tr("No connection to the centre"), "#b26a00"),
            "idle": (self.tr("Connected"), "#1b7f3b"),
            "syncing": (self.tr("Syncing…"), "#1f6fb2"),
            "error": (self.tr("Sync failed"), "#b3261e"),
        }
        text, colour = texts.get(status.state, (status.state, "#000"))
        self.state_label.setText(f"● {text}")
        self.state_label.setStyleSheet(f"color: {colour}; font-weight: 600;")
        self.state_label.setToolTip(status.message)
        parts = []
        if status.last_success is not None:
            local = status.last_success.astimezone()
            parts.append(self.tr("Last sync: %1").replace("%1", _when(local)))
        else:
            parts.append(self.tr("Never synced"))
        parts.append(self.tr("%n change(s) waiting", "", status.pending))
        if status.rejected:
            parts.append(self.tr("%n refused", "", status.rejected))
        self.detail_label.setText(" · ".join(parts))
        syncing = status.state == "syncing"
        self.progress.setVisible(syncing)
        self.cancel_button.setVisible(syncing)
        self.sync_button.setEnabled(not syncing and status.state != "unconfigured")
        if syncing:
            self.progress.setMaximum(max(status.total, 0))
            self.progress.setValue(min(status.done, status.total) if status.total else 0)


def _when(moment: dt.datetime) -> str:
    today = dt.datetime.now().astimezone().date()
    if moment.date() == today:
        return fmt_time(moment)
    return fmt_date(moment)
