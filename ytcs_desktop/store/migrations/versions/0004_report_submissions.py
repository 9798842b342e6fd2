"""report submissions and the schedule of reports due

`report_kinds` is the centre's schedule (reference rows, station_id NULL); the centre's set-up writes
its first rows (domain/reporting/schedule.py `seed_schedule`) so they sync to every station, which a
row written here by each file's migration would not (migrations run with capture off).
`report_submissions` are the stations' sealed reports; one original per station, kind and period.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ytcs_desktop.store.base import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _sync_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "report_kinds",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("due_weekday", sa.Integer(), nullable=True),
        sa.Column("due_days", sa.Integer(), nullable=True),
        sa.Column("due_date", sa.String(length=5), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_kinds")),
        sa.UniqueConstraint("code", name=op.f("uq_report_kinds_code")),
    )
    op.create_index(op.f("ix_report_kinds_station_id"), "report_kinds", ["station_id"], unique=False)
    op.create_table(
        "report_submissions",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=False),
        sa.Column("period_to", sa.Date(), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.Column("difficulties", sa.Text(), nullable=False),
        sa.Column("proposals", sa.Text(), nullable=False),
        sa.Column("submitted_at", UTCDateTime(), nullable=False),
        sa.Column("submitted_by", sa.String(length=200), nullable=False),
        sa.Column("corrects_id", sa.String(length=36), nullable=True),
        sa.Column("correction_note", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reviewed_at", UTCDateTime(), nullable=True),
        sa.Column("reviewed_by", sa.String(length=200), nullable=True),
        sa.Column("review_comment", sa.Text(), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["corrects_id"], ["report_submissions.id"],
                                name=op.f("fk_report_submissions_corrects_id_report_submissions"),
                                initially="DEFERRED", deferrable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_submissions")),
    )
    op.create_index(op.f("ix_report_submissions_corrects_id"), "report_submissions", ["corrects_id"], unique=False)
    op.create_index(op.f("ix_report_submissions_station_id"), "report_submissions", ["station_id"], unique=False)
    op.create_index("uq_report_submissions_original", "report_submissions", ["station_id", "kind", "period_from"],
                    unique=True, sqlite_where=sa.text("corrects_id IS NULL"),
                    postgresql_where=sa.text("corrects_id IS NULL"))


def downgrade() -> None:
    op.drop_index("uq_report_submissions_original", table_name="report_submissions")
    op.drop_index(op.f("ix_report_submissions_station_id"), table_name="report_submissions")
    op.drop_index(op.f("ix_report_submissions_corrects_id"), table_name="report_submissions")
    op.drop_table("report_submissions")
    op.drop_index(op.f("ix_report_kinds_station_id"), table_name="report_kinds")
    op.drop_table("report_kinds")
