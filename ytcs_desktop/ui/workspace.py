"""Which pages make the station and the centre workspaces, and building the window from them."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.pages.base import Page
from ytcs_desktop.ui.widgets.sync_status import SyncStatusWidget

STATION_PAGES = (
    ("ytcs_desktop.ui.pages.overview", "OverviewPage"),
    ("ytcs_desktop.ui.pages.profile", "ProfilePage"),
    ("ytcs_desktop.ui.pages.support", "SupportPage"),
    ("ytcs_desktop.ui.pages.training", "TrainingPage"),
    ("ytcs_desktop.ui.pages.stock", "StockPage"),
    ("ytcs_desktop.ui.pages.coldchain", "ColdChainPage"),
    ("ytcs_desktop.ui.pages.reports", "ReportsPage"),
    ("ytcs_desktop.ui.pages.sync_log", "SyncLogPage"),
)
CENTRE_PAGES = (
    ("ytcs_desktop.ui.pages.centre_stations", "StationsOverviewPage"),
    ("ytcs_desktop.ui.pages.centre_inbox", "InboxPage"),
    ("ytcs_desktop.ui.pages.centre_rotations", "RotationsPage"),
    ("ytcs_desktop.ui.pages.training", "TrainingPage"),
    ("ytcs_desktop.ui.pages.centre_supply", "SupplyPage"),
    ("ytcs_desktop.ui.pages.reports", "ReportsPage"),
    ("ytcs_desktop.ui.pages.sync_log", "SyncLogPage"),
)


def page_factories(ctx: AppContext) -> list[Callable[[AppContext], Page]]:
    out = []
    for module_name, class_name in CENTRE_PAGES if ctx.is_centre else STATION_PAGES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue
            raise
        out.append(getattr(module, class_name))
    return out


def build_window(ctx: AppContext) -> MainWindow:
    role = "Health centre" if ctx.is_centre else "Health station"
    title = "YTCS Desktop — " + QCoreApplication.translate("MainWindow", role)
    window = MainWindow(ctx, page_factories(ctx), title)
    if ctx.sync is not None:
        status = SyncStatusWidget(ctx.sync)
        window.statusBar().addWidget(status, 1)
        window.sync_action.triggered.connect(ctx.sync.sync_now)
        ctx.ops.changed.connect(lambda _areas: ctx.sync.refresh_counts() if ctx.sync else None)
        ctx.sync.refresh_counts()
        ctx.sync.start_auto()
    window.tasks_owner = ctx.tasks  # type: ignore[attr-defined]
    ctx.tasks.dialog_parent = window
    return window
