"""Creating this computer's database at first run (offline, after sign-in, or the demo data)."""

from __future__ import annotations

from pathlib import Path

from ytcs_desktop.domain.station_ids import station_id_for
from ytcs_desktop.domain.stations import create_centre, create_station
from ytcs_desktop.domain.validation import required_text
from ytcs_desktop.messages import msg
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.files import remove_database
from ytcs_desktop.ui.dialogs.first_run import FirstRunChoice
from ytcs_desktop.ui.tasks import Cancelled, TaskControl

DEMO_MONTHS = 12


def create_database(path: Path, choice: FirstRunChoice, control: TaskControl,
                    demo_months: int = DEMO_MONTHS) -> Database:
    """Runs on the writer thread. Checks the input before any file is made, so a refusal leaves nothing."""
    if choice.demo:
        return _demo(path, control, demo_months)
    required_text(choice.user_name, "user_name", msg("word.your_full_name"), 200)
    if not choice.offline:
        return _signed_in(path, choice, control)
    centre = choice.role == "centre"
    required_text(choice.code, "code", msg("word.centre_code") if centre else msg("word.station_code"), 32)
    required_text(choice.name, "name", msg("word.centre_name") if centre else msg("word.station_name"), 300)
    station_id = station_id_for(choice.code) if choice.role == "station" else None
    db = Database.create(path, station_id=station_id, role=choice.role)
    db.person = choice.user_name  # the first person of the audit trail: whoever set this computer up
    try:
        with db.transaction() as s:
            if choice.role == "station":
                create_station(s, code=choice.code, name=choice.name, station_id=station_id)
            else:
                create_centre(s, code=choice.code, name=choice.name)
    except Exception:
        db.close()
        remove_database(path)
        raise
    return db


def _demo(path: Path, control: TaskControl, months: int) -> Database:
    """The demo station database and its centre's server database beside it (as `ytcs demo` makes
    them), with progress by simulated month. Both are built beside their targets and moved into place
    at the end: a cancel or a failure leaves no file. A centre server database already in the folder
    is never overwritten (the choice is refused before anything is made)."""
    from ytcs_desktop.demo import DemoCancelled
    from ytcs_desktop.demo.centre import build_demo_world

    control.progress(0, months + 2, "")
    try:
        build_demo_world(path, months=months, progress=lambda done, total: control.progress(done, total, ""),
                         cancel=control.event)
    except DemoCancelled:
        raise Cancelled() from None
    return Database.open(path)  # closed by the builder: its WAL is checkpointed into the file


def _signed_in(path: Path, choice: FirstRunChoice, control: TaskControl) -> Database:
    from ytcs_desktop.ui.sync_controller import first_sign_in

    return first_sign_in(path, choice, control)
