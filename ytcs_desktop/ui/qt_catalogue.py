"""Qt's own dialogs (file, print preview, message-box buttons, wizard, text menus) in the window's
language. Qt's `qtbase_<lang>` catalogue is used when the Qt installed ships one; Qt has none in
Vietnamese (PySide6 6.12 ships about 30 languages, not vi), so ours fills in:
resources/translations/ytcs_qt_vi.ts, the texts of the Qt dialogs this window opens."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from ytcs_desktop.paths import resources_dir

log = logging.getLogger(__name__)


def qt_catalogue(lang: str) -> Path | None:
    """Qt's catalogue for `lang` if Qt has one, else the app's own; None when neither is there."""
    qt_own = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{lang}.qm"
    if qt_own.exists():
        return qt_own
    ours = resources_dir() / "translations" / f"ytcs_qt_{lang}.qm"
    return ours if ours.exists() else None


def qt_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    path = qt_catalogue(lang)
    if path is None:
        log.warning("no translation of Qt's own dialogs for %s: run `make translations`", lang)
        return None
    translator = QTranslator(app)
    if not translator.load(str(path)):
        log.warning("Qt's translation catalogue %s could not be read", path)
        return None
    return translator
