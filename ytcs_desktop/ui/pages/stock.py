"""Kho: stock on hand, stock card, counts, requisitions and pending receipts, as tabs."""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QTabWidget, QWidget

from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.pages.base import Page
from ytcs_desktop.ui.pages.stock_card import StockCardTab
from ytcs_desktop.ui.pages.stock_onhand import OnHandTab

# Tabs built from the stock areas whose domain modules exist (module, class).
OPTIONAL_TABS = (
    ("ytcs_desktop.ui.pages.stock_counts", "CountsTab"),
    ("ytcs_desktop.ui.pages.requisitions", "RequisitionsTab"),
    ("ytcs_desktop.ui.pages.receipts", "ReceiptsTab"),
)


class StockPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        self.tabs = QTabWidget()
        self.on_hand = OnHandTab(ctx)
        self.card = StockCardTab(ctx)
        self.tabs.addTab(self.on_hand, self.tr("On hand"))
        self.tabs.addTab(self.card, self.tr("Stock card"))
        self.extra: dict[str, QWidget] = {}
        for module_name, class_name in OPTIONAL_TABS:
            try:
                module = importlib.import_module(module_name)
            except ImportError:  # that part of the domain is not there yet
                continue
            tab = getattr(module, class_name)(ctx)
            self.extra[class_name] = tab
            self.tabs.addTab(tab, tab.tab_title())
        self.layout_.addWidget(self.tabs, 1)
        self.on_hand.stock_card_requested.connect(self.open_card)
        self.tabs.currentChanged.connect(self._tab_shown)

    def title(self) -> str:
        return self.tr("Stock")

    def first_load(self) -> None:
        self.on_hand.load()

    def open_card(self, item_id: str) -> None:
        self.tabs.setCurrentWidget(self.card)
        self.card.show_item(item_id)

    def _tab_shown(self, index: int) -> None:
        tab = self.tabs.widget(index)
        loader = getattr(tab, "load", None)
        if callable(loader):
            loader()
