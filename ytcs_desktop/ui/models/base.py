"""The base of every table model: a thin adapter over a domain query.

A model says which columns it shows and how to fetch its rows (`fetch(session)`, run on the read
pool); it reloads when a change is announced in one of its `areas`. It never writes. Rows are plain
objects (dataclasses, ORM rows detached from their session, or dicts).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from ytcs_desktop.domain.text import fold
from ytcs_desktop.store.session import Session
from ytcs_desktop.store.sync_states import SyncState
from ytcs_desktop.ui.operations import Operations

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row object
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a sortable value (numbers and dates as such)

REJECTED_BG = QColor("#fde2e1")
PENDING_FG = QColor("#6b6b6b")

SYNCED: SyncState = ("synced", None)
UNKNOWN: SyncState = ("", None)


def date_pattern() -> str:
    """The window locale's short date with a four-digit year and two-digit day and month (Vietnamese:
    dd/MM/yyyy; English: MM/dd/yyyy): forms and registers need the full year."""
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    pattern = re.sub(r"y+", "yyyy", pattern)
    pattern = re.sub(r"(?<!d)d(?!d)", "dd", pattern)
    return re.sub(r"(?<!M)M(?!M)", "MM", pattern)


def fmt_date(value: Any) -> str:
    """A date, or a moment in local time, through the window's locale."""
    locale = QLocale()
    if isinstance(value, dt.datetime):
        local = value.astimezone() if value.tzinfo else value
        moment = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        return locale.toString(moment, f"{date_pattern()} {locale.timeFormat(QLocale.FormatType.ShortFormat)}")
    if isinstance(value, dt.date):
        return locale.toString(QDate(value.year, value.month, value.day), date_pattern())
    return "" if value is None else str(value)


def fmt_time(value: dt.datetime) -> str:
    """The time of a moment (in local time) in the window's locale's short form."""
    local = value.astimezone() if value.tzinfo else value
    locale = QLocale()
    return locale.toString(QTime(local.hour, local.minute), locale.timeFormat(QLocale.FormatType.ShortFormat))


def fmt_day_month(value: dt.date | None) -> str:
    """A day without its year (a chart's point, a missing reading this week) in the window's locale's
    order: the short date pattern with its year taken off (Vietnamese dd/MM, English MM/dd)."""
    if value is None:
        return ""
    pattern = re.sub(r"^[^dM]*y+[^dM]*|[^dM]*y+[^dM]*$", "", date_pattern())
    return QLocale().toString(QDate(value.year, value.month, value.day), pattern)


def fmt_month(year: int, month: int) -> str:
    """A month of a year (a chart's month) in the window's locale's order: the short date pattern with its
    day taken off (Vietnamese MM/yyyy)."""
    pattern = re.sub(r"^d+[^dMy]*|[^dMy]*d+", "", date_pattern())
    return QLocale().toString(QDate(year, month, 1), pattern)


