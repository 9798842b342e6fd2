"""The one base of every refusal a person reads: a machine-readable code and a catalogue message."""

from __future__ import annotations

from ytcs_desktop.messages.message import PerLanguage


class Refusal(Exception):
    """Something a person can act on. `message(lang)` says it in their language; `code` is for machines."""

    def __init__(self, code: str, text: PerLanguage) -> None:
        super().__init__(code)
        self.code = code
        self.text = text

    def message(self, lang: str = "vi") -> str:
        return self.text.text(lang)

    @property
    def vi(self) -> str:
        return self.text.text("vi")

    @property
    def en(self) -> str:
        return self.text.text("en")

    def __str__(self) -> str:
        return self.en
