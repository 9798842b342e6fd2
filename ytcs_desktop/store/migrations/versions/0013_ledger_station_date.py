"""the ledger's rows of a station by day, and its carried balances by day

Stock on hand (domain/inventory/stock.py lot_sums) reads, per station, the balances carried at its last
carried day and the ledger rows after that day, each one range of a covering index:
`ix_lot_carried_balances_station_through` (station_id, through, lot_id, quantity) and
`ix_stock_transactions_station_date` (station_id, txn_date, lot_id, quantity). Each starts with station_id,
so it replaces the table's index on station_id alone.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_stock_transactions_station_date", "stock_transactions",
                    ["station_id", "txn_date", "lot_id", "quantity"], unique=False)
    op.drop_index("ix_stock_transactions_station_id", table_name="stock_transactions")
    op.create_index("ix_lot_carried_balances_station_through", "lot_carried_balances",
                    ["station_id", "through", "lot_id", "quantity"], unique=False)
    op.drop_index("ix_lot_carried_balances_station_id", table_name="lot_carried_balances")


def downgrade() -> None:
    op.create_index("ix_lot_carried_balances_station_id", "lot_carried_balances", ["station_id"], unique=False)
    op.drop_index("ix_lot_carried_balances_station_through", table_name="lot_carried_balances")
    op.create_index("ix_stock_transactions_station_id", "stock_transactions", ["station_id"], unique=False)
    op.drop_index("ix_stock_transactions_station_date", table_name="stock_transactions")
