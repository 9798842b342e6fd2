"""Declarative base, naming convention and the sync columns every syncable table carries (SYNC.md)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Annotated, ClassVar

from sqlalchemy import Boolean, Date, DateTime, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator
from uuid6 import uuid7

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A UUIDv7: made where the row is born, time-ordered, never reused."""
    return str(uuid7())


# Fixed forever: changing it would give rows already made a second identity.
NATURAL_KEY_NAMESPACE = uuid.UUID("6f1c2a4e-3b5d-4e7f-9a10-2c3d4e5f6a7b")


def natural_id(table: str, *key: str | dt.date) -> str:
    """The id of a row whose identity IS its natural key (the columns of its unique rule, as stored).

    Every replica derives the same id from the same key, so two PCs creating "the same" lot or
    reading offline create one row that sync merges, instead of two rows that break the unique rule
    (SYNC.md guarantee 2). A UUIDv5 (RFC 9562, name-based) over the table and the key values; the
    values must be exactly what the unique rule compares (the stored, cleaned text), no more folded.
    """
    parts = [table, *(v.isoformat() if isinstance(v, dt.date) else v for v in key)]
    return str(uuid.uuid5(NATURAL_KEY_NAMESPACE, json.dumps(parts, ensure_ascii=False, separators=(",", ":"))))


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timestamps stored as naive UTC in SQLite and handed back timezone-aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: object) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware UTC datetime")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: object) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


IdStr = Annotated[str, mapped_column(String(36))]
Code = Annotated[str, mapped_column(String(64))]
Name = Annotated[str, mapped_column(String(300))]
Day = Annotated[dt.date, mapped_column(Date)]
Moment = Annotated[dt.datetime, mapped_column(UTCDateTime)]
Qty = Annotated[int, mapped_column(Integer)]
LongText = Annotated[str, mapped_column(Text)]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SyncMixin:
    """Columns of SYNC.md "Records and ownership" carried by every syncable row.

    `sync_state`/`sync_reason` are local bookkeeping: change capture ignores writes that touch only
    them, and they never travel on the wire.
    """

    __syncable__: ClassVar[bool] = True
    # Columns each side owns; the server re-checks them (SYNC.md ownership table).
    __station_fields__: ClassVar[frozenset[str] | None] = None
    __centre_fields__: ClassVar[frozenset[str] | None] = None
    # Insert-only tables (ledger, readings): updates and deletes are refused.
    __insert_only__: ClassVar[bool] = False

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    station_id: Mapped[str | None] = mapped_column(String(36), index=True)
    hlc: Mapped[str] = mapped_column(String(80), default="", server_default="")
    origin: Mapped[str] = mapped_column(String(64), default="", server_default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    sync_state: Mapped[str] = mapped_column(String(12), default="pending", server_default="pending")
    sync_reason: Mapped[str | None] = mapped_column(Text)


LOCAL_ONLY_COLUMNS = frozenset({"sync_state", "sync_reason"})
SYNC_COLUMNS = frozenset({"id", "station_id", "hlc", "origin", "deleted"})
