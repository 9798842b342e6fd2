"""The one base of every refusal a person reads: a machine-readable code and a catalogue message."""

from __future__ import annotations

from ytcs_desktop.messages.message import PerLanguage
from ytcs_desktop.messages.worded import Worded


class Refusal(Worded, Exception):
    """Something a person can act on. `message(lang)` says it in their language; `code` is for machines."""

    def __init__(self, code: str, text: PerLanguage) -> None:
        super().__init__(code)
        self.code = code
        self.text = text

    def __str__(self) -> str:
        return self.en
