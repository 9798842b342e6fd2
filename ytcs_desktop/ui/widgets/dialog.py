"""The base of every dialog that submits one named write operation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.store.session import Session
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.widgets.form import Form
from ytcs_desktop.ui.widgets.pickers import ChoicePicker

INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QCheckBox)


def input_value(widget: QWidget) -> object:
    """What the user sees in one input: the text typed or chosen, the box ticked or not."""
    if isinstance(widget, QComboBox):  # a ChoicePicker too: the text shown, typed or chosen
        return widget.currentText()
    if isinstance(widget, (QLineEdit, QAbstractSpinBox)):  # spin boxes and date edits: their text
        return widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.toPlainText()
    if isinstance(widget, QCheckBox):
        return widget.checkState()
    return None


def ask_before_discarding(dialog: QDialog, answered: Callable[[bool], None]) -> QMessageBox:
    """The one question a changed form asks before Esc, Cancel or its close button drop what was typed:
    "Keep editing" is the default and Esc, so a stray key keeps the input. `answered(True)` on Discard."""
    # QCoreApplication.translate written out with the forms' context each time, so that lupdate finds the words
    box = QMessageBox(QMessageBox.Icon.Question, dialog.windowTitle(),
                      QCoreApplication.translate("OperationDialog", "Discard your changes?"),
                      QMessageBox.StandardButton.NoButton, dialog)
    box.setInformativeText(
        QCoreApplication.translate("OperationDialog", "What you typed in this form has not been saved."))
    discard = box.addButton(QCoreApplication.translate("OperationDialog", "Discard"),
                            QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(QCoreApplication.translate("OperationDialog", "Keep editing"),
                         QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.setWindowModality(Qt.WindowModality.WindowModal)

    def finished(_result: int) -> None:
        box.deleteLater()
        answered(box.clickedButton() is discard)

    box.finished.connect(finished)
    box.open()
    return box


class DiscardGuard:
    """What Esc, Cancel and the close button of one dialog do: a changed dialog asks first (one question at
    a time, `question` while it is shown) and closes only on Discard; an unchanged one closes at once."""

    def __init__(self, dialog: QDialog, close: Callable[[], None]) -> None:
        self.dialog = dialog
        self.close = close  # the dialog's own reject, past the question
        self.question: QMessageBox | None = None

    def reject(self, changed: bool) -> None:
        if self.question is not None:
            return
        if not changed:
            self.close()
            return

        def answered(discard: bool) -> None:
            self.question = None
            if discard:
                self.close()

        self.question = ask_before_discarding(self.dialog, answered)


class OperationDialog(QDialog):
    """A form with Save (default, Enter) and Cancel (Esc) buttons labelled in the window's language.

    Subclasses fill `self.form` and implement `operation()`, which reads the widgets on the GUI
    thread and returns `(name, fn(session, actor), areas)`. On a domain refusal the dialog stays
    open with everything typed, the message under its field and the focus in it; Save stays the
    default button, so Enter submits again. Esc, Cancel or closing the window of a dialog whose
    fields changed since it opened asks first (`discard_question` is that question while it is
    shown). Emits `accepted` when saved.
    """

    asks_before_discarding = True  # False where a cancelled dialog keeps what was typed elsewhere
    busy_after_ms = 400  # a save answered sooner needs no cue; a longer one (a refusal took 3 s) shows it works

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_value: Any = None
        self._discard = DiscardGuard(self, lambda: QDialog.reject(self))
        self._opened: dict[int, object] | None = None  # the inputs' values when the dialog opened
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.form = Form()
        layout.addWidget(self.form)
        self.buttons = QDialogButtonBox()
        layout.addWidget(self.buttons)
        self.save_button = QPushButton(self.tr("Save"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)  # Enter never cancels, wherever the focus went
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        # Default once inside the dialog, so the dialog knows it as its main default button.
        self.save_button.setAutoDefault(True)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.body = layout
        self._save_text = ""
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(self.busy_after_ms)
        self._busy_timer.timeout.connect(lambda: self.save_button.setText(self.tr("Saving…")))

    def operation(self) -> tuple[str, Callable[[Session, Actor], Any], frozenset[str]]:
        raise NotImplementedError

    def submit(self) -> None:
        self.form.clear_errors()
        try:
            name, fn, areas = self.operation()
        except DomainError as err:  # checked before any write (a bad date typed…)
            self._refused(err)
            return
        self.set_busy(True)
        self.ctx.ops.write(name, fn, areas, on_done=self._saved, on_error=self._refused, parent=self,
                           on_failed=lambda: self._ready_again(None))

    def set_busy(self, busy: bool) -> None:
        """While a save runs: Save disabled and the wait cursor over the dialog; past `busy_after_ms`
        Save reads “Saving…”. Everything back as it was when the answer comes."""
        if busy:
            self._save_text = self.save_button.text()
            self.save_button.setEnabled(False)
            self.setCursor(Qt.CursorShape.WaitCursor)
            self._busy_timer.start()
            return
        self._busy_timer.stop()
        self.unsetCursor()
        if self._save_text:
            self.save_button.setText(self._save_text)
        self.save_button.setEnabled(True)

    def _saved(self, result: Any) -> None:
        self.result_value = result
        self.set_busy(False)
        self.accept()

    def _refused(self, err: DomainError) -> None:
        self.form.show_error(err, self.ctx.lang)
        self._ready_again(err.field)

    def _ready_again(self, field: str | None) -> None:
        """After a refusal or a failed write: Save enabled and the default again, the focus in the
        field named (or the first one), so Enter submits again and never cancels."""
        self.set_busy(False)
        self.save_button.setDefault(True)
        self.form.focus_field(field)

    # ----- nothing typed is lost --------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        for button in self.buttons.buttons():  # buttons a subclass added: Enter is Save's alone
            if button is not self.save_button and isinstance(button, QPushButton):
                button.setAutoDefault(False)
        if self._opened is None:
            if self.focusWidget() is None or isinstance(self.focusWidget(), QPushButton):
                self.form.focus_field(None)  # typing starts in the first field, not on a button
            self._opened = self._values()
            for picker in self.findChildren(ChoicePicker):  # their choices arrive after opening
                picker.loaded.connect(lambda p=picker: self._reopened(p))

    def inputs(self) -> list[QWidget]:
        """The fields a user types or chooses in (not a combo's or spin box's own line edit)."""
        return [w for w in self.findChildren(QWidget)
                if isinstance(w, INPUTS) and w.window() is self
                and not isinstance(w.parentWidget(), (QComboBox, QAbstractSpinBox))]

    def _values(self) -> dict[int, object]:
        return {id(w): input_value(w) for w in self.inputs()}

    def _reopened(self, picker: ChoicePicker) -> None:
        """A picker's choices came in: what it shows now is where it started, not a change."""
        if self._opened is not None:
            self._opened[id(picker)] = input_value(picker)

    def is_changed(self) -> bool:
        """Whether any field differs from when the dialog finished opening."""
        return self._opened is not None and self._values() != self._opened

    @property
    def discard_question(self) -> QMessageBox | None:
        return self._discard.question

    def reject(self) -> None:
        """Esc, Cancel and the window's close button: a changed dialog asks before it drops the input."""
        self._discard.reject(self.asks_before_discarding and self.is_changed())
