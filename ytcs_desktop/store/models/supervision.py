"""Supervision visits (giám sát): the checklist, the visit with its scores, findings and their
corrective actions."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ytcs_desktop.store.base import Base, SyncMixin, UTCDateTime
from ytcs_desktop.store.models.org import ref


class SupervisionItem(SyncMixin, Base):
    """One item of the checklist of an area: reference data (station_id NULL), the centre's.

    The standard checklist is seeded by migration 0006 with fixed ids, so every replica holds the same
    rows from the start without syncing them.
    """

    __tablename__ = "supervision_items"

    area: Mapped[str] = mapped_column(String(32), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    max_score: Mapped[int] = mapped_column(Integer, default=2)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class SupervisionVisit(SyncMixin, Base):
    """A supervision visit to a station, in the visited station's partition; written by the centre."""

    __tablename__ = "supervision_visits"
    __centre_fields__ = frozenset(
        {"visit_date", "areas", "team", "department_id", "summary", "status", "created_at", "created_by",
         "number", "deleted"}
    )
    __station_fields__ = frozenset()

    number: Mapped[str | None] = mapped_column(String(40))
    visit_date: Mapped[dt.date] = mapped_column(Date, index=True)
    areas: Mapped[str] = mapped_column(Text)  # comma-separated area codes checked on this visit
    team: Mapped[str] = mapped_column(String(300))
    department_id: Mapped[str | None] = mapped_column(String(36), ref("departments"))
    summary: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft|done
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str | None] = mapped_column(String(200))


class SupervisionScore(SyncMixin, Base):
    """The score one checklist item got on one visit (None: not applicable). The centre's."""

    __tablename__ = "supervision_scores"
    __centre_fields__ = frozenset({"visit_id", "item_id", "score", "note", "deleted"})
    __station_fields__ = frozenset()

    visit_id: Mapped[str] = mapped_column(String(36), ref("supervision_visits"), index=True)
    item_id: Mapped[str] = mapped_column(String(36), ref("supervision_items"))
    score: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)


class SupervisionFinding(SyncMixin, Base):
    """A finding of a visit and the corrective action asked for it (owner, due date).

    The centre writes the finding and the action and alone closes it, with an evidence note; the
    station records how far it has got (progress note), which moves an open action to in progress.
    """

    __tablename__ = "supervision_findings"
    __centre_fields__ = frozenset(
        {"visit_id", "area", "finding", "action", "owner", "due_date", "status", "evidence_note", "closed_on",
         "closed_by", "created_at", "deleted"}
    )
    __station_fields__ = frozenset({"status", "progress_note", "progress_at", "progress_by"})

    visit_id: Mapped[str] = mapped_column(String(36), ref("supervision_visits"), index=True)
    area: Mapped[str] = mapped_column(String(32))
    finding: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200))
    due_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)  # open|in_progress|closed
    progress_note: Mapped[str | None] = mapped_column(Text)
    progress_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    progress_by: Mapped[str | None] = mapped_column(String(200))
    evidence_note: Mapped[str | None] = mapped_column(Text)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    closed_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
