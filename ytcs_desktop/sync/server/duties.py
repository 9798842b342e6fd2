"""The centre re-checks the duties of the person who signed a pushed change, with the domain's own rule
(domain/permissions.py `require`, one definition).

A station's PC checks a person's duties when they act; the centre checks them again on push against the
duties it holds for that account (`ytcs_users.duties`), so a count approved, or stock disposed of, on a PC
whose roles for that person differ from the centre's (a clinical account given more duties on the PC, a
duty the centre took away) is refused with the domain's code, `duty_required`, and its words.

What is signed, and by whom (the user name the row carries):
- a stock count brought to `approved`: `approve_count`, by `approved_by_user`;
- a count correction or a disposal in the ledger: `approve_count` / `dispose_stock`, by `actor_user`.

The check applies where the centre knows the person as an account of the pushing computer's station with
duties of its own. A row signed by nobody (a PC where nobody signs in), by a name the centre does not know
for that station (an account it has not confirmed, or one it refused), or by an account made with
`ytcs centre add-user` (no duties: every duty of its side) is taken as before."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, select

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import PermissionDenied
from ytcs_desktop.domain.permissions import duty_names, require
from ytcs_desktop.messages import Refusal, msg, pick
from ytcs_desktop.sync.server import schema as t
from ytcs_desktop.sync.server.device import Device
from ytcs_desktop.sync.server.values import rows_where

LEDGER_ACTIONS = {"count": "approve_count", "disposal": "dispose_stock"}


def signed_action(table: str, image: Mapping[str, Any], changed: Mapping[str, Any] | None) -> tuple[str, Any] | None:
    """(the action, the user name that signed it) for a change that needs a duty; None for any other.
    `image` is the row as it will be; `changed` the fields an update sets (None for a new row)."""
    if table == "stock_counts":
        becomes = changed.get("status") if changed is not None else image.get("status")
        if becomes == "approved":
            return "approve_count", image.get("approved_by_user")
        return None
    if table == "stock_transactions" and changed is None:
        action = LEDGER_ACTIONS.get(str(image.get("kind")))
        return (action, image.get("actor_user")) if action else None
    return None


def signed_rows(table: str, columns: Mapping[str, list[Any]]) -> set[int]:
    """The new rows of a column-major group (checked: values.check_columns) that `signed_action` names."""
    if table == "stock_counts" and "status" in columns:
        return rows_where(columns["status"], lambda status: status == "approved")
    if table == "stock_transactions" and "kind" in columns:
        return rows_where(columns["kind"], lambda kind: str(kind) in LEDGER_ACTIONS)
    return set()


class DutyCheck:
    """The duties of the station's accounts, read once per push as they are needed."""

    def __init__(self, conn: Connection, device: Device) -> None:
        self.conn = conn
        self.device = device
        self._code: str | None = None
        self._people: dict[str, Actor | None] = {}

    def _station_code(self) -> str | None:
        if self._code is None and self.device.station_id:
            self._code = self.conn.scalar(select(t.stations.c.code).where(t.stations.c.id == self.device.station_id))
        return self._code

    def _person(self, username: str) -> Actor | None:
        if username not in self._people:
            u = t.users.c
            row = self.conn.execute(select(u.username, u.full_name, u.role, u.station_code, u.duties)
                                    .where(u.username == username)).mappings().first()
            person = None
            if row is not None and row["role"] == "station" and row["duties"] \
                    and row["station_code"] == self._station_code():
                person = Actor(name=row["full_name"] or username, role="station", station_id=self.device.station_id,
                               duties=frozenset(d for d in row["duties"].split(",") if d), username=username)
            self._people[username] = person
        return self._people[username]

    def refusal(self, table: str, image: Mapping[str, Any], changed: Mapping[str, Any] | None) -> Refusal | None:
        if self.device.role != "station":
            return None
        signed = signed_action(table, image, changed)
        if signed is None or not isinstance(signed[1], str) or not signed[1]:
            return None
        person = self._person(signed[1])
        if person is None:
            return None
        try:
            require(person, signed[0])
        except PermissionDenied as exc:
            held = person.duties or frozenset()
            return Refusal(exc.code, msg("duties_held", refusal=exc.text, name=person.name,
                                         duties=pick(duty_names, held)))
        return None
