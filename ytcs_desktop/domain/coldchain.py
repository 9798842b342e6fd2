"""Cold chain (dây chuyền lạnh): fridges, two readings a day, missing-reading alerts, and the quarantine
of a fridge's vaccine lots after a breach until someone releases or disposes of them.

A reading outside +2…+8 °C or with the freeze indicator tripped is a breach: every vaccine lot stored
in that fridge with stock on hand is quarantined (the ledger refuses to issue a quarantined lot).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import RuleError, ValidationError
from ytcs_desktop.domain.inventory import ledger
from ytcs_desktop.domain.inventory.stock import lot_sums
from ytcs_desktop.domain.labels import label, label_lower, parse_code
from ytcs_desktop.domain.stations import (
    as_date,
    check_own_station,
    get_row,
    optional_date,
    require_station,
)
from ytcs_desktop.domain.validation import required_text
from ytcs_desktop.messages import PerLanguage, msg, pick, plain
from ytcs_desktop.store.base import natural_id, utc_now
from ytcs_desktop.store.models import Fridge, Item, Lot, Quarantine, StockTransaction, TemperatureReading

SAFE_MIN, SAFE_MAX = 2.0, 8.0
PLAUSIBLE_MIN, PLAUSIBLE_MAX = -30.0, 50.0
SLOTS = ("morning", "afternoon")
# The afternoon reading of today is due from this local time on.
AFTERNOON_DUE = dt.time(14, 0)
# A reading is taken in its slot: the morning from midnight, the afternoon from noon (local time).
SLOT_STARTS = {"morning": dt.time(0, 0), "afternoon": dt.time(12, 0)}
# A PC clock a few minutes behind the thermometer's reader must not refuse a reading just taken.
CLOCK_TOLERANCE = dt.timedelta(minutes=10)
# Vietnam keeps UTC+7 all year (no daylight saving), so no tz database is needed.
LOCAL_TZ = dt.timezone(dt.timedelta(hours=7))


def local_now(now: dt.datetime | None = None) -> dt.datetime:
    """Station local time as a naive datetime; an aware `now` is converted, a naive one is taken as local."""
    if now is None:
        now = utc_now()  # module-level name: the demo's simulated clock replaces it
    return now.astimezone(LOCAL_TZ).replace(tzinfo=None) if now.tzinfo else now


def is_breach(celsius: float, freeze_alarm: bool = False) -> bool:
    return freeze_alarm or celsius < SAFE_MIN or celsius > SAFE_MAX


# ----- fridges ------------------------------------------------------------------------------------


def add_fridge(s: Session, actor: Actor, *, name: str, model: str | None = None, location: str | None = None,
               in_service_from: object = None) -> Fridge:
    station_id = require_station(actor, msg("word.add_a_fridge"))
    name = required_text(name, "name", msg("word.fridge_name"), 200)
    if s.scalar(select(Fridge.id).where(Fridge.station_id == station_id, Fridge.name == name,
                                        Fridge.deleted.is_(False), Fridge.active.is_(True))):
        raise RuleError("duplicate_fridge", msg("duplicate_fridge", name=name), field="name")
    fridge = Fridge(station_id=station_id, name=name, model=(model or "").strip() or None,
                    location=(location or "").strip() or None, active=True,
                    in_service_from=optional_date(in_service_from, "in_service_from") or local_now().date())
    s.add(fridge)
    s.flush()
    return fridge


def list_fridges(s: Session, station_id: str, include_inactive: bool = False) -> list[Fridge]:
    query = select(Fridge).where(Fridge.station_id == station_id, Fridge.deleted.is_(False))
    if not include_inactive:
        query = query.where(Fridge.active.is_(True))
    return list(s.scalars(query.order_by(Fridge.name, Fridge.id)))


def _who(name: str | None) -> PerLanguage:
    """Who recorded a reading, as a refusal names them."""
    return plain(name) if name else msg("word.unknown_person")


def _own_fridge(s: Session, actor: Actor, fridge_id: str) -> Fridge:
    require_station(actor, msg("word.record_fridge_temperatures"))
    fridge = get_row(s, Fridge, fridge_id, msg("word.fridge"), "fridge_id")
    check_own_station(actor, fridge.station_id)
    return fridge


# ----- readings -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReadingResult:
    reading: TemperatureReading
    breach: bool
    quarantines: list[Quarantine] = field(default_factory=list)  # created by this reading
    already_quarantined: list[str] = field(default_factory=list)  # lot ids held by an earlier breach


def _celsius(value: object) -> float:
    try:
        # Vietnamese writes a decimal comma: "4,5".
        number = float(str(value).strip().replace(",", ".")) if not isinstance(value, (int, float)) else value
    except ValueError:
        number = float("nan")
    if isinstance(value, bool) or not PLAUSIBLE_MIN <= number <= PLAUSIBLE_MAX:
        raise ValidationError(
            "bad_temperature",
            msg("bad_temperature", value=value),
            field="celsius",
        )
    return float(number)


def _vaccine_lots_in(s: Session, fridge: Fridge) -> list[tuple[Lot, int]]:
    stock = lot_sums(fridge.station_id or "")  # from the carried balances: not the whole history
    rows = s.execute(
        select(Lot, stock.c.qty)
        .join(Item, Item.id == Lot.item_id)
        .join(stock, stock.c.lot_id == Lot.id)
        .where(Lot.fridge_id == fridge.id, Lot.station_id == fridge.station_id, Lot.deleted.is_(False),
               Item.category == "vaccine", stock.c.qty > 0)
        .order_by(Lot.expiry, Lot.id)
    ).all()
    return [(lot, int(qty)) for lot, qty in rows]


def _active_quarantine_lots(s: Session, lot_ids: list[str]) -> set[str]:
    if not lot_ids:
        return set()
    return set(s.scalars(select(Quarantine.lot_id).where(
        Quarantine.lot_id.in_(lot_ids), Quarantine.status == "active", Quarantine.deleted.is_(False))))


def reading_id_for(fridge_id: str, reading_date: dt.date, slot: str) -> str:
    """A reading's id comes from its fridge, day and slot (one reading each): two PCs recording the
    same slot offline make one row, and sync keeps one of the two readings everywhere (SYNC.md)."""
    return natural_id(TemperatureReading.__tablename__, fridge_id, reading_date, slot)


def record_reading(
    s: Session, actor: Actor, *, fridge_id: str, reading_date: object, slot: str, celsius: object,
    freeze_alarm: bool = False, note: str | None = None, now: dt.datetime | None = None,
) -> ReadingResult:
    """One of the two daily readings; a breach quarantines the fridge's vaccine lots with stock."""
    fridge = _own_fridge(s, actor, fridge_id)
    day = as_date(reading_date, "reading_date")
    slot_code = parse_code("slot", slot, "slot")
    temp = _celsius(celsius)
    check_not_future(day, slot_code, now)
    if not fridge.active:
        raise RuleError("fridge_inactive", msg("fridge_inactive", name=fridge.name), field="fridge_id")
    earlier = current_reading(s, fridge.id, day, slot_code)
    if earlier is not None:
        raise RuleError(
            "duplicate_reading",
            msg("duplicate_reading", fridge=fridge.name, slot=pick(label_lower, "slot", slot_code),
                day=pick(day_text, day), temp=earlier.celsius, by=_who(earlier.recorded_by)),
            field="slot",
        )
    reading = TemperatureReading(
        id=reading_id_for(fridge.id, day, slot_code), station_id=fridge.station_id, fridge_id=fridge.id,
        reading_date=day, slot=slot_code, celsius=temp,
        freeze_alarm=bool(freeze_alarm), recorded_by=actor.name, recorded_at=utc_now(),
        note=(note or "").strip() or None,
    )
    s.add(reading)
    s.flush()
    return _after_reading(s, fridge, reading)


