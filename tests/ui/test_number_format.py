"""Numbers through the window's locale: Vietnamese groups thousands with '.' and writes decimals with ','
(1.234,5; it was '1.234.5'), English the other way."""

from __future__ import annotations

from ytcs_desktop.ui.app import install_translator
from ytcs_desktop.ui.models.base import fmt_number


def test_numbers_follow_the_window_language(qapp) -> None:  # type: ignore[no-untyped-def]
    install_translator(qapp, "vi")
    assert (fmt_number(1234), fmt_number(1234.5), fmt_number(7.0), fmt_number(None)) == ("1.234", "1.234,5", "7", "")
    install_translator(qapp, "en")
    assert (fmt_number(1234), fmt_number(1234.5)) == ("1,234", "1,234.5")
    install_translator(qapp, "vi")
