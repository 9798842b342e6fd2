"""What a station's first sync with its centre took across: one readable summary (the window shows it
once, `ytcs sync` prints it), instead of a table of rows."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ytcs_desktop.messages import PerLanguage, msg
from ytcs_desktop.store.base import SyncMixin
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import (
    Item,
    Lot,
    Staff,
    StockCount,
    StockTransaction,
    SupportRequest,
    TemperatureReading,
    TrainingSession,
)

# (model, what its rows are called) in the order the summary names them.
KINDS: tuple[tuple[type[SyncMixin], PerLanguage], ...] = (
    (StockTransaction, msg("enrolment.stock_transactions")),
    (Lot, msg("enrolment.lots")),
    (StockCount, msg("enrolment.stock_counts")),
    (TemperatureReading, msg("enrolment.readings")),
    (SupportRequest, msg("enrolment.support_requests")),
    (TrainingSession, msg("enrolment.training_sessions")),
    (Staff, msg("enrolment.staff")),
)


def _count(n: int, en: bool) -> str:
    """1,234 in English, 1.234 in Vietnamese."""
    text = f"{n:,}"
    return text if en else text.replace(",", ".")


@dataclass(frozen=True)
class EnrolmentSummary:
    sent: list[tuple[PerLanguage, int]]  # (what, count) of what this PC had recorded and the centre now holds
    own_items: list[tuple[str, str]]  # (code, name) offered to the centre's catalogue
    refused: int

    def lines(self, lang: str) -> list[str]:
        en = lang.startswith("en")
        out = [msg("enrolment.heading").text(lang)]
        out += [f"  {_count(n, en)} {what.text(lang)}" for what, n in self.sent if n]
        if self.own_items:
            names = ", ".join(f"{code} ({name})" for code, name in self.own_items[:10])
            more = len(self.own_items) - 10
            tail = msg("enrolment.own_items.more", more=more).text(lang) if more > 0 else ""
            out.append(msg("enrolment.own_items", count=len(self.own_items), names=names, more=tail).text(lang))
        if self.refused:
            out.append(msg("enrolment.refused", count=self.refused).text(lang))
        else:
            out.append(msg("enrolment.none_refused").text(lang))
        return out


def enrolment_summary(s: Session, station_id: str, replica_id: str, refused: int) -> EnrolmentSummary:
    """Counts of the records this PC (replica) wrote that are now synced and the station's own items;
    `refused` is what the first sync's answer refused."""
    sent: list[tuple[PerLanguage, int]] = []
    for model, what in KINDS:
        n = s.scalar(select(func.count()).select_from(model).where(
            model.origin == replica_id, model.sync_state == "synced", model.deleted.is_(False)))
        sent.append((what, int(n or 0)))
    own = [(code, name) for code, name in s.execute(
        select(Item.code, Item.name).where(Item.station_id == station_id, Item.deleted.is_(False))
        .order_by(Item.code))]
    return EnrolmentSummary(sent, own, refused)


def first_sync_summary(db: Database, refused: int) -> EnrolmentSummary | None:
    """After a first sync that sent this PC's earlier records: their summary; None when it had recorded
    nothing of its own (a new PC that joined, the centre's desktop)."""
    if not db.station_id:
        return None
    with db.read() as s:
        summary = enrolment_summary(s, db.station_id, db.replica_id, refused)
    return summary if any(n for _what, n in summary.sent) or summary.own_items else None
