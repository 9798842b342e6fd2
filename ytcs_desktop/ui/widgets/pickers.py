"""Pickers filled from a query on the read pool: type any part of a name (with or without accents)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from ytcs_desktop.domain.text import fold
from ytcs_desktop.store.session import Session
from ytcs_desktop.ui.models.lookups import Choice
from ytcs_desktop.ui.operations import Operations


class FoldedFilter(QSortFilterProxyModel):
    """The choices whose label holds every word typed, compared without accents and case (đ as d)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        label = fold(str(model.data(model.index(source_row, 0, source_parent)) or ""))
        return all(w in label for w in self._words)


class ChoicePicker(QComboBox):
    """A searchable combo of Choices: typing shows the choices holding every word typed, with or without
    accents ("vac xin soi" shows "Vắc xin sởi"). Signals: `loaded()` once its choices are in."""

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
        self.filter = FoldedFilter(self)
        self.filter.setSourceModel(self.model())
        completer = QCompleter(self.filter, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompleter(completer)
        if line is not None:
            line.textEdited.connect(self._typed)
        self.setMinimumContentsLength(28)

    def _typed(self, text: str) -> None:
        self.filter.set_text(text)
        completer = self.completer()
        if completer is None:
            return
        popup = completer.popup()
        if text.strip():
            completer.complete()
        elif popup is not None and popup.isVisible():
            popup.hide()

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
        """The chosen id; None when the typed text matches no choice (a choice's label typed without its
        accents, "paracetamol 500 mg", is that choice)."""
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchExactly)
        if index < 0:
            typed = fold(self.currentText().strip())
            found = [i for i in range(self.count()) if typed and fold(self.itemText(i)) == typed]
            if len(found) != 1:
                return None
            index = found[0]
        data = self.itemData(index)
        return str(data) if data else None

    def current_choice(self) -> Choice | None:
        wanted = self.current_id()
        return next((c for c in self.choices if c.id == wanted), None)
