"""user administration and sign-in throttling

The failed sign-ins per user name and per client address that slow down and then lock out password
guessing (sync/server/throttle.py).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ytcs_sign_in_throttle",
        sa.Column("scope", sa.String(length=8), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locks", sa.Integer(), nullable=False),
        sa.Column("last_ms", sa.BigInteger(), nullable=False),
        sa.Column("locked_until_ms", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("scope", "key"),
    )
    op.create_index("ix_ytcs_sign_in_throttle_last", "ytcs_sign_in_throttle", ["last_ms"])


def downgrade() -> None:
    op.drop_index("ix_ytcs_sign_in_throttle_last", table_name="ytcs_sign_in_throttle")
    op.drop_table("ytcs_sign_in_throttle")
