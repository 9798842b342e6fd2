"""Professional support requests, their history and comments, and rotation visits."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ytcs_desktop.store.base import Base, SyncMixin, UTCDateTime
from ytcs_desktop.store.models.org import ref


class SupportRequest(SyncMixin, Base):
    """Yêu cầu hỗ trợ chuyên môn. `status` moves only through domain.support transitions."""

    __tablename__ = "support_requests"
    __station_fields__ = frozenset(
        {"kind", "title", "description", "urgency", "wanted_from", "wanted_to", "patient_ref", "icd10",
         "attachments", "rating", "feedback", "created_at", "created_by", "number", "status", "deleted"}
    )
    __centre_fields__ = frozenset(
        {"assigned_department_id", "assigned_staff_id", "scheduled_from", "scheduled_to", "outcome",
         "reject_reason", "status", "support_format"}
    )

    number: Mapped[str | None] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    urgency: Mapped[str] = mapped_column(String(16), default="normal")  # normal|urgent|emergency
    wanted_from: Mapped[dt.date | None] = mapped_column(Date)
    wanted_to: Mapped[dt.date | None] = mapped_column(Date)
    patient_ref: Mapped[str | None] = mapped_column(String(80))
    icd10: Mapped[str | None] = mapped_column(String(16))
    attachments: Mapped[str | None] = mapped_column(Text)  # JSON list of file names
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    assigned_department_id: Mapped[str | None] = mapped_column(String(36), ref("departments"))
    assigned_staff_id: Mapped[str | None] = mapped_column(String(36), ref("staff"))
    support_format: Mapped[str | None] = mapped_column(String(20))  # in_person|online
    scheduled_from: Mapped[dt.date | None] = mapped_column(Date)
    scheduled_to: Mapped[dt.date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(Text)
    reject_reason: Mapped[str | None] = mapped_column(Text)
    rating: Mapped[int | None] = mapped_column(Integer)
    feedback: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str | None] = mapped_column(String(200))


class RequestTransition(SyncMixin, Base):
    """One status change of a request: who, when, from, to, note. Insert-only."""

    __tablename__ = "request_transitions"
    __insert_only__ = True
    # Both sides record their own moves in the station's partition; the status machine on the
    # request row is what limits who may move where.
    __station_fields__ = frozenset({"request_id", "from_status", "to_status", "actor", "role", "note", "at"})
    __centre_fields__ = __station_fields__

    request_id: Mapped[str] = mapped_column(String(36), ref("support_requests"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))  # station|centre
    note: Mapped[str | None] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class RequestComment(SyncMixin, Base):
    """A comment on a request: an append-only thread."""

    __tablename__ = "request_comments"
    __insert_only__ = True
    # Both sides write in the thread (station partition); rows are never changed.
    __station_fields__ = frozenset({"request_id", "author", "role", "body", "at"})
    __centre_fields__ = __station_fields__

    request_id: Mapped[str] = mapped_column(String(36), ref("support_requests"), index=True)
    author: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    body: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class RotationVisit(SyncMixin, Base):
    """Lịch luân phiên (Phụ lục III), both ways: a centre staff member's stay at a station, or a station
    staff member's stay at a centre department for hands-on training. Written by the centre, in the
    station's partition."""

    __tablename__ = "rotation_visits"
    __centre_fields__ = frozenset(
        {"staff_id", "request_id", "date_from", "date_to", "purpose", "status", "patients_seen",
         "techniques", "notes", "direction", "department_id", "scope_area", "deleted"}
    )
    __station_fields__ = frozenset()

    staff_id: Mapped[str] = mapped_column(String(36), ref("staff"))
    request_id: Mapped[str | None] = mapped_column(String(36), ref("support_requests"))
    date_from: Mapped[dt.date] = mapped_column(Date)
    date_to: Mapped[dt.date] = mapped_column(Date)
    purpose: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="planned")  # planned|done|cancelled
    patients_seen: Mapped[int | None] = mapped_column(Integer)
    techniques: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    direction: Mapped[str] = mapped_column(String(16), default="to_station", server_default="to_station")
    department_id: Mapped[str | None] = mapped_column(String(36), ref("departments"))  # the centre's side
    scope_area: Mapped[str | None] = mapped_column(String(32))  # the purpose's practice_scope code
