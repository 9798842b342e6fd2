"""Screenshots of every main screen at 1366×768 on a virtual X screen (Xvfb), saved under docs/screenshots/.

    .venv/bin/python scripts/screenshots.py [--demo PATH] [--out docs/screenshots] [--lang vi]

The demo database (`ytcs demo`) takes a minute or two to build; pass --demo to reuse one. The centre
screens use a copy of the same data opened in the centre role.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WIDTH, HEIGHT = 1366, 768


def start_xvfb() -> subprocess.Popen[bytes] | None:
    if os.environ.get("DISPLAY") and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        return None
    display = f":{90 + os.getpid() % 100}"
    proc = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(50):
        if Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
            break
        time.sleep(0.1)
    os.environ["DISPLAY"] = display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    return proc


def demo_database(path: Path | None, work: Path) -> Path:
    if path is None:
        path = work / "demo-cache" / "ytcs.sqlite3"
        if not path.exists():
            from ytcs_desktop.demo.centre import build_demo_world

            print("building the demo station and its centre (about a minute)…", flush=True)
            build_demo_world(path)  # as `ytcs demo` does: the station's records are the centre's too
    return path


def copy_db(source: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "ytcs.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(source) + suffix)
        if src.exists():
            shutil.copy(src, Path(str(target) + suffix))
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--demo", type=Path, help="an existing demo database to copy")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", default="vi", choices=["vi", "en"])
    args = parser.parse_args()
    xvfb = start_xvfb()
    try:
        return shoot(args)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()


def shoot(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QWidget

    from ytcs_desktop.store.db import Database
    from ytcs_desktop.ui.app import install_translator, make_application, make_context, settings_for
    from ytcs_desktop.ui.dialogs.first_run import FirstRunDialog
    from ytcs_desktop.ui.workspace import build_window

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.gettempdir()) / "ytcs-screenshots"
    source = demo_database(args.demo, work)
    app = make_application(["ytcs"])
    install_translator(app, args.lang)
    os.environ["YTCS_USER"] = "Nguyễn Thị Lan"

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def snap(name: str, widget: QWidget | None = None) -> None:
        wait(900)
        screen = QGuiApplication.primaryScreen()
        pixmap = screen.grabWindow(0) if widget is None else widget.grab()
        path = out / f"{name}.png"
        pixmap.save(str(path))
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}", flush=True)

    dialog = FirstRunDialog(args.lang)
    dialog.move(340, 120)
    dialog.show()
    snap("00-first-run")
    dialog.close()

    for role in ("station", "centre"):
        folder = work / role
        shutil.rmtree(folder, ignore_errors=True)
        db = Database.open(copy_db(source, folder))
        if role == "centre":
            with db.transaction() as s:
                db.set_meta(s, "role", "centre")
            db.close()
            db = Database.open(folder / "ytcs.sqlite3")
        ctx = make_context(db, settings_for(folder), args.lang)
        window = build_window(ctx)
        window.setGeometry(0, 0, WIDTH, HEIGHT)
        window.show()
        for n, page in enumerate(window.pages):
            window.show_page(n)
            wait(1500)
            snap(f"{'1' if role == 'station' else '2'}{n}-{role}-{type(page).__name__.removesuffix('Page').lower()}")
            for extra_name, opener in extras(page):
                widget = opener()
                wait(1200)
                snap(f"{'1' if role == 'station' else '2'}{n}-{role}-{extra_name}")
                if widget is not None:
                    widget.hide()  # not close(): a changed dialog would ask before closing
        window.close()
        ctx.tasks.shutdown()
        db.close()
    return 0


def extras(page: object) -> list[tuple[str, Callable[[], object]]]:
    """Dialogs and tabs worth a picture, per page."""
    from PySide6.QtCore import Qt

    from ytcs_desktop.ui.pages.backup import BackupPage
    from ytcs_desktop.ui.pages.centre_stations import StationsOverviewPage
    from ytcs_desktop.ui.pages.overview import OverviewPage
    from ytcs_desktop.ui.pages.reports import ReportsPage
    from ytcs_desktop.ui.pages.stock import StockPage
    from ytcs_desktop.ui.pages.support import SupportPage

    if isinstance(page, StockPage):
        def issue() -> object:
            dialog = page.on_hand.issue()
            if dialog.item.count() == 0:
                loop_wait(dialog.item.loaded)
            index = dialog.item.findText("Paracetamol", flags=Qt.MatchFlag.MatchContains)
            dialog.item.setCurrentIndex(max(index, 0))
            dialog.quantity.setText("250")
            return dialog

        def levels() -> object:
            tab = page.on_hand
            tab.table.selectRow(0)
            return tab.levels()

        shots = [
            ("receive", lambda: page.on_hand.receive()),
            ("issue-fefo", issue),
            ("by-item", lambda: page.on_hand.by_item.setChecked(True)),
            ("levels", levels),
        ]
        for key, tab in page.extra.items():
            shots.append((key.removesuffix("Tab").lower(), lambda t=tab: page.tabs.setCurrentWidget(t)))
        shots.append(("count-wizard", lambda: page.extra["CountsTab"].open_wizard(None)
                      if "CountsTab" in page.extra else None))
        return shots
    if isinstance(page, SupportPage):
        def first_request() -> None:
            page.table.selectRow(0)

        shots: list[tuple[str, Callable[[], object]]] = [("detail", first_request)]
        if page.new_button.isVisibleTo(page):
            shots.append(("new-request", lambda: page.new_request()))
        return shots
    if isinstance(page, StationsOverviewPage):
        def profile() -> object:
            page.table.selectRow(0)
            page.open_profile()
            wait_ms(1200)
            return page.dialog

        def add_station() -> object:
            dialog = page.add_station()
            dialog.code.setText("TYT-TG")
            dialog.name.setText("Trạm Y tế phường Thuận Giao")
            dialog.parent_org.setText("UBND phường Thuận Giao")
            return dialog

        return [("add-station", add_station), ("station-profile", profile)]
    if isinstance(page, BackupPage) and not page.ctx.is_centre:
        def restore_dialog() -> object:
            from ytcs_desktop.store.backup import make_backup

            make_backup(page.ctx.db.path)
            page.load()
            wait_ms(1500)
            page.table.selectRow(0)
            page.restore_selected()
            wait_ms(1500)
            return page.confirm_box

        return [("restore-dialog", restore_dialog)]
    if isinstance(page, OverviewPage) and not page.ctx.is_centre:
        def enrolment() -> object:
            from ytcs_desktop.domain.enrolment import enrolment_summary
            from ytcs_desktop.ui.workspace import show_enrolment

            ctx = page.ctx
            with ctx.db.read() as s:
                summary = enrolment_summary(s, ctx.db.station_id or "", ctx.db.replica_id, 0)
            return show_enrolment(page.window(), summary, ctx.lang)  # type: ignore[arg-type]

        def usb() -> object:
            return page.window().usb_sync()  # type: ignore[attr-defined]

        def update_notice() -> object:
            from PySide6.QtWidgets import QLabel

            notice = page.window().findChild(QLabel, "update_notice")
            if notice is not None:
                notice.offer("0.2.0", "https://ttyt-thuanan.example.vn/ytcs/ytcs-0.2.0-setup.exe")  # type: ignore[attr-defined]
            return notice  # closed (hidden) after its picture

        return [("enrolment-summary", enrolment), ("usb-sync", usb), ("update-notice", update_notice)]
    if isinstance(page, ReportsPage) and not page.ctx.is_centre:
        def handover() -> object:
            page.list.setCurrentRow(0)  # Biên bản bàn giao
            page.preview()
            dialog = page.input_dialog
            if dialog is not None:
                for key, (name, position) in {"handing_over": ("Nguyễn Thị Lan", "Dược sĩ"),
                                              "receiving": ("Trần Văn Bình", "Trưởng trạm")}.items():
                    dialog.parties[key].name.setText(name)
                    dialog.parties[key].position.setText(position)
                dialog.lines["reason"].setText("Điều động công tác")
                dialog.texts["records"].setPlainText("Sổ theo dõi xuất nhập thuốc\nSổ tiêm chủng")
            return dialog

        return [("handover-parties", handover)]
    return []


def loop_wait(signal: object) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(5000, loop.quit)
    loop.exec()


def wait_ms(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


if __name__ == "__main__":
    sys.exit(main())
