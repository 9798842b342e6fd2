"""The base of every dialog that submits one named write operation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.widgets.form import Form


class OperationDialog(QDialog):
    """A form with Save (default, Enter) and Cancel (Esc) buttons labelled in the window's language.

    Subclasses fill `self.form` and implement `operation()`, which reads the widgets on the GUI
    thread and returns `(name, fn(session, actor), areas)`. On a domain refusal the dialog stays
    open with everything typed and the message under its field. Emits `accepted` when saved.
    """

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_value: Any = None
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.form = Form()
        layout.addWidget(self.form)
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.body = layout
        layout.addWidget(self.buttons)

    def operation(self) -> tuple[str, Callable[[Session, Actor], Any], frozenset[str]]:
        raise NotImplementedError

    def submit(self) -> None:
        self.form.clear_errors()
        try:
            name, fn, areas = self.operation()
        except DomainError as err:  # checked before any write (a bad date typed…)
            self.form.show_error(err, self.ctx.lang)
            return
        self.save_button.setEnabled(False)
        self.ctx.ops.write(name, fn, areas, on_done=self._saved, on_error=self._refused, parent=self,
                           on_failed=lambda: self.save_button.setEnabled(True))

    def _saved(self, result: Any) -> None:
        self.result_value = result
        self.save_button.setEnabled(True)
        self.accept()

    def _refused(self, err: DomainError) -> None:
        self.save_button.setEnabled(True)
        self.form.show_error(err, self.ctx.lang)
