"""Drugs, supplies and vaccines at a station: lots, the immutable ledger, stock queries, closed
periods, stock counts, requisitions and shipments (DOMAIN.md "Inventory")."""

from ytcs_desktop.domain.inventory.bulk import receive_many
from ytcs_desktop.domain.inventory.counts import (
    approve_count,
    cancel_count,
    count_lines,
    enter_physical,
    start_count,
)
from ytcs_desktop.domain.inventory.ledger import (
    DISPOSAL_CODES,
    adjust,
    dispose,
    issue,
    receive,
    reverse,
    transfer_in,
    transfer_out,
)
from ytcs_desktop.domain.inventory.levels import clear_stock_level, set_stock_level
from ytcs_desktop.domain.inventory.lots import find_or_create_lot, is_quarantined, lot_blockers
from ytcs_desktop.domain.inventory.periods import assert_open, close_period, last_closed_day
from ytcs_desktop.domain.inventory.requisitions import (
    approve,
    create_requisition,
    lines_of,
    reject,
    set_requested,
    ship,
    submit,
)
from ytcs_desktop.domain.inventory.shipments import confirm_receipt, pending_receipts
from ytcs_desktop.domain.inventory.stock import (
    ItemBalance,
    LotBalance,
    MovementLine,
    StockCard,
    StockCardLine,
    average_monthly_use,
    below_minimum,
    fefo_suggestion,
    movement_summary,
    near_expiry,
    on_hand_by_item,
    on_hand_by_lot,
    stock_card,
)

__all__ = [
    "DISPOSAL_CODES",
    "ItemBalance",
    "LotBalance",
    "MovementLine",
    "StockCard",
    "StockCardLine",
    "adjust",
    "approve",
    "approve_count",
    "assert_open",
    "average_monthly_use",
    "below_minimum",
    "cancel_count",
    "clear_stock_level",
    "close_period",
    "confirm_receipt",
    "count_lines",
    "create_requisition",
    "dispose",
    "enter_physical",
    "fefo_suggestion",
    "find_or_create_lot",
    "is_quarantined",
    "issue",
    "last_closed_day",
    "lines_of",
    "lot_blockers",
    "movement_summary",
    "near_expiry",
    "on_hand_by_item",
    "on_hand_by_lot",
    "pending_receipts",
    "receive",
    "receive_many",
    "reject",
    "reverse",
    "set_requested",
    "set_stock_level",
    "ship",
    "start_count",
    "stock_card",
    "submit",
    "transfer_in",
    "transfer_out",
]
