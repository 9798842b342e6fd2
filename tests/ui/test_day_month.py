"""A day without its year, and a month, in the window go through the window's locale (Vietnamese 07/12,
English 12/07), as full dates do: the overview's missing fridge readings card, the fridge chart's points
and its month."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from tests.sync.helpers import add_fridge
from ytcs_desktop.ui.app import install_translator
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.models.base import fmt_date, fmt_day_month, fmt_month
from ytcs_desktop.ui.pages.coldchain import ColdChainPage
from ytcs_desktop.ui.pages.overview import OverviewPage


def test_a_day_without_its_year_follows_the_window_language(qapp) -> None:  # type: ignore[no-untyped-def]
    day = dt.date(2026, 3, 7)
    install_translator(qapp, "vi")
    assert (fmt_day_month(day), fmt_date(day), fmt_day_month(None)) == ("07/03", "07/03/2026", "")
    assert fmt_month(2026, 3) == "03/2026"
    install_translator(qapp, "en")
    assert (fmt_day_month(day), fmt_date(day), fmt_month(2026, 3)) == ("03/07", "03/07/2026", "03/2026")
    install_translator(qapp, "vi")


def test_missing_readings_card_names_the_days(station_window: MainWindow, qtbot: QtBot) -> None:
    add_fridge(station_window.ctx.db, "Tủ 1")
    overview = station_window.open(OverviewPage)
    assert isinstance(overview, OverviewPage)
    overview.refresh()
    card = overview.cards["missing_readings"]
    qtbot.waitUntil(lambda: "Tủ 1" in card.lines.text(), timeout=5000)
    lines = card.lines.text().splitlines()
    # No reading at all this week: the oldest day of the seven, morning, comes first.
    first = dt.date.today() - dt.timedelta(days=6)
    assert lines[0] == f"Tủ 1: {first.day:02d}/{first.month:02d} Sáng", lines

    chart = station_window.open(ColdChainPage)
    assert isinstance(chart, ColdChainPage)
    today = dt.date.today()
    qtbot.waitUntil(lambda: chart.chart_title.text().startswith("Tủ 1"), timeout=5000)
    assert f" {today.month:02d}/{today.year}:" in chart.chart_title.text(), chart.chart_title.text()
