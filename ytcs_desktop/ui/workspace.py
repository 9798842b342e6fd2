"""Which pages make the station and the centre workspaces, and building the window from them."""

from __future__ import annotations

import html
import importlib
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from ytcs_desktop.domain.enrolment import EnrolmentSummary
from ytcs_desktop.domain.station_name import own_name
from ytcs_desktop.ui.app import tune_gc
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.main_window import MainWindow, PageSpec
from ytcs_desktop.ui.operations import run_sync_query
from ytcs_desktop.ui.pages.base import Page
from ytcs_desktop.ui.widgets.sync_status import SyncStatusWidget

# (module, class, title in the "Navigation" context). Modules are imported when a page is first shown.
# The pages of release 0.1 keep their places (Ctrl+1…9 in people's fingers: Ctrl+5 is Stock); the
# programme's pages follow them, then the records and housekeeping.
STATION_PAGES = (
    ("ytcs_desktop.ui.pages.overview", "OverviewPage", QT_TRANSLATE_NOOP("Navigation", "Overview")),
    ("ytcs_desktop.ui.pages.profile", "ProfilePage", QT_TRANSLATE_NOOP("Navigation", "Station profile")),
    ("ytcs_desktop.ui.pages.support", "SupportPage", QT_TRANSLATE_NOOP("Navigation", "Professional support")),
    ("ytcs_desktop.ui.pages.training", "TrainingPage", QT_TRANSLATE_NOOP("Navigation", "Training")),
    ("ytcs_desktop.ui.pages.stock", "StockPage", QT_TRANSLATE_NOOP("Navigation", "Stock")),
    ("ytcs_desktop.ui.pages.coldchain", "ColdChainPage", QT_TRANSLATE_NOOP("Navigation", "Vaccines & cold chain")),
    ("ytcs_desktop.ui.pages.submissions", "SubmissionsPage", QT_TRANSLATE_NOOP("Navigation", "Reports to the centre")),
    ("ytcs_desktop.ui.pages.station_programme", "StationProgrammePage",
     QT_TRANSLATE_NOOP("Navigation", "Support plan")),
    ("ytcs_desktop.ui.pages.referrals", "ReferralsPage",
     QT_TRANSLATE_NOOP("Navigation", "Referrals & supervision")),
    ("ytcs_desktop.ui.pages.station_rotations", "StationRotationsPage", QT_TRANSLATE_NOOP("Navigation", "Rotation")),
    ("ytcs_desktop.ui.pages.techniques", "TechniquesPage", QT_TRANSLATE_NOOP("Navigation", "Techniques")),
    ("ytcs_desktop.ui.pages.village_workers", "VillageWorkersPage",
     QT_TRANSLATE_NOOP("Navigation", "Village health workers")),
    ("ytcs_desktop.ui.pages.reports", "ReportsPage", QT_TRANSLATE_NOOP("Navigation", "Reports")),
    ("ytcs_desktop.ui.pages.sync_log", "SyncLogPage", QT_TRANSLATE_NOOP("Navigation", "Sync")),
    ("ytcs_desktop.ui.pages.audit_log", "AuditLogPage", QT_TRANSLATE_NOOP("Navigation", "Change log")),
    ("ytcs_desktop.ui.pages.backup", "BackupPage", QT_TRANSLATE_NOOP("Navigation", "Backups")),
)
CENTRE_PAGES = (
    ("ytcs_desktop.ui.pages.centre_stations", "StationsOverviewPage", QT_TRANSLATE_NOOP("Navigation", "Stations")),
    ("ytcs_desktop.ui.pages.centre_inbox", "InboxPage", QT_TRANSLATE_NOOP("Navigation", "Request inbox")),
    ("ytcs_desktop.ui.pages.centre_rotations", "RotationsPage", QT_TRANSLATE_NOOP("Navigation", "Rotation planning")),
    ("ytcs_desktop.ui.pages.training", "TrainingPage", QT_TRANSLATE_NOOP("Navigation", "Training")),
    ("ytcs_desktop.ui.pages.centre_supply", "SupplyPage", QT_TRANSLATE_NOOP("Navigation", "Requisitions & supply")),
    ("ytcs_desktop.ui.pages.submissions", "SubmissionsPage", QT_TRANSLATE_NOOP("Navigation", "Station reports")),
    ("ytcs_desktop.ui.pages.centre_programme", "ProgrammePage",
     QT_TRANSLATE_NOOP("Navigation", "Support programme")),
    ("ytcs_desktop.ui.pages.centre_referrals", "ReferralRegisterPage",
     QT_TRANSLATE_NOOP("Navigation", "Referral register")),
    ("ytcs_desktop.ui.pages.centre_supervision", "SupervisionPage",
     QT_TRANSLATE_NOOP("Navigation", "Supervision visits")),
    ("ytcs_desktop.ui.pages.techniques", "TechniquesPage", QT_TRANSLATE_NOOP("Navigation", "Techniques")),
    ("ytcs_desktop.ui.pages.village_workers", "VillageWorkersPage",
     QT_TRANSLATE_NOOP("Navigation", "Village health workers")),
    ("ytcs_desktop.ui.pages.centre_figures", "ProgrammeFiguresPage",
     QT_TRANSLATE_NOOP("Navigation", "Programme figures")),
    ("ytcs_desktop.ui.pages.reports", "ReportsPage", QT_TRANSLATE_NOOP("Navigation", "Reports")),
    ("ytcs_desktop.ui.pages.sync_log", "SyncLogPage", QT_TRANSLATE_NOOP("Navigation", "Sync")),
    ("ytcs_desktop.ui.pages.audit_log", "AuditLogPage", QT_TRANSLATE_NOOP("Navigation", "Change log")),
    ("ytcs_desktop.ui.pages.backup", "BackupPage", QT_TRANSLATE_NOOP("Navigation", "Backups")),
)