def _after_reading(s: Session, fridge: Fridge, reading: TemperatureReading) -> ReadingResult:
    """A breach quarantines the fridge's vaccine lots with stock (those not held already)."""
    temp, freeze_alarm, day, slot_code = reading.celsius, reading.freeze_alarm, reading.reading_date, reading.slot
    if not is_breach(temp, bool(freeze_alarm)):
        return ReadingResult(reading, breach=False)
    cause = "freeze" if freeze_alarm or temp < SAFE_MIN else "heat"
    what = "chỉ thị đông băng báo động" if freeze_alarm else f"nhiệt độ {temp:g} °C ngoài khoảng +2…+8 °C"
    reason = f"Tủ “{fridge.name}”: {what} (buổi {label('slot', slot_code).lower()} ngày {day_text(day)})."
    lots = _vaccine_lots_in(s, fridge)
    held = _active_quarantine_lots(s, [lot.id for lot, _ in lots])
    created = []
    for lot, _qty in lots:
        if lot.id in held:
            continue
        q = Quarantine(station_id=fridge.station_id, lot_id=lot.id, fridge_id=fridge.id, reading_id=reading.id,
                       reason=reason, cause=cause, started_at=utc_now(), status="active")
        s.add(q)
        created.append(q)
    s.flush()
    return ReadingResult(reading, breach=True, quarantines=created, already_quarantined=sorted(held))


