"""What a record says to a person through its `text`: the words in either language, read one way."""

from __future__ import annotations

from ytcs_desktop.messages.message import PerLanguage


class Worded:
    """Mixed into refusals, findings and notices: each holds a `text` and reads it the same way."""

    text: PerLanguage

    def message(self, lang: str = "vi") -> str:
        return self.text.text(lang)

    @property
    def vi(self) -> str:
        return self.text.text("vi")

    @property
    def en(self) -> str:
        return self.text.text("en")
