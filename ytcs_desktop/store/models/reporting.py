"""The reporting chain: the schedule of reports the centre asks for, and the stations' submissions."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from ytcs_desktop.store.base import Base, SyncMixin, UTCDateTime
from ytcs_desktop.store.models.org import ref


class ReportKind(SyncMixin, Base):
    """One kind of periodic report and its deadline (chế độ báo cáo): reference data the centre keeps
    and may change; stations read it. The deadline field that applies depends on the period: a weekday
    for a weekly report, days after the period for a monthly or quarterly one, a day and month
    ("15/11") for the annual one. Rules: domain/reporting/schedule.py."""

    __tablename__ = "report_kinds"
    __centre_fields__ = frozenset({"code", "name", "period", "due_weekday", "due_days", "due_date", "sort_order",
                                   "active", "deleted"})
    __station_fields__ = frozenset()

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    period: Mapped[str] = mapped_column(String(16))  # week|month|quarter|year
    due_weekday: Mapped[int | None] = mapped_column(Integer)  # ISO weekday, 5 = Friday (week)
    due_days: Mapped[int | None] = mapped_column(Integer)  # days after the period's last day (month, quarter)
    due_date: Mapped[str | None] = mapped_column(String(5))  # "DD/MM" (year)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ReportSubmission(SyncMixin, Base):
    """A report a station sent for one period: its figures (counted from its records at the time),
    its difficulties and proposals, who sent it and when. Sealed once sent: the station never changes
    it (a correction is a new submission naming the one it corrects); the centre only returns it with
    a comment or acknowledges it. Rules: domain/reporting/submissions.py."""

    __tablename__ = "report_submissions"
    __table_args__ = (
        # one original per station, kind and period; corrections name what they correct
        Index("uq_report_submissions_original", "station_id", "kind", "period_from", unique=True,
              sqlite_where=text("corrects_id IS NULL"), postgresql_where=text("corrects_id IS NULL")),
    )
    __station_fields__ = frozenset(
        {"kind", "period_from", "period_to", "figures", "difficulties", "proposals", "submitted_at",
         "submitted_by", "corrects_id", "correction_note", "status"}
    )
    __centre_fields__ = frozenset({"status", "reviewed_at", "reviewed_by", "review_comment"})

    kind: Mapped[str] = mapped_column(String(32))
    period_from: Mapped[dt.date] = mapped_column(Date)
    period_to: Mapped[dt.date] = mapped_column(Date)
    figures: Mapped[str] = mapped_column(Text)  # JSON: the counts the report carries
    difficulties: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of lines
    proposals: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of lines
    submitted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    submitted_by: Mapped[str] = mapped_column(String(200))
    corrects_id: Mapped[str | None] = mapped_column(String(36), ref("report_submissions"), index=True)
    correction_note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="submitted")  # submitted|returned|acknowledged
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    review_comment: Mapped[str | None] = mapped_column(Text)
