"""The pieces the window starts from: the QApplication, font, translator, settings and the context of an open
database (ui/start.py puts them together)."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.paths import DB_FILENAME, resources_dir
from ytcs_desktop.settings import settings as from_environment
from ytcs_desktop.store.db import Database
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.operations import Operations
from ytcs_desktop.ui.qt_catalogue import qt_translator
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
    qt_own = qt_translator(app, lang)  # Qt's file, print and message dialogs in the same language
    if qt_own is not None:
        app.installTranslator(qt_own)
        _translators.append(qt_own)
    return True


def settings_for(data_dir: Path) -> QSettings:
    """Window preferences live beside the database (one folder to back up, and tests stay isolated)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat)


def choose_language(settings: QSettings, requested: str | None = None) -> str:
    lang = requested or from_environment().lang or str(settings.value("lang", "vi"))
    return lang if lang in LANGUAGES else "vi"


def actor_for(db: Database, settings: QSettings) -> Actor:
    """Who acts in a database without sign-in accounts (made before accounts existed): a system actor
    named by the first-run name. A database with accounts never gets here: its window opens only after a
    person signs in (ui/launcher.py)."""
    name = str(settings.value("user_name", "") or from_environment().user_name)
    if db.role == "centre":
        return Actor(name=name, role="centre", station_id=None)
    return Actor(name=name, role="station", station_id=db.station_id)


def set_actor(ctx: AppContext, actor: Actor) -> None:
    """The person acting in the window from now on (sign-in, switch user): on every write and in the
    audit trail."""
    ctx.actor = actor
    ctx.ops.actor = actor
    ctx.db.person = actor.name


def tune_gc() -> None:
    """Keep Python's cycle collector from stalling the GUI thread.

    A full collection walks every live object with the GIL held; started by a worker building
    thousands of rows it froze the event loop for 300 ms. Objects alive at start-up (Qt wrappers,
    modules, the ORM) are moved out of its reach, and young collections run less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)


def make_context(db: Database, settings: QSettings, lang: str, actor: Actor | None = None) -> AppContext:
    """The context of an open database; `actor` is the signed-in person (None: a database without
    accounts, see actor_for)."""
    tasks = TaskManager()
    actor = actor or actor_for(db, settings)
    db.person = actor.name  # the audit trail's person for writes not made through Operations
    ops = Operations(db, actor, tasks, lang)
    ctx = AppContext(db=db, actor=actor, lang=lang, tasks=tasks, ops=ops, settings=settings)
    from ytcs_desktop.ui.sync_controller import SyncController

    ctx.sync = SyncController(ctx)
    from ytcs_desktop.ui.backups import BackupController

    ctx.backups = BackupController(db, tasks, settings, lang)
    return ctx


def database_file(folder: Path) -> Path:
    return folder / DB_FILENAME
