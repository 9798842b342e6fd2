"""Reading the audit trail (store/audit.py writes it): a record's history and the log with its filters,
every kind of record, field and value in the user's words (domain/record_labels.py): records named as
people know them, codes as words, dates as dates, references as the record they point at."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Table, TypeDecorator, select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text, moment_text
from ytcs_desktop.domain.errors import ValidationError
from ytcs_desktop.domain.labels import label, person_sort_key, vi_sort_key
from ytcs_desktop.domain.record_labels import code_kind, field_label, kind_label
from ytcs_desktop.domain.refusals import describe
from ytcs_desktop.messages import Message, msg, pick
from ytcs_desktop.store.base import Base
from ytcs_desktop.store.models import AuditEntry

ACTIONS: dict[str, Message] = {
    "insert": msg("audit.insert"),
    "update": msg("audit.update"),
    "delete": msg("audit.delete"),
}
UNKNOWN_PERSON = msg("audit.unknown_person")
LOG_LIMIT = 5000  # lines in one view of the log; the filters narrow it


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class AuditLine:
    id: str
    at: dt.datetime  # UTC
    person: str
    computer: str
    table: str
    kind: str
    row_id: str
    record: str
    op: str
    action: str
    changes: tuple[FieldChange, ...] = field(default_factory=tuple)

    def summary(self) -> str:
        """The changes on one line: "Tên: Tủ 1 → Tủ chính; Vị trí đặt: → Phòng tiêm"."""
        parts = []
        for c in self.changes:
            if self.op == "update" or (c.before and c.after):
                parts.append(f"{c.field}: {c.before} → {c.after}")
            else:
                parts.append(f"{c.field}: {c.after or c.before}")
        return "; ".join(parts)


@dataclass(frozen=True)
class AuditFilter:
    person: str | None = None
    table: str | None = None
    since: dt.date | None = None  # local days, both ends included
    until: dt.date | None = None
    station_id: str | None = None


def _local_midnight_utc(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min).astimezone().astimezone(dt.UTC)


def local_time(moment: dt.datetime) -> dt.datetime:
    """A UTC moment as this computer's local time (the log is read where it is kept)."""
    return moment.astimezone()


class RecordWords:
    """Values as words, with the records that references point at looked up once."""

    def __init__(self, s: Session, lang: str) -> None:
        self.s = s
        self.lang = lang
        self.en = lang.startswith("en")
        self._records: dict[tuple[str, str], str] = {}

    def table(self, name: str) -> Table | None:
        return Base.metadata.tables.get(name)

    def record(self, table: str, row_id: str) -> str:
        key = (table, row_id)
        if key not in self._records:
            self._records[key] = self._describe(table, row_id)
        return self._records[key]

    def _describe(self, table: str, row_id: str) -> str:
        cls = _classes().get(table)
        row = self.s.get(cls, row_id) if cls is not None else None
        if row is None:
            return kind_label(table, self.lang)
        if table == "staff":  # a person by name and title (describe() would read the title code first)
            return f"{row.full_name} ({label('staff_title', row.title, self.lang)})"
        if table == "support_requests" and row.number:
            return f"{row.number} – {row.title}"
        return describe(self.s, row, self.lang)

    def text(self, table: str, column: str, value: Any) -> str:
        if value is None or value == "":
            return ""
        t = self.table(table)
        col = t.c.get(column) if t is not None else None
        kind = code_kind(table, column)
        if kind is not None:
            return label(kind, str(value), self.lang)
        if column == "scope_of_practice":
            return ", ".join(label("practice_scope", c.strip(), self.lang) for c in str(value).split(",") if c.strip())
        if col is not None:
            ctype = col.type.impl_instance if isinstance(col.type, TypeDecorator) else col.type
            if isinstance(ctype, Boolean):
                return (msg("word.yes") if value in (1, True, "1") else msg("word.no")).text(self.lang)
            if isinstance(ctype, DateTime):
                try:
                    moment = dt.datetime.fromisoformat(str(value)).replace(tzinfo=dt.UTC)
                except ValueError:
                    return str(value)
                return moment_text(local_time(moment), self.lang)
            if isinstance(ctype, Date):
                try:
                    return day_text(dt.date.fromisoformat(str(value)[:10]), self.lang)
                except ValueError:
                    return str(value)
            for fk in col.foreign_keys:
                return self.record(fk.column.table.name, str(value))
        return str(value)


def _classes() -> dict[str, Any]:
    return {m.class_.__table__.name: m.class_ for m in Base.registry.mappers if hasattr(m.class_, "__table__")}


