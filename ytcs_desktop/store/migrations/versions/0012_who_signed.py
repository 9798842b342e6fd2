"""the user name of who approved a count or wrote a ledger row

`stock_counts.approved_by_user` and `stock_transactions.actor_user`: the signed-in person's user name beside
the full name already kept (NULL where nobody signs in), so the centre can re-check that person's duties.
Syncable columns: the capture and audit triggers are made again from the models after the upgrade.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN (SQLite has it): the ledger is not copied, and the triggers that name it stay valid
    op.add_column("stock_counts", sa.Column("approved_by_user", sa.String(length=100), nullable=True))
    op.add_column("stock_transactions", sa.Column("actor_user", sa.String(length=100), nullable=True))


def downgrade() -> None:
    # The capture, audit and carried-balance triggers name these tables (a copy of the ledger under them is
    # refused): dropped here; the store makes them again from the models when it opens the file.
    conn = op.get_bind()
    for (name,) in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'ytcs_cap_%' "
            "OR name LIKE 'ytcs_carry_%' OR name LIKE 'ytcs_audit_%')").all():
        op.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    with op.batch_alter_table("stock_transactions") as batch:
        batch.drop_column("actor_user")
    with op.batch_alter_table("stock_counts") as batch:
        batch.drop_column("approved_by_user")
