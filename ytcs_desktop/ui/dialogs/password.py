"""Đổi mật khẩu / Đặt lại mật khẩu: one's own password at the centre (the current one asked first), or, for
the centre's administrator, someone else's. The new one is checked by the domain's password rule here and
again by the centre; a refusal stays in the dialog under its field, with everything typed kept."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ytcs_desktop.domain.errors import DomainError, RuleError
from ytcs_desktop.domain.password_policy import check_new_password
from ytcs_desktop.messages import Refusal, msg
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.tasks import TaskControl
from ytcs_desktop.ui.widgets.form import Form

# Where the centre's refusal goes: the field to change, else the top of the dialog.
REFUSAL_FIELDS: dict[str, str | None] = {"current_password_wrong": "current", "password_unchanged": "password",
                                         "too_many_attempts": None, "network": None, "certificate": None}


def _secret() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class PasswordDialog(QDialog):
    """Emits `accepted` once the centre took the new password."""

    def __init__(self, ctx: AppContext, username: str, own: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.username = username
        self.own = own
        self.setWindowTitle(self.tr("Change my password") if own else self.tr("Reset password of %1")
                            .replace("%1", username))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        self.form = Form()
        self.current = _secret()
        if own:
            self.form.add("current", self.tr("Current password"), self.current)
        self.new = _secret()
        self.form.add("password", self.tr("New password"), self.new)
        self.repeat = _secret()
        self.form.add("repeat", self.tr("New password again"), self.repeat)
        layout.addWidget(self.form)
        hint = QLabel(self.tr("At least 8 characters; not the user name, not one character repeated, not a "
                              "password everyone tries first."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAutoDefault(False)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def submit(self) -> None:
        from ytcs_desktop.ui.centre_link import centre_link

        self.form.clear_errors()
        current, new, username = self.current.text(), self.new.text(), self.username
        try:
            if self.own and not current:
                raise RuleError("required", msg("required.submit"), field="current")
            check_new_password(new, self.repeat.text(), username)
        except DomainError as exc:
            self._failed(exc)
            return
        ctx, own = self.ctx, self.own
        self.save_button.setEnabled(False)

        def work(_control: TaskControl) -> None:
            from ytcs_desktop.sync.account import change_password, reset_password

            url, token, verify = centre_link(ctx)
            if own:
                change_password(url, token, current, new, verify=verify)
            else:
                reset_password(url, token, username, new, verify=verify)

        ctx.tasks.network(work, self._done, self._failed)

    def _done(self, _result: Any) -> None:
        self.save_button.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        code = getattr(exc, "code", "")
        if not isinstance(exc, DomainError) and isinstance(exc, Refusal):  # the centre's refusal, in its words
            field = REFUSAL_FIELDS[code] if code in REFUSAL_FIELDS else "password" if code.startswith("password") \
                else None
            exc = RuleError(exc.code, exc.text, field=field)
        if isinstance(exc, DomainError):
            self.form.show_error(exc, self.ctx.lang)
        else:
            self.form.general.setText(str(exc))
            self.form.general.show()
