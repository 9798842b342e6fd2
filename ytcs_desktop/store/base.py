"""Declarative base, naming convention and the sync columns every syncable table carries (SYNC.md)."""

from __future__ import annotations

import datetime as dt
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