def _lazy(module_name: str, class_name: str) -> Callable[[AppContext], Page]:
    def build(ctx: AppContext) -> Page:
        page: Page = getattr(importlib.import_module(module_name), class_name)(ctx)
        return page

    return build


def page_specs(ctx: AppContext) -> list[PageSpec]:
    return [PageSpec(cls, QCoreApplication.translate("Navigation", str(title)), _lazy(module, cls))
            for module, cls, title in (CENTRE_PAGES if ctx.is_centre else STATION_PAGES)]


def show_enrolment(window: MainWindow, summary: EnrolmentSummary, lang: str) -> QMessageBox:
    """The first sync took this PC's earlier records across: say so once, in plain words (not modal, so
    work goes on)."""
    lines = summary.lines(lang)
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("Enrolment", "Joined the centre"),
                      lines[0], QMessageBox.StandardButton.NoButton, window)
    box.setObjectName("enrolment_summary")
    box.setInformativeText("\n".join(lines[1:]))
    box.addButton(QCoreApplication.translate("Enrolment", "OK"), QMessageBox.ButtonRole.AcceptRole)
    box.open()
    window.enrolment_box = box  # type: ignore[attr-defined]
    return box


class UpdateNotice(QLabel):
    """"Có phiên bản mới YTCS x.y": shown in the status bar when the centre offers a newer version."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("update_notice")
        self.setOpenExternalLinks(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.hide()

    def offer(self, version: str, where: str) -> None:
        text = QCoreApplication.translate("Update", "A new version, YTCS %1, is available").replace("%1", version)
        if where:
            get = QCoreApplication.translate("Update", "get it here")
            link = f'<a href="{html.escape(where, quote=True)}">{get}</a>'
            text = f"{html.escape(text)}: {link}"
        else:
            text = html.escape(text + QCoreApplication.translate("Update", ": ask the centre for it."))
        self.setText(text)
        self.setToolTip(where)
        self.show()


_ROLE_TITLES = (QT_TRANSLATE_NOOP("MainWindow", "Health station"), QT_TRANSLATE_NOOP("MainWindow", "Health centre"))


def window_title(ctx: AppContext) -> str:
    """“YTCS Desktop — Trạm Y tế phường An Phú”: the station's (or centre's) own name, else its kind."""
    name = run_sync_query(ctx.db, lambda s: own_name(s, ctx.actor.station_id))
    role = QCoreApplication.translate("MainWindow", str(_ROLE_TITLES[1 if ctx.is_centre else 0]))
    return f"YTCS Desktop — {name or role}"


def build_window(ctx: AppContext) -> MainWindow:
    title = window_title(ctx)
    window = MainWindow(ctx, page_specs(ctx), title)
    if ctx.sync is not None:
        status = SyncStatusWidget(ctx.sync)
        window.statusBar().addWidget(status, 1)
        window.sync_action.triggered.connect(ctx.sync.sync_now)
        ctx.ops.changed.connect(lambda _areas: ctx.sync.refresh_counts() if ctx.sync else None)
        ctx.sync.enrolled.connect(lambda summary: show_enrolment(window, summary, ctx.lang))
        notice = UpdateNotice(window)
        window.statusBar().addPermanentWidget(notice)
        ctx.sync.update_available.connect(notice.offer)
        ctx.sync.refresh_counts()
        ctx.sync.start_auto()
    if ctx.backups is not None and str(ctx.settings.value("auto_backup", "true")).lower() != "false":
        ctx.backups.start_auto()
    if str(ctx.settings.value("preload", "true")).lower() != "false":
        window.preload(["SupportPage", "InboxPage"] if ctx.is_centre else ["StockPage"])
    QTimer.singleShot(500, tune_gc)  # once the window is up: see tune_gc
    window.tasks_owner = ctx.tasks  # type: ignore[attr-defined]
    ctx.tasks.dialog_parent = window
    return window
