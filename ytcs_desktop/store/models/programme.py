"""The centre's support programme: the annual plan per station (activities with quarterly targets and
costs, indicators), the consultation calendar with its cases, the station's ratings of support, the
training plan (Phụ lục II) and the register of documents rolled out (Phụ lục I)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ytcs_desktop.store.base import Base, SyncMixin, UTCDateTime
from ytcs_desktop.store.models.org import ref


class SupportPlan(SyncMixin, Base):
    """Kế hoạch hỗ trợ chuyên môn năm of one station. Written by the centre; the row lives in the
    station's partition so the station reads its own plan."""

    __tablename__ = "support_plans"
    __table_args__ = (UniqueConstraint("station_id", "year"),)
    __centre_fields__ = frozenset({"year", "objectives", "notes", "deleted"})
    __station_fields__ = frozenset()

    year: Mapped[int] = mapped_column(Integer)
    objectives: Mapped[str] = mapped_column(Text)  # one objective a line
    notes: Mapped[str | None] = mapped_column(Text)


class PlanActivity(SyncMixin, Base):
    """One activity of a plan: its kind, a target (chỉ tiêu) per quarter and its cost estimate (VND)."""

    __tablename__ = "plan_activities"
    __centre_fields__ = frozenset(
        {"plan_id", "kind", "content", "department_id", "target_q1", "target_q2", "target_q3", "target_q4",
         "cost_travel", "cost_per_diem", "cost_materials", "deleted"}
    )
    __station_fields__ = frozenset()

    plan_id: Mapped[str] = mapped_column(String(36), ref("support_plans"), index=True)
    kind: Mapped[str] = mapped_column(String(32))  # activity_kind
    content: Mapped[str] = mapped_column(Text)
    department_id: Mapped[str | None] = mapped_column(String(36), ref("departments"))
    target_q1: Mapped[int] = mapped_column(Integer, default=0)
    target_q2: Mapped[int] = mapped_column(Integer, default=0)
    target_q3: Mapped[int] = mapped_column(Integer, default=0)
    target_q4: Mapped[int] = mapped_column(Integer, default=0)
    cost_travel: Mapped[int] = mapped_column(Integer, default=0)  # đi lại
    cost_per_diem: Mapped[int] = mapped_column(Integer, default=0)  # công tác phí
    cost_materials: Mapped[int] = mapped_column(Integer, default=0)  # vật tư, tài liệu


class PlanIndicator(SyncMixin, Base):
    """Chỉ số chuyên môn the plan follows, with how it is measured (phương thức đánh giá)."""

    __tablename__ = "plan_indicators"
    __centre_fields__ = frozenset({"plan_id", "name", "measure", "target", "deleted"})
    __station_fields__ = frozenset()

    plan_id: Mapped[str] = mapped_column(String(36), ref("support_plans"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    measure: Mapped[str] = mapped_column(Text)
    target: Mapped[str | None] = mapped_column(String(120))


class ConsultationSession(SyncMixin, Base):
    """Lịch hội chẩn: one session. station_id NULL: open to every station (each sees it); else one
    station's session, seen by that station only."""

    __tablename__ = "consultation_sessions"
    __centre_fields__ = frozenset(
        {"day", "start_time", "mode", "place", "link", "experts", "topic", "status", "notes", "deleted"}
    )
    __station_fields__ = frozenset()

    day: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[str] = mapped_column(String(5))  # HH:MM, Vietnam time
    mode: Mapped[str] = mapped_column(String(16))  # in_person|online
    place: Mapped[str | None] = mapped_column(String(300))
    link: Mapped[str | None] = mapped_column(String(500))
    experts: Mapped[str] = mapped_column(Text)  # the centre's experts, one a line
    topic: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(16), default="planned")  # planned|held|cancelled
    notes: Mapped[str | None] = mapped_column(Text)


class ConsultationCase(SyncMixin, Base):
    """A case on a session's agenda: a support request, and the conclusion (kết luận) once discussed.
    Lives in the request's station partition, written by the centre."""

    __tablename__ = "consultation_cases"
    __centre_fields__ = frozenset({"session_id", "request_id", "conclusion", "deleted"})
    __station_fields__ = frozenset()

    session_id: Mapped[str] = mapped_column(String(36), ref("consultation_sessions"), index=True)
    request_id: Mapped[str] = mapped_column(String(36), ref("support_requests"), index=True)
    conclusion: Mapped[str | None] = mapped_column(Text)


class ActivityRating(SyncMixin, Base):
    """The station's rating (1–5) and comment of a rotation visit or a consultation session it received.
    One per station and activity (a natural id); support requests keep their own rating."""

    __tablename__ = "activity_ratings"
    __station_fields__ = frozenset({"activity_kind", "activity_id", "rating", "comment", "rated_at", "rated_by",
                                    "deleted"})
    __centre_fields__ = frozenset()

    activity_kind: Mapped[str] = mapped_column(String(20))  # rotation|consultation
    activity_id: Mapped[str] = mapped_column(String(36), index=True)
    rating: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    rated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    rated_by: Mapped[str | None] = mapped_column(String(200))


class TrainingPlanItem(SyncMixin, Base):
    """Phụ lục II: a training a department proposes for the year (reference data, the centre's)."""

    __tablename__ = "training_plan_items"
    __centre_fields__ = frozenset({"year", "quarter", "department_id", "content", "expected_time", "format",
                                   "audience", "head_count", "deleted"})
    __station_fields__ = frozenset()

    year: Mapped[int] = mapped_column(Integer, index=True)
    quarter: Mapped[int | None] = mapped_column(Integer)
    department_id: Mapped[str | None] = mapped_column(String(36), ref("departments"))
    content: Mapped[str] = mapped_column(Text)
    expected_time: Mapped[str | None] = mapped_column(String(120))  # thời gian dự kiến, as the plan says it
    format: Mapped[str] = mapped_column(String(20), default="in_person")  # in_person|online|hands_on
    audience: Mapped[str | None] = mapped_column(String(300))
    head_count: Mapped[int] = mapped_column(Integer, default=0)


class TrainingPlanSession(SyncMixin, Base):
    """A training session that carried out a planned item (plan against held)."""

    __tablename__ = "training_plan_sessions"
    __centre_fields__ = frozenset({"item_id", "session_id", "deleted"})
    __station_fields__ = frozenset()

    item_id: Mapped[str] = mapped_column(String(36), ref("training_plan_items"), index=True)
    session_id: Mapped[str] = mapped_column(String(36), ref("training_sessions"), index=True)


class RolledOutDocument(SyncMixin, Base):
    """Phụ lục I: a document a department rolled out to the stations, and how many forms it guided."""

    __tablename__ = "rolled_out_documents"
    __centre_fields__ = frozenset({"department_id", "doc_number", "doc_date", "summary", "forms_guided", "deleted"})
    __station_fields__ = frozenset()

    department_id: Mapped[str | None] = mapped_column(String(36), ref("departments"))
    doc_number: Mapped[str] = mapped_column(String(80))
    doc_date: Mapped[dt.date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text)
    forms_guided: Mapped[int] = mapped_column(Integer, default=0)
