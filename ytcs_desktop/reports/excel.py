"""Excel export (openpyxl): one header row, typed cells (dates as dates, quantities as numbers),
a bold totals row, frozen header, filters and column widths that fit the content."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

Kind = Literal["text", "int", "float", "date"]
Value = str | int | float | dt.date | None
FORMATS = {"int": "#,##0", "float": "#,##0.0", "date": "DD/MM/YYYY"}


@dataclass
class XColumn:
    title: str
    kind: Kind = "text"


@dataclass
class Sheet:
    title: str  # sheet name (≤ 31 characters)
    columns: list[XColumn]
    rows: Sequence[Sequence[Value]]
    totals: Sequence[Value] | None = None
    heading: list[str] = field(default_factory=list)  # written to the workbook properties, not cells


def _width(value: Value, kind: Kind) -> float:
    if value is None:
        return 0
    if kind == "date":
        return 11
    if kind in ("int", "float"):
        return len(f"{value:,}") + 2
    return min(60, max(len(part) for part in str(value).split("\n")) + 2)


def write_xlsx(sheets: list[Sheet], path: Path, title: str = "") -> None:
    """Write the workbook atomically (a temporary file renamed into place)."""
    wb = Workbook(write_only=True)
    wb.properties.title = title or (sheets[0].title if sheets else "")
    wb.properties.creator = "YTCS Desktop"
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for sh in sheets:
        ws = wb.create_sheet(sh.title[:31])
        kinds = [c.kind for c in sh.columns]
        widths = [float(max(len(w) for w in c.title.split()) + 2) for c in sh.columns]
        for row in sh.rows:
            for i, v in enumerate(row):
                widths[i] = max(widths[i], _width(v, kinds[i]))
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = min(max(w, 6), 60)
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(kinds))}{len(sh.rows) + 1}"
        header = []
        for c in sh.columns:
            cell = WriteOnlyCell(ws, value=c.title)
            cell.font = bold
            cell.alignment = wrap
            header.append(cell)
        ws.append(header)
        for row in sh.rows:
            ws.append(_cells(ws, row, kinds, widths, None))
        if sh.totals is not None:
            ws.append(_cells(ws, sh.totals, kinds, widths, bold))
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _cells(ws: object, row: Sequence[Value], kinds: list[Kind], widths: list[float], font: Font | None,
           ) -> list[Any]:
    out = []
    for i, v in enumerate(row):
        kind = kinds[i]
        if isinstance(v, str) and kind != "text":
            kind = "text"  # a label in a numeric column (totals row)
        cell = WriteOnlyCell(ws, value=v)  # type: ignore[arg-type]
        if kind in FORMATS and v is not None:
            cell.number_format = FORMATS[kind]
        elif kind == "text" and isinstance(v, str) and len(v) > widths[i]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if font is not None:
            cell.font = font
        out.append(cell)
    return out
