"""Starting the window: the QApplication, font, translator, settings, opening the database, first run."""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.paths import DB_FILENAME, default_data_dir, resources_dir
from ytcs_desktop.store.db import Database
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.operations import Operations
from ytcs_desktop.ui.tasks import TaskManager

log = logging.getLogger(__name__)

LANGUAGES = ("vi", "en")
_translators: list[QTranslator] = []  # kept alive while installed


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName("YTCS Desktop")
    app.setOrganizationName("YTCS")
    app.setFont(ui_font())
    icon = resources_dir() / "icons" / "ytcs.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def ui_font() -> QFont:
    """A sans-serif that has every Vietnamese letter, at a size readable on an old 1366×768 screen."""
    families = set(QFontDatabase.families())
    for name in ("Segoe UI", "Noto Sans", "DejaVu Sans", "Arial"):
        if name in families:
            return QFont(name, 10)
    font = QFont()
    font.setPointSize(10)
    return font


def install_translator(app: QCoreApplication, lang: str) -> bool:
    """Vietnamese is the default; English shows the source strings. Returns whether a catalogue loaded."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if lang == "vi" else QLocale.Language.English))
    if lang != "vi":
        return True
    translator = QTranslator(app)
    qm = resources_dir() / "translations" / "ytcs_vi.qm"
    if not translator.load(str(qm)):
        log.warning("translation catalogue %s missing: run `make translations`", qm)
        return False
    app.installTranslator(translator)
    _translators.append(translator)
    return True


def settings_for(data_dir: Path) -> QSettings:
    """Window preferences live beside the database (one folder to back up, and tests stay isolated)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat)


def choose_language(settings: QSettings, requested: str | None = None) -> str:
    lang = requested or os.environ.get("YTCS_LANG") or str(settings.value("lang", "vi"))
    return lang if lang in LANGUAGES else "vi"


def actor_for(db: Database, settings: QSettings) -> Actor:
    name = str(settings.value("user_name", "") or os.environ.get("YTCS_USER") or os.environ.get("USER") or "ytcs")
    if db.role == "centre":
        return Actor(name=name, role="centre", station_id=None)
    return Actor(name=name, role="station", station_id=db.station_id)


def tune_gc() -> None:
    """Keep Python's cycle collector from stalling the GUI thread.

    A full collection walks every live object with the GIL held; started by a worker building
    thousands of rows it froze the event loop for 300 ms. Objects alive at start-up (Qt wrappers,
    modules, the ORM) are moved out of its reach, and young collections run less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)


def make_context(db: Database, settings: QSettings, lang: str) -> AppContext:
    tasks = TaskManager()
    actor = actor_for(db, settings)
    ops = Operations(db, actor, tasks, lang)
    ctx = AppContext(db=db, actor=actor, lang=lang, tasks=tasks, ops=ops, settings=settings)
    from ytcs_desktop.ui.sync_controller import SyncController

    ctx.sync = SyncController(ctx)
    from ytcs_desktop.ui.backups import BackupController

    ctx.backups = BackupController(db, tasks, settings, lang)
    return ctx


def run(data_dir: Path | None = None, lang: str | None = None, argv: Sequence[str] | None = None) -> int:
    """Start the window: the first-run dialog when there is no database yet, else the workspace."""
    app = make_application(argv)
    folder = data_dir or default_data_dir()
    settings = settings_for(folder)
    chosen = choose_language(settings, lang)
    install_translator(app, chosen)
    from ytcs_desktop.ui.launcher import Launcher

    launcher = Launcher(app, folder, settings, chosen)
    sys.excepthook = plain_error_hook(sys.excepthook)
    if not launcher.start():
        return 0
    code = app.exec()
    launcher.close()
    return code


def plain_error_hook(previous: Any) -> Any:
    """An error nobody caught (a bug): its traceback goes to the log file, the person at the PC gets one
    plain message that says where the details are; the window stays open."""
    def hook(kind: type[BaseException], exc: BaseException, tb: Any) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        logging.getLogger("ytcs_desktop.ui").error("unexpected error", exc_info=(kind, exc, tb))
        from ytcs_desktop.logs import log_file

        box = QMessageBox(QMessageBox.Icon.Warning, "YTCS Desktop",
                          QCoreApplication.translate("Errors", "Something went wrong that the program did not "
                                                     "expect: %1. What you saved before is safe. The details are in "
                                                     "the log file %2; File → Diagnostics for the centre collects "
                                                     "it for the centre.")
                          .replace("%1", f"{kind.__name__}: {exc}").replace("%2", str(log_file())))
        box.addButton(QCoreApplication.translate("Errors", "Close"), QMessageBox.ButtonRole.AcceptRole)
        box.open()
        _open_boxes.append(box)
        box.finished.connect(lambda _r: _open_boxes.remove(box) if box in _open_boxes else None)
    return hook


_open_boxes: list[QMessageBox] = []  # keeps a non-modal message alive until it is closed


def database_file(folder: Path) -> Path:
    return folder / DB_FILENAME
