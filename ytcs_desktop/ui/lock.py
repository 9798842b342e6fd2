"""The person signed in to the window: the idle lock, switching user and signing out.

Only for a database with sign-in accounts (domain/accounts.py). The lock hides the window's content and asks
for the password of the person signed in; the open page, its filters and any dialog stay as they were."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMainWindow, QWidget

from ytcs_desktop.domain.accounts import AccountView, actor_of
from ytcs_desktop.domain.permissions import duty_names
from ytcs_desktop.ui.app import set_actor
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.person_sign_in import PersonSignInDialog

DEFAULT_LOCK_MINUTES = 15
LOCK_SETTING = "lock_minutes"  # in ui.ini; 0 never locks
_ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                       QEvent.Type.Wheel, QEvent.Type.TouchBegin})


def lock_minutes(ctx: AppContext) -> int:
    try:
        return max(0, int(str(ctx.settings.value(LOCK_SETTING, DEFAULT_LOCK_MINUTES))))
    except ValueError:
        return DEFAULT_LOCK_MINUTES


class PersonSession(QObject):
    """Locks `window` after `lock_minutes` without a key press or mouse use, and runs the File menu's
    switch user and sign out. `dialog` is the sign-in dialog open now (tests press keys in it)."""

    def __init__(self, ctx: AppContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.dialog: PersonSignInDialog | None = None
        self._hidden: list[QWidget] = []  # dialogs open over the window when it locked, shown again after
        self.who = QLabel()
        self.who.setObjectName("signed_in_person")
        window.statusBar().addPermanentWidget(self.who)
        self._show_who()
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock)
        minutes = lock_minutes(ctx)
        if minutes:
            self.idle.setInterval(minutes * 60_000)
            self.idle.start()
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)

    def set_idle_ms(self, ms: int) -> None:
        """Lock after `ms` without use (the setting is in minutes; tests wait less)."""
        self.idle.setInterval(ms)
        self.idle.start()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.dialog is None and self.idle.interval() > 0:
            self.idle.start()  # again from now
        return False

    def _show_who(self) -> None:
        actor = self.ctx.actor
        roles = duty_names(actor.duties or frozenset(), self.ctx.lang)
        self.who.setText(self.tr("Signed in: %1").replace("%1", f"{actor.name} ({roles})" if roles else actor.name))

    def _content(self) -> QWidget | None:
        return self.window.centralWidget()

    def _ask(self, mode: str) -> PersonSignInDialog:
        actor = self.ctx.actor
        keep = mode == "lock"
        dialog = PersonSignInDialog(self.ctx.db, self.ctx.tasks, self.ctx.lang, mode,
                                    username=(actor.username or "") if keep else "",
                                    full_name=actor.name if keep else "", parent=self.window)
        dialog.signed_in.connect(self._signed_in)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def lock(self) -> PersonSignInDialog | None:
        """Hide the window's content, and any dialog open over it with what was typed in it, until the
        person signed in (or another) gives a password."""
        if self.dialog is not None:
            return self.dialog if self.dialog.mode == "lock" else None
        self.idle.stop()
        self._hide_content()
        return self._ask("lock")

    def _hide_content(self) -> None:
        content = self._content()
        if content is not None:
            content.hide()
        for dialog in self.window.findChildren(QDialog):
            if dialog.isVisible() and not isinstance(dialog, PersonSignInDialog):
                dialog.hide()
                self._hidden.append(dialog)

    def _show_content(self) -> None:
        content = self._content()
        if content is not None:
            content.show()
        hidden, self._hidden = self._hidden, []
        for dialog in hidden:
            dialog.show()

    def switch_user(self) -> PersonSignInDialog:
        """Another person takes the computer; Cancel keeps the one signed in."""
        if self.dialog is not None:
            return self.dialog
        return self._ask("switch")

    def sign_out(self) -> PersonSignInDialog:
        """Nobody is signed in until someone gives a password; closing the dialog closes the program."""
        if self.dialog is not None and self.dialog.mode != "lock":
            self.dialog.reject()
        self.idle.stop()
        self._hide_content()
        self.who.setText(self.tr("Nobody is signed in"))
        dialog = self._ask("signed_out")
        dialog.rejected.connect(self.window.close)
        return dialog

    def _signed_in(self, account: AccountView) -> None:
        db = self.ctx.db
        set_actor(self.ctx, actor_of(account, "centre" if db.role == "centre" else "station", db.station_id))
        self._show_who()

    def _closed(self, dialog: PersonSignInDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        if dialog.mode == "signed_out" and dialog.result() != PersonSignInDialog.DialogCode.Accepted:
            return  # the window closes
        self._show_content()
        if lock_minutes(self.ctx):
            self.idle.start()
        dialog.deleteLater()

    def stop(self) -> None:
        self.idle.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
