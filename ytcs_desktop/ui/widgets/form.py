"""A form whose fields show the domain layer's refusal right under them, keeping what was typed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.errors import DomainError

ERROR_STYLE = "color: #b3261e;"


class Form(QWidget):
    """Fields by name (the `DomainError.field` names); `show_error` puts the message under the field
    it names and moves the focus there, or at the top when the error names no shown field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.general = QLabel()
        self.general.setWordWrap(True)
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setObjectName("form_error")
        self.general.hide()
        outer.addWidget(self.general)
        self.columns = QHBoxLayout()
        self.columns.setSpacing(24)
        outer.addLayout(self.columns)
        self.layout_ = self._column()
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}

    def _column(self) -> QFormLayout:
        column = QFormLayout()
        column.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.columns.addLayout(column, 1)
        return column

    def new_column(self, captions_above: bool = False) -> None:
        """Fields added from now on go in a column beside the others: a long form stays within the
        height of a laptop screen. `captions_above` puts each caption over its field (a narrow column)."""
        self.layout_ = self._column()
        if captions_above:
            self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)

    def add(self, name: str, label: str, widget: QWidget) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        col.addWidget(error)
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.layout_.addRow(caption, box)
        self.fields[name] = widget
        self.errors[name] = error
        self.captions[name] = caption
        return widget

    def set_label(self, name: str, text: str) -> None:
        self.captions[name].setText(text)

    def add_row(self, widget: QWidget) -> None:
        self.layout_.addRow(widget)

    def clear_errors(self) -> None:
        self.general.hide()
        self.general.clear()
        for label in self.errors.values():
            label.hide()
            label.clear()

    def show_error(self, err: DomainError, lang: str) -> None:
        self.clear_errors()
        text = err.message(lang)
        name = err.field
        if name and name in self.errors:
            self.errors[name].setText(text)
            self.errors[name].show()
            self.fields[name].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.general.setText(text)
            self.general.show()
        self.make_room()

    def make_room(self) -> None:
        """Grow the window to the height its layout needs at its width, so a message wrapped over
        several lines shows whole (a window keeps its size when a field's content grows); never past
        the screen."""
        self._grow()
        QTimer.singleShot(0, self, self._grow)  # again once a text just set has been laid out

    def _grow(self) -> None:
        window = self.window()
        layout = window.layout()
        if layout is None or not window.isVisible():
            return
        layout.activate()
        need = layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth() else 0
        # A wrapped text laid out narrower than the layout reckoned: the lines it lacks.
        short = max((label.heightForWidth(label.width()) - label.height() for label in self.findChildren(QLabel)
                     if label.wordWrap() and label.isVisible() and label.text()), default=0)
        need = max(need, window.height() + short)
        screen = window.screen()
        if screen is not None:
            frame = window.frameGeometry().height() - window.height()
            need = min(need, screen.availableGeometry().height() - frame)
        if need > window.height():
            window.resize(window.width(), need)

    def focus_field(self, name: str | None = None) -> None:
        """Put the focus in the field named, or in the first field when it names none shown here;
        a field made of several inputs (a row of names) gets it in its first input."""
        widget = self.fields.get(name) if name else None
        if widget is None or not (widget.isVisibleTo(self) and widget.isEnabled()):
            widget = next((w for w in self.fields.values() if w.isVisibleTo(self) and w.isEnabled()), None)
        if widget is None:
            return
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            widget = next((c for c in widget.findChildren(QWidget)
                           if c.focusPolicy() != Qt.FocusPolicy.NoFocus and c.isEnabled()), widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def error_text(self, name: str | None = None) -> str:
        """The message shown under a field (or at the top): what a test or screen reader reads."""
        if name is None:
            return self.general.text()
        return self.errors[name].text()


def date_edit(value: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    day = value or dt.date.today()
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


class DateField(QLineEdit):
    """A date typed as dd/mm/yyyy that starts empty, where no date may be proposed (a lot's expiry is
    copied from the pack, never guessed). `value()` is the text typed, or None while nothing is."""

    def __init__(self, value: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setInputMask("99/99/9999;_")
        self.setMaximumWidth(140)
        if value is not None:
            self.set_date(value)

    def value(self) -> str | None:
        return self.text() if any(c.isdigit() for c in self.text()) else None

    def set_date(self, day: dt.date | None) -> None:
        self.setText(day_text(day))  # the field's mask is dd/mm/yyyy, in either language

    def setDate(self, day: QDate) -> None:  # the QDateEdit call, so one helper sets either kind
        self.set_date(dt.date(day.year(), day.month(), day.day()))

    def _to_start(self) -> None:
        if self.value() is None:
            self.setCursorPosition(0)  # an empty field is typed from its first digit, wherever clicked

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._to_start()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self._to_start()


def date_of(edit: QDateEdit) -> dt.date:
    q = edit.date()
    return dt.date(q.year(), q.month(), q.day())


def combo(choices: list[tuple[str, str]], current: str | None = None) -> QComboBox:
    """A combo of (code, label) pairs; the code is the item data."""
    box = QComboBox()
    for code, text in choices:
        box.addItem(text, code)
    if current is not None:
        index = box.findData(current)
        if index >= 0:
            box.setCurrentIndex(index)
    return box


class ErrorLabel(QLabel):
    """A refusal shown in red; takes no room while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(ERROR_STYLE)
        self.hide()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        super().clear()
        self.hide()
