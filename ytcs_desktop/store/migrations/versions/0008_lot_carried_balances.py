"""carried lot balances

Each lot's ledger total through the station's last closed day, so stock on hand sums only the rows since
(store/carried.py). The rows are derived: the upgrade's caller fills them from the ledger once the
triggers are installed.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lot_carried_balances",
        sa.Column("lot_id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("through", sa.Date(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("lot_id", name=op.f("pk_lot_carried_balances")),
    )
    with op.batch_alter_table("lot_carried_balances", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lot_carried_balances_station_id"), ["station_id"], unique=False)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS ytcs_carry_ledger_insert")
    op.execute("DROP TRIGGER IF EXISTS ytcs_carry_ledger_update")
    op.execute("DROP TRIGGER IF EXISTS ytcs_carry_ledger_delete")
    op.execute("DROP TRIGGER IF EXISTS ytcs_carry_period_closed")
    with op.batch_alter_table("lot_carried_balances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lot_carried_balances_station_id"))
    op.drop_table("lot_carried_balances")
