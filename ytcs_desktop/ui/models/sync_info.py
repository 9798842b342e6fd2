"""What the window shows about sync: pending and refused changes, the last report, the conflict log."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from ytcs_desktop.domain.refusals import refusal_groups, refused_count
from ytcs_desktop.domain.sync_status import conflict_lines, unresolved_conflicts
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.session import Session
from ytcs_desktop.ui.models.base import Column, RecordTableModel, fmt_date
from ytcs_desktop.ui.operations import SYNC, Operations

SERVER_URL = "sync_server_url"  # the keys `ytcs login` writes (cli/sync.py)
DEVICE_ID = "sync_device_id"


@dataclass(frozen=True)
class LocalStatus:
    pending: int
    rejected: int
    conflicts: int
    last_success: dt.datetime | None
    server_url: str | None
    device_id: str | None
    clock_suspect: bool


@dataclass(frozen=True)
class RefusedChange:
    table: str
    row_id: str
    reason: str
    what: str


def local_status(db: Database) -> LocalStatus:
    """Runs on a worker; the sync package (and pydantic) is imported there, not during start-up."""
    from ytcs_desktop.sync import apply as sync_apply

    with db.read() as s:
        rejected = refused_count(s)
        conflicts = unresolved_conflicts(s)
    last = db.meta(sync_apply.LAST_SYNC)
    when = None
    if last:
        info = json.loads(last)
        if info.get("complete") and info.get("at_ms"):
            when = dt.datetime.fromtimestamp(info["at_ms"] / 1000, dt.UTC)
    return LocalStatus(pending=sync_apply.waiting_records(db), rejected=rejected, conflicts=conflicts,
                       last_success=when, server_url=db.meta(SERVER_URL), device_id=db.meta(DEVICE_ID),
                       clock_suspect=db.meta(sync_apply.CLOCK_SUSPECT) == "1")


def refused_changes(s: Session, lang: str = "vi") -> list[RefusedChange]:
    """Each refused record as the person knows it, with the centre's decision in plain words."""
    return [RefusedChange(g.table, "", g.decision, record) for g in refusal_groups(s, lang) for record in g.records]


class RefusedModel(RecordTableModel):
    """Refused changes grouped by kind of record and decision: the records as people know them, what the
    centre decided, what this person can do (domain/refusals.py). No table name, raw value or row id."""

    areas = frozenset({SYNC})
    columns = (
        Column("kind", QT_TRANSLATE_NOOP("Columns", "Record kind")),
        Column("count", QT_TRANSLATE_NOOP("Columns", "How many"), numeric=True, getter=lambda g: len(g.records)),
        Column("what", QT_TRANSLATE_NOOP("Columns", "Records")),
        Column("decision", QT_TRANSLATE_NOOP("Columns", "What the centre decided")),
        Column("action", QT_TRANSLATE_NOOP("Columns", "What you can do")),
    )

    def __init__(self, ops: Operations | None, parent: QObject | None = None, lang: str = "vi") -> None:
        super().__init__(ops, parent)
        self.lang = lang

    def fetch(self, session: Session) -> list[Any]:
        return refusal_groups(session, self.lang)


class ConflictModel(RecordTableModel):
    """The values that lost to a later edit, as the person knows the records (domain/sync_status.py)."""

    areas = frozenset({SYNC})

    def __init__(self, ops: Operations | None, parent: QObject | None = None, lang: str = "vi") -> None:
        super().__init__(ops, parent)
        self.lang = lang
        self.columns = (
            Column("at", QT_TRANSLATE_NOOP("Columns", "When"), fmt=fmt_date),
            Column("kind", QT_TRANSLATE_NOOP("Columns", "Record kind")),
            Column("record", QT_TRANSLATE_NOOP("Columns", "Record")),
            Column("field", QT_TRANSLATE_NOOP("Columns", "Field")),
            Column("not_kept", QT_TRANSLATE_NOOP("Columns", "Value not kept")),
            Column("kept", QT_TRANSLATE_NOOP("Columns", "Value kept")),
        )

    def fetch(self, session: Session) -> list[Any]:
        return conflict_lines(session, self.lang)
