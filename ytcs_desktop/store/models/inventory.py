"""Drugs, supplies and vaccines: catalogue, lots, the immutable ledger, counts and requisitions."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, Float, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ytcs_desktop.store.base import Base, SyncMixin, UTCDateTime
from ytcs_desktop.store.models.org import ref


class Item(SyncMixin, Base):
    """Catalogue item (reference data, written by the centre)."""

    __tablename__ = "items"
    __station_fields__ = frozenset()

    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(500))
    active_ingredient: Mapped[str | None] = mapped_column(String(300))
    strength: Mapped[str | None] = mapped_column(String(100))
    dosage_form: Mapped[str | None] = mapped_column(String(100))
    base_unit: Mapped[str] = mapped_column(String(32))
    category: Mapped[str] = mapped_column(String(16))  # drug|supply|vaccine
    controlled: Mapped[str | None] = mapped_column(String(16))  # narcotic|psychotropic|precursor
    min_stock: Mapped[int] = mapped_column(Integer, default=0)
    max_stock: Mapped[int] = mapped_column(Integer, default=0)
    doses_per_vial: Mapped[int | None] = mapped_column(Integer)
    vaccine_form: Mapped[str | None] = mapped_column(String(16))  # liquid|lyophilised
    freeze_sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    open_vial_hours: Mapped[int | None] = mapped_column(Integer)  # None: policy default (6 h)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PackUnit(SyncMixin, Base):
    """A pack of an item (hộp 10 vỉ × 10 viên = 100 base units). Reference data."""

    __tablename__ = "pack_units"
    __station_fields__ = frozenset()

    item_id: Mapped[str] = mapped_column(String(36), ref("items"), index=True)
    name: Mapped[str] = mapped_column(String(32))
    factor: Mapped[int] = mapped_column(Integer)


class StockLevel(SyncMixin, Base):
    """Min/max for one item at one station, overriding the catalogue default."""

    __tablename__ = "stock_levels"
    __table_args__ = (UniqueConstraint("station_id", "item_id"),)

    item_id: Mapped[str] = mapped_column(String(36), ref("items"))
    min_stock: Mapped[int] = mapped_column(Integer, default=0)
    max_stock: Mapped[int] = mapped_column(Integer, default=0)


class Lot(SyncMixin, Base):
    """A lot of an item held at one station."""

    __tablename__ = "lots"
    # The unique (station_id, item_id, lot_no) also serves lookups by item: no separate item index.
    __table_args__ = (UniqueConstraint("station_id", "item_id", "lot_no"),)

    item_id: Mapped[str] = mapped_column(String(36), ref("items"))
    lot_no: Mapped[str] = mapped_column(String(64))
    expiry: Mapped[dt.date] = mapped_column(Date, index=True)
    manufacturer: Mapped[str | None] = mapped_column(String(300))
    vvm_stage: Mapped[int | None] = mapped_column(Integer)  # 1..4, vaccines
    fridge_id: Mapped[str | None] = mapped_column(String(36), ref("fridges"))


class StockTransaction(SyncMixin, Base):
    """One immutable ledger movement, quantity signed in base units. Never edited: reversed."""

    __tablename__ = "stock_transactions"
    __insert_only__ = True
    __table_args__ = (
        # Covering: stock on hand is a SUM per lot over the ledger, read from this index alone.
        Index("ix_stock_transactions_lot_date", "lot_id", "txn_date", "quantity"),
        Index("ix_stock_transactions_item_date", "item_id", "txn_date"),
    )

    item_id: Mapped[str] = mapped_column(String(36), ref("items"))
    lot_id: Mapped[str] = mapped_column(String(36), ref("lots"))
    txn_date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))
    quantity: Mapped[int] = mapped_column(Integer)
    doc_no: Mapped[str | None] = mapped_column(String(64))
    source: Mapped[str | None] = mapped_column(String(16))  # receipts: centre|other
    counterparty: Mapped[str | None] = mapped_column(String(300))
    reason: Mapped[str | None] = mapped_column(Text)
    # disposals: expired|damaged|vvm|frozen|other (the wastage report splits on it)
    reason_code: Mapped[str | None] = mapped_column(String(16))
    reverses_id: Mapped[str | None] = mapped_column(String(36), ref("stock_transactions"), index=True)
    ref_table: Mapped[str | None] = mapped_column(String(40))
    ref_id: Mapped[str | None] = mapped_column(String(36))
    actor: Mapped[str | None] = mapped_column(String(200))
    # the user name of the signed-in person who wrote it (NULL where nobody signs in): the centre re-checks
    # that person's duties for a count correction or a disposal (sync/server/duties.py)
    actor_user: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class ClosedPeriod(SyncMixin, Base):
    """Everything dated on or before `closed_through` is closed: no back-dated movement."""

    __tablename__ = "closed_periods"
    __insert_only__ = True

    closed_through: Mapped[dt.date] = mapped_column(Date)
    closed_by: Mapped[str] = mapped_column(String(200))
    closed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class StockCount(SyncMixin, Base):
    """Kiểm kê: book quantities frozen at start, physical counts, approved into corrections."""

    __tablename__ = "stock_counts"

    number: Mapped[str | None] = mapped_column(String(40))
    count_date: Mapped[dt.date] = mapped_column(Date)
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft|approved|cancelled
    team: Mapped[str | None] = mapped_column(Text)
    proposals: Mapped[str | None] = mapped_column(Text)
    approved_by: Mapped[str | None] = mapped_column(String(200))
    approved_by_user: Mapped[str | None] = mapped_column(String(100))  # user name of who approved (signed in)
    approved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class StockCountLine(SyncMixin, Base):
    __tablename__ = "stock_count_lines"

    count_id: Mapped[str] = mapped_column(String(36), ref("stock_counts"), index=True)
    item_id: Mapped[str] = mapped_column(String(36), ref("items"))
    lot_id: Mapped[str] = mapped_column(String(36), ref("lots"))
    book_qty: Mapped[int] = mapped_column(Integer)
    physical_qty: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(Text)


class Requisition(SyncMixin, Base):
    """Phiếu dự trù: the station drafts and submits; the centre approves and ships."""

    __tablename__ = "requisitions"
    __station_fields__ = frozenset({"number", "period_from", "period_to", "notes", "created_at", "status",
                                    "deleted"})
    __centre_fields__ = frozenset({"status", "approved_by", "approved_at", "centre_note"})

    number: Mapped[str | None] = mapped_column(String(40))
    period_from: Mapped[dt.date | None] = mapped_column(Date)
    period_to: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    notes: Mapped[str | None] = mapped_column(Text)
    centre_note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    approved_by: Mapped[str | None] = mapped_column(String(200))
    approved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class RequisitionLine(SyncMixin, Base):
    __tablename__ = "requisition_lines"
    __station_fields__ = frozenset({"requisition_id", "item_id", "on_hand", "avg_monthly_use",
                                    "requested_qty", "note", "deleted"})
    __centre_fields__ = frozenset({"approved_qty"})

    requisition_id: Mapped[str] = mapped_column(String(36), ref("requisitions"), index=True)
    item_id: Mapped[str] = mapped_column(String(36), ref("items"))
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    avg_monthly_use: Mapped[float] = mapped_column(Float, default=0.0)
    requested_qty: Mapped[int] = mapped_column(Integer)
    approved_qty: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)


class ShipmentLine(SyncMixin, Base):
    """A lot the centre shipped to a station: a pending receipt until the station confirms it."""

    __tablename__ = "shipment_lines"
    __centre_fields__ = frozenset({"requisition_id", "item_id", "lot_no", "expiry", "manufacturer",
                                   "quantity", "doc_no", "shipped_date", "deleted"})
    __station_fields__ = frozenset({"status", "received_qty", "discrepancy", "vvm_stage", "temperature",
                                    "confirmed_at", "confirmed_by", "lot_id"})

    requisition_id: Mapped[str | None] = mapped_column(String(36), ref("requisitions"))
    item_id: Mapped[str] = mapped_column(String(36), ref("items"))
    lot_no: Mapped[str] = mapped_column(String(64))
    expiry: Mapped[dt.date] = mapped_column(Date)
    manufacturer: Mapped[str | None] = mapped_column(String(300))
    quantity: Mapped[int] = mapped_column(Integer)
    doc_no: Mapped[str | None] = mapped_column(String(64))
    shipped_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending|confirmed
    received_qty: Mapped[int | None] = mapped_column(Integer)
    discrepancy: Mapped[str | None] = mapped_column(Text)
    vvm_stage: Mapped[int | None] = mapped_column(Integer)
    temperature: Mapped[float | None] = mapped_column(Float)
    lot_id: Mapped[str | None] = mapped_column(String(36), ref("lots"))
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    confirmed_by: Mapped[str | None] = mapped_column(String(200))


class VialOpening(SyncMixin, Base):
    """A vaccine vial opened for a session; expires after the policy hours or at session end.
    Opening issues the vial's doses from the ledger; closing records doses given and wasted."""

    __tablename__ = "vial_openings"

    lot_id: Mapped[str] = mapped_column(String(36), ref("lots"), index=True)
    opened_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    session_label: Mapped[str | None] = mapped_column(String(200))
    session_end: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    doses_given: Mapped[int] = mapped_column(Integer, default=0)
    doses_wasted: Mapped[int] = mapped_column(Integer, default=0)
    recorded_by: Mapped[str | None] = mapped_column(String(200))
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    issue_txn_id: Mapped[str | None] = mapped_column(String(36), ref("stock_transactions"))
