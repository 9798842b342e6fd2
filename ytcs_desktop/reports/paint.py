"""What the form engine and its table layout paint with: Qt alignment and wrap flags, and a font's style
with its text widths remembered."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF

ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
    "justify": Qt.AlignmentFlag.AlignJustify,
}
WRAP = int(Qt.TextFlag.TextWordWrap)
ANYWHERE = int(Qt.TextFlag.TextWrapAnywhere)
TOP = int(Qt.AlignmentFlag.AlignTop)
VCENTER = int(Qt.AlignmentFlag.AlignVCenter)
BIG = 1.0e7


@dataclass
class Style:
    font: QFont
    fm: QFontMetricsF
    line: float
    widths: dict[str, float]

    def advance(self, text: str) -> float:
        """Width of one line of text, memoised: reports repeat the same numbers, dates and units."""
        w = self.widths.get(text)
        if w is None:
            w = self.widths[text] = self.fm.horizontalAdvance(text)
        return w
