"""`ytcs stock receive` refuses a receipt dated years ahead and a lot already expired on the receipt
day: one line on stderr, exit 2, nothing written."""

from __future__ import annotations

import datetime as dt

from tests.cli.conftest import Runner
from tests.cli.test_stock import on_hand, refused, stocked, stocked_template  # noqa: F401  (fixtures)


def test_future_and_expired_receipts_are_refused(stocked: Runner) -> None:  # noqa: F811
    base = ["stock", "receive", "--item", "PARA500", "--qty", "10"]
    result = refused(stocked, *base, "--lot", "L-2099", "--expiry", "2100-01-31", "--date", "2099-01-05")
    assert "05/01/2099" in result.err
    result = refused(stocked, *base, "--lot", "L-OLD", "--expiry", "2026-01-31", "--date", "2026-02-05", "--lang", "en")
    assert "L-OLD expired on 31/01/2026" in result.err
    tomorrow = (dt.datetime.now(dt.UTC).astimezone().date() + dt.timedelta(days=1)).isoformat()
    ok = stocked(*base, "--lot", "L-NEW", "--expiry", "2030-01-31", "--date", tomorrow)
    assert ok.code == 0, ok.err
    assert on_hand(stocked)["L-NEW"] == 10
