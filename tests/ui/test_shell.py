from __future__ import annotations

from ytcs_desktop.ui.main_window import MainWindow


def test_station_window_opens_with_navigation(station_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert station_window.nav.count() >= 1
    titles = [station_window.nav.item(i).text() for i in range(station_window.nav.count())]
    assert "Kho" in titles
