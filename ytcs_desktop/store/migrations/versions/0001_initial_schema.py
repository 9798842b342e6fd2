"""initial schema

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import ytcs_desktop.store.base

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "centres",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("province", sa.String(length=120), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_centres")),
        sa.UniqueConstraint("code", name=op.f("uq_centres_code")),
    )
    with op.batch_alter_table("centres", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_centres_station_id"), ["station_id"], unique=False)

    op.create_table(
        "closed_periods",
        sa.Column("closed_through", sa.Date(), nullable=False),
        sa.Column("closed_by", sa.String(length=200), nullable=False),
        sa.Column("closed_at", ytcs_desktop.store.base.UTCDateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closed_periods")),
    )
    with op.batch_alter_table("closed_periods", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_closed_periods_station_id"), ["station_id"], unique=False)

    op.create_table(
        "fridges",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("model", sa.String(length=200), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("in_service_from", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fridges")),
    )
    with op.batch_alter_table("fridges", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fridges_station_id"), ["station_id"], unique=False)

    op.create_table(
        "items",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("active_ingredient", sa.String(length=300), nullable=True),
        sa.Column("strength", sa.String(length=100), nullable=True),
        sa.Column("dosage_form", sa.String(length=100), nullable=True),
        sa.Column("base_unit", sa.String(length=32), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("controlled", sa.String(length=16), nullable=True),
        sa.Column("min_stock", sa.Integer(), nullable=False),
        sa.Column("max_stock", sa.Integer(), nullable=False),
        sa.Column("doses_per_vial", sa.Integer(), nullable=True),
        sa.Column("vaccine_form", sa.String(length=16), nullable=True),
        sa.Column("freeze_sensitive", sa.Boolean(), nullable=False),
        sa.Column("open_vial_hours", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_items")),
        sa.UniqueConstraint("code", name=op.f("uq_items_code")),
    )
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_items_station_id"), ["station_id"], unique=False)

    op.create_table(
        "requisitions",
        sa.Column("number", sa.String(length=40), nullable=True),
        sa.Column("period_from", sa.Date(), nullable=True),
        sa.Column("period_to", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("centre_note", sa.Text(), nullable=True),
        sa.Column("created_at", ytcs_desktop.store.base.UTCDateTime(), nullable=False),
        sa.Column("approved_by", sa.String(length=200), nullable=True),
        sa.Column("approved_at", ytcs_desktop.store.base.UTCDateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_requisitions")),
    )
    with op.batch_alter_table("requisitions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_requisitions_station_id"), ["station_id"], unique=False)

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "stock_counts",
        sa.Column("number", sa.String(length=40), nullable=True),
        sa.Column("count_date", sa.Date(), nullable=False),
        sa.Column("started_at", ytcs_desktop.store.base.UTCDateTime(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("team", sa.Text(), nullable=True),
        sa.Column("proposals", sa.Text(), nullable=True),
        sa.Column("approved_by", sa.String(length=200), nullable=True),
        sa.Column("approved_at", ytcs_desktop.store.base.UTCDateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_counts")),
    )
    with op.batch_alter_table("stock_counts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stock_counts_station_id"), ["station_id"], unique=False)

    op.create_table(
        "sync_capture_pause",
        sa.Column("token", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_sync_capture_pause")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("losing_value", sa.Text(), nullable=True),
        sa.Column("losing_hlc", sa.String(length=80), nullable=False),
        sa.Column("winning_value", sa.Text(), nullable=True),
        sa.Column("winning_hlc", sa.String(length=80), nullable=False),
        sa.Column("recorded_at", ytcs_desktop.store.base.UTCDateTime(), nullable=False),
        sa.Column("resolved", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflicts_row_id"), ["row_id"], unique=False)

    op.create_table(
        "sync_meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_meta")),
    )
    op.create_table(
        "sync_outbox",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("changed", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_outbox")),
        sa.UniqueConstraint("mutation_id", name=op.f("uq_sync_outbox_mutation_id")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("sync_outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_outbox_row_id"), ["row_id"], unique=False)

    op.create_table(
        "training_sessions",
        sa.Column("organiser_kind", sa.String(length=16), nullable=False),
        sa.Column("organiser", sa.String(length=300), nullable=False),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column("programme", sa.String(length=32), nullable=False),
        sa.Column("date_from", sa.Date(), nullable=False),
        sa.Column("date_to", sa.Date(), nullable=False),
        sa.Column("periods", sa.Integer(), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=True),
        sa.Column("audience", sa.String(length=300), nullable=True),
        sa.Column("trainers", sa.String(length=300), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_sessions")),
    )
    with op.batch_alter_table("training_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_training_sessions_station_id"), ["station_id"], unique=False)

    op.create_table(
        "departments",
        sa.Column("centre_id", sa.String(length=36), nullable=True),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["centre_id"],
            ["centres.id"],
            name=op.f("fk_departments_centre_id_centres"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_departments")),
    )
    with op.batch_alter_table("departments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_departments_station_id"), ["station_id"], unique=False)

    op.create_table(
        "lots",
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("lot_no", sa.String(length=64), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=False),
        sa.Column("manufacturer", sa.String(length=300), nullable=True),
        sa.Column("vvm_stage", sa.Integer(), nullable=True),
        sa.Column("fridge_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["fridge_id"], ["fridges.id"], name=op.f("fk_lots_fridge_id_fridges"), initially="DEFERRED", deferrable=True
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_lots_item_id_items"), initially="DEFERRED", deferrable=True
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lots")),
        sa.UniqueConstraint("station_id", "item_id", "lot_no", name=op.f("uq_lots_station_id")),
    )
    with op.batch_alter_table("lots", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lots_expiry"), ["expiry"], unique=False)
        batch_op.create_index(batch_op.f("ix_lots_station_id"), ["station_id"], unique=False)

    op.create_table(
        "pack_units",
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("factor", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_pack_units_item_id_items"), initially="DEFERRED", deferrable=True
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pack_units")),
    )
    with op.batch_alter_table("pack_units", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pack_units_item_id"), ["item_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_pack_units_station_id"), ["station_id"], unique=False)

    op.create_table(
        "requisition_lines",
        sa.Column("requisition_id", sa.String(length=36), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("on_hand", sa.Integer(), nullable=False),
        sa.Column("avg_monthly_use", sa.Float(), nullable=False),
        sa.Column("requested_qty", sa.Integer(), nullable=False),
        sa.Column("approved_qty", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["items.id"],
            name=op.f("fk_requisition_lines_item_id_items"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["requisition_id"],
            ["requisitions.id"],
            name=op.f("fk_requisition_lines_requisition_id_requisitions"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_requisition_lines")),
    )
    with op.batch_alter_table("requisition_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_requisition_lines_requisition_id"), ["requisition_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_requisition_lines_station_id"), ["station_id"], unique=False)

    op.create_table(
        "stations",
        sa.Column("centre_id", sa.String(length=36), nullable=True),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("commune", sa.String(length=200), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("contact_name", sa.String(length=200), nullable=True),
        sa.Column("contact_phone", sa.String(length=40), nullable=True),
        sa.Column("licence_no", sa.String(length=80), nullable=True),
        sa.Column("licence_date", sa.Date(), nullable=True),
        sa.Column("population", sa.Integer(), nullable=True),
        sa.Column("parent_org", sa.String(length=300), nullable=True),
        sa.Column("head_name", sa.String(length=200), nullable=True),
        sa.Column("satellite_posts", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["centre_id"],
            ["centres.id"],
            name=op.f("fk_stations_centre_id_centres"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stations")),
        sa.UniqueConstraint("code", name=op.f("uq_stations_code")),
    )
    with op.batch_alter_table("stations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stations_station_id"), ["station_id"], unique=False)

    op.create_table(
        "stock_levels",
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("min_stock", sa.Integer(), nullable=False),
        sa.Column("max_stock", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_stock_levels_item_id_items"), initially="DEFERRED", deferrable=True
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_levels")),
        sa.UniqueConstraint("station_id", "item_id", name=op.f("uq_stock_levels_station_id")),
    )
    with op.batch_alter_table("stock_levels", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stock_levels_station_id"), ["station_id"], unique=False)

    op.create_table(
        "temperature_readings",
        sa.Column("fridge_id", sa.String(length=36), nullable=False),
        sa.Column("reading_date", sa.Date(), nullable=False),
        sa.Column("slot", sa.String(length=12), nullable=False),
        sa.Column("celsius", sa.Float(), nullable=False),
        sa.Column("freeze_alarm", sa.Boolean(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=True),
        sa.Column("recorded_at", ytcs_desktop.store.base.UTCDateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["fridge_id"],
            ["fridges.id"],
            name=op.f("fk_temperature_readings_fridge_id_fridges"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_temperature_readings")),
        sa.UniqueConstraint("fridge_id", "reading_date", "slot", name=op.f("uq_temperature_readings_fridge_id")),
    )
    with op.batch_alter_table("temperature_readings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_temperature_readings_station_id"), ["station_id"], unique=False)

    op.create_table(
        "quarantines",
        sa.Column("lot_id", sa.String(length=36), nullable=False),
        sa.Column("fridge_id", sa.String(length=36), nullable=True),
        sa.Column("reading_id", sa.String(length=36), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("cause", sa.String(length=16), nullable=True),
        sa.Column("started_at", ytcs_desktop.store.base.UTCDateTime(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("resolved_at", ytcs_desktop.store.base.UTCDateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=200), nullable=True),
        sa.Column("resolution_note", sa.Text(), nullable=True),
        sa.Column("vvm_stage", sa.Integer(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["fridge_id"],
            ["fridges.id"],
            name=op.f("fk_quarantines_fridge_id_fridges"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"], ["lots.id"], name=op.f("fk_quarantines_lot_id_lots"), initially="DEFERRED", deferrable=True
        ),
        sa.ForeignKeyConstraint(
            ["reading_id"],
            ["temperature_readings.id"],
            name=op.f("fk_quarantines_reading_id_temperature_readings"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quarantines")),
    )
    with op.batch_alter_table("quarantines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quarantines_lot_id"), ["lot_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_quarantines_station_id"), ["station_id"], unique=False)

    op.create_table(
        "shipment_lines",
        sa.Column("requisition_id", sa.String(length=36), nullable=True),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("lot_no", sa.String(length=64), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=False),
        sa.Column("manufacturer", sa.String(length=300), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("doc_no", sa.String(length=64), nullable=True),
        sa.Column("shipped_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("received_qty", sa.Integer(), nullable=True),
        sa.Column("discrepancy", sa.Text(), nullable=True),
        sa.Column("vvm_stage", sa.Integer(), nullable=True),
        sa.Column("temperature", sa.Float(), nullable=True),
        sa.Column("lot_id", sa.String(length=36), nullable=True),
        sa.Column("confirmed_at", ytcs_desktop.store.base.UTCDateTime(), nullable=True),
        sa.Column("confirmed_by", sa.String(length=200), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["items.id"],
            name=op.f("fk_shipment_lines_item_id_items"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"], ["lots.id"], name=op.f("fk_shipment_lines_lot_id_lots"), initially="DEFERRED", deferrable=True
        ),
        sa.ForeignKeyConstraint(
            ["requisition_id"],
            ["requisitions.id"],
            name=op.f("fk_shipment_lines_requisition_id_requisitions"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipment_lines")),
    )
    with op.batch_alter_table("shipment_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shipment_lines_station_id"), ["station_id"], unique=False)

    op.create_table(
        "staff",
        sa.Column("department_id", sa.String(length=36), nullable=True),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=60), nullable=False),
        sa.Column("licence_no", sa.String(length=80), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["departments.id"],
            name=op.f("fk_staff_department_id_departments"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
    )
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_station_id"), ["station_id"], unique=False)

    op.create_table(
        "stock_count_lines",
        sa.Column("count_id", sa.String(length=36), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("lot_id", sa.String(length=36), nullable=False),
        sa.Column("book_qty", sa.Integer(), nullable=False),
        sa.Column("physical_qty", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["count_id"],
            ["stock_counts.id"],
            name=op.f("fk_stock_count_lines_count_id_stock_counts"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["items.id"],
            name=op.f("fk_stock_count_lines_item_id_items"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"],
            ["lots.id"],
            name=op.f("fk_stock_count_lines_lot_id_lots"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_count_lines")),
    )
    with op.batch_alter_table("stock_count_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stock_count_lines_count_id"), ["count_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_stock_count_lines_station_id"), ["station_id"], unique=False)

    op.create_table(
        "stock_transactions",
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("lot_id", sa.String(length=36), nullable=False),
        sa.Column("txn_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("doc_no", sa.String(length=64), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=True),
        sa.Column("counterparty", sa.String(length=300), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("reason_code", sa.String(length=16), nullable=True),
        sa.Column("reverses_id", sa.String(length=36), nullable=True),
        sa.Column("ref_table", sa.String(length=40), nullable=True),
        sa.Column("ref_id", sa.String(length=36), nullable=True),
        sa.Column("actor", sa.String(length=200), nullable=True),
        sa.Column("created_at", ytcs_desktop.store.base.UTCDateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["items.id"],
            name=op.f("fk_stock_transactions_item_id_items"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"],
            ["lots.id"],
            name=op.f("fk_stock_transactions_lot_id_lots"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["reverses_id"],
            ["stock_transactions.id"],
            name=op.f("fk_stock_transactions_reverses_id_stock_transactions"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_transactions")),
    )
    with op.batch_alter_table("stock_transactions", schema=None) as batch_op:
        batch_op.create_index("ix_stock_transactions_item_date", ["item_id", "txn_date"], unique=False)
        batch_op.create_index("ix_stock_transactions_lot_date", ["lot_id", "txn_date", "quantity"], unique=False)
        batch_op.create_index(batch_op.f("ix_stock_transactions_reverses_id"), ["reverses_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_stock_transactions_station_id"), ["station_id"], unique=False)

    op.create_table(
        "support_requests",
        sa.Column("number", sa.String(length=40), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("urgency", sa.String(length=16), nullable=False),
        sa.Column("wanted_from", sa.Date(), nullable=True),
        sa.Column("wanted_to", sa.Date(), nullable=True),
        sa.Column("patient_ref", sa.String(length=80), nullable=True),
        sa.Column("icd10", sa.String(length=16), nullable=True),
        sa.Column("attachments", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("assigned_department_id", sa.String(length=36), nullable=True),
        sa.Column("assigned_staff_id", sa.String(length=36), nullable=True),
        sa.Column("support_format", sa.String(length=20), nullable=True),
        sa.Column("scheduled_from", sa.Date(), nullable=True),
        sa.Column("scheduled_to", sa.Date(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("reject_reason", sa.Text(), nullable=True),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("feedback", sa.Text(), nullable=True),
        sa.Column("created_at", ytcs_desktop.store.base.UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["assigned_department_id"],
            ["departments.id"],
            name=op.f("fk_support_requests_assigned_department_id_departments"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["assigned_staff_id"],
            ["staff.id"],
            name=op.f("fk_support_requests_assigned_staff_id_staff"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_requests")),
    )
    with op.batch_alter_table("support_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_support_requests_station_id"), ["station_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_support_requests_status"), ["status"], unique=False)

    op.create_table(
        "training_attendance",
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("person_name", sa.String(length=200), nullable=True),
        sa.Column("result", sa.String(length=40), nullable=True),
        sa.Column("certificate_no", sa.String(length=80), nullable=True),
        sa.Column("periods", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["training_sessions.id"],
            name=op.f("fk_training_attendance_session_id_training_sessions"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff.id"],
            name=op.f("fk_training_attendance_staff_id_staff"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_attendance")),
    )
    with op.batch_alter_table("training_attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_training_attendance_session_id"), ["session_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_training_attendance_staff_id"), ["staff_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_training_attendance_station_id"), ["station_id"], unique=False)

    op.create_table(
        "vial_openings",
        sa.Column("lot_id", sa.String(length=36), nullable=False),
        sa.Column("opened_at", ytcs_desktop.store.base.UTCDateTime(), nullable=False),
        sa.Column("session_label", sa.String(length=200), nullable=True),
        sa.Column("session_end", ytcs_desktop.store.base.UTCDateTime(), nullable=True),
        sa.Column("expires_at", ytcs_desktop.store.base.UTCDateTime(), nullable=False),
        sa.Column("doses_given", sa.Integer(), nullable=False),
        sa.Column("doses_wasted", sa.Integer(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=True),
        sa.Column("closed_at", ytcs_desktop.store.base.UTCDateTime(), nullable=True),
        sa.Column("issue_txn_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["issue_txn_id"],
            ["stock_transactions.id"],
            name=op.f("fk_vial_openings_issue_txn_id_stock_transactions"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"], ["lots.id"], name=op.f("fk_vial_openings_lot_id_lots"), initially="DEFERRED", deferrable=True
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vial_openings")),
    )
    with op.batch_alter_table("vial_openings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vial_openings_lot_id"), ["lot_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_vial_openings_station_id"), ["station_id"], unique=False)

    op.create_table(
        "request_comments",
        sa.Column("request_id", sa.String(length=36), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("at", ytcs_desktop.store.base.UTCDateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["support_requests.id"],
            name=op.f("fk_request_comments_request_id_support_requests"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_comments")),
    )
    with op.batch_alter_table("request_comments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_request_comments_request_id"), ["request_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_request_comments_station_id"), ["station_id"], unique=False)

    op.create_table(
        "request_transitions",
        sa.Column("request_id", sa.String(length=36), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=True),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("at", ytcs_desktop.store.base.UTCDateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["support_requests.id"],
            name=op.f("fk_request_transitions_request_id_support_requests"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_transitions")),
    )
    with op.batch_alter_table("request_transitions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_request_transitions_request_id"), ["request_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_request_transitions_station_id"), ["station_id"], unique=False)

    op.create_table(
        "rotation_visits",
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("request_id", sa.String(length=36), nullable=True),
        sa.Column("date_from", sa.Date(), nullable=False),
        sa.Column("date_to", sa.Date(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("patients_seen", sa.Integer(), nullable=True),
        sa.Column("techniques", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["support_requests.id"],
            name=op.f("fk_rotation_visits_request_id_support_requests"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff.id"],
            name=op.f("fk_rotation_visits_staff_id_staff"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rotation_visits")),
    )
    with op.batch_alter_table("rotation_visits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rotation_visits_station_id"), ["station_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("rotation_visits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rotation_visits_station_id"))

    op.drop_table("rotation_visits")
    with op.batch_alter_table("request_transitions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_request_transitions_station_id"))
        batch_op.drop_index(batch_op.f("ix_request_transitions_request_id"))

    op.drop_table("request_transitions")
    with op.batch_alter_table("request_comments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_request_comments_station_id"))
        batch_op.drop_index(batch_op.f("ix_request_comments_request_id"))

    op.drop_table("request_comments")
    with op.batch_alter_table("vial_openings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vial_openings_station_id"))
        batch_op.drop_index(batch_op.f("ix_vial_openings_lot_id"))

    op.drop_table("vial_openings")
    with op.batch_alter_table("training_attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_attendance_station_id"))
        batch_op.drop_index(batch_op.f("ix_training_attendance_staff_id"))
        batch_op.drop_index(batch_op.f("ix_training_attendance_session_id"))

    op.drop_table("training_attendance")
    with op.batch_alter_table("support_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_support_requests_status"))
        batch_op.drop_index(batch_op.f("ix_support_requests_station_id"))

    op.drop_table("support_requests")
    with op.batch_alter_table("stock_transactions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stock_transactions_station_id"))
        batch_op.drop_index(batch_op.f("ix_stock_transactions_reverses_id"))
        batch_op.drop_index("ix_stock_transactions_lot_date")
        batch_op.drop_index("ix_stock_transactions_item_date")

    op.drop_table("stock_transactions")
    with op.batch_alter_table("stock_count_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stock_count_lines_station_id"))
        batch_op.drop_index(batch_op.f("ix_stock_count_lines_count_id"))

    op.drop_table("stock_count_lines")
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_station_id"))

    op.drop_table("staff")
    with op.batch_alter_table("shipment_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shipment_lines_station_id"))

    op.drop_table("shipment_lines")
    with op.batch_alter_table("quarantines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quarantines_station_id"))
        batch_op.drop_index(batch_op.f("ix_quarantines_lot_id"))

    op.drop_table("quarantines")
    with op.batch_alter_table("temperature_readings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_temperature_readings_station_id"))

    op.drop_table("temperature_readings")
    with op.batch_alter_table("stock_levels", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stock_levels_station_id"))

    op.drop_table("stock_levels")
    with op.batch_alter_table("stations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stations_station_id"))

    op.drop_table("stations")
    with op.batch_alter_table("requisition_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_requisition_lines_station_id"))
        batch_op.drop_index(batch_op.f("ix_requisition_lines_requisition_id"))

    op.drop_table("requisition_lines")
    with op.batch_alter_table("pack_units", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pack_units_station_id"))
        batch_op.drop_index(batch_op.f("ix_pack_units_item_id"))

    op.drop_table("pack_units")
    with op.batch_alter_table("lots", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lots_station_id"))
        batch_op.drop_index(batch_op.f("ix_lots_expiry"))

    op.drop_table("lots")
    with op.batch_alter_table("departments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_departments_station_id"))

    op.drop_table("departments")
    with op.batch_alter_table("training_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_sessions_station_id"))

    op.drop_table("training_sessions")
    with op.batch_alter_table("sync_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_outbox_row_id"))

    op.drop_table("sync_outbox")
    op.drop_table("sync_meta")
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_row_id"))

    op.drop_table("sync_conflicts")
    op.drop_table("sync_capture_pause")
    with op.batch_alter_table("stock_counts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stock_counts_station_id"))

    op.drop_table("stock_counts")
    op.drop_table("settings")
    with op.batch_alter_table("requisitions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_requisitions_station_id"))

    op.drop_table("requisitions")
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_items_station_id"))

    op.drop_table("items")
    with op.batch_alter_table("fridges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fridges_station_id"))

    op.drop_table("fridges")
    with op.batch_alter_table("closed_periods", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_closed_periods_station_id"))

    op.drop_table("closed_periods")
    with op.batch_alter_table("centres", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_centres_station_id"))

    op.drop_table("centres")
