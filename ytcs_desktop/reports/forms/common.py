"""Formatting shared by the form builders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ytcs_desktop.dates import day_text
from ytcs_desktop.reports.document import Document, Signature, Signatures

STATION_HEAD = "TRƯỞNG TRẠM"
CENTRE_HEAD = "GIÁM ĐỐC"
PLANNING_HEAD = "TRƯỞNG PHÒNG\nKẾ HOẠCH – NGHIỆP VỤ"


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
    return day_text(d)


def station_signatures(head_title: str = "TRƯỞNG TRẠM", maker: str = "NGƯỜI LẬP BIỂU",
                       recipients: list[str] | None = None, head_name: str = "") -> Signatures:
    return Signatures([Signature(maker), Signature(head_title, name=head_name)], recipients=recipients)


def signed_by_issuer(doc: Document) -> Document:
    """A form printed at the centre is signed by the centre: its director where a station's head
    would sign, with the head of the planning department beside him on forms of two signatures."""
    if doc.header is None or doc.header.issuer != "centre":
        return doc
    blocks: list[Any] = []
    for block in doc.blocks:
        if isinstance(block, Signatures) and any(b.title == STATION_HEAD for b in block.blocks):
            signs = [Signature(CENTRE_HEAD) if b.title == STATION_HEAD else b for b in block.blocks]
            if len(signs) <= 2:
                signs.insert(len(signs) - 1, Signature(PLANNING_HEAD))
            block = replace(block, blocks=signs)
        blocks.append(block)
    return replace(doc, blocks=blocks)


def issued(make: Callable[[Any], Document]) -> Callable[[Any], Document]:
    """A form builder whose documents are signed by whoever prints them (`signed_by_issuer`)."""

    def build(data: Any) -> Document:
        return signed_by_issuer(make(data))

    return build
