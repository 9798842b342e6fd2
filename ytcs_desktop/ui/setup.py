"""Creating this computer's database at first run (offline, after sign-in, or the demo data)."""

from __future__ import annotations

import importlib
from pathlib import Path

from ytcs_desktop.domain.stations import create_centre, create_station
from ytcs_desktop.domain.validation import required_text
from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.ui.dialogs.first_run import FirstRunChoice
from ytcs_desktop.ui.tasks import TaskControl


def create_database(path: Path, choice: FirstRunChoice, control: TaskControl) -> Database:
    """Runs on the writer thread. Checks the input before any file is made, so a refusal leaves nothing."""
    if choice.demo:
        return _demo(path)
    required_text(choice.user_name, "user_name", "họ và tên của bạn", "your full name", 200)
    if not choice.offline:
        return _signed_in(path, choice, control)
    kind_vi, kind_en = ("trung tâm", "centre") if choice.role == "centre" else ("trạm", "station")
    required_text(choice.code, "code", f"mã {kind_vi}", f"{kind_en} code", 32)
    required_text(choice.name, "name", f"tên {kind_vi}", f"{kind_en} name", 300)
    station_id = new_id() if choice.role == "station" else None
    db = Database.create(path, station_id=station_id, role=choice.role)
    try:
        with db.transaction() as s:
            if choice.role == "station":
                create_station(s, code=choice.code, name=choice.name, station_id=station_id)
            else:
                create_centre(s, code=choice.code, name=choice.name)
    except Exception:
        db.close()
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink(missing_ok=True)
        raise
    return db


def _demo(path: Path) -> Database:
    """The demo station database, made by the demo package (`ytcs demo`)."""
    module = importlib.import_module("ytcs_desktop.demo")
    build = getattr(module, "create_demo", None) or module.build_demo
    result = build(path)
    if isinstance(result, Database):
        return result
    return Database.open(path)


def _signed_in(path: Path, choice: FirstRunChoice, control: TaskControl) -> Database:
    from ytcs_desktop.ui.sync_controller import first_sign_in

    return first_sign_in(path, choice, control)
