"""The station's case list for a rotation visit, the techniques a station performs with the stages of
their transfer, and the station's village health workers (DOMAIN.md "The support programme")."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ytcs_desktop.store.base import Base, SyncMixin, UTCDateTime
from ytcs_desktop.store.models.org import ref


class VisitCase(SyncMixin, Base):
    """Danh mục ca bệnh/nhu cầu: one case or need the station lists for a rotation visit.

    The station writes the list (in its partition); the visiting team writes only what it did."""

    __tablename__ = "visit_cases"
    __station_fields__ = frozenset({"visit_id", "kind", "patient_ref", "icd10", "description", "deleted"})
    __centre_fields__ = frozenset({"outcome"})

    visit_id: Mapped[str] = mapped_column(String(36), ref("rotation_visits"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="case")  # case|need
    patient_ref: Mapped[str | None] = mapped_column(String(80))
    icd10: Mapped[str | None] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)


class StationTechnique(SyncMixin, Base):
    """Danh mục kỹ thuật: a technique of one station; `status` is its stage, moved only along
    domain.techniques.TRANSITIONS (the centre's steps), born planned or, for a technique the station
    already performs, independent."""

    __tablename__ = "station_techniques"
    __station_fields__ = frozenset({"name", "specialty", "status", "station_note", "deleted"})
    __centre_fields__ = frozenset({"name", "specialty", "status", "department_id", "target_date", "centre_note",
                                   "deleted"})

    name: Mapped[str] = mapped_column(String(300))
    specialty: Mapped[str] = mapped_column(String(32))  # a practice_scope code
    status: Mapped[str] = mapped_column(String(16), default="planned", index=True)
    department_id: Mapped[str | None] = mapped_column(String(36), ref("departments"))  # who transfers it
    target_date: Mapped[dt.date | None] = mapped_column(Date)
    station_note: Mapped[str | None] = mapped_column(Text)
    centre_note: Mapped[str | None] = mapped_column(Text)


class TechniqueStep(SyncMixin, Base):
    """One stage reached by a technique, with the training or visit that moved it. Insert-only."""

    __tablename__ = "technique_steps"
    __insert_only__ = True
    # Both sides write their own steps in the station's partition; the stage machine on the technique
    # row is what limits who may move where.
    __station_fields__ = frozenset({"technique_id", "from_status", "to_status", "on_date", "training_id",
                                    "visit_id", "actor", "note", "at"})
    __centre_fields__ = __station_fields__

    technique_id: Mapped[str] = mapped_column(String(36), ref("station_techniques"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    on_date: Mapped[dt.date] = mapped_column(Date)
    training_id: Mapped[str | None] = mapped_column(String(36), ref("training_sessions"))
    visit_id: Mapped[str | None] = mapped_column(String(36), ref("rotation_visits"))
    actor: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class VillageHealthWorker(SyncMixin, Base):
    """Nhân viên y tế thôn/ấp: kept by the station (its partition, every field the station's)."""

    __tablename__ = "village_health_workers"

    full_name: Mapped[str] = mapped_column(String(200))
    hamlet: Mapped[str] = mapped_column(String(200))  # thôn, ấp, khu phố
    phone: Mapped[str | None] = mapped_column(String(40))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    since: Mapped[dt.date | None] = mapped_column(Date)  # working since
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str | None] = mapped_column(Text)
