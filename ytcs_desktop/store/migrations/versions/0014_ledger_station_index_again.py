"""the station's own indexes on the ledger and the carried balances again

0013's wider indexes (a station's ledger rows and carried balances by day) served a stock-on-hand query that
measured no faster than the search per lot it replaced, and the ledger's made every write wider: the
indexes on station_id alone come back.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_stock_transactions_station_id", "stock_transactions", ["station_id"], unique=False)
    op.drop_index("ix_stock_transactions_station_date", table_name="stock_transactions")
    op.create_index("ix_lot_carried_balances_station_id", "lot_carried_balances", ["station_id"], unique=False)
    op.drop_index("ix_lot_carried_balances_station_through", table_name="lot_carried_balances")


def downgrade() -> None:
    op.create_index("ix_lot_carried_balances_station_through", "lot_carried_balances",
                    ["station_id", "through", "lot_id", "quantity"], unique=False)
    op.drop_index("ix_lot_carried_balances_station_id", table_name="lot_carried_balances")
    op.create_index("ix_stock_transactions_station_date", "stock_transactions",
                    ["station_id", "txn_date", "lot_id", "quantity"], unique=False)
    op.drop_index("ix_stock_transactions_station_id", table_name="stock_transactions")