def check_not_future(day: dt.date, slot: str, now: dt.datetime | None = None) -> None:
    """A reading is recorded once it is taken: a slot that has not begun yet (tomorrow, or this
    afternoon before noon) is refused, with a few minutes' grace for a PC clock that runs behind."""
    local = local_now(now)
    begins = dt.datetime.combine(day, SLOT_STARTS.get(slot, dt.time(0, 0)))
    if begins <= local + CLOCK_TOLERANCE:
        return
    raise ValidationError(
        "future_reading",
        msg("future_reading", slot=pick(label_lower, "slot", slot), day=pick(day_text, day), clock=f"{local:%H:%M}",
            today=pick(day_text, local.date())),
        field="reading_date" if day > local.date() else "slot",
    )


def _current(rows: list[TemperatureReading]) -> TemperatureReading | None:
    """The reading in force among one slot's readings: the one no correction names (the last of the
    chain original → correction → correction of it)."""
    corrected = {r.corrects_id for r in rows if r.corrects_id}
    standing = [r for r in rows if r.id not in corrected and not r.deleted]
    if not standing:
        return None
    return max(standing, key=lambda r: (r.corrects_id is not None, r.recorded_at, r.id))


def _slot_rows(s: Session, fridge_id: str, day: dt.date, slot: str) -> list[TemperatureReading]:
    return list(s.scalars(select(TemperatureReading).where(
        TemperatureReading.fridge_id == fridge_id, TemperatureReading.reading_date == day,
        TemperatureReading.slot == slot)))


def current_reading(s: Session, fridge_id: str, day: dt.date, slot: str) -> TemperatureReading | None:
    """The reading in force for a fridge, day and slot (the corrected value when it was corrected)."""
    return _current(_slot_rows(s, fridge_id, day, slot))


@dataclass(frozen=True)
class HistoryEntry:
    id: str
    celsius: float
    freeze_alarm: bool
    recorded_by: str | None
    recorded_at: dt.datetime
    note: str | None  # a correction: its reason
    corrects_id: str | None
    current: bool


def reading_history(s: Session, fridge_id: str, reading_date: object, slot: str) -> list[HistoryEntry]:
    """A slot's readings, the original first, then each correction in the order made; `current` marks
    the one in force."""
    day = as_date(reading_date, "reading_date")
    slot_code = parse_code("slot", slot, "slot")
    rows = _slot_rows(s, fridge_id, day, slot_code)
    in_force = _current(rows)
    by_corrected = {r.corrects_id: r for r in rows if r.corrects_id}
    chain = [r for r in rows if r.corrects_id is None]
    chain.sort(key=lambda r: (r.recorded_at, r.id))
    if chain:
        chain = chain[:1]
        while (nxt := by_corrected.get(chain[-1].id)) is not None and nxt not in chain:
            chain.append(nxt)
    chain += sorted((r for r in rows if r not in chain), key=lambda r: (r.recorded_at, r.id))
    return [HistoryEntry(r.id, r.celsius, r.freeze_alarm, r.recorded_by, r.recorded_at, r.note, r.corrects_id,
                         r is in_force) for r in chain]


