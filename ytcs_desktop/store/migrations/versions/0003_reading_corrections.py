"""fridge reading corrections

A wrong fridge reading is corrected by a new reading of the same fridge, day and slot that names the
one it corrects (`corrects_id`); readings stay insert-only and the original stays. The unique rule of
(fridge, day, slot) now holds for the originals (a partial index) and, with `corrects_id`, makes a
reading corrected once.

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
    with op.batch_alter_table("temperature_readings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("corrects_id", sa.String(length=36), nullable=True))
        batch_op.drop_constraint("uq_temperature_readings_fridge_id", type_="unique")
        batch_op.create_unique_constraint(batch_op.f("uq_temperature_readings_fridge_id"),
                                          ["fridge_id", "reading_date", "slot", "corrects_id"])
        batch_op.create_foreign_key(batch_op.f("fk_temperature_readings_corrects_id_temperature_readings"),
                                    "temperature_readings", ["corrects_id"], ["id"],
                                    initially="DEFERRED", deferrable=True)
    op.create_index("uq_temperature_readings_original", "temperature_readings",
                    ["fridge_id", "reading_date", "slot"], unique=True,
                    sqlite_where=sa.text("corrects_id IS NULL"), postgresql_where=sa.text("corrects_id IS NULL"))


def downgrade() -> None:
    op.drop_index("uq_temperature_readings_original", table_name="temperature_readings")
    op.execute("DELETE FROM temperature_readings WHERE corrects_id IS NOT NULL")
    with op.batch_alter_table("temperature_readings", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_temperature_readings_corrects_id_temperature_readings"),
                                 type_="foreignkey")
        batch_op.drop_constraint("uq_temperature_readings_fridge_id", type_="unique")
        batch_op.create_unique_constraint(batch_op.f("uq_temperature_readings_fridge_id"),
                                          ["fridge_id", "reading_date", "slot"])
        batch_op.drop_column("corrects_id")