_HIDDEN_AT_BIRTH = frozenset({"deleted"})
_NOT_FIELDS = frozenset({"id", "station_id", "hlc", "origin", "sync_state", "sync_reason"})


def _plain(value: Any) -> Any:
    """A value read through the ORM as the trail stores it (dates as ISO text)."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _changes(values: RecordWords, entry: AuditEntry, current: Any | None) -> tuple[FieldChange, ...]:
    t = entry.table_name
    if entry.changes is not None:
        data: dict[str, Any] = json.loads(entry.changes)
    elif entry.op == "insert" and current is not None:
        # An insert-only table's row is its own record of what was written: its values are the row's.
        table = values.table(t)
        columns = [c for c in table.columns if c.name not in _NOT_FIELDS] if table is not None else []
        data = {c.name: _plain(getattr(current, c.key, None)) for c in columns}
    else:
        return ()
    # An update (also a tombstone, shown as a delete) holds [before, after] pairs; a new or removed
    # row holds its values.
    pairs = entry.op == "update" or all(isinstance(v, list) for v in data.values())
    out: list[FieldChange] = []
    for column, value in data.items():
        if pairs:
            before, after = value
        elif column in _HIDDEN_AT_BIRTH or value is None:
            continue
        elif entry.op == "insert":
            before, after = None, value
        else:
            before, after = value, None
        out.append(FieldChange(field_label(t, column, values.lang), values.text(t, column, before),
                               values.text(t, column, after)))
    return tuple(out)


def _line(values: RecordWords, entry: AuditEntry, with_current: bool = True) -> AuditLine:
    cls = _classes().get(entry.table_name)
    current = values.s.get(cls, entry.row_id) if (with_current and cls is not None) else None
    return AuditLine(
        id=entry.id, at=entry.at, person=entry.person or UNKNOWN_PERSON.text(values.lang),
        computer=entry.computer or "", table=entry.table_name, kind=kind_label(entry.table_name, values.lang),
        row_id=entry.row_id, record=values.record(entry.table_name, entry.row_id), op=entry.op,
        action=ACTIONS[entry.op].text(values.lang) if entry.op in ACTIONS else entry.op,
        changes=_changes(values, entry, current),
    )


def record_history(s: Session, table: str, row_id: str, lang: str = "vi") -> list[AuditLine]:
    """Every change of one record, oldest first."""
    entries = s.scalars(select(AuditEntry).where(AuditEntry.table_name == table, AuditEntry.row_id == row_id)
                        .order_by(AuditEntry.at, AuditEntry.id))
    values = RecordWords(s, lang)
    return [_line(values, e) for e in entries]


def check_filter(f: AuditFilter) -> None:
    if f.since and f.until and f.since > f.until:
        raise ValidationError(
            "bad_range",
            msg("bad_range", until=pick(day_text, f.until), since=pick(day_text, f.since)), field="until")


def audit_log(s: Session, f: AuditFilter, lang: str = "vi", limit: int = LOG_LIMIT) -> list[AuditLine]:
    """The log, newest first, narrowed by person, kind of record and period (local days)."""
    check_filter(f)
    query = select(AuditEntry)
    if f.person:
        query = query.where(AuditEntry.person == f.person)
    if f.table:
        query = query.where(AuditEntry.table_name == f.table)
    if f.station_id:
        query = query.where(AuditEntry.station_id == f.station_id)
    if f.since:
        query = query.where(AuditEntry.at >= _local_midnight_utc(f.since))
    if f.until:
        query = query.where(AuditEntry.at < _local_midnight_utc(f.until + dt.timedelta(days=1)))
    entries = s.scalars(query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit))
    values = RecordWords(s, lang)
    return [_line(values, e) for e in entries]


def audit_people(s: Session) -> list[str]:
    """The people named in the trail, for the log's filter."""
    names = s.scalars(select(AuditEntry.person).distinct().where(AuditEntry.person.is_not(None)))
    return sorted((n for n in names if n), key=person_sort_key)


def audit_kinds(s: Session, lang: str = "vi") -> list[tuple[str, str]]:
    """(table, kind in words) of the records in the trail, by their words."""
    tables = s.scalars(select(AuditEntry.table_name).distinct())
    return sorted(((t, kind_label(t, lang)) for t in tables), key=lambda x: vi_sort_key(x[1]))


def kind_choices(lang: str = "vi") -> list[tuple[str, str]]:
    """Every kind of record the trail can hold (the CLI's --table accepts these), by their words."""
    from ytcs_desktop.store.audit import audited_tables

    return sorted(((t.name, kind_label(t.name, lang)) for t in audited_tables()), key=lambda x: vi_sort_key(x[1]))