def correction_id_for(corrected_id: str) -> str:
    """A correction's id comes from the reading it corrects: two PCs correcting the same reading
    offline make one row, and sync keeps one of the two everywhere, as for readings."""
    return natural_id(TemperatureReading.__tablename__, "correction", corrected_id)


def correct_reading(
    s: Session, actor: Actor, *, reading_id: str, celsius: object, freeze_alarm: bool = False,
    reason: str | None = None,
) -> ReadingResult:
    """Correct a wrong reading (a typing slip, the wrong fridge's thermometer) by a new reading of the
    same slot that names it, with the reason; the original is kept and shown in the slot's history.
    The month sheet, the chart and the reports show the corrected value. A corrected value outside
    +2…+8 °C quarantines like a reading; lots put in quarantine by the wrong value stay held until
    someone releases them (the result lists them in `already_quarantined`)."""
    if not reading_id:
        raise ValidationError(
            "reading_missing",
            msg("reading_missing"),
            field="reading_id",
        )
    original = get_row(s, TemperatureReading, reading_id, msg("word.temperature_reading"), "reading_id")
    fridge = _own_fridge(s, actor, original.fridge_id)
    rows = _slot_rows(s, fridge.id, original.reading_date, original.slot)
    in_force = _current(rows)
    if in_force is not None and in_force.id != original.id:
        raise RuleError(
            "reading_already_corrected",
            msg("reading_already_corrected", old=original.celsius, new=in_force.celsius,
                by=_who(in_force.recorded_by)),
            field="reading_id",
        )
    temp = _celsius(celsius)
    why = required_text(reason, "reason", msg("domain.coldchain"), 2000)
    if temp == original.celsius and bool(freeze_alarm) == original.freeze_alarm:
        raise ValidationError(
            "correction_unchanged",
            msg("correction_unchanged", temp=temp),
            field="celsius",
        )
    correction = TemperatureReading(
        id=correction_id_for(original.id), station_id=fridge.station_id, fridge_id=fridge.id,
        reading_date=original.reading_date, slot=original.slot, celsius=temp, freeze_alarm=bool(freeze_alarm),
        recorded_by=actor.name, recorded_at=utc_now(), note=why, corrects_id=original.id,
    )
    s.add(correction)
    s.flush()
    result = _after_reading(s, fridge, correction)
    if result.breach:
        return result
    chain_ids = [r.id for r in rows]
    held = sorted(s.scalars(select(Quarantine.lot_id).where(
        Quarantine.reading_id.in_(chain_ids), Quarantine.status == "active", Quarantine.deleted.is_(False))))
    return ReadingResult(correction, breach=False, already_quarantined=held)


@dataclass(frozen=True)
class MissingReading:
    fridge_id: str
    fridge_name: str
    reading_date: dt.date
    slot: str


def missing_readings(s: Session, station_id: str, today: object, days: int = 7,
                     now: dt.datetime | None = None) -> list[MissingReading]:
    """Fridge/day/slot combinations of the last `days` days with no reading. Today's afternoon counts
    only from 14:00 local time (`now`; default: the clock)."""
    return missing_readings_by_station(s, [station_id], today, days, now).get(station_id, [])


