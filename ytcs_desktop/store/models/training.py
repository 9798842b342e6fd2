"""Training sessions (đào tạo, tập huấn) and attendance, the source of CME periods."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ytcs_desktop.store.base import Base, SyncMixin
from ytcs_desktop.store.models.org import ref


class TrainingSession(SyncMixin, Base):
    """A session. Centre-run sessions have station_id NULL; station-run ones belong to the station."""

    __tablename__ = "training_sessions"

    organiser_kind: Mapped[str] = mapped_column(String(16))  # centre|station
    organiser: Mapped[str] = mapped_column(String(300))
    topic: Mapped[str] = mapped_column(Text)
    programme: Mapped[str] = mapped_column(String(32))
    date_from: Mapped[dt.date] = mapped_column(Date)
    date_to: Mapped[dt.date] = mapped_column(Date)
    periods: Mapped[int] = mapped_column(Integer)  # số tiết
    format: Mapped[str] = mapped_column(String(16), default="in_person")  # in_person|online
    place: Mapped[str | None] = mapped_column(String(300))
    audience: Mapped[str | None] = mapped_column(String(300))
    trainers: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(16), default="planned")  # planned|held|cancelled


class TrainingAttendance(SyncMixin, Base):
    """One trainee at one session: a staff member or a free-text name (village health workers)."""

    __tablename__ = "training_attendance"
    # Stations record their own staff; the centre records attendance at its own sessions, also for
    # station staff (the row then lives in that station's partition so the station sees it).
    __station_fields__ = frozenset({"session_id", "staff_id", "person_name", "result", "certificate_no", "periods",
                                    "note", "village_worker_id", "deleted"})
    __centre_fields__ = __station_fields__

    session_id: Mapped[str] = mapped_column(String(36), ref("training_sessions"), index=True)
    staff_id: Mapped[str | None] = mapped_column(String(36), ref("staff"), index=True)
    person_name: Mapped[str | None] = mapped_column(String(200))
    result: Mapped[str | None] = mapped_column(String(40))  # passed|attended|absent…
    certificate_no: Mapped[str | None] = mapped_column(String(80))
    periods: Mapped[int | None] = mapped_column(Integer)  # periods credited; defaults to the session's
    note: Mapped[str | None] = mapped_column(Text)
    # A village health worker of the station's register (person_name then holds their name as well).
    village_worker_id: Mapped[str | None] = mapped_column(String(36), ref("village_health_workers"), index=True)
