"""`ytcs request new | move | list`: the id alone on stdout, transitions by role, refusals unchanged."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.cli.conftest import Runner, snapshot
from ytcs_desktop.store.db import Database

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$")


def new_request(ytcs: Runner, *extra: str) -> str:
    result = ytcs("request", "new", "--kind", "consultation", "--title", "Hội chẩn ca sốt kéo dài", *extra)
    assert result.code == 0, result.err
    assert result.err == ""
    request_id = result.out.strip()
    assert UUID.match(request_id), result.out  # the id and nothing else
    assert result.out == request_id + "\n"
    return request_id


def listing(ytcs: Runner) -> dict[str, dict[str, str]]:
    result = ytcs("request", "list", "--format", "json")
    assert result.code == 0, result.err
    return {r["id"]: r for r in json.loads(result.out)}


def test_new_move_list(station: Runner) -> None:
    first = new_request(station, "--description", "Bệnh nhân nam 54 tuổi, sốt 10 ngày.")
    second = new_request(station)
    rows = listing(station)
    assert rows[first]["status"] == "draft" and rows[first]["description"].startswith("Bệnh nhân")
    assert rows[first]["number"] != rows[second]["number"]
    moved = station("request", "move", first, "submitted", "--note", "Kính gửi Trung tâm")
    assert moved.code == 0 and "Chờ gửi" in moved.out  # submitted, but no centre has it yet
    moved = station("request", "move", second, "cancelled", "--lang", "en")
    assert moved.code == 0 and "Cancelled" in moved.out
    rows = listing(station)
    assert (rows[first]["status"], rows[second]["status"]) == ("submitted", "cancelled")
    table = station("request", "list")
    assert "Hội chẩn" in table.out and "Chờ gửi" in table.out and "Đã hủy" in table.out
    assert "Đã gửi" not in table.out


def test_vietnamese_kind_accepted(station: Runner) -> None:
    result = station("request", "new", "--kind", "hội chẩn", "--title", "Ca khó")
    assert result.code == 0, result.err
    assert listing(station)[result.out.strip()]["kind"] == "consultation"


def refused(ytcs: Runner, *args: str) -> str:
    before = snapshot(ytcs)
    result = ytcs(*args)
    assert result.code == 2, (result.out, result.err)
    assert len(result.err_lines) == 1, result.err
    assert result.out == ""
    assert snapshot(ytcs) == before
    return result.err


def test_refusals(station: Runner) -> None:
    request_id = new_request(station)
    # A move the station's role may not make: only the centre accepts.
    station("request", "move", request_id, "submitted")
    err = refused(station, "request", "move", request_id, "accepted")
    assert "Trung tâm" in err
    assert "health centre" in refused(station, "request", "move", request_id, "accepted", "--lang", "en")
    refused(station, "request", "move", request_id, "rated")  # not along the state machine
    refused(station, "request", "move", request_id, "flying")  # no such status
    refused(station, "request", "move", "01a2-no-such-request", "submitted")
    refused(station, "request", "new", "--kind", "party", "--title", "X")
    refused(station, "request", "new", "--kind", "consultation", "--title", "   ")
    refused(station, "request", "new", "--kind", "consultation")  # --title missing
    refused(station, "request", "list", "--format", "yaml")


def test_centre_moves_on_a_centre_replica(station: Runner, tmp_path: Path, data_dir: Path) -> None:
    """A request written at the station, then accepted by the centre on a database in the centre's role."""
    request_id = new_request(station)
    assert station("request", "move", request_id, "submitted").code == 0
    db = Database.open(data_dir / "ytcs.sqlite3")
    try:
        with db.transaction() as s:
            db.set_meta(s, "role", "centre")
    finally:
        db.close()
    moved = station("request", "move", request_id, "accepted", "--note", "Khoa Nội tiếp nhận")
    assert moved.code == 0, moved.err
    assert listing(station)[request_id]["status"] == "accepted"
    refused(station, "request", "move", request_id, "rejected")  # a rejection needs a reason: --note
    assert station("request", "move", request_id, "rejected", "--note", "Thuộc tuyến tỉnh").code == 0
