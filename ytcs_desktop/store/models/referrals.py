"""Referrals (chuyển tuyến): written by the station, acknowledged and followed up by the centre."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ytcs_desktop.store.base import Base, SyncMixin, UTCDateTime


class Referral(SyncMixin, Base):
    """Phiếu chuyển tuyến. `status` moves only through domain.referrals.TRANSITIONS.

    The station owns what it saw and decided (patient, reason, diagnosis, where to, urgency); the
    centre owns what it learnt after (acknowledgement, arrival, outcome, advice, whether it was needed).
    """

    __tablename__ = "referrals"
    __station_fields__ = frozenset(
        {"number", "patient_ref", "reason", "icd10", "destination", "urgency", "referred_on", "referred_by",
         "created_at", "status", "deleted"}
    )
    __centre_fields__ = frozenset(
        {"status", "acknowledged_at", "acknowledged_by", "arrived_on", "outcome", "advice", "needed",
         "follow_up_note", "closed_at", "closed_by"}
    )

    number: Mapped[str | None] = mapped_column(String(40))
    patient_ref: Mapped[str] = mapped_column(String(80))
    reason: Mapped[str] = mapped_column(Text)
    icd10: Mapped[str | None] = mapped_column(String(16))
    destination: Mapped[str] = mapped_column(String(300))
    urgency: Mapped[str] = mapped_column(String(16), default="normal")  # normal|urgent|emergency
    referred_on: Mapped[dt.date] = mapped_column(Date, index=True)
    referred_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(20), default="sent", index=True)
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    acknowledged_by: Mapped[str | None] = mapped_column(String(200))
    arrived_on: Mapped[dt.date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(Text)
    advice: Mapped[str | None] = mapped_column(Text)  # advice back to the station
    needed: Mapped[bool | None] = mapped_column(Boolean)  # the centre's judgement; None until judged
    follow_up_note: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    closed_by: Mapped[str | None] = mapped_column(String(200))
