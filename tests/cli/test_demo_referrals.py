"""The demo carries referrals with the centre's follow-up and supervision visits to all five stations,
listed by the CLI as a new user would see them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Runner
from ytcs_desktop.domain import supervision
from ytcs_desktop.store.db import Database


def test_demo_has_referrals_and_supervision_of_every_station(demo_dir: Path, ytcs: Runner) -> None:
    rows = json.loads(ytcs("referral", "list", "--format", "json").out)
    assert len(rows) >= 6
    statuses = {r["status"] for r in rows}
    assert "closed" in statuses and statuses & {"sent", "acknowledged", "arrived", "not_arrived"}
    assert {r["needed"] for r in rows if r["status"] == "closed"} == {True, False}
    assert all(r["reason"] and r["icd10"] for r in rows)

    visits = json.loads(ytcs("supervision", "visits", "--format", "json").out)  # the station's own
    assert visits and len({v["station_id"] for v in visits}) == 1
    db = Database.open(demo_dir / "ytcs.sqlite3")
    try:
        with db.read() as s:  # what the centre receives of the demo: visits to each of its five stations
            assert len({v.station_id for v in supervision.list_visits(s)}) == 5
    finally:
        db.close()
    assert all(v["areas"] and all(p is None or 0 <= p <= 100 for p in v["areas"].values()) for v in visits)
    actions = json.loads(ytcs("supervision", "actions", "--format", "json").out)
    assert actions and {a["status"] for a in actions} >= {"closed"}
    assert all(a["evidence_note"] for a in actions if a["status"] == "closed")

    counts = json.loads(ytcs("referral", "counts", "--from", "2000-01-01", "--to", "2100-12-31",
                             "--format", "json").out)
    home = [c for c in counts if c["referred"]]
    assert len(home) == 1 and 0 < home[0]["unnecessary_share"] < 1
    assert sum(c["supervision_visits"] for c in counts) == len(visits)  # a station counts its own
