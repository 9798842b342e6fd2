"""the audit trail and the staff directory

`audit_log` (synced, insert-only, written by the triggers of store/audit.py), the local `audit_person`
those triggers read, and the staff directory's columns on `staff`. The audit triggers are installed by
the store after the upgrade, like the capture triggers, so upgrading writes no audit rows.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_STAFF_COLUMNS = ("licence_date", "licence_valid_to", "grade", "grade_step", "position", "left_on")


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("person", sa.String(length=200), nullable=True),
        sa.Column("computer", sa.String(length=120), nullable=True),
        sa.Column("replica_id", sa.String(length=64), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("changes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("hlc", sa.String(length=80), server_default="", nullable=False),
        sa.Column("origin", sa.String(length=64), server_default="", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sync_state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sync_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_log_at", ["at"], unique=False)
        batch_op.create_index("ix_audit_log_record", ["table_name", "row_id"], unique=False)
    op.create_table(
        "audit_person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person", sa.String(length=200), nullable=True),
        sa.Column("computer", sa.String(length=120), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_person")),
    )
    # Plain ADD COLUMNs (no table rebuild): staff rows other tables point at stay as they are.
    op.add_column("staff", sa.Column("licence_date", sa.Date(), nullable=True))
    op.add_column("staff", sa.Column("licence_valid_to", sa.Date(), nullable=True))
    op.add_column("staff", sa.Column("grade", sa.String(length=120), nullable=True))
    op.add_column("staff", sa.Column("grade_step", sa.Integer(), nullable=True))
    op.add_column("staff", sa.Column("position", sa.String(length=200), nullable=True))
    op.add_column("staff", sa.Column("left_on", sa.Date(), nullable=True))


def downgrade() -> None:
    conn = op.get_bind()
    for (name,) in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'ytcs_audit_%'").all():
        op.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    with op.batch_alter_table("staff", schema=None) as batch_op:
        for column in reversed(_STAFF_COLUMNS):
            batch_op.drop_column(column)
    op.drop_table("audit_person")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_record")
        batch_op.drop_index("ix_audit_log_at")
    op.drop_table("audit_log")