def fmt_number(value: Any) -> str:
    """Through the window's locale: 1.234,5 in Vietnamese, 1,234.5 in English (no hand-made separators)."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        return QLocale().toString(value, "f", 1)
    return QLocale().toString(int(value))


def get_value(row: Any, key: str) -> Any:
    if isinstance(row, dict):
        return row.get(key)
    return getattr(row, key, None)


@dataclass(frozen=True)
class Column:
    """One column: `title` is an English source string translated in the "Columns" context."""

    key: str
    title: Any  # a QT_TRANSLATE_NOOP("Columns", ...) string
    numeric: bool = False
    fmt: Callable[[Any], str] | None = None
    getter: Callable[[Any], Any] | None = None

    def value(self, row: Any) -> Any:
        return self.getter(row) if self.getter is not None else get_value(row, self.key)

    def text(self, row: Any) -> str:
        value = self.value(row)
        if self.fmt is not None:
            return self.fmt(value)
        if self.numeric:
            return fmt_number(value)
        if isinstance(value, dt.date):
            return fmt_date(value)
        if isinstance(value, bool):
            return "✓" if value else ""
        return "" if value is None else str(value)


def tr_column(title: Any) -> str:
    return QCoreApplication.translate("Columns", str(title))


class RecordTableModel(QAbstractTableModel):
    """Rows from `fetch(session)`; reloads on a change announced in one of `areas`.

    Signals: `loaded()` after new rows are in; `sync_loaded()` when the states of rows that do not
    carry their own (`sync_key`) have come; `load_failed(str)`.
    """

    loaded = Signal()
    sync_loaded = Signal()
    load_failed = Signal(str)

    columns: Sequence[Column] = ()  # class default; a model may set its own per instance
    areas: ClassVar[frozenset[str]] = frozenset()
    # Rows that do not carry sync_state/sync_reason themselves (domain aggregates, ledger lines): the
    # row attribute their state is looked up by in what `fetch_sync` returns.
    sync_key: ClassVar[str | None] = None
    # A refused row is tinted across; lists with colours of their own (expiry) tint the Sync cell only.
    tint_refused_row: ClassVar[bool] = True

    def __init__(self, ops: Operations | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self._rows: list[Any] = []
        self._search: list[str] = []
        self._sync: dict[str, SyncState] = {}
        self._generation = 0  # bumped with every new set of rows, so a late sync answer is dropped
        self._sync_ready = False  # the states in `_sync` are those of the rows shown
        self._loading = False
        self._stale = False
        self._ever_loaded = False
        self.priority = 0  # read-queue priority; pages in view go before background ones
        if ops is not None:
            ops.changed.connect(self._on_changed)

    # ----- what subclasses provide ------------------------------------------------------------
    def fetch(self, session: Session) -> list[Any]:
        raise NotImplementedError

    def background(self, row: Any, column: Column) -> QColor | None:
        """A colour for the cell (expiry, breach…); None for the default."""
        return None

    def tooltip(self, row: Any, column: Column) -> str | None:
        return None

    def fetch_sync(self, session: Session, rows: list[Any]) -> dict[str, SyncState]:
        """With `sync_key`: the (worst) state of each row not fully sent, by that key; rows left out
        are sent. It runs as a second query once the rows are shown, so a scan of a big ledger never
        delays the table itself."""
        return {}

    # ----- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.ops is None:
            return
        if self._loading:
            self._stale = True  # load again when this one ends
            return
        self._loading = True
        self._ever_loaded = True

        def work(session: Session) -> tuple[list[Any], list[str]]:
            rows = self.fetch(session)
            return rows, self.search_keys(rows)  # folded on the worker, not the GUI thread

        self.ops.query(work, self._loaded, self._failed, priority=self.priority)

    def _loaded(self, result: tuple[list[Any], list[str]]) -> None:
        self._loading = False
        self.set_rows(*result)
        if self.sync_key is not None:
            self.refresh_sync()
        if self._stale:
            self._stale = False
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.load_failed.emit(str(exc))

    def refresh_sync(self) -> None:
        """Ask `fetch_sync` for the states of the rows shown; they fill in the Sync column when they come."""
        if self.ops is None or self.sync_key is None:
            return
        rows, generation = self._rows, self._generation
        if not rows:
            self._sync_loaded(generation, {})
            return
        self.ops.query(lambda session: self.fetch_sync(session, rows),
                       lambda states: self._sync_loaded(generation, states), self._failed, priority=self.priority - 1)

    def _sync_loaded(self, generation: int, states: dict[str, SyncState]) -> None:
        if generation != self._generation:
            return
        old, unchanged = self._sync, self._sync_ready and states == self._sync
        self._sync, self._sync_ready = states, True
        if self._rows and not unchanged:
            # Only the Sync column changes, unless a row is or was refused (rare): then its colour too.
            last = len(self._rows) - 1
            refused = self.tint_refused_row and any(
                state == "rejected" for state, _r in (*old.values(), *states.values()))
            keys = [c.key for c in self.columns]
            first_col = 0 if refused or "sync_state" not in keys else keys.index("sync_state")
            last_col = len(keys) - 1 if refused or "sync_state" not in keys else first_col
            self.dataChanged.emit(self.index(0, first_col), self.index(last, last_col),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole,
                                   Qt.ItemDataRole.ToolTipRole, SORT_ROLE])
        self.sync_loaded.emit()

    def search_keys(self, rows: Sequence[Any]) -> list[str]:
        # A state looked up later (sync_key) is not in the keys: they are made before it is known.
        columns = [c for c in self.columns if self.sync_key is None or c.key != "sync_state"]
        return [fold(" ".join(c.text(r) for c in columns)) for r in rows]

    def set_rows(self, rows: Sequence[Any], keys: list[str] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._generation += 1
        self._sync_ready = False  # until the new answer: the last states known, blank for new rows
        self._search = keys if keys is not None and len(keys) == len(self._rows) else self.search_keys(self._rows)
        self.endResetModel()
        self.loaded.emit()

    def _on_changed(self, areas: frozenset[str]) -> None:
        # A model nobody has looked at yet stays unloaded: it loads when its view first asks.
        if self._ever_loaded and areas & self.areas:
            self.refresh()

    # ----- access ----------------------------------------------------------------------------
    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def search_key(self, row: int) -> str:
        return self._search[row]

    def sync_of(self, row: Any) -> SyncState:
        """(state, reason) of a row: its own columns, or looked up by `sync_key`."""
        if self.sync_key is None:
            return get_value(row, "sync_state") or "synced", get_value(row, "sync_reason")
        state = self._sync.get(get_value(row, self.sync_key))
        return state if state is not None else (SYNCED if self._sync_ready else UNKNOWN)

    def _text(self, column: Column, row: Any) -> str:
        if self.sync_key is not None and column.key == "sync_state":
            return sync_state_text(self.sync_of(row)[0])
        return column.text(row)

    # ----- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return tr_column(self.columns[section].title)
            if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self.columns):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(column, row)
        if role == SORT_ROLE:
            value = column.value(row)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return value
            if isinstance(value, dt.date):
                return value.isoformat()
            return fold(self._text(column, row))
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if (self.tint_refused_row or column.key == "sync_state") and self.sync_of(row)[0] == "rejected":
                return QBrush(REJECTED_BG)
            colour = self.background(row, column)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            state, reason = self.sync_of(row)
            if state == "rejected":
                return QCoreApplication.translate("Columns", "Refused by the centre: %1").replace("%1", reason or "")
            return self.tooltip(row, column)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class SearchProxy(QSortFilterProxyModel):
    """Filters a RecordTableModel by words typed in any accent and case; sorts by SORT_ROLE.

    The test of every row is made in one pass when the text changes; Qt's per-row callback then
    only reads the answer."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._extra: Callable[[Any], bool] | None = None
        self._accept: list[bool] | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)

    def setSourceModel(self, model: Any) -> None:
        old = self.sourceModel()
        if isinstance(old, RecordTableModel):
            old.modelAboutToBeReset.disconnect(self._forget)
        super().setSourceModel(model)
        if isinstance(model, RecordTableModel):
            model.modelAboutToBeReset.connect(self._forget)

    def _forget(self) -> None:
        self._accept = None

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self._accept = None
        self.endFilterChange()

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        """An extra test on the row object (a status or kind filter)."""
        self.beginFilterChange()
        self._extra = predicate
        self._accept = None
        self.endFilterChange()

    def _compute(self, model: RecordTableModel) -> list[bool]:
        words, extra = self._words, self._extra
        keys = model._search
        accept = [all(w in key for w in words) for key in keys] if words else [True] * len(keys)
        if extra is not None:
            rows = model._rows
            accept = [ok and extra(rows[i]) for i, ok in enumerate(accept)]
        return accept

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RecordTableModel) or (not self._words and self._extra is None):
            return True
        if self._accept is None or len(self._accept) != model.rowCount():
            self._accept = self._compute(model)
        return source_row < len(self._accept) and self._accept[source_row]


