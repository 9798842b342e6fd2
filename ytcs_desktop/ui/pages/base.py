"""The base of every workspace page: a title for the navigation and a lazy first load."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.models.base import RecordTableModel, SearchProxy


class Page(QWidget):
    """One screen of the workspace. `activate()` is called each time the page is shown; the first
    call loads its models (pages not visited cost nothing at start)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._activated = False
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(16, 12, 16, 12)
        self.layout_.setSpacing(8)

    def title(self) -> str:
        raise NotImplementedError

    def activate(self) -> None:
        if not self._activated:
            self._activated = True
            self.first_load()

    def first_load(self) -> None:
        """Start loading the page's models."""

    def heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("page_heading")
        label.setStyleSheet("font-size: 15pt; font-weight: 600; margin-bottom: 4px;")
        self.layout_.addWidget(label)
        return label


def make_table(model: RecordTableModel, proxy: SearchProxy | None = None) -> QTableView:
    """A read-only table view, sortable, whole rows selected, resizing to its contents."""
    view = QTableView()
    view.setModel(proxy if proxy is not None else model)
    if proxy is not None:
        # Keep the domain's order until the user clicks a header.
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    header.setResizeContentsPrecision(200)  # size columns from the first rows, not all 6,000
    keep_current_row(view, model, proxy)
    return view


def row_key(row: Any) -> str | None:
    """What names a row across reloads: its id, or the id of the record a view row is about."""
    if isinstance(row, dict):
        value = row.get("id")
        return str(value) if value else None
    value = getattr(row, "id", None)
    if isinstance(value, str):
        return value
    for name in ("visit", "technique", "request", "plan", "session", "item", "lot", "referral", "finding"):
        inner = getattr(row, name, None)
        value = getattr(inner, "id", None)
        if isinstance(value, str):
            return value
    return None


def keep_current_row(view: QTableView, model: RecordTableModel, proxy: SearchProxy | None) -> None:
    """A reload (after a save, a sync, another PC's change) keeps the row the person had chosen, found
    again by its key, instead of leaving nothing selected."""
    held: dict[str, Any] = {"key": None, "column": 0}

    shown = proxy if proxy is not None else model

    def remember() -> None:
        held["key"] = None
        if view.model() is not shown:  # the view shows another model now (a page that switches lists)
            return
        index = view.currentIndex()
        if proxy is not None and index.isValid():
            index = proxy.mapToSource(index)
        held["key"] = row_key(model.row_at(index.row())) if index.isValid() else None
        held["column"] = max(index.column(), 0)

    def restore() -> None:
        key = held["key"]
        if key is None or view.model() is not shown:
            return
        for row in range(model.rowCount()):
            if row_key(model.row_at(row)) == key:
                index = model.index(row, held["column"])
                if proxy is not None:
                    index = proxy.mapFromSource(index)
                if index.isValid():
                    view.setCurrentIndex(index)
                    view.selectRow(index.row())
                return

    model.modelAboutToBeReset.connect(remember)
    model.modelReset.connect(restore)


def fit_columns(view: QTableView, max_width: int = 320) -> None:
    """Size columns to their contents once (not on every change: that is slow on big tables)."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for i in range(header.count()):
        if header.sectionSize(i) > max_width:
            header.resizeSection(i, max_width)


def search_box(placeholder: str, proxy: SearchProxy) -> QLineEdit:
    box = QLineEdit()
    box.setPlaceholderText(placeholder)
    box.setClearButtonEnabled(True)
    box.setMinimumWidth(280)
    box.textChanged.connect(proxy.set_text)
    return box


def toolbar_row(*widgets: QWidget, stretch_at: int | None = None) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(6)
    for n, widget in enumerate(widgets):
        if stretch_at == n:
            row.addStretch(1)
        row.addWidget(widget)
    if stretch_at is None or stretch_at >= len(widgets):
        row.addStretch(1)
    return row
