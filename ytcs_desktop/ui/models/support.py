"""Support requests and their timeline."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QColor

from ytcs_desktop.domain.labels import label
from ytcs_desktop.domain.lookups import station_names
from ytcs_desktop.domain.request_timeline import TimelineLine, move_words, request_timeline
from ytcs_desktop.domain.support import list_requests, status_label
from ytcs_desktop.store.models import SupportRequest
from ytcs_desktop.store.session import Session
from ytcs_desktop.ui.models.base import SYNC_COLUMN, Column, RecordTableModel, fmt_date
from ytcs_desktop.ui.operations import REQUESTS, Operations

URGENT = QColor("#fff0c2")
EMERGENCY = QColor("#f8d0cd")


class RequestsModel(RecordTableModel):
    """Requests of one station (station workspace) or of every station (centre inbox)."""

    areas = frozenset({REQUESTS})

    def __init__(self, ops: Operations | None, station_id: str | None, lang: str = "vi",
                 parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.station_id = station_id
        self.lang = lang
        self.station_names: dict[str, str] = {}
        columns = [
            Column("number", QT_TRANSLATE_NOOP("Columns", "Number")),
            Column("created_at", QT_TRANSLATE_NOOP("Columns", "Created"), fmt=fmt_date),
            Column("kind", QT_TRANSLATE_NOOP("Columns", "Kind"), getter=lambda r: label("request_kind", r.kind, lang)),
            Column("title", QT_TRANSLATE_NOOP("Columns", "Title")),
            Column("urgency", QT_TRANSLATE_NOOP("Columns", "Urgency"),
                   getter=lambda r: label("urgency", r.urgency, lang)),
            Column("status", QT_TRANSLATE_NOOP("Columns", "Status"),
                   getter=lambda r: status_label(r.status, r.sync_state, lang)),
            SYNC_COLUMN,
        ]
        if station_id is None:
            columns.insert(1, Column("station", QT_TRANSLATE_NOOP("Columns", "Station"),
                                     getter=lambda r: self.station_names.get(r.station_id or "", "")))
        self.columns = tuple(columns)

    def fetch(self, session: Session) -> list[Any]:
        if self.station_id is None:
            self.station_names = station_names(session)
        rows = list_requests(session, self.station_id)
        return sorted(rows, key=lambda r: r.created_at, reverse=True)

    def background(self, row: SupportRequest, column: Column) -> QColor | None:
        if column.key == "urgency":
            return {"urgent": URGENT, "emergency": EMERGENCY}.get(row.urgency)
        return None

    def index_of(self, request_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == request_id), -1)


class TimelineModel(RecordTableModel):
    areas = frozenset({REQUESTS})

    def __init__(self, ops: Operations | None, lang: str = "vi", parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.request_id: str | None = None
        self.columns = (
            Column("at", QT_TRANSLATE_NOOP("Columns", "When"), fmt=fmt_date),
            Column("actor", QT_TRANSLATE_NOOP("Columns", "Who"),
                   getter=lambda e: f"{e.actor} ({label('role', e.role, lang)})"),
            Column("what", QT_TRANSLATE_NOOP("Columns", "What"), getter=lambda e: describe(e, lang)),
            Column("text", QT_TRANSLATE_NOOP("Columns", "Note")),
        )

    def show(self, request_id: str | None) -> None:
        self.request_id = request_id
        self.refresh()

    def fetch(self, session: Session) -> list[Any]:
        return request_timeline(session, self.request_id) if self.request_id else []


def describe(entry: TimelineLine, lang: str) -> str:
    if entry.kind == "comment":
        return QCoreApplication.translate("Columns", "Comment")
    return move_words(entry, lang)
