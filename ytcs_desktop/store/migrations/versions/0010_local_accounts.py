"""the people who may sign in on this computer

`local_accounts`: local, never synced (store/models/accounts.py). No audit or capture triggers: the table is
not syncable.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "local_accounts",
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("duties", sa.Text(), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("verified_online_at", sa.DateTime(), nullable=True),
        sa.Column("awaits_confirmation", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("active", sa.Boolean(), server_default="1", nullable=False),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_local_accounts")),
    )


def downgrade() -> None:
    op.drop_table("local_accounts")
