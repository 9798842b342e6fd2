"""GUI fixtures: a station workspace over a real SQLite file; every test must leave no thread running."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThread
from PySide6.QtWidgets import QApplication, QDialog

from ytcs_desktop.store.db import Database
from ytcs_desktop.ui.app import install_translator, make_application, make_context, tune_gc
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.workspace import build_window

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session", autouse=True)
def _translations() -> None:
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_translations.py")], check=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # The offscreen platform cannot size native dialogs and says so; that is not our warning.
    for item in items:
        if "/ui/" in str(item.fspath):
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))


def running_qthreads() -> list[QThread]:
    return [o for o in gc.get_objects() if isinstance(o, QThread) and o.isRunning()]


@pytest.fixture(autouse=True)
def vietnamese_after(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Every test starts in the default language, whatever the one before it switched to."""
    install_translator(qapp, "vi")
    yield


@pytest.fixture(autouse=True)
def no_dialog_left(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """A dialog a test left open (a window closed over a half-typed form) is shut without its question,
    so the next test does not start under someone else's modal dialog."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            QDialog.done(widget, QDialog.DialogCode.Rejected)


@pytest.fixture(autouse=True)
def no_thread_left() -> Iterator[None]:
    """Fails the test that leaves a QThread running (napari's habit)."""
    before = set(map(id, running_qthreads()))
    yield
    left = [t for t in running_qthreads() if id(t) not in before]
    assert not left, f"test left {len(left)} QThread(s) running: {[t.objectName() for t in left]}"


def settings_in(folder: Path, **values: str) -> QSettings:
    settings = QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat)
    for key, value in values.items():
        settings.setValue(key, value)
    return settings


@pytest.fixture
def make_ctx(qapp, tmp_path: Path) -> Iterator:  # type: ignore[no-untyped-def]
    """Builds AppContexts over databases and shuts every one down after the test."""
    made: list[AppContext] = []
    make_application()

    def make(db: Database, lang: str = "vi", user: str = "Nguyễn Thị Lan") -> AppContext:
        install_translator(qapp, lang)
        ctx = make_context(db, settings_in(tmp_path, user_name=user, preload="false", auto_backup="false"), lang)
        tune_gc()  # as the window does half a second after it appears
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        if ctx.sync is not None:
            ctx.sync.stop()
        ctx.tasks.shutdown()
    install_translator(qapp, "vi")


@pytest.fixture
def station_ctx(station_db: Database, make_ctx) -> AppContext:  # type: ignore[no-untyped-def]
    return make_ctx(station_db)


PASSWORD = "mật-khẩu-2026"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A real centre server process on loopback over a SQLite file: (base URL, database URL)."""
    from tests.sync.conftest import start_server, stop_server
    from ytcs_desktop.sync.server.store import ServerStore

    url = f"sqlite:///{tmp_path / 'centre.sqlite3'}"
    store = ServerStore(url)
    store.create_schema()
    store.dispose()
    proc, base = start_server(url)
    try:
        yield base, url
    finally:
        stop_server(proc)


def add_station_account(db_url: str, username: str, name: str = "Trạm Y tế phường An Phú") -> tuple[str, str]:
    """A station and a station account at the centre, as `ytcs centre add-user` makes them."""
    import uuid

    from argon2 import PasswordHasher

    from ytcs_desktop.store.base import new_id
    from ytcs_desktop.sync.server import admin
    from ytcs_desktop.sync.server.store import ServerStore

    station_id, code = new_id(), f"TYT-{uuid.uuid4().hex[:6].upper()}"
    store = ServerStore(db_url)
    try:
        with store.write() as conn:
            admin.add_station(conn, code, name, station_id)
            admin.add_user(conn, username, PASSWORD, "station", code,
                           PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    finally:
        store.dispose()
    return station_id, code


@pytest.fixture
def station_window(station_ctx: AppContext, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = build_window(station_ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def registered_station(db_url: str, folder: Path, username: str = "lan") -> tuple[Database, str]:
    """A station registered at the centre with an account, and its first PC's database (station row made
    as `ytcs init` makes it), not yet signed in. The caller closes the database."""
    from ytcs_desktop.domain.stations import create_station

    station_id, code = add_station_account(db_url, username)
    db = Database.create(folder / "ytcs.sqlite3", station_id=station_id, role="station")
    with db.transaction() as s:
        create_station(s, code=code, name="Trạm Y tế phường An Phú", station_id=station_id)
    return db, station_id


def sign_in(db: Database, base: str, monkeypatch: pytest.MonkeyPatch, username: str = "lan") -> None:
    """This PC signs in as `ytcs login` does; the window finds the token in $YTCS_SYNC_TOKEN."""
    from ytcs_desktop.sync.client import login
    from ytcs_desktop.sync.join import remember_centre

    answer = login(base, username, PASSWORD, device_name="t", station_id=db.station_id, replica_id=db.replica_id)
    remember_centre(db, base, answer.device_id, username)
    monkeypatch.setenv("YTCS_SYNC_TOKEN", answer.token)