def missing_readings_by_station(s: Session, station_ids: Sequence[str], today: object, days: int = 7,
                                now: dt.datetime | None = None) -> dict[str, list[MissingReading]]:
    """`missing_readings` for several stations in two queries (the centre's overview)."""
    end = as_date(today, "today")
    start = end - dt.timedelta(days=max(days, 1) - 1)
    local = local_now(now)
    afternoon_due = local.date() > end or (local.date() == end and local.time() >= AFTERNOON_DUE)
    fridges = list(s.scalars(select(Fridge).where(Fridge.station_id.in_(list(station_ids)), Fridge.deleted.is_(False),
                                                  Fridge.active.is_(True)).order_by(Fridge.name, Fridge.id)))
    seen = {tuple(row) for row in s.execute(select(TemperatureReading.fridge_id, TemperatureReading.reading_date,
                                TemperatureReading.slot).where(
        TemperatureReading.fridge_id.in_([f.id for f in fridges]),
        TemperatureReading.reading_date >= start, TemperatureReading.reading_date <= end))}
    out: dict[str, list[MissingReading]] = {}
    for fridge in fridges:
        first = max(start, fridge.in_service_from or start)
        day = first
        mine = out.setdefault(fridge.station_id or "", [])
        while day <= end:
            for slot in SLOTS:
                if day == end and slot == "afternoon" and not afternoon_due:
                    continue
                if (fridge.id, day, slot) not in seen:
                    mine.append(MissingReading(fridge.id, fridge.name, day, slot))
            day += dt.timedelta(days=1)
    return out


# ----- quarantine ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActiveQuarantine:
    id: str
    lot_id: str
    lot_no: str
    item_name: str
    expiry: dt.date
    on_hand: int
    fridge_name: str | None
    reason: str
    cause: str | None
    started_at: dt.datetime


def active_quarantines(s: Session, station_id: str) -> list[ActiveQuarantine]:
    """Lots held after a breach, oldest first, with what is on hand."""
    return active_quarantines_by_station(s, [station_id]).get(station_id, [])


def active_quarantines_by_station(s: Session, station_ids: Sequence[str]) -> dict[str, list[ActiveQuarantine]]:
    """`active_quarantines` for several stations in one query (the centre's overview)."""
    ids = list(station_ids)
    if not ids:
        return {}
    stock = lot_sums(ids)
    rows = s.execute(
        select(Quarantine, Lot, Item.name, Fridge.name, func.coalesce(stock.c.qty, 0))
        .join(Lot, Lot.id == Quarantine.lot_id)
        .join(Item, Item.id == Lot.item_id)
        .outerjoin(Fridge, Fridge.id == Quarantine.fridge_id)
        .outerjoin(stock, stock.c.lot_id == Lot.id)
        .where(Quarantine.station_id.in_(ids), Quarantine.status == "active", Quarantine.deleted.is_(False))
        .order_by(Quarantine.started_at, Quarantine.id)
    ).all()
    out: dict[str, list[ActiveQuarantine]] = {}
    for q, lot, item_name, fridge_name, qty in rows:
        out.setdefault(q.station_id or "", []).append(
            ActiveQuarantine(q.id, lot.id, lot.lot_no, item_name, lot.expiry, int(qty), fridge_name, q.reason,
                             q.cause, q.started_at))
    return out


def _active(s: Session, actor: Actor, quarantine_id: str, action: PerLanguage) -> Quarantine:
    require_station(actor, action)
    q = get_row(s, Quarantine, quarantine_id, msg("word.quarantine"), "quarantine_id")
    check_own_station(actor, q.station_id)
    if q.status != "active":
        raise RuleError(
            "quarantine_closed",
            msg("quarantine_closed", status=pick(label_lower, "quarantine_status", q.status),
                day=pick(day_text, q.resolved_at.date() if q.resolved_at else None), by=q.resolved_by),
            field="quarantine_id",
        )
    return q


def _close(q: Quarantine, actor: Actor, status: str, note: str) -> None:
    q.status = status
    q.resolved_at = utc_now()
    q.resolved_by = actor.name
    q.resolution_note = note


def release_quarantine(s: Session, actor: Actor, *, quarantine_id: str, note: str,
                       vvm_stage: int | None = None) -> Quarantine:
    """The lot may be used again (after a shake test / VVM check); the note says why."""
    q = _active(s, actor, quarantine_id, msg("word.release_a_vaccine_lot"))
    text = required_text(note, "note", msg("domain.coldchain.release_quarantine"), 2000)
    lot = s.get(Lot, q.lot_id)
    if vvm_stage is not None:
        if isinstance(vvm_stage, bool) or vvm_stage not in (1, 2, 3, 4):
            raise ValidationError("bad_vvm", msg("bad_vvm", vvm_stage=vvm_stage), field="vvm_stage")
        if vvm_stage > 2:
            raise RuleError(
                "vvm_unusable",
                msg("vvm_unusable", vvm_stage=vvm_stage),
                field="vvm_stage",
            )
        if lot is not None and (lot.vvm_stage is None or vvm_stage > lot.vvm_stage):
            lot.vvm_stage = vvm_stage  # VVM only moves forward
        q.vvm_stage = vvm_stage
    _close(q, actor, "released", text)
    s.flush()
    return q


