"""The audit trail: who changed which record, when, on which computer, each field before → after.

`audit_log` rows are written only by the triggers of store/audit.py, in the same transaction as the write
they describe; they are insert-only and sync to the centre in the writer's partition (a station's own; at the
centre the partition of the record changed).
`audit_person` is local: the person acting in the current write transaction (store/db.py sets it when
the transaction begins and clears it before the commit), since a trigger cannot read a TEMP table.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ytcs_desktop.store.base import Base, SyncMixin, UTCDateTime

_AUDIT_FIELDS = frozenset({"table_name", "row_id", "op", "person", "computer", "replica_id", "at", "changes"})


class AuditEntry(SyncMixin, Base):
    """One insert, update or delete of a syncable record. Insert-only: the trail is never rewritten."""

    __tablename__ = "audit_log"
    __insert_only__ = True
    # Each side records its own writes, also to records of a station's partition (the centre's answer
    # to a station's request): both sides write every field of a new row, neither changes one.
    __station_fields__ = _AUDIT_FIELDS
    __centre_fields__ = _AUDIT_FIELDS
    __table_args__ = (
        Index("ix_audit_log_record", "table_name", "row_id"),
        Index("ix_audit_log_at", "at"),
    )

    # Read by partition like every synced row, but never searched by it here: no index to keep up.
    station_id: Mapped[str | None] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(8))  # insert|update|delete
    person: Mapped[str | None] = mapped_column(String(200))
    computer: Mapped[str | None] = mapped_column(String(120))  # the PC's name
    replica_id: Mapped[str | None] = mapped_column(String(64))  # the database on that PC
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # JSON: {column: value} of a new or removed row (NULL for an insert-only table's row, which is its
    # own record), {column: [before, after]} of the fields an update changed.
    changes: Mapped[str | None] = mapped_column(Text)


class AuditPerson(Base):
    """Local, one row at most and only inside a write transaction: who is acting now, on which PC."""

    __tablename__ = "audit_person"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person: Mapped[str | None] = mapped_column(String(200))
    computer: Mapped[str | None] = mapped_column(String(120))
