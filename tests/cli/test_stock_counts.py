"""`ytcs stock count …` as a subprocess: a partial count (a category, items searched without accents)
runs beside another, is approved on its own and corrects only its lots; refusals are one line, exit 2,
and leave the database as it was."""

from __future__ import annotations

import json
import re

from tests.cli.conftest import Runner
from tests.cli.test_stock import on_hand, refused, stocked, stocked_template  # noqa: F401  (fixtures)


def _number(out: str) -> str:
    found = re.search(r"KK-\d{8}-\d{2}", out)
    assert found, out
    return found.group(0)


def test_partial_counts_from_the_command_line(stocked: Runner) -> None:  # noqa: F811
    ytcs = stocked
    assert ytcs("stock", "receive", "--item", "BCG", "--lot", "B1", "--expiry", "2027-01-31", "--qty", "60",
                "--date", "2026-01-05").code == 0
    started = ytcs("stock", "count", "start", "--category", "vắc xin", "--date", "2026-01-31",
                   "--team", "Nguyễn Thị Lan")
    assert started.code == 0, started.err
    assert "(Vắc xin): 1 lô, ngày 31/01/2026" in started.out
    vaccines = _number(started.out)
    # Paracetamol found by words typed without accents, counted at the same time: no lot is in both
    drugs_started = ytcs("stock", "count", "start", "--search", "PARACETAMOL", "--date", "2026-01-31")
    assert drugs_started.code == 0, drugs_started.err
    assert ": 2 lô" in drugs_started.out
    drugs = _number(drugs_started.out)
    # the whole stock overlaps both open counts
    whole = refused(ytcs, "stock", "count", "start", "--date", "2026-01-31")
    assert "chưa duyệt" in whole.err and "Hãy duyệt hoặc hủy phiếu đó trước" in whole.err
    assert "ghi rõ số phiếu" in refused(ytcs, "stock", "count", "show").err  # two open: which one?
    assert "Tủ 9" in refused(ytcs, "stock", "count", "start", "--place", "Tủ 9").err
    sheet = ytcs("stock", "count", "show", "--count", vaccines, "--format", "json")
    assert sheet.code == 0, sheet.err
    assert [(x["lot"], x["book_qty"], x["physical_qty"]) for x in json.loads(sheet.out)["lines"]] == [
        ("B1", 60, None)]
    entered = ytcs("stock", "count", "enter", "--count", vaccines, "--item", "BCG", "--lot", "B1", "--qty", "58")
    assert entered.code == 0, entered.err
    assert "chênh lệch -2" in entered.out
    assert "lý do" in refused(ytcs, "stock", "count", "approve", "--count", vaccines).err
    assert "không có lô “B9”" in refused(ytcs, "stock", "count", "enter", "--count", vaccines, "--item", "BCG",
                                         "--lot", "B9", "--qty", "1").err
    assert ytcs("stock", "count", "enter", "--count", vaccines, "--item", "BCG", "--lot", "B1", "--qty", "58",
                "--reason", "Vỡ 2 liều").code == 0
    approved = ytcs("stock", "count", "approve", "--count", vaccines)
    assert approved.code == 0, approved.err
    assert "1 lô được điều chỉnh" in approved.out
    assert on_hand(ytcs) == {"L-2027": 100, "L-SHORT": 40, "B1": 58}
    # the drug count is now the only open one: named without its number
    lines = ytcs("stock", "count", "show", "--lang", "en")
    assert lines.code == 0 and "Paracetamol" in lines.out and "Counted" in lines.out
    for lot, qty in (("L-2027", "100"), ("L-SHORT", "40")):
        assert ytcs("stock", "count", "enter", "--item", "PARA500", "--lot", lot, "--qty", qty).code == 0
    assert ytcs("stock", "count", "approve").code == 0
    assert on_hand(ytcs) == {"L-2027": 100, "L-SHORT": 40, "B1": 58}
    assert drugs in ytcs("stock", "count", "cancel", "--count", drugs).err  # approved: no longer open
