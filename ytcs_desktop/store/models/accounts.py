"""The people who may sign in on this computer (local, never synced).

One row per person: their duties, an argon2 hash of their password (never the password), when the centre
last confirmed it, and whether an account made here offline still awaits the centre's confirmation. Kept
per PC on purpose: a hash is what lets a person sign in offline. The one time a hash leaves the PC is when
an account made here is sent to the centre to be confirmed (the centre keeps the same argon2 hash, never a
password); the sync brings back whether the centre keeps each account in use (`centre_active`)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ytcs_desktop.store.base import Base, UTCDateTime


class LocalAccount(Base):
    __tablename__ = "local_accounts"

    username: Mapped[str] = mapped_column(String(100), primary_key=True)  # casefolded
    full_name: Mapped[str] = mapped_column(String(200))
    staff_id: Mapped[str | None] = mapped_column(String(36))  # the staff record of this person, if any
    duties: Mapped[str] = mapped_column(Text)  # comma list of domain/permissions.py DUTIES codes
    password_hash: Mapped[str] = mapped_column(Text)  # argon2id, argon2.PasswordHasher
    verified_online_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    awaits_confirmation: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    created_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    # False once the centre has disabled this account (brought by a sync): it cannot sign in here either
    centre_active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    # Why the centre refused an account made here (JSON {"code", "vi", "en"}); NULL: not refused
    centre_refusal: Mapped[str | None] = mapped_column(Text)
