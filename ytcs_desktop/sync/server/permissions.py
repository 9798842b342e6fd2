"""Who may write what (SYNC.md "Records and ownership"), read from the store's model metadata.

- Partition: a station device writes and reads only rows of its own station, and reads the
  centre-wide reference rows (station_id NULL). A centre device reads everything.
- Field ownership: `__station_fields__` / `__centre_fields__` of the model; None means the owner of
  the row's partition (the station for a station's rows, the centre for reference rows) writes every
  field.
- Insert-only tables (ledger, readings, comments) refuse updates and deletes.
- Support request and requisition statuses move only along the domain's own state machines
  (`domain.support.TRANSITIONS`, `domain.inventory.requisitions.TRANSITIONS`), each move owned by one side;
  so do a technique transfer's stages (`domain.techniques.TRANSITIONS`, `BIRTHS`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table

from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.domain.inventory.requisitions import TRANSITIONS as REQUISITION_TRANSITIONS
from ytcs_desktop.domain.programme.calendar import INITIAL_STATUS as CONSULTATION_INITIAL
from ytcs_desktop.domain.programme.calendar import TRANSITIONS as CONSULTATION_TRANSITIONS
from ytcs_desktop.domain.programme.rows import ROW_CHECKS
from ytcs_desktop.domain.referrals import INITIAL_STATUS as REFERRAL_INITIAL
from ytcs_desktop.domain.referrals import TRANSITIONS as REFERRAL_TRANSITIONS
from ytcs_desktop.domain.reporting import submissions
from ytcs_desktop.domain.supervision import INITIAL_STATUS as ACTION_INITIAL
from ytcs_desktop.domain.supervision import TRANSITIONS as ACTION_TRANSITIONS
from ytcs_desktop.domain.support import TRANSITIONS as SUPPORT_TRANSITIONS
from ytcs_desktop.domain.techniques import BIRTHS as TECHNIQUE_BIRTHS
from ytcs_desktop.domain.techniques import TRANSITIONS as TECHNIQUE_TRANSITIONS
from ytcs_desktop.messages import Refusal, capital, msg
from ytcs_desktop.store import models  # noqa: F401  (registers every table)
from ytcs_desktop.store.base import Base
from ytcs_desktop.store.capture import wire_columns
from ytcs_desktop.sync.server.device import Device
from ytcs_desktop.sync.server.values import rows_where

SYNC_FIELDS = frozenset({"id", "station_id", "hlc", "origin"})


@dataclass(frozen=True)
class TableRule:
    name: str
    columns: frozenset[str]
    station_fields: frozenset[str] | None
    centre_fields: frozenset[str] | None
    insert_only: bool
    defaults: dict[str, Any]


def _defaults(table: Table) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for col in table.columns:
        default = col.default
        arg = getattr(default, "arg", None)
        if default is not None and not callable(arg):
            out[col.name] = int(arg) if isinstance(arg, bool) else arg
    return out


def _load_rules() -> dict[str, TableRule]:
    rules: dict[str, TableRule] = {}
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if not getattr(cls, "__syncable__", False):
            continue
        table: Table = cls.__table__
        rules[table.name] = TableRule(
            table.name, frozenset(wire_columns(table)), cls.__station_fields__, cls.__centre_fields__,
            bool(cls.__insert_only__), _defaults(table))
    return rules


RULES = _load_rules()


# The domain's own state machines: the server imports them, never copies them.
STATUS_MACHINES: dict[str, Mapping[tuple[str, str], str]] = {"support_requests": SUPPORT_TRANSITIONS,
                                                             "requisitions": REQUISITION_TRANSITIONS}
INITIAL_STATUS = {"support_requests": "draft", "requisitions": "draft"}
STATUS_MACHINES["report_submissions"] = submissions.TRANSITIONS
INITIAL_STATUS["report_submissions"] = submissions.INITIAL_STATUS
# Fields written once, at birth, and never changed after by either side (a sent report).
SEALED: dict[str, frozenset[str]] = {"report_submissions": submissions.SEALED_FIELDS}
# Referrals (the station sends, the centre follows up) and supervision actions (the station reports
# progress, the centre closes).
STATUS_MACHINES["referrals"] = REFERRAL_TRANSITIONS
STATUS_MACHINES["supervision_findings"] = ACTION_TRANSITIONS
INITIAL_STATUS["referrals"] = REFERRAL_INITIAL
INITIAL_STATUS["supervision_findings"] = ACTION_INITIAL
# A consultation session is held or cancelled once, by the centre (domain/programme/calendar.py).
STATUS_MACHINES["consultation_sessions"] = CONSULTATION_TRANSITIONS
INITIAL_STATUS["consultation_sessions"] = CONSULTATION_INITIAL
# Tables whose rows may be born in more than one status: status -> the sides that may write such a birth
# (a technique the station already performs is born "independent"; domain/techniques.py).
STATUS_MACHINES["station_techniques"] = TECHNIQUE_TRANSITIONS
INITIAL_STATUS["station_techniques"] = "planned"
BIRTH_STATUSES: dict[str, Mapping[str, frozenset[str]]] = {"station_techniques": TECHNIQUE_BIRTHS}


def owned_fields(rule: TableRule, role: str, row_station: str | None) -> frozenset[str] | None:
    """Fields `role` may write on a row of this partition; None means every field."""
    declared = rule.station_fields if role == "station" else rule.centre_fields
    if declared is not None:
        return declared
    partition_owner = "centre" if row_station is None else "station"
    return None if role == partition_owner else frozenset()


def may_see(device: Device, station_id: str | None) -> bool:
    return device.role == "centre" or station_id is None or station_id == device.station_id


def refuse_unknown_table(table: str) -> Refusal:
    return Refusal("unknown_table", msg("server.permissions", table=table))


def check_columns(rule: TableRule, fields: dict[str, Any]) -> Refusal | None:
    unknown = sorted(set(fields) - rule.columns)
    if unknown:
        return Refusal("unknown_column", msg("server.permissions.check_columns",
                                             name=rule.name, unknown=', '.join(unknown)))
    return None


def check_partition(device: Device, station_id: str | None) -> Refusal | None:
    if device.role == "centre" or station_id == device.station_id:
        return None
    return Refusal("partition", msg("server.permissions.check_partition"))


def not_owned(rule: TableRule, device: Device, station_id: str | None, fields: set[str]) -> Refusal | None:
    allowed = owned_fields(rule, device.role, station_id)
    if allowed is None:
        return None
    bad = sorted(fields - allowed - SYNC_FIELDS)
    if not bad:
        return None
    side = msg("field_not_owned.station") if device.role == "station" else msg("field_not_owned.centre")
    return Refusal("field_not_owned",
                   msg("field_not_owned", side=capital(side), name=rule.name, fields=", ".join(bad)))


# The station's own profile is born at the station (`ytcs init`) with its code and name, which the centre
# owns from then on: a birth carrying them is not refused (where the centre registered the station first,
# the centre's values stand and the station receives them).
# A station with no centre yet also fills in its header and licence (domain/stations.py): at enrolment those
# fill what the centre left empty and never overwrite what the centre set.
PROFILE_FILL_FIELDS = frozenset({"commune", "parent_org", "licence_no", "licence_date", "licence_issuer"})
PROFILE_ADMIN_FIELDS = PROFILE_FILL_FIELDS | {"code", "name"}
OWN_PROFILE_BIRTH_FIELDS = PROFILE_ADMIN_FIELDS | {"status", "centre_id", "deleted"}


def own_profile_birth(rule: TableRule, device: Device, row_id: Any) -> bool:
    return rule.name == "stations" and device.role == "station" and row_id == device.station_id


def profile_fills(held: dict[str, Any], sent: dict[str, Any]) -> dict[str, Any]:
    """The administrative values a station sends for fields the centre has left empty."""
    return {f: v for f, v in sent.items()
            if f in PROFILE_FILL_FIELDS and held.get(f) in (None, "") and v not in (None, "")}


def check_new_row(rule: TableRule, device: Device, image: dict[str, Any]) -> Refusal | None:
    """A new row: fields the writer does not own must be empty or at their default.

    One exception each way for the station profile: the centre registers a new station and may give
    every field its first value (the contact details it was told); the station's own profile born at
    the station (`ytcs init`) carries its code and name. After creation each field has one owner.
    """
    station_id = image.get("station_id")
    if rule.name == "stations" and device.role == "centre":
        return None
    allowed = owned_fields(rule, device.role, station_id)
    if allowed is None:
        return None
    foreign = {f for f, v in image.items()
               if f not in allowed and f not in SYNC_FIELDS and v is not None and v != rule.defaults.get(f, None)}
    if own_profile_birth(rule, device, image.get("id")):
        foreign -= OWN_PROFILE_BIRTH_FIELDS
    refusal = not_owned(rule, device, station_id, foreign)
    if refusal is not None:
        return refusal
    if rule.name in STATUS_MACHINES and "status" in image and _birth_refused(rule, device, image["status"]):
        return refuse_transition(INITIAL_STATUS[rule.name], image["status"], device.role)
    return check_values(rule, image)


def _birth_refused(rule: TableRule, device: Device, status: Any) -> bool:
    """Whether a row of a table with a state machine may not be born in `status` by this side."""
    initial = INITIAL_STATUS[rule.name]
    born = device.role in BIRTH_STATUSES.get(rule.name, {}).get(status, frozenset())
    return status != initial and not born and STATUS_MACHINES[rule.name].get((initial, status)) != device.role


def _foreign(default: Any) -> Callable[[Any], bool]:
    """Whether a value of a new row's field is one its writer may not give (`check_new_row`)."""
    fine = (None, default)
    return lambda value: value not in fine