_SYNC_TEXTS = {
    "pending": QT_TRANSLATE_NOOP("Columns", "Not sent yet"),
    "synced": QT_TRANSLATE_NOOP("Columns", "Sent"),
    "rejected": QT_TRANSLATE_NOOP("Columns", "Refused"),
    "conflict": QT_TRANSLATE_NOOP("Columns", "Conflict"),
}


def sync_state_text(state: str | None) -> str:
    source = _SYNC_TEXTS.get(state or "")  # one look-up per cell: lists of thousands of lots fold these
    return QCoreApplication.translate("Columns", str(source)) if source else (state or "")


SYNC_COLUMN = Column("sync_state", QT_TRANSLATE_NOOP("Columns", "Sync"), fmt=sync_state_text)


class EditableTableModel(RecordTableModel):
    """A RecordTableModel whose `editable` columns take typed values kept aside as edits (by row id)
    until the page sends them in one named operation; a reload keeps edits not yet sent."""

    editable: frozenset[str] = frozenset()
    id_key = "id"

    def __init__(self, ops: Operations | None, parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.edits: dict[str, dict[str, Any]] = {}

    def row_id(self, row: Any) -> str:
        return str(get_value(row, self.id_key))

    def value(self, row_index: int, key: str) -> Any:
        row = self._rows[row_index]
        edits = self.edits.get(self.row_id(row), {})
        if key in edits:
            return edits[key]
        column = next(c for c in self.columns if c.key == key)
        return column.value(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (index.isValid() and index.row() < len(self._rows) and index.column() < len(self.columns)
                and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole)):
            column = self.columns[index.column()]
            edits = self.edits.get(self.row_id(self._rows[index.row()]), {})
            if column.key in edits:
                value = edits[column.key]
                return value if role == Qt.ItemDataRole.EditRole else ("" if value is None else str(value))
            if role == Qt.ItemDataRole.EditRole:
                value = column.value(self._rows[index.row()])
                return "" if value is None else value
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.row() >= len(self._rows):
            return False
        column = self.columns[index.column()]
        if column.key not in self.editable:
            return False
        self.edits.setdefault(self.row_id(self._rows[index.row()]), {})[column.key] = value
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()].key in self.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def take_edits(self) -> dict[str, dict[str, Any]]:
        edits, self.edits = self.edits, {}
        return edits
