"""Tổng quan: what needs attention today, each card linking to the page where it is dealt with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ytcs_desktop.domain.labels import label
from ytcs_desktop.domain.support import status_label
from ytcs_desktop.ui.backups import is_old
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.models.alerts import Alerts, alert_queries
from ytcs_desktop.ui.models.base import fmt_date, fmt_day_month
from ytcs_desktop.ui.models.reporting import due_state_text
from ytcs_desktop.ui.operations import ALL_AREAS
from ytcs_desktop.ui.pages.base import Page
from ytcs_desktop.ui.widgets.upcoming import UpcomingConsultations

MAX_LINES = 6


class AlertCard(QFrame):
    """A titled count with a few lines; calm grey when there is nothing, amber or red otherwise."""

    def __init__(self, title: str, page_name: str, severity: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page_name = page_name
        self.severity = severity
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("alert_card")
        col = QVBoxLayout(self)
        self.title = QLabel(title)
        self.title.setStyleSheet("font-weight: 600; font-size: 11pt;")
        self.count = QLabel("…")
        self.count.setStyleSheet("font-size: 20pt; font-weight: 600;")
        self.lines = QLabel()
        self.lines.setWordWrap(True)
        self.lines.setTextFormat(Qt.TextFormat.PlainText)
        self.lines.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.open_button = QPushButton()
        col.addWidget(self.title)
        col.addWidget(self.count)
        col.addWidget(self.lines, 1)
        col.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)

    def show_items(self, lines: list[str], more_text: str) -> None:
        n = len(lines)
        self.count.setText(str(n))
        shown = lines[:MAX_LINES]
        if n > MAX_LINES:
            shown.append(more_text.replace("%1", str(n - MAX_LINES)))
        self.lines.setText("\n".join(shown))
        colour = "#f4f6f8" if n == 0 else ("#fdecea" if self.severity == "high" else "#fff7e0")
        border = "#d9dee3" if n == 0 else ("#e0a39c" if self.severity == "high" else "#e8cf8a")
        self.setStyleSheet(f"QFrame#alert_card {{ background: {colour}; border: 1px solid {border};"
                           " border-radius: 6px; }")


class OverviewPage(Page):
    """Signals: `open_page(str)` with the class name of the page a card links to; `updated()`."""

    open_page = Signal(str)
    updated = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        self.subtitle = QLabel()
        self.layout_.addWidget(self.subtitle)
        self.backup_banner = self._backup_banner()
        self.layout_.addWidget(self.backup_banner)
        self.consultations = UpcomingConsultations(ctx)
        self.consultations.open_page.connect(self.open_page)
        self.layout_.addWidget(self.consultations)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.cards = {
            "near_expiry": AlertCard(self.tr("Near expiry or expired"), "StockPage", "medium"),
            "below_minimum": AlertCard(self.tr("Below minimum stock"), "StockPage", "medium"),
            "missing_readings": AlertCard(self.tr("Missing fridge readings (7 days)"), "ColdChainPage", "high"),
            "quarantined": AlertCard(self.tr("Quarantined vaccine lots"), "ColdChainPage", "high"),
            "refused": AlertCard(self.tr("Changes refused by the centre"), "SyncLogPage", "high"),
            "open_requests": AlertCard(self.tr("Open support requests"), "SupportPage", "medium"),
            "reports_due": AlertCard(self.tr("Reports due to the centre"), "SubmissionsPage", "medium"),
            "open_actions": AlertCard(self.tr("Open supervision actions"), "ReferralsPage", "medium"),
        }
        for n, card in enumerate(self.cards.values()):
            card.open_button.setText(self.tr("Open"))
            card.open_button.clicked.connect(lambda _=False, c=card: self.open_page.emit(c.page_name))
            grid.addWidget(card, n // 3, n % 3)
        self.layout_.addLayout(grid, 1)
        self.alerts: Alerts | None = None
        self._loading = False
        ctx.ops.changed.connect(self._changed)
        if ctx.backups is not None:
            ctx.backups.changed.connect(self.show_backup)

    def _backup_banner(self) -> QFrame:
        """A red line when the newest backup is old (or there is none), linking to the backup page."""
        banner = QFrame()
        banner.setObjectName("backup_banner")
        banner.setStyleSheet("QFrame#backup_banner { background: #fdecea; border: 1px solid #e0a39c;"
                             " border-radius: 6px; }")
        row = QHBoxLayout(banner)
        self.backup_text = QLabel()
        self.backup_text.setWordWrap(True)
        self.backup_text.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.backup_open = QPushButton(self.tr("Back up…"))
        self.backup_open.clicked.connect(lambda: self.open_page.emit("BackupPage"))
        row.addWidget(self.backup_text, 1)
        row.addWidget(self.backup_open)
        banner.hide()
        return banner

    def show_backup(self) -> None:
        backups = self.ctx.backups
        if backups is None or not backups.known or not is_old(backups.newest):
            self.backup_banner.hide()
            return
        newest = backups.newest
        if newest is None:
            text = self.tr("This computer's data has never been backed up.")
        else:
            days = (dt.date.today() - newest.made.date()).days
            text = self.tr("The last backup is %1 days old (%2).").replace("%1", str(days)).replace(
                "%2", fmt_date(newest.made))
        self.backup_text.setText(text)
        self.backup_banner.show()

    def title(self) -> str:
        return self.tr("Overview")

    def first_load(self) -> None:
        self.refresh()
        self.consultations.refresh()
        if self.ctx.backups is not None:
            if self.ctx.backups.known:
                self.show_backup()
            else:
                self.ctx.backups.refresh()

    def _changed(self, areas: frozenset[str]) -> None:
        if self._activated and areas & ALL_AREAS:
            self.refresh()

    def refresh(self) -> None:
        """One short background query per card, behind the queries of the page in view."""
        station = self.ctx.actor.station_id or ""
        if self.alerts is None:
            self.alerts = Alerts()
        for key, query in alert_queries(station, lang=self.ctx.lang).items():
            self.ctx.ops.query(query, partial(self._card_loaded, key), priority=-1)

    def _card_loaded(self, key: str, rows: list[Any]) -> None:
        assert self.alerts is not None
        setattr(self.alerts, key, rows)
        self.show_alerts(self.alerts, only=key)

    def show_alerts(self, alerts: Alerts, only: str | None = None) -> None:
        self.alerts = alerts
        lang = self.ctx.lang
        today = dt.date.today()
        self.subtitle.setText(self.tr("Today is %1. Everything below is read from this computer's data.")
                              .replace("%1", fmt_date(today)))
        more = self.tr("… and %1 more")
        fill: dict[str, Callable[[], list[str]]] = {
            "near_expiry": lambda: [f"{b.item_name} — {b.lot_no}: {fmt_date(b.expiry)} ({b.quantity} {b.unit})"
                                    for b in alerts.near_expiry],
            "below_minimum": lambda: [f"{b.name}: {b.quantity}/{b.min_stock} {b.unit}" for b in alerts.below_minimum],
            "missing_readings": lambda: [
                f"{m.fridge_name}: {fmt_day_month(m.reading_date)} {label('slot', m.slot, lang)}"
                for m in alerts.missing_readings],
            "quarantined": lambda: [f"{q.item_name} — {q.lot_no} ({q.on_hand})" for q in alerts.quarantined],
            "refused": lambda: [f"{r.what}: {r.reason}" for r in alerts.refused],
            "open_requests": lambda: [f"{r.number or ''} {r.title} — {status_label(r.status, r.sync_state, lang)}"
                                      for r in alerts.open_requests],
            "open_actions": lambda: [f"{fmt_date(a.due_date)} — {a.action} ({label('finding_status', a.status, lang)})"
                                     for a in alerts.open_actions],
        }
        fill["reports_due"] = lambda: [
            self.tr("%1, %2 – %3: %4 (deadline %5)").replace("%1", d.kind_name).replace(
                "%2", fmt_date(d.period.date_from)).replace("%3", fmt_date(d.period.date_to)).replace(
                "%4", due_state_text(d.state)).replace("%5", fmt_date(d.period.deadline))
            for d in alerts.reports_due]
        for key, lines in fill.items():
            if only is None or key == only:
                self.cards[key].show_items(lines(), more)
        self.updated.emit()
