"""Tables that never sync: the outbox, sync bookkeeping, conflicts and local settings."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ytcs_desktop.store.base import Base, UTCDateTime


class SyncOutbox(Base):
    """One captured write, in the order it happened. Written only by the capture triggers."""

    __tablename__ = "sync_outbox"
    __table_args__ = {"sqlite_autoincrement": True}

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    mutation_id: Mapped[str] = mapped_column(String(36), unique=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(8))  # insert|update|delete
    hlc: Mapped[str] = mapped_column(String(80))
    fields: Mapped[str] = mapped_column(Text)  # JSON image of the row after the write
    changed: Mapped[str | None] = mapped_column(Text)  # comma list of columns an update changed


class SyncMeta(Base):
    """Key/value bookkeeping: replica id, station id, cursors, clock offset, role."""

    __tablename__ = "sync_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncConflict(Base):
    """A value that lost a same-side concurrent edit (later HLC wins per field); the user may undo."""

    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(64))
    losing_value: Mapped[str | None] = mapped_column(Text)  # JSON
    losing_hlc: Mapped[str] = mapped_column(String(80))
    winning_value: Mapped[str | None] = mapped_column(Text)
    winning_hlc: Mapped[str] = mapped_column(String(80))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    resolved: Mapped[int] = mapped_column(Integer, default=0)


class Setting(Base):
    """Local preferences of this station database (near-expiry days, open-vial policy…)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncCapturePause(Base):
    """Non-empty only inside a transaction that applies pulled rows: the capture triggers then stay
    silent (echo suppression). The row is removed before that transaction commits."""

    __tablename__ = "sync_capture_pause"

    token: Mapped[int] = mapped_column(Integer, primary_key=True)


class LotCarriedBalance(Base):
    """A lot's ledger total through a day (a closed period's last day), so stock on hand sums only the
    rows after it. Derived from the ledger, never typed: store/carried.py's triggers make it when a
    period is closed and drop it when a ledger row on or before its day is written, and `ytcs check`
    compares it with the ledger. Not synced: each file derives its own."""

    __tablename__ = "lot_carried_balances"

    lot_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_id: Mapped[str | None] = mapped_column(String(36), index=True)
    through: Mapped[dt.date] = mapped_column(Date)
    quantity: Mapped[int] = mapped_column(Integer)
