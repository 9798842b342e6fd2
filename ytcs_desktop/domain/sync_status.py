"""What this computer's own database says about sync: the same-side edits that lost to a later one.

(The pending and refused changes are counted by the sync package and domain/refusals.py.)"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.audit import RecordWords, local_time
from ytcs_desktop.domain.record_labels import field_label, kind_label
from ytcs_desktop.store.models import SyncConflict


@dataclass(frozen=True)
class ConflictLine:
    """A value that lost to a later edit of the same field, in the words of the person reading the log."""

    id: int
    at: dt.datetime  # local time of this computer
    kind: str  # "Lô thuốc", "Hồ sơ trạm"…
    record: str  # the record as people know it (item and lot, a request's number, a person's name)
    field: str  # the field's label
    not_kept: str  # the value that lost, as words
    kept: str  # the value kept


def unresolved_conflicts(s: Session) -> int:
    """How many values lost a concurrent edit and nobody has looked at yet (the status bar's figure)."""
    return int(s.scalar(select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved == 0)) or 0)


def recent_conflicts(s: Session, limit: int = 2000) -> list[SyncConflict]:
    """The conflict log, newest first."""
    return list(s.scalars(select(SyncConflict).order_by(SyncConflict.id.desc()).limit(limit)))


def _value(raw: str | None) -> object:
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def conflict_lines(s: Session, lang: str = "vi", limit: int = 2000) -> list[ConflictLine]:
    """The conflict log, newest first, with no table or column name, raw value or id left in it."""
    words = RecordWords(s, lang)
    out = []
    for c in recent_conflicts(s, limit):
        moment = c.recorded_at if c.recorded_at.tzinfo else c.recorded_at.replace(tzinfo=dt.UTC)
        out.append(ConflictLine(
            c.id, local_time(moment), kind_label(c.table_name, lang), words.record(c.table_name, c.row_id),
            field_label(c.table_name, c.field, lang), words.text(c.table_name, c.field, _value(c.losing_value)),
            words.text(c.table_name, c.field, _value(c.winning_value))))
    return out
