"""Cold chain: fridges, twice-daily readings, vial openings and quarantines."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, Float, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from ytcs_desktop.store.base import Base, SyncMixin, UTCDateTime
from ytcs_desktop.store.models.org import ref


class Fridge(SyncMixin, Base):
    __tablename__ = "fridges"

    name: Mapped[str] = mapped_column(String(200))
    model: Mapped[str | None] = mapped_column(String(200))
    location: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Readings are expected from this day on: a new fridge has no backlog of "missing" readings.
    in_service_from: Mapped[dt.date | None] = mapped_column(Date)


class TemperatureReading(SyncMixin, Base):
    """One of the two daily readings (morning/afternoon). Insert-only: a wrong reading is corrected by
    a correction, a reading of the same fridge, day and slot that names the one it corrects
    (`corrects_id`) with the reason in `note`; the original stays. One original per slot (the partial
    unique index), and a reading is corrected once (a second correction corrects the correction)."""

    __tablename__ = "temperature_readings"
    __insert_only__ = True
    __table_args__ = (
        UniqueConstraint("fridge_id", "reading_date", "slot", "corrects_id"),
        Index("uq_temperature_readings_original", "fridge_id", "reading_date", "slot", unique=True,
              sqlite_where=text("corrects_id IS NULL"), postgresql_where=text("corrects_id IS NULL")),
    )

    fridge_id: Mapped[str] = mapped_column(String(36), ref("fridges"))
    reading_date: Mapped[dt.date] = mapped_column(Date)
    slot: Mapped[str] = mapped_column(String(12))  # morning|afternoon
    celsius: Mapped[float] = mapped_column(Float)
    freeze_alarm: Mapped[bool] = mapped_column(Boolean, default=False)
    recorded_by: Mapped[str | None] = mapped_column(String(200))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    note: Mapped[str | None] = mapped_column(Text)
    corrects_id: Mapped[str | None] = mapped_column(String(36), ref("temperature_readings"))


class Quarantine(SyncMixin, Base):
    """A vaccine lot held after a cold-chain breach until released or disposed."""

    __tablename__ = "quarantines"

    lot_id: Mapped[str] = mapped_column(String(36), ref("lots"), index=True)
    fridge_id: Mapped[str | None] = mapped_column(String(36), ref("fridges"))
    reading_id: Mapped[str | None] = mapped_column(String(36), ref("temperature_readings"))
    reason: Mapped[str] = mapped_column(Text)
    cause: Mapped[str | None] = mapped_column(String(16))  # freeze|heat: picks the disposal reason
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16), default="active")  # active|released|disposed
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(200))
    resolution_note: Mapped[str | None] = mapped_column(Text)
    vvm_stage: Mapped[int | None] = mapped_column(Integer)
