"""A form as a list of blocks: what to print, not how. `engine.py` lays it out on A4 pages."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from ytcs_desktop.domain.reportdata.common import Header

Align = Literal["left", "center", "right", "justify"]
EMPTY_TEXT = "Không có số liệu trong kỳ báo cáo."


@dataclass
class Text:
    text: str
    size: float = 13
    bold: bool = False
    italic: bool = False
    align: Align = "left"
    before: float = 0  # points of space above
    after: float = 3
    indent: float = 0  # points, first line and the rest alike
    keep_with_next: bool = False


@dataclass
class Column:
    title: str
    width: float  # relative weight
    align: Align = "left"
    group: str | None = None  # a second header row spanning neighbours with the same group


@dataclass
class Row:
    cells: list[str]
    bold: bool = False
    span: int = 1  # the first cell spans this many columns (totals, section lines)
    italic: bool = False


@dataclass
class Table:
    columns: list[Column]
    rows: list[Row]
    size: float = 11
    number_row: bool = True  # (1) (2) (3)… under the header, as official forms have
    empty_text: str = EMPTY_TEXT
    before: float = 4
    after: float = 6


@dataclass
class Signature:
    title: str
    name: str = ""
    note: str = "(Ký, ghi rõ họ tên)"
    above: str = ""  # e.g. the date line placed over one block


@dataclass
class Signatures:
    """Signature blocks side by side, kept on one page; optionally "Nơi nhận:" at the left."""

    blocks: list[Signature]
    recipients: list[str] | None = None
    before: float = 10
    space: float = 70  # points left blank for the signature


@dataclass
class Picture:
    draw: Callable[[QPainter, QRectF], None]
    height_mm: float
    texts: list[str] = field(default_factory=list)  # strings the picture draws (glyph check)


@dataclass
class PageBreak:
    pass


Block = Text | Table | Signatures | Picture | PageBreak


@dataclass
class Document:
    header: Header | None
    blocks: list[Block]
    landscape: bool = False

    def texts(self) -> Iterator[str]:
        """Every string printed, for the glyph check before rendering."""
        from ytcs_desktop.reports import nd30

        if self.header is not None:
            yield from nd30.header_texts(self.header)
        yield "0123456789/"
        for b in self.blocks:
            if isinstance(b, Text):
                yield b.text
            elif isinstance(b, Table):
                yield b.empty_text
                for c in b.columns:
                    yield c.title
                    yield c.group or ""
                for r in b.rows:
                    yield from r.cells
            elif isinstance(b, Signatures):
                for s in b.blocks:
                    yield from (s.title, s.name, s.note, s.above)
                yield from b.recipients or []
                yield "Nơi nhận:"
            elif isinstance(b, Picture):
                yield from b.texts
