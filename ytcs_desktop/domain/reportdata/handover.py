"""Biên bản bàn giao: parties and free text come from the user (dialog or JSON); stock on hand by
lot and the open support requests come from the database on the handover date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.errors import ValidationError
from ytcs_desktop.domain.reportdata import ledger
from ytcs_desktop.domain.reportdata.common import Header, header, label, licence_line, only, station_row
from ytcs_desktop.messages import msg, plain
from ytcs_desktop.store.models import Quarantine, StockTransaction, SupportRequest

OPEN_STATUSES = ("draft", "submitted", "accepted", "scheduled", "in_progress")
# The parties of the minutes, as the form and its messages name them.
ROLES = {"handing_over": msg("word.person_handing_over"),
         "receiving": msg("word.person_receiving"),
         "witnesses": msg("word.witness")}


@dataclass
class Party:
    name: str
    position: str = ""
    unit: str = ""


@dataclass
class HandoverInput:
    """What the user writes: parties (handing over, receiving, witnesses) and free-text sections."""

    handing_over: list[Party]
    receiving: list[Party]
    witnesses: list[Party] = field(default_factory=list)
    number: str | None = None
    time: dt.datetime | None = None
    place: str | None = None
    reason: str = ""
    records: list[str] = field(default_factory=list)  # hồ sơ, sổ sách bàn giao
    equipment: list[str] = field(default_factory=list)  # trang thiết bị, ghi chú
    conclusion: str = ""
    copies: str = ("Biên bản được lập thành 03 bản có giá trị như nhau: bên giao giữ 01 bản, "
                   "bên nhận giữ 01 bản, lưu 01 bản.")

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> HandoverInput:
        def parties(key: str) -> list[Party]:
            raw = data.get(key) or []
            if not isinstance(raw, list):
                raise ValidationError("bad_parties", msg("bad_parties", key=key), field=key)
            out = []
            for p in raw:
                if isinstance(p, dict) and not any(str(v).strip() for v in p.values()):
                    continue  # a blank row of a form is nobody
                if not isinstance(p, dict) or not str(p.get("name", "")).strip():
                    raise ValidationError("bad_party", msg("bad_party", role=ROLES.get(key) or plain(key)), field=key)
                out.append(Party(str(p["name"]).strip(), str(p.get("position", "")).strip(),
                                 str(p.get("unit", "")).strip()))
            return out

        def lines(key: str) -> list[str]:
            v = data.get(key) or []
            return [v] if isinstance(v, str) else [str(x) for x in v]

        giving, taking = parties("handing_over"), parties("receiving")
        for key, people in (("handing_over", giving), ("receiving", taking)):
            if not people:
                raise ValidationError("handover_parties", msg("handover_parties.from_json", role=ROLES[key]), field=key)
        when = data.get("time")
        try:
            moment = dt.datetime.fromisoformat(when) if isinstance(when, str) else None
        except ValueError as exc:
            raise ValidationError("bad_time", msg("bad_time.from_json", when=when), field="time") from exc
        return cls(
            giving, taking, parties("witnesses"), data.get("number"),
            moment, data.get("place"),
            str(data.get("reason", "")), lines("records"), lines("equipment"), str(data.get("conclusion", "")),
            str(data.get("copies") or cls.copies),
        )


@dataclass
class HandoverStock:
    code: str
    name: str
    unit: str
    lot_no: str
    expiry: dt.date
    quantity: int
    condition: str


@dataclass
class HandoverRequest:
    number: str
    date: dt.date
    kind: str
    title: str
    status: str


@dataclass
class HandoverMinutes:
    header: Header
    input: HandoverInput
    day: dt.date
    stock: list[HandoverStock]
    total_quantity: int
    requests: list[HandoverRequest]
    licence: str | None = None  # the station's operating licence, as the minutes name it


def handover_minutes(s: Session, station_id: str | None, day: dt.date, data: HandoverInput) -> HandoverMinutes:
    """Stock on hand at the end of `day` by lot (SUM of the ledger) and the requests still open."""
    q = (select(StockTransaction.lot_id, func.sum(StockTransaction.quantity))
         .where(StockTransaction.txn_date <= day).group_by(StockTransaction.lot_id)
         .having(func.sum(StockTransaction.quantity) != 0))
    q = only(q, StockTransaction.station_id, station_id)
    balances = {lot: int(qty) for lot, qty in s.execute(q)}
    info = ledger.lots_with_items(s, balances)
    held = set(s.scalars(select(Quarantine.lot_id).where(Quarantine.status == "active",
                                                         Quarantine.deleted.is_(False))))
    stock = [
        HandoverStock(item.code, item.name, item.base_unit, lot.lot_no, lot.expiry, balances[lot_id],
                      ledger.lot_condition(lot, day, lot_id in held))
        for lot_id, (lot, item) in info.items()
    ]
    stock.sort(key=lambda r: (r.name, r.expiry, r.lot_no))
    rq = select(SupportRequest).where(SupportRequest.status.in_(OPEN_STATUSES), SupportRequest.deleted.is_(False))
    rq = only(rq, SupportRequest.station_id, station_id)
    requests = [
        HandoverRequest(r.number or "", (r.created_at + dt.timedelta(hours=7)).date(), label("request_kind", r.kind),
                        r.title, label("request_status", r.status))
        for r in s.scalars(rq.order_by(SupportRequest.created_at))
    ]
    number = data.number or "…/BB-TYT"
    head = header(s, station_id, "BIÊN BẢN BÀN GIAO", date=day, number=number)
    if data.place:
        head = replace(head, place=data.place)
    licence = licence_line(station_row(s, station_id))
    return HandoverMinutes(head, data, day, stock, sum(r.quantity for r in stock), requests, licence)
