"""How words typed in a search box are compared with names: without accents and case, đ as d."""

from __future__ import annotations

import unicodedata


def _fold_table() -> dict[int, str]:
    table = {ord("đ"): "d", ord("Đ"): "d"}
    for code in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        if base and base != char:
            table[code] = base.lower()
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """Lower-case, without accents (tone and letter marks dropped, đ/Đ → d): "vac xin soi" matches
    "Vắc xin sởi" and "DUONG" matches "Đường". One table look-up per letter for the precomposed letters
    Vietnamese is written with; any mark left (text typed in decomposed form) is dropped after."""
    if text.isascii():
        return text.lower()
    folded = unicodedata.normalize("NFC", text).lower().translate(_FOLD)
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_FOLD)


def matches(words: str, text: str) -> bool:
    """Every word typed is found somewhere in the text, folded both sides."""
    haystack = fold(text)
    return all(w in haystack for w in fold(words).split())
