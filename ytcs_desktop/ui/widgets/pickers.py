"""Pickers filled from a query on the read pool: type any part of a name (with or without accents)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget
from sqlalchemy.orm import Session

from ytcs_desktop.ui.models.lookups import Choice
from ytcs_desktop.ui.operations import Operations


class ChoicePicker(QComboBox):
    """A searchable combo of Choices. Signals: `loaded()` once its choices are in."""

    loaded = Signal()

    def __init__(self, placeholder: str = "", allow_empty: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.allow_empty = allow_empty
        self.choices: list[Choice] = []
        self._wanted: str | None = None
        line = self.lineEdit()
        if line is not None:
            line.setPlaceholderText(placeholder)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.setMinimumContentsLength(28)

    def load(self, ops: Operations, fetch: Callable[[Session], Sequence[Choice]]) -> None:
        ops.query(fetch, self.set_choices)

    def set_choices(self, choices: Sequence[Choice]) -> None:
        self.blockSignals(True)
        self.clear()
        self.choices = list(choices)
        if self.allow_empty:
            self.addItem("", None)
        for choice in self.choices:
            self.addItem(choice.label, choice.id)
        self.blockSignals(False)
        if self._wanted is not None:
            self.select_id(self._wanted)
        elif self.allow_empty:
            self.setCurrentIndex(0)
        self.currentIndexChanged.emit(self.currentIndex())
        self.loaded.emit()

    def select_id(self, choice_id: str | None) -> None:
        self._wanted = choice_id
        index = self.findData(choice_id)
        if index >= 0:
            self.setCurrentIndex(index)

    def current_id(self) -> str | None:
        """The chosen id; None when the typed text matches no choice."""
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchExactly)
        if index < 0:
            return None
        data = self.itemData(index)
        return str(data) if data else None

    def current_choice(self) -> Choice | None:
        wanted = self.current_id()
        return next((c for c in self.choices if c.id == wanted), None)
