"""per-worker positions and journal pruning

The applied-mutation journal keeps each mutation's outbox position, so the entries of a device are
pruned once that device has recorded the answers up to there (sync/server/push.py). Entries made before
this revision count as position 0: the device's next push prunes them.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ytcs_applied_mutations") as batch:
        batch.add_column(sa.Column("seq", sa.BigInteger(), nullable=False, server_default="0"))
    op.create_index("ix_ytcs_applied_mutations_device_seq", "ytcs_applied_mutations",
                    ["station_key", "device_id", "seq"])


def downgrade() -> None:
    op.drop_index("ix_ytcs_applied_mutations_device_seq", table_name="ytcs_applied_mutations")
    with op.batch_alter_table("ytcs_applied_mutations") as batch:
        batch.drop_column("seq")
