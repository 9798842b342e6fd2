"""Drugs, supplies and vaccines at a station: lots, the immutable ledger, stock queries, closed
periods, stock counts, requisitions and shipments (DOMAIN.md "Inventory")."""

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
from ytcs_desktop.domain.inventory.lots import find_or_create_lot, is_quarantined, lot_blockers
from ytcs_desktop.domain.inventory.periods import assert_open, close_period, last_closed_day
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
    "assert_open",
    "average_monthly_use",
    "below_minimum",
    "close_period",
    "dispose",
    "fefo_suggestion",
    "find_or_create_lot",
    "is_quarantined",
    "issue",
    "last_closed_day",
    "lot_blockers",
    "movement_summary",
    "near_expiry",
    "on_hand_by_item",
    "on_hand_by_lot",
    "receive",
    "reverse",
    "stock_card",
    "transfer_in",
    "transfer_out",
]
