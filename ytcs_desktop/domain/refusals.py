"""Changes the centre refused, told in the words of the person at the station: the record as they know it
(item, lot, date, request number), what the centre decided, and what they can do, with repeats grouped.
Never a table name, a column name, a raw value or a row id."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.labels import label_lower
from ytcs_desktop.messages import Message, msg
from ytcs_desktop.store.base import Base, SyncMixin
from ytcs_desktop.store.models import (
    Fridge,
    Item,
    Lot,
    Requisition,
    RequisitionLine,
    StockTransaction,
    TemperatureReading,
)

# Record kinds as people name them (vi, en); a table not listed is "a record".
KINDS: dict[str, tuple[str, str]] = {
    "stock_transactions": ("Dòng sổ kho", "Stock entry"),
    "lots": ("Lô thuốc, vật tư", "Lot"),
    "items": ("Mặt hàng", "Item"),
    "pack_units": ("Quy cách đóng gói", "Pack size"),
    "stock_levels": ("Mức tồn của trạm", "Station stock level"),
    "stock_counts": ("Lần kiểm kê", "Stock count"),
    "stock_count_lines": ("Dòng kiểm kê", "Stock count line"),
    "requisitions": ("Phiếu dự trù", "Requisition"),
    "requisition_lines": ("Dòng phiếu dự trù", "Requisition line"),
    "shipment_lines": ("Hàng Trung tâm cấp", "Shipment line"),
    "stations": ("Hồ sơ trạm", "Station profile"),
    "staff": ("Nhân viên", "Staff member"),
    "fridges": ("Tủ lạnh", "Fridge"),
    "temperature_readings": ("Lần đo nhiệt độ", "Fridge reading"),
    "quarantines": ("Lô cách ly", "Quarantine"),
    "vial_openings": ("Lọ vắc xin đã mở", "Opened vial"),
    "support_requests": ("Yêu cầu hỗ trợ", "Support request"),
    "request_comments": ("Trao đổi về yêu cầu", "Request comment"),
    "request_transitions": ("Bước xử lý yêu cầu", "Request step"),
    "training_sessions": ("Buổi tập huấn", "Training session"),
    "training_attendance": ("Người dự tập huấn", "Training attendee"),
    "rotation_visits": ("Lịch luân phiên", "Rotation visit"),
    "closed_periods": ("Kỳ sổ đã khoá", "Closed period"),
    "report_submissions": ("Báo cáo đã gửi", "Sent report"),
    "report_kinds": ("Lịch báo cáo", "Reporting schedule"),
}

# What the centre decided and what the person can do, by the server's refusal code: (decision, action).
DECISIONS: dict[str, tuple[Message, Message]] = {
    code: (msg(f"decision.{code}"), msg(f"decision.{code}.action"))
    for code in ("field_not_owned", "partition", "insert_only", "transition", "unknown_row", "unknown_table",
                 "partition_change", "sealed")
}
DECISIONS["unknown_column"] = DECISIONS["unknown_table"]

_REASON = re.compile(r"^(?P<vi>.*?) / (?P<en>.*?) \[(?P<code>[\w-]+)\]$", re.DOTALL)
_TECHNICAL = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")  # table_and_column_names


@dataclass
class RefusalGroup:
    """One kind of record refused for one reason, with the records as people know them."""

    kind: str
    decision: str
    action: str
    records: list[str] = field(default_factory=list)
    table: str = ""
    code: str = ""

    @property
    def what(self) -> str:
        shown = ", ".join(self.records[:5])
        more = len(self.records) - 5
        return shown + (f" (+{more})" if more > 0 else "")


def _plain(text: str) -> str:
    """A server message without table or column names (older answers named them)."""
    return _TECHNICAL.sub("…", text).strip()


def _split_reason(reason: str) -> tuple[str, str, str]:
    found = _REASON.match(reason.strip())
    if found is None:
        return reason, reason, ""
    return found["vi"], found["en"], found["code"]




def describe(s: Session, row: Any, lang: str) -> str:
    """The record as the person at the station knows it."""
    en = lang.startswith("en")
    if isinstance(row, StockTransaction):
        lot = s.get(Lot, row.lot_id)
        item = s.get(Item, row.item_id)
        lot_word = msg("word.lot_short").text(lang)
        quantity = f"{row.quantity:+,}" if en else f"{row.quantity:+,}".replace(",", ".")
        lot_no = lot.lot_no if lot else "?"
        return f"{item.name if item else '?'}, {lot_word} {lot_no}, {day_text(row.txn_date, lang)}, {quantity}"
    if isinstance(row, Lot):
        item = s.get(Item, row.item_id)
        return f"{item.name if item else '?'}, {msg('word.lot_short').text(lang)} {row.lot_no}"
    if isinstance(row, RequisitionLine):
        req = s.get(Requisition, row.requisition_id)
        item = s.get(Item, row.item_id)
        return f"{req.number if req and req.number else '?'}: {item.name if item else '?'}"
    if isinstance(row, TemperatureReading):
        fridge = s.get(Fridge, row.fridge_id)
        slot = label_lower("slot", row.slot, lang)
        return f"{fridge.name if fridge else '?'}, {day_text(row.reading_date, lang)} {slot}"
    if isinstance(row, Item):
        return f"{row.code} – {row.name}"
    for attr in ("number", "title", "name", "full_name", "topic"):
        value = getattr(row, attr, None)
        if value:
            return str(value)
    return KINDS.get(row.__tablename__, ("Bản ghi", "Record"))[1 if en else 0]


def refusal_groups(s: Session, lang: str, limit: int = 2000) -> list[RefusalGroup]:
    """Every change the centre refused, grouped by kind of record and decision."""
    en = lang.startswith("en")
    groups: dict[tuple[str, str, str], RefusalGroup] = {}
    for mapper in Base.registry.mappers:
        cls: Any = mapper.class_
        if not issubclass(cls, SyncMixin):
            continue
        for row in s.scalars(select(cls).where(cls.sync_state == "rejected").limit(limit)):
            vi, en_text, code = _split_reason(row.sync_reason or "")
            if code in DECISIONS:
                decision, action = (m.text(lang) for m in DECISIONS[code])
            else:
                decision = _plain(en_text if en else vi)
                action = msg("decision.correct_and_resend").text(lang)
            table = cls.__tablename__
            kind = KINDS.get(table, ("Bản ghi", "Record"))[1 if en else 0]
            group = groups.setdefault((table, code, decision), RefusalGroup(kind, decision, action, table=table,
                                                                            code=code))
            group.records.append(describe(s, row, lang))
    return sorted(groups.values(), key=lambda g: (-len(g.records), g.kind))


def refused_count(s: Session) -> int:
    """How many records the centre refused (the status bar's figure: no description needed)."""
    total = 0
    for mapper in Base.registry.mappers:
        cls: Any = mapper.class_
        if issubclass(cls, SyncMixin):
            total += int(s.scalar(select(func.count()).select_from(cls).where(cls.sync_state == "rejected")) or 0)
    return total