def doubtful_new_rows(rule: TableRule, device: Device, columns: Mapping[str, list[Any]]) -> set[int] | None:
    """The new rows of a column-major group (checked: values.check_columns) that `check_new_row` may
    refuse, found a column at a time, each distinct value looked at once: more rows than it refuses, maybe,
    never fewer. None: every row (rules that look at a whole row, or the station profile's exceptions)."""
    if rule.name == "stations" or rule.name in ROW_CHECKS:
        return None
    stations = columns.get("station_id")
    owners = {owned_fields(rule, device.role, station_id) for station_id in (set(stations) if stations else {None})}
    doubtful: set[int] = set()
    for allowed in owners:
        if allowed is None:
            continue
        for name, column in columns.items():
            if name not in allowed and name not in SYNC_FIELDS:
                doubtful |= rows_where(column, _foreign(rule.defaults.get(name)))
        if rule.name in STATUS_MACHINES and "status" in columns:
            doubtful |= rows_where(columns["status"], lambda status: _birth_refused(rule, device, status))
    return doubtful


def refuse_transition(old: str, new: str, role: str) -> Refusal:
    side = msg("transition.station") if role == "station" else msg("transition.centre")
    return Refusal("transition", msg("transition", old=old, new=new, side=side))


def check_transition(rule: TableRule, device: Device, old: Any, new: Any) -> Refusal | None:
    machine = STATUS_MACHINES.get(rule.name)
    if machine is None or old == new:
        return None
    if machine.get((str(old), str(new))) == device.role:
        return None
    return refuse_transition(str(old), str(new), device.role)


def check_sealed(rule: TableRule, changed: set[str]) -> Refusal | None:
    """A change to what was sealed when the row was born (a sent report's content)."""
    touched = sorted(changed & SEALED.get(rule.name, frozenset()))
    if not touched:
        return None
    return Refusal("sealed",
                   msg("server.permissions.check_sealed", name=rule.name, touched=', '.join(touched)))


def check_values(rule: TableRule, fields: Mapping[str, Any]) -> Refusal | None:
    """The domain's value rules for a pushed row (a target below zero, a rating outside 1–5), with the
    domain's own message."""
    check = ROW_CHECKS.get(rule.name)
    if check is None:
        return None
    try:
        check(fields)
    except DomainError as err:
        return Refusal(err.code, err.text)
    return None


def refuse_insert_only(rule: TableRule) -> Refusal:
    return Refusal("insert_only",
                   msg("server.permissions.refuse_insert_only", name=rule.name))


def refuse_partition_change() -> Refusal:
    return Refusal("partition_change", msg("server.permissions.refuse_partition_change"))


def refuse_unknown_row(table: str) -> Refusal:
    return Refusal("unknown_row",
                   msg("server.permissions.refuse_unknown_row", table=table))
