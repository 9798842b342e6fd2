"""The bundled serif (Liberation Serif, metric-compatible with Times New Roman, SIL OFL).

Forms are drawn only with this family, loaded with QFontDatabase.addApplicationFont, never with a
system font: on a machine without fonts Qt would otherwise write a PDF of empty boxes and exit 0.
Every character a form needs is checked against the font files first; a missing one stops the
rendering with a clear error instead of printing a box.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QRawFont

import ytcs_desktop.reports.qtcompat  # noqa: F401  (before any Qt call)
from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.messages import PerLanguage, msg
from ytcs_desktop.paths import resources_dir

STYLE_FILES = {
    (False, False): "LiberationSerif-Regular.ttf",
    (True, False): "LiberationSerif-Bold.ttf",
    (False, True): "LiberationSerif-Italic.ttf",
    (True, True): "LiberationSerif-BoldItalic.ttf",
}


class FontError(DomainError):
    """The form font is missing or cannot draw a character: nothing is printed."""

    def __init__(self, text: PerLanguage) -> None:
        super().__init__("form_font", text)


@dataclass(frozen=True)
class FormFont:
    family: str
    files: dict[tuple[bool, bool], Path]
    raw: dict[tuple[bool, bool], QRawFont]

    def font(self, size: float, bold: bool = False, italic: bool = False) -> QFont:
        f = QFont(self.family)
        f.setFamilies([self.family])
        f.setPointSizeF(size)
        f.setBold(bold)
        f.setItalic(italic)
        # No silent substitution from another family: coverage is checked up front instead.
        f.setStyleStrategy(QFont.StyleStrategy(QFont.StyleStrategy.NoFontMerging | QFont.StyleStrategy.PreferOutline))
        f.setKerning(True)
        return f

    def missing(self, texts: Iterable[str]) -> list[str]:
        """Characters of `texts` that some style of the font cannot draw (whitespace ignored)."""
        chars = {c for c in set("".join(texts)) if not c.isspace()}
        bad = []
        for c in sorted(chars):
            if not all(raw.supportsCharacter(ord(c)) for raw in self.raw.values()):
                bad.append(c)
        return bad

    def check(self, texts: Iterable[str]) -> None:
        bad = self.missing(texts)
        if bad:
            shown = " ".join(f"“{c}” (U+{ord(c):04X})" for c in bad[:10])
            raise FontError(msg("reports.fonts.check", family=self.family, shown=shown))


_cache: dict[Path, FormFont] = {}


def forget() -> None:
    _cache.clear()


def font_dir() -> Path:
    return resources_dir() / "fonts"


def load(directory: Path | None = None) -> FormFont:
    """Load the four styles into Qt's application font database (needs a QGuiApplication)."""
    directory = (directory or font_dir()).resolve()
    if directory in _cache:
        return _cache[directory]
    families: set[str] = set()
    files: dict[tuple[bool, bool], Path] = {}
    raw: dict[tuple[bool, bool], QRawFont] = {}
    for style, name in STYLE_FILES.items():
        path = directory / name
        font_id = QFontDatabase.addApplicationFont(str(path)) if path.is_file() else -1
        if font_id < 0:
            raise FontError(msg("reports.fonts.load", path=path))
        families.update(QFontDatabase.applicationFontFamilies(font_id))
        files[style] = path
        raw[style] = QRawFont(str(path), 12.0)
        if not raw[style].isValid():
            raise FontError(msg("reports.fonts.load.2", path=path))
    if len(families) != 1:
        raise FontError(msg("reports.fonts", directory=directory, families=sorted(families)))
    loaded = FormFont(families.pop(), files, raw)
    _cache[directory] = loaded
    return loaded
