"""From start to a workspace: the first-run dialog, setting up the database, switching language."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from ytcs_desktop.domain.accounts import (
    AccountView,
    actor_of,
    check_new_account,
    create_first_account,
    has_accounts,
    record_online_verification,
)
from ytcs_desktop.domain.actor import Actor, Role
from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.errors import KnownStoreError
from ytcs_desktop.ui.app import database_file, install_translator, make_context
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.first_run import FirstRunChoice, FirstRunDialog
from ytcs_desktop.ui.dialogs.person_sign_in import PersonSignInDialog
from ytcs_desktop.ui.lock import PersonSession
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.operations import run_sync_query
from ytcs_desktop.ui.setup import DEMO_MONTHS, create_database
from ytcs_desktop.ui.tasks import Cancelled, TaskControl, TaskManager

log = logging.getLogger(__name__)


class Launcher(QObject):
    """Owns the open workspace (window, context) and the first-run dialog before it."""

    def __init__(self, app: QApplication, folder: Path, settings: QSettings, lang: str,
                 demo_months: int = DEMO_MONTHS) -> None:
        super().__init__()
        self.demo_months = demo_months
        self.app = app
        self.folder = folder
        self.settings = settings
        self.lang = lang
        self.ctx: AppContext | None = None
        self.window: MainWindow | None = None
        self.dialog: FirstRunDialog | None = None
        self.sign_in_dialog: PersonSignInDialog | None = None
        self.session: PersonSession | None = None
        self._sign_in_tasks: TaskManager | None = None
        self._setup_tasks: TaskManager | None = None
        self._setup_control: TaskControl | None = None
        self._restore_tasks: TaskManager | None = None

    def start(self) -> bool:
        path = database_file(self.folder)
        if path.exists():
            try:
                # quick_check once per window start (~30 ms for a year of a station's data): a damaged
                # file is refused with what to restore, before the window shows anything from it.
                db = Database.open(path, verify=True)
            except Exception as exc:  # a damaged or locked file: say so plainly, do not crash
                self._cannot_open(path, exc)
                return False
            self.enter(db)
            return True
        self.show_first_run()
        return self.dialog is not None

    def _cannot_open(self, path: Path, exc: BaseException) -> None:
        log.error("cannot open %s", path, exc_info=exc)
        detail = exc.message(self.lang) if isinstance(exc, KnownStoreError) else str(exc)
        box = QMessageBox(QMessageBox.Icon.Critical, "YTCS Desktop",
                          self.tr("The data on this computer could not be opened: %1\n\nFile: %2")
                          .replace("%1", detail).replace("%2", str(path)))
        box.addButton(self.tr("Close"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    # ----- first run -----------------------------------------------------------------------------
    def show_first_run(self) -> None:
        dialog = FirstRunDialog(self.lang)
        dialog.chosen.connect(self._set_up)
        dialog.language_changed.connect(self._first_run_language)
        dialog.cancel_requested.connect(self._cancel_set_up)
        dialog.rejected.connect(self.app.quit)
        self.dialog = dialog
        dialog.show()

    def _first_run_language(self, lang: str) -> None:
        self.lang = lang
        self.settings.setValue("lang", lang)
        install_translator(self.app, lang)
        old = self.dialog
        self.show_first_run()
        if old is not None:
            old.rejected.disconnect(self.app.quit)
            old.close()
            old.deleteLater()

    def _set_up(self, choice: FirstRunChoice) -> None:
        if self._setup_tasks is None:
            self._setup_tasks = TaskManager()
            self._setup_tasks.progressed.connect(self._set_up_progress)
        path, months = database_file(self.folder), self.demo_months

        def work(control: TaskControl) -> tuple[Database, AccountView | None]:
            if not choice.demo and choice.offline:  # refused before any file is made
                check_new_account(choice.username, choice.user_name, choice.password, choice.repeat)
            db = create_database(path, choice, control, months)
            return db, first_person(db, choice)

        self._setup_control = self._setup_tasks.write(work, lambda made: self._ready(made[0], made[1], choice),
                                                      self._setup_failed)

    def _set_up_progress(self, task_id: int, done: int, total: int, _text: str) -> None:
        control = self._setup_control
        if self.dialog is not None and control is not None and control.task_id == task_id:
            self.dialog.show_progress(done, total)

    def _cancel_set_up(self) -> None:
        if self._setup_control is not None:
            self._setup_control.cancel()

    def _setup_failed(self, exc: BaseException) -> None:
        self._setup_control = None
        if self.dialog is None:
            return
        if isinstance(exc, Cancelled):
            self.dialog.set_busy(False, self.tr("Stopped: the demo data was not made, nothing was saved."))
        elif isinstance(exc, DomainError):
            self.dialog.show_error(exc)
        else:
            log.error("setting up failed", exc_info=exc)
            self.dialog.set_busy(False, self.tr("Could not set up: %1").replace("%1", str(exc)))

    def _ready(self, db: Database, account: AccountView | None, choice: FirstRunChoice) -> None:
        self._setup_control = None
        self.settings.setValue("lang", self.lang)
        if choice.user_name:
            self.settings.setValue("user_name", choice.user_name)
        if choice.server_url and not choice.offline:
            self.settings.setValue("server_url", choice.server_url)
        self.settings.sync()
        if self.dialog is not None:
            self.dialog.rejected.disconnect(self.app.quit)
            self.dialog.accept()
            self.dialog.deleteLater()
            self.dialog = None
        self.open_workspace(db, self._actor(db, account) if account is not None else None)

    # ----- who is at the computer ------------------------------------------------------------------
    @staticmethod
    def _actor(db: Database, account: AccountView) -> Actor:
        return actor_of(account, "centre" if db.role == "centre" else "station", db.station_id)

    def enter(self, db: Database) -> None:
        """The workspace of `db`: at once when it has no sign-in account (made before accounts existed),
        else after a person signs in."""
        if not run_sync_query(db, has_accounts):
            self.open_workspace(db)
            return
        if self._sign_in_tasks is None:
            self._sign_in_tasks = TaskManager()
        dialog = PersonSignInDialog(db, self._sign_in_tasks, self.lang, "start")
        dialog.signed_in.connect(lambda account: self._signed_in(db, account))
        dialog.rejected.connect(lambda: self._no_one(db))
        self.sign_in_dialog = dialog
        dialog.show()

    def _signed_in(self, db: Database, account: AccountView) -> None:
        self.sign_in_dialog = None
        self.open_workspace(db, self._actor(db, account))

    def _no_one(self, db: Database) -> None:
        self.sign_in_dialog = None
        db.close()
        self.app.quit()

    # ----- the workspace ---------------------------------------------------------------------------
    def open_workspace(self, db: Database, actor: Actor | None = None) -> MainWindow:
        """The window over `db`, acting as `actor` (the person signed in; None for a database without
        accounts)."""
        from ytcs_desktop.ui.workspace import build_window

        nobody = False
        if actor is None and run_sync_query(db, has_accounts):
            if self.session is not None:  # the same data put back from a backup: the same person goes on
                actor = self.session.ctx.actor
            else:  # accounts came with data put back: nobody acts until someone signs in
                role: Role = "centre" if db.role == "centre" else "station"
                actor = Actor("", role, db.station_id if role == "station" else None, frozenset(), "")
                nobody = True
        self.ctx = make_context(db, self.settings, self.lang, actor)
        self.window = build_window(self.ctx)
        self._connect(self.window)
        self.window.show()
        if nobody and self.session is not None:
            self.session.sign_out()
        return self.window

    def _connect(self, window: MainWindow) -> None:
        window.language_requested.connect(self.switch_language)
        window.restore_requested.connect(self.restore_backup)
        if self.session is not None:
            self.session.stop()
            self.session = None
        if self.ctx is not None and self.ctx.actor.username is not None:
            session = PersonSession(self.ctx, window)
            window.switch_user_requested.connect(session.switch_user)
            window.sign_out_requested.connect(session.sign_out)
            window.lock_requested.connect(session.lock)
            window.enable_person_actions(True)
            self.session = session

    def restore_backup(self, backup: str) -> None:
        """Put a confirmed backup in place of the data in use, and reopen the workspace over it."""
        from ytcs_desktop.ui.restore_flow import restore_in_window

        self._restore_tasks = restore_in_window(self, Path(backup))

    def switch_language(self, lang: str) -> None:
        """Rebuild the window in the other language (every string is read again through tr)."""
        if self.ctx is None or lang == self.lang:
            return
        self.lang = lang
        self.settings.setValue("lang", lang)
        install_translator(self.app, lang)
        db = self.ctx.db
        old_window, old_ctx = self.window, self.ctx
        old_ctx.tasks.shutdown()
        if old_ctx.sync is not None:
            old_ctx.sync.stop()
        if old_ctx.backups is not None:
            old_ctx.backups.stop()
        signed_in = old_ctx.actor if old_ctx.actor.username is not None else None
        self.ctx = make_context(db, self.settings, lang, signed_in)
        from ytcs_desktop.ui.workspace import build_window

        self.window = build_window(self.ctx)
        self._connect(self.window)
        self.window.show()
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()

    def close(self) -> None:
        if self.session is not None:
            self.session.stop()
            self.session = None
        if self._sign_in_tasks is not None:
            self._sign_in_tasks.shutdown()
            self._sign_in_tasks = None
        if self.ctx is not None:
            if self.ctx.sync is not None:
                self.ctx.sync.stop()
            if self.ctx.backups is not None:
                self.ctx.backups.stop()
            self.ctx.tasks.shutdown()
            self.ctx.db.close()
            self.ctx = None
        if self._restore_tasks is not None:
            self._restore_tasks.shutdown()
            self._restore_tasks = None
        if self._setup_tasks is not None:
            self._setup_tasks.shutdown()
            self._setup_tasks = None


def first_person(db: Database, choice: FirstRunChoice) -> AccountView | None:
    """Who is signed in once the computer is set up (runs on the writer thread): the first account, made
    from what was typed offline, or kept from the centre's accepted sign-in; the demo's head of station."""
    role: Role = "centre" if db.role == "centre" else "station"
    if choice.demo:  # the demo's people sign in with its password (README); the head of station is in
        from ytcs_desktop.demo.people import add_demo_accounts

        return add_demo_accounts(db)[0]
    with db.transaction(person=choice.user_name) as s:
        if choice.offline:
            return create_first_account(s, role=role, station_id=db.station_id, username=choice.username,
                                        full_name=choice.user_name, password=choice.password)
        return record_online_verification(s, username=choice.username, password=choice.password, role=role,
                                          full_name=choice.user_name)
