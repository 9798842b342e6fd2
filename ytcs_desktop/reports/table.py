"""Tables on paged output: column widths that keep words whole, a header (with grouped columns and a
row of column numbers) repeated on every page, rows never cut: a row taller than a page continues on
the next one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QRectF

from ytcs_desktop.reports.document import Row, Table
from ytcs_desktop.reports.paint import ALIGN, TOP, VCENTER, Style

if TYPE_CHECKING:
    from ytcs_desktop.reports.engine import Engine


class TableLayout:
    def __init__(self, e: Engine, t: Table) -> None:
        self.e, self.t = e, t
        self.pad = 1.0 * e.mm
        self.vpad = 0.5 * e.mm
        self.body = e.style(t.size)
        self.bold = e.style(t.size, bold=True)
        self.ital = e.style(t.size, italic=True)
        self.bold_ital = e.style(t.size, bold=True, italic=True)
        self.widths = self.fit_widths()
        self.xs = [e.left]
        for w in self.widths:
            self.xs.append(self.xs[-1] + w)
        self.lines: list[QLineF] = []
        self.run_top: float | None = None
        self.geometry = [(self.xs[i] + self.pad, self.span_width(i, i + 1), c.align)
                         for i, c in enumerate(t.columns)]
        self.header_h = self.measure_header()

    def fit_widths(self) -> list[float]:
        """The relative widths, widened where a word (a date, a lot number, a code, a header word) would
        otherwise have to break, taking the room from columns that have some to spare."""
        cols = self.t.columns
        total = sum(c.width for c in cols)
        widths = [self.e.width * c.width / total for c in cols]
        words: list[set[str]] = [set(c.title.split()) for c in cols]
        head_need = [max((self.bold.fm.horizontalAdvance(w) for w in ws), default=0.0) for ws in words]
        cells: list[set[str]] = [set() for _ in cols]
        for row in self.t.rows:
            start = 1 if row.span > 1 else 0
            for i, text in enumerate(row.cells[start:], start=row.span if row.span > 1 else 0):
                if i < len(cols) and text:
                    cells[i].update(w for w in text.split() if len(w) <= 12)
        # a column grows at most to twice its share: a freak 30-character lot number wraps instead
        need = [min(2 * widths[i], max(head_need[i], max((self.bold.fm.horizontalAdvance(w) for w in cells[i]),
                                                         default=0.0)) + 2 * self.pad + 1)
                for i in range(len(cols))]
        deficit = sum(max(0.0, n - w) for n, w in zip(need, widths, strict=True))
        if deficit <= 0:
            return widths
        slack = sum(max(0.0, w - n) for n, w in zip(need, widths, strict=True))
        if slack < deficit:  # cannot fit every word: share the page in proportion to the needs
            return [self.e.width * n / sum(need) for n in need]
        share = deficit / slack
        return [n if n > w else w - (w - n) * share for n, w in zip(need, widths, strict=True)]

    # header: columns with a group share a top cell; the others span both header rows
    def groups(self) -> list[tuple[str | None, int, int]]:
        out: list[tuple[str | None, int, int]] = []
        for i, c in enumerate(self.t.columns):
            if out and c.group is not None and out[-1][0] == c.group:
                g, a, _ = out[-1]
                out[-1] = (g, a, i + 1)
            else:
                out.append((c.group, i, i + 1))
        return out

    def span_width(self, a: int, b: int) -> float:
        return self.xs[b] - self.xs[a] - 2 * self.pad

    def measure_header(self) -> float:
        st, gh, sh, solo = self.bold, 0.0, 0.0, 0.0
        for g, a, b in self.groups():
            if g is None:
                solo = max(solo, self.e.height_of(st, self.t.columns[a].title, self.span_width(a, b), "center"))
            else:
                gh = max(gh, self.e.height_of(st, g, self.span_width(a, b), "center"))
                for i in range(a, b):
                    sh = max(sh, self.e.height_of(st, self.t.columns[i].title, self.span_width(i, i + 1), "center"))
        self.group_h = gh + 2 * self.vpad if gh else 0.0
        two = self.group_h + sh + 2 * self.vpad if gh else 0.0
        self.sub_h = max(sh + 2 * self.vpad, solo + 2 * self.vpad - self.group_h) if gh else 0.0
        head = max(two, solo + 2 * self.vpad, self.group_h + self.sub_h)
        self.num_h = self.ital.line + 2 * self.vpad if self.t.number_row else 0.0
        return head + self.num_h

    def draw_header(self) -> None:
        e, st, y0 = self.e, self.bold, self.e.y
        head = self.header_h - self.num_h
        for g, a, b in self.groups():
            x0, x1 = self.xs[a], self.xs[b]
            if g is None:
                e.draw_text(st, self.t.columns[a].title, x0 + self.pad, y0, x1 - x0 - 2 * self.pad, head, "center",
                            VCENTER)
            else:
                e.draw_text(st, g, x0 + self.pad, y0 + self.vpad, x1 - x0 - 2 * self.pad, self.group_h - 2 * self.vpad,
                            "center", VCENTER)
                self.lines.append(QLineF(x0, y0 + self.group_h, x1, y0 + self.group_h))
                for i in range(a, b):
                    if i > a:
                        self.lines.append(QLineF(self.xs[i], y0 + self.group_h, self.xs[i], y0 + head))
                    e.draw_text(st, self.t.columns[i].title, self.xs[i] + self.pad, y0 + self.group_h,
                                self.widths[i] - 2 * self.pad, head - self.group_h, "center", VCENTER)
            self.lines.append(QLineF(x0, y0, x0, y0 + self.header_h))
        self.lines.append(QLineF(self.xs[-1], y0, self.xs[-1], y0 + self.header_h))
        self.lines.append(QLineF(self.xs[0], y0, self.xs[-1], y0))
        self.lines.append(QLineF(self.xs[0], y0 + head, self.xs[-1], y0 + head))
        if self.num_h:
            for i in range(len(self.widths)):
                e.draw_text(self.ital, f"({i + 1})", self.xs[i], y0 + head + self.vpad, self.widths[i],
                            self.ital.line, "center")
            self.lines.append(QLineF(self.xs[0], y0 + self.header_h, self.xs[-1], y0 + self.header_h))
        e.y += self.header_h

    def style_of(self, row: Row) -> Style:
        if row.bold:
            return self.bold_ital if row.italic else self.bold
        return self.ital if row.italic else self.body

    def cells(self, row: Row) -> list[tuple[int, int, str]]:
        """(first column, end column, text) of each cell of a row."""
        span = max(1, min(row.span, len(self.widths)))
        out = [(0, span, row.cells[0] if row.cells else "")]
        for i, text in enumerate(row.cells[1:], start=span):
            if i < len(self.widths):
                out.append((i, i + 1, text))
        return out

    def row_height(self, row: Row) -> float:
        st = self.style_of(row)
        h = st.line
        height_of = self.e.height_of
        if row.span <= 1:  # the common case, without building cell tuples
            for (_x, w, align), text in zip(self.geometry, row.cells, strict=False):
                if text:
                    h = max(h, height_of(st, text, w, align))
            return h + 2 * self.vpad
        for a, b, text in self.cells(row):
            if text:
                align = self.t.columns[a].align if b - a == 1 else "left"
                h = max(h, height_of(st, text, self.span_width(a, b), align))
        return h + 2 * self.vpad

    def draw_row(self, row: Row, h: float, wrap: bool = True) -> None:
        e, st, y = self.e, self.style_of(row), self.e.y
        if row.span <= 1 and wrap:
            # vertical rules of a run of plain rows are drawn once per run (see close_run)
            if self.run_top is None:
                self.run_top = y
            inner = h - 2 * self.vpad
            for (x, w, align), text in zip(self.geometry, row.cells, strict=False):
                if text:
                    e.draw_text(st, text, x, y + self.vpad, w, inner, align)
            self.lines.append(QLineF(self.xs[0], y + h, self.xs[-1], y + h))
            e.y += h
            return
        self.close_run()
        for a, b, text in self.cells(row):
            align = self.t.columns[a].align if b - a == 1 else "left"
            if text and wrap:
                e.draw_text(st, text, self.xs[a] + self.pad, y + self.vpad, self.span_width(a, b), h - 2 * self.vpad,
                            align)
            elif text:  # lines already broken to fit
                e.use_font(st)
                e.painter.drawText(QRectF(self.xs[a] + self.pad, y + self.vpad, self.span_width(a, b),
                                          h - 2 * self.vpad), int(ALIGN[align]) | TOP, text)
            self.lines.append(QLineF(self.xs[a], y, self.xs[a], y + h))
        self.lines.append(QLineF(self.xs[-1], y, self.xs[-1], y + h))
        self.lines.append(QLineF(self.xs[0], y + h, self.xs[-1], y + h))
        e.y += h

    def close_run(self) -> None:
        if self.run_top is not None:
            for x in self.xs:
                self.lines.append(QLineF(x, self.run_top, x, self.e.y))
            self.run_top = None

    def flush(self) -> None:
        self.close_run()
        if self.lines:
            self.e.painter.drawLines(self.lines)
            self.lines = []

    def run(self) -> None:
        e, t = self.e, self.t
        rows = t.rows or [Row([t.empty_text], span=len(t.columns), italic=True)]
        if e.y > e.top:
            e.y += t.before * e.pt
        first = self.row_height(rows[0])
        e.ensure(self.header_h + first)
        self.draw_header()
        full = e.bottom - e.top - self.header_h
        for i, row in enumerate(rows):
            h = first if i == 0 else self.row_height(row)
            if h > full:  # taller than a page: continued over as many pages as it needs
                self.draw_tall_row(row)
                continue
            if h > e.room():
                self.next_page()
            self.draw_row(row, h)
        self.flush()
        e.y += t.after * e.pt

    def next_page(self) -> None:
        self.flush()
        self.e.new_page()
        self.draw_header()

    def draw_tall_row(self, row: Row) -> None:
        st = self.style_of(row)
        cells = self.cells(row)
        lines = [self.e.wrap_lines(st, text, self.span_width(a, b)) for a, b, text in cells]
        done = 0
        longest = max(len(x) for x in lines)
        while done < longest:
            fit = int((self.e.room() - 2 * self.vpad) // st.line)
            if fit < 1:
                self.next_page()
                continue
            chunk = [x[done:done + fit] for x in lines]
            part = Row(["\n".join(c) for c in chunk], bold=row.bold, span=row.span, italic=row.italic)
            self.draw_row(part, max(1, max(len(c) for c in chunk)) * st.line + 2 * self.vpad, wrap=False)
            done += fit
            if done < longest:
                self.next_page()

