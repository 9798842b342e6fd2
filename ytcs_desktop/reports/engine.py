"""Lays a Document out on A4 pages with QPainter: the NĐ 30 header, wrapped text, tables whose
header repeats on every page, signature blocks kept together, page numbers from page 2.

Qt's paint API is used instead of QTextDocument because large tables (thousands of rows) lay out
in a fraction of the time and every break is under our control: no row is ever cut or dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPagedPaintDevice, QPainter, QPen

import ytcs_desktop.reports.qtcompat  # noqa: F401  (before any Qt call)
from ytcs_desktop.domain.errors import ValidationError
from ytcs_desktop.messages import msg
from ytcs_desktop.reports import nd30
from ytcs_desktop.reports.document import (
    Align,
    Document,
    PageBreak,
    Picture,
    Signatures,
    Table,
    Text,
)
from ytcs_desktop.reports.fonts import FormFont
from ytcs_desktop.reports.paint import ALIGN, ANYWHERE, BIG, TOP, WRAP, Style


class Engine:
    """One rendering pass over a paged device (QPdfWriter or QPrinter), which must be set to A4 with
    zero margins: the NĐ 30 margins are applied here."""

    def __init__(self, device: QPagedPaintDevice, font: FormFont, landscape: bool) -> None:
        self.dev = device
        self.form_font = font
        dpi = device.logicalDpiY()
        self.pt = dpi / 72.0
        self.mm = dpi / 25.4
        width, height = device.width(), device.height()
        if landscape:
            self.left, self.right = 20 * self.mm, width - 15 * self.mm
            self.top, self.bottom = 20 * self.mm, height - 15 * self.mm
        else:  # NĐ 30: top 20–25, bottom 20–25, left 30–35, right 15–20 mm
            self.left, self.right = 30 * self.mm, width - 15 * self.mm
            self.top, self.bottom = 20 * self.mm, height - 20 * self.mm
        self.width = self.right - self.left
        self.y = self.top
        self.page = 1
        self.styles: dict[tuple[float, bool, bool], Style] = {}
        self.current: Style | None = None
        self.painter = QPainter()
        self.pen = QPen(Qt.GlobalColor.black)
        self.pen.setWidthF(0.6 * self.pt)

    # -- text helpers -------------------------------------------------------------------------
    def style(self, size: float, bold: bool = False, italic: bool = False) -> Style:
        key = (size, bold, italic)
        st = self.styles.get(key)
        if st is None:
            font = self.form_font.font(size, bold, italic)
            fm = QFontMetricsF(font, self.dev)
            st = Style(font, fm, fm.lineSpacing(), {})
            self.styles[key] = st
        return st

    def flags_for(self, st: Style, text: str, width: float, align: Align) -> int:
        flags = int(ALIGN[align]) | TOP | WRAP
        # A word longer than the column (a lot number, a code) may break anywhere instead of overflowing.
        if st.advance(text) > width and any(st.advance(w) > width for w in text.split()):
            flags |= ANYWHERE
        return flags

    def height_of(self, st: Style, text: str, width: float, align: Align = "left") -> float:
        if not text:
            return st.line
        if "\n" not in text and st.advance(text) <= width:
            return st.line
        rect = st.fm.boundingRect(QRectF(0, 0, width, BIG), self.flags_for(st, text, width, align), text)
        return max(rect.height(), st.line)

    def wrap_lines(self, st: Style, text: str, width: float) -> list[str]:
        """Greedy line breaking at spaces; a word wider than the line is broken between characters."""
        out: list[str] = []
        adv = st.fm.horizontalAdvance
        for para in text.split("\n"):
            line = ""
            for word in para.split(" "):
                trial = f"{line} {word}" if line else word
                if adv(trial) <= width:
                    line = trial
                    continue
                if line:
                    out.append(line)
                    line = ""
                while adv(word) > width and len(word) > 1:
                    cut = len(word) - 1
                    while cut > 1 and adv(word[:cut]) > width:
                        cut -= 1
                    out.append(word[:cut])
                    word = word[cut:]
                line = word
            out.append(line)
        return out

    def draw_text(self, st: Style, text: str, x: float, y: float, width: float, height: float,
                  align: Align = "left", valign: int = TOP) -> None:
        if not text:
            return
        self.use_font(st)
        if "\n" not in text and st.advance(text) <= width:  # one line: no wrapping to work out
            flags = int(ALIGN[align]) | valign
        else:
            flags = (self.flags_for(st, text, width, align) & ~TOP) | valign
        self.painter.drawText(QRectF(x, y, width, height), flags, text)

    def use_font(self, st: Style) -> None:
        if self.current is not st:
            self.painter.setFont(st.font)
            self.current = st

    # -- pages --------------------------------------------------------------------------------
    def run(self, doc: Document) -> int:
        if not self.painter.begin(self.dev):
            raise ValidationError("output_unwritable",
                                  msg("output_unwritable"), field="out")
        try:
            self.painter.setPen(self.pen)
            if doc.header is not None:
                self.national_header(doc)
            blocks = doc.blocks
            for i, block in enumerate(blocks):
                nxt = blocks[i + 1] if i + 1 < len(blocks) else None
                if isinstance(block, Text):
                    self.text(block, nxt)
                elif isinstance(block, Table):
                    self.table(block)
                elif isinstance(block, Signatures):
                    self.signatures(block)
                elif isinstance(block, Picture):
                    self.picture(block)
                elif isinstance(block, PageBreak):
                    self.new_page()
        finally:
            self.painter.end()
        return self.page

    def new_page(self) -> None:
        if not self.dev.newPage():
            raise RuntimeError("cannot start a new page on the output device")
        self.page += 1
        self.y = self.top
        st = self.style(13)
        self.painter.setPen(self.pen)
        self.draw_text(st, str(self.page), self.left, self.top - 12 * self.mm, self.width, st.line, "center")

    def room(self) -> float:
        return self.bottom - self.y

    def ensure(self, height: float) -> None:
        if height > self.room() and self.y > self.top:
            self.new_page()

    # -- header -------------------------------------------------------------------------------
    def national_header(self, doc: Document) -> None:
        h = doc.header
        assert h is not None
        lw = self.width * (0.40 if not doc.landscape else 0.38)
        rw = self.width - lw
        rx = self.left + lw
        reg, bold = self.style(12.5), self.style(12.5, bold=True)
        y = self.y
        for st, text in ((reg, h.parent_org.upper()), (bold, h.station_name.upper())):
            hh = self.height_of(st, text, lw, "center")
            self.draw_text(st, text, self.left, y, lw, hh, "center")
            y += hh
        rule = lw / 3
        self.painter.drawLine(QLineF(self.left + (lw - rule) / 2, y + 3 * self.pt, self.left + (lw + rule) / 2,
                                     y + 3 * self.pt))
        left_end = y + 6 * self.pt
        nation, motto = self.style(12.5, bold=True), self.style(13, bold=True)
        ry = self.y
        hh = self.height_of(nation, nd30.NATION, rw, "center")
        self.draw_text(nation, nd30.NATION, rx, ry, rw, hh, "center")
        ry += hh
        self.draw_text(motto, nd30.MOTTO, rx, ry, rw, motto.line, "center")
        ry += motto.line
        tw = motto.fm.horizontalAdvance(nd30.MOTTO)
        self.painter.drawLine(QLineF(rx + (rw - tw) / 2, ry + 2 * self.pt, rx + (rw + tw) / 2, ry + 2 * self.pt))
        y = max(left_end, ry + 8 * self.pt)
        body, it = self.style(13), self.style(13, italic=True)
        number = nd30.number_line(h.number)
        if number:
            self.draw_text(body, number, self.left, y, lw, body.line, "center")
        line = nd30.date_line(h.place, h.date)
        dh = self.height_of(it, line, rw, "center")
        self.draw_text(it, line, rx, y, rw, dh, "center")
        self.y = y + max(dh, body.line) + 14 * self.pt
        title = self.style(14, bold=True)
        th = self.height_of(title, h.title.upper(), self.width, "center")
        self.draw_text(title, h.title.upper(), self.left, self.y, self.width, th, "center")
        self.y += th + 2 * self.pt
        if h.subtitle:
            sh = self.height_of(it, h.subtitle, self.width, "center")
            self.draw_text(it, h.subtitle, self.left, self.y, self.width, sh, "center")
            self.y += sh
        self.y += 8 * self.pt

    # -- blocks -------------------------------------------------------------------------------
    def text_height(self, b: Text) -> float:
        st = self.style(b.size, b.bold, b.italic)
        return self.height_of(st, b.text, self.width - b.indent * self.pt, b.align)

    def first_line_height(self, block: object) -> float:
        if isinstance(block, Text):
            return self.text_height(block) + block.before * self.pt
        if isinstance(block, Table):
            return self.style(block.size, True).line * 4
        if isinstance(block, Signatures | Picture):
            return 0.0  # those keep themselves together
        return 0.0

    def text(self, b: Text, nxt: object) -> None:
        st = self.style(b.size, b.bold, b.italic)
        h = self.text_height(b)
        need = b.before * self.pt + h + (self.first_line_height(nxt) if b.keep_with_next else 0)
        self.ensure(need)
        if self.y > self.top:
            self.y += b.before * self.pt
        if h > self.room():  # a paragraph taller than what is left: split it line by line
            self.long_text(b, st)
        else:
            x = self.left + b.indent * self.pt
            self.draw_text(st, b.text, x, self.y, self.width - b.indent * self.pt, h, b.align)
            self.y += h
        self.y += b.after * self.pt

    def long_text(self, b: Text, st: Style) -> None:
        width = self.width - b.indent * self.pt
        for ln in self.wrap_lines(st, b.text, width):
            self.ensure(st.line)
            self.draw_text(st, ln, self.left + b.indent * self.pt, self.y, width, st.line, b.align)
            self.y += st.line

    def signatures(self, b: Signatures) -> None:
        n = len(b.blocks)
        rec_w = self.width * 0.42 if b.recipients is not None else 0.0
        col_w = (self.width - rec_w) / max(n, 1)
        it, bold, small = self.style(13, italic=True), self.style(13, bold=True), self.style(11, italic=True)
        rec_t, rec = self.style(12, bold=True, italic=True), self.style(11)
        heights = []
        for s in b.blocks:
            h = (self.height_of(it, s.above, col_w, "center") if s.above else 0)
            h += self.height_of(bold, s.title.upper(), col_w, "center") + small.line + b.space * self.pt
            h += self.height_of(bold, s.name, col_w, "center") if s.name else bold.line
            heights.append(h)
        rec_h = 0.0
        if b.recipients is not None:
            rec_h = rec_t.line + sum(self.height_of(rec, f"- {r}", rec_w) for r in b.recipients)
        total = max([*heights, rec_h]) + b.before * self.pt
        self.ensure(total)
        top = self.y + b.before * self.pt
        if b.recipients is not None:
            y = top
            self.draw_text(rec_t, "Nơi nhận:", self.left, y, rec_w, rec_t.line)
            y += rec_t.line
            for r in b.recipients:
                hh = self.height_of(rec, f"- {r}", rec_w)
                self.draw_text(rec, f"- {r}", self.left, y, rec_w, hh)
                y += hh
        for i, s in enumerate(b.blocks):
            x = self.left + rec_w + i * col_w
            y = top
            if s.above:
                hh = self.height_of(it, s.above, col_w, "center")
                self.draw_text(it, s.above, x, y, col_w, hh, "center")
                y += hh
            hh = self.height_of(bold, s.title.upper(), col_w, "center")
            self.draw_text(bold, s.title.upper(), x, y, col_w, hh, "center")
            y += hh
            self.draw_text(small, s.note, x, y, col_w, small.line, "center")
            y += small.line + b.space * self.pt
            if s.name:
                self.draw_text(bold, s.name, x, y, col_w, self.height_of(bold, s.name, col_w, "center"), "center")
        self.y = top + total - b.before * self.pt

    def picture(self, b: Picture) -> None:
        h = b.height_mm * self.mm
        self.ensure(h)
        self.painter.save()
        b.draw(self.painter, QRectF(self.left, self.y, self.width, h))
        self.painter.restore()
        self.painter.setPen(self.pen)
        self.current = None
        self.y += h + 4 * self.pt

    # -- tables -------------------------------------------------------------------------------
    def table(self, t: Table) -> None:
        from ytcs_desktop.reports.table import TableLayout  # built on this class; imported when first needed

        TableLayout(self, t).run()