def dispose_quarantined(s: Session, actor: Actor, *, quarantine_id: str, txn_date: object,
                        note: str) -> Quarantine:
    """Dispose of everything on hand of the lot through the ledger (reason frozen or damaged)."""
    q = _active(s, actor, quarantine_id, msg("domain.coldchain.dispose_quarantined"))
    text = required_text(note, "note", msg("domain.coldchain.dispose_quarantined.2"), 2000)
    day = as_date(txn_date, "txn_date")
    on_hand = int(s.scalar(select(func.coalesce(func.sum(StockTransaction.quantity), 0))
                           .where(StockTransaction.lot_id == q.lot_id)) or 0)
    if on_hand > 0:
        ledger.dispose(s, actor, lot_id=q.lot_id, quantity=on_hand, txn_date=day,
                       reason_code="frozen" if q.cause == "freeze" else "damaged", note=text)
    _close(q, actor, "disposed", text)
    s.flush()
    return q


# ----- the monthly sheet --------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """A slot of the month sheet: the reading in force (the corrected value when it was corrected)."""

    celsius: float
    freeze_alarm: bool
    breach: bool
    recorded_by: str | None
    note: str | None
    reading_id: str = ""
    corrected_from: float | None = None  # the value first recorded, when this one corrects it


@dataclass(frozen=True)
class DayRow:
    day: dt.date
    morning: Cell | None
    afternoon: Cell | None


@dataclass(frozen=True)
class MonthSheet:
    fridge_id: str
    fridge_name: str
    year: int
    month: int
    days: list[DayRow]

    @property
    def breaches(self) -> int:
        return sum(1 for d in self.days for c in (d.morning, d.afternoon) if c and c.breach)

    @property
    def recorded(self) -> int:
        return sum(1 for d in self.days for c in (d.morning, d.afternoon) if c)

    def extremes(self) -> tuple[float, float] | None:
        values = [c.celsius for d in self.days for c in (d.morning, d.afternoon) if c]
        return (min(values), max(values)) if values else None


def month_readings(s: Session, fridge_id: str, year: int, month: int) -> MonthSheet:
    """Days 1–28/31 × morning/afternoon for the chart and the printed sheet, breaches flagged."""
    fridge = get_row(s, Fridge, fridge_id, msg("word.fridge"), "fridge_id")
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise ValidationError("bad_month", msg("bad_month", month=month, year=year),
                              field="month")
    first = dt.date(year, month, 1)
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    slots: dict[tuple[dt.date, str], list[TemperatureReading]] = {}
    for r in s.scalars(select(TemperatureReading).where(
        TemperatureReading.fridge_id == fridge.id, TemperatureReading.reading_date >= first,
        TemperatureReading.reading_date <= last, TemperatureReading.deleted.is_(False),
    )):
        slots.setdefault((r.reading_date, r.slot), []).append(r)
    cells: dict[tuple[dt.date, str], Cell] = {}
    for key, rows in slots.items():
        shown = _current(rows)
        if shown is None:
            continue
        first_value = next((o.celsius for o in rows if o.corrects_id is None), None)
        cells[key] = Cell(shown.celsius, shown.freeze_alarm, is_breach(shown.celsius, shown.freeze_alarm),
                          shown.recorded_by, shown.note, shown.id,
                          first_value if shown.corrects_id is not None else None)
    days = [
        DayRow(d, cells.get((d, "morning")), cells.get((d, "afternoon")))
        for d in (first + dt.timedelta(days=i) for i in range((last - first).days + 1))
    ]
    return MonthSheet(fridge.id, fridge.name, year, month, days)
