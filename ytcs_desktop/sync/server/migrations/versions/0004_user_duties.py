"""the duties and full name of an account

`ytcs_users.duties` (comma list of duty codes; NULL, as every account made before, keeps every duty of its
side) and `full_name`: set for the accounts a station's head of station made on a PC and the sync sent to
be confirmed (sync/server/station_accounts.py).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ytcs_users") as batch:
        batch.add_column(sa.Column("full_name", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("duties", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ytcs_users") as batch:
        batch.drop_column("duties")
        batch.drop_column("full_name")
