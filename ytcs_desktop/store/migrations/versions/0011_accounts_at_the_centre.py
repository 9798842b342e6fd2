"""accounts at the centre: disabled there, refused there

`local_accounts.centre_active` (the centre's flag, brought by the sync: False stops sign-in here too) and
`centre_refusal` (why the centre refused an account made here). Local, never synced.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("local_accounts") as batch:
        batch.add_column(sa.Column("centre_active", sa.Boolean(), server_default="1", nullable=False))
        batch.add_column(sa.Column("centre_refusal", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("local_accounts") as batch:
        batch.drop_column("centre_refusal")
        batch.drop_column("centre_active")
