"""The part of the stock a new count covers: everything, one category, one place, or items picked
from a list searched without accents."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QWidget,
)

from ytcs_desktop.domain.inventory.count_scope import OUTSIDE_FRIDGES, CountChoices, CountScope
from ytcs_desktop.domain.labels import LABELS, label

WHOLE, CATEGORY, PLACE, ITEMS = range(4)


class ScopePicker(QWidget):
    """Signals: `changed()` when the choice or the items ticked change."""

    changed = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.choices = CountChoices()
        self._ticked: set[str] = set()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.whole = QRadioButton(self.tr("The whole stock"))
        self.by_category = QRadioButton(self.tr("One category"))
        self.by_place = QRadioButton(self.tr("One place"))
        self.by_items = QRadioButton(self.tr("Chosen items"))
        for n, button in enumerate((self.whole, self.by_category, self.by_place, self.by_items)):
            self.group.addButton(button, n)
        self.whole.setChecked(True)
        self.category = QComboBox()
        for code in LABELS["item_category"]:
            self.category.addItem(label("item_category", code, lang), code)
        self.place = QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name or code (accents not needed)"))
        self.search.setClearButtonEnabled(True)
        self.items = QListWidget()
        self.items.setMinimumHeight(90)
        self.items.setMaximumHeight(160)
        self.ticked_label = QLabel()
        # the item list beside the choices, not under them: the wizard stays within a 768 px screen at 125 %
        grid.addWidget(self.whole, 0, 0)
        grid.addWidget(self.by_category, 1, 0)
        grid.addWidget(self.category, 1, 1)
        grid.addWidget(self.by_place, 2, 0)
        grid.addWidget(self.place, 2, 1)
        grid.addWidget(self.by_items, 3, 0)
        grid.addWidget(self.search, 0, 2)
        grid.addWidget(self.items, 1, 2, 3, 1)
        grid.addWidget(self.ticked_label, 4, 2)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(3, 1)
        self.group.idToggled.connect(self._toggled)
        self.search.textChanged.connect(self._show_items)
        self.items.itemChanged.connect(self._item_ticked)
        self.category.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.place.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self._mode_changed()

    def set_choices(self, choices: CountChoices) -> None:
        self.choices = choices
        current = self.place.currentData()
        self.place.blockSignals(True)
        self.place.clear()
        for fridge_id, name in choices.fridges:
            self.place.addItem(name, fridge_id)
        self.place.addItem(self.tr("Outside the fridges (shelves)"), OUTSIDE_FRIDGES)
        index = self.place.findData(current)
        self.place.setCurrentIndex(max(index, 0))
        self.place.blockSignals(False)
        self._ticked &= {i.id for i in choices.items}
        self._show_items()

    def mode(self) -> int:
        return self.group.checkedId()

    def scope(self) -> CountScope:
        mode = self.mode()
        if mode == CATEGORY:
            return CountScope(category=str(self.category.currentData()))
        if mode == PLACE:
            return CountScope(location=str(self.place.currentData() or OUTSIDE_FRIDGES))
        if mode == ITEMS:
            return CountScope(item_ids=tuple(sorted(self._ticked)))
        return CountScope()

    def tick(self, item_id: str, on: bool = True) -> None:
        (self._ticked.add if on else self._ticked.discard)(item_id)
        self._show_items()

    def _toggled(self, _id: int, on: bool) -> None:
        if on:  # one button's off and another's on: act once
            self._mode_changed()

    def _mode_changed(self) -> None:
        mode = self.mode()
        self.category.setEnabled(mode == CATEGORY)
        self.place.setEnabled(mode == PLACE)
        for widget in (self.search, self.items, self.ticked_label):
            widget.setEnabled(mode == ITEMS)
        if mode == ITEMS:
            self.search.setFocus()
        self.changed.emit()

    def _show_items(self) -> None:
        """The items matching the words typed; ticks are kept for items a search hides."""
        self.items.blockSignals(True)
        self.items.clear()
        for choice in self.choices.search(self.search.text()):
            lots = self.tr("%n lot(s)", "", choice.lots)
            row = QListWidgetItem(f"{choice.name} ({choice.code}) — {lots}")
            row.setData(Qt.ItemDataRole.UserRole, choice.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if choice.id in self._ticked else Qt.CheckState.Unchecked)
            self.items.addItem(row)
        self.items.blockSignals(False)
        self._count_ticked()

    def _item_ticked(self, row: QListWidgetItem) -> None:
        item_id = str(row.data(Qt.ItemDataRole.UserRole))
        if row.checkState() == Qt.CheckState.Checked:
            self._ticked.add(item_id)
        else:
            self._ticked.discard(item_id)
        self._count_ticked()

    def _count_ticked(self) -> None:
        self.ticked_label.setText(self.tr("%n item(s) chosen", "", len(self._ticked)))
        self.changed.emit()
