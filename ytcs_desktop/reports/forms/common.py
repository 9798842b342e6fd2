"""Formatting shared by the form builders."""

from __future__ import annotations

import datetime as dt

from ytcs_desktop.reports.document import Signature, Signatures


def num(value: int | float | None, signed: bool = False) -> str:
    """Vietnamese number style: 12.345 (dot for thousands), decimals with a comma."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        text = f"{abs(value):,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    else:
        text = f"{abs(int(value)):,}".replace(",", ".")
    if value < 0:
        return f"-{text}"
    return f"+{text}" if signed and value > 0 else text


def day(d: dt.date | None) -> str:
    return "" if d is None else d.strftime("%d/%m/%Y")


def station_signatures(head_title: str = "TRƯỞNG TRẠM", maker: str = "NGƯỜI LẬP BIỂU",
                       recipients: list[str] | None = None, head_name: str = "") -> Signatures:
    return Signatures([Signature(maker), Signature(head_title, name=head_name)], recipients=recipients)
