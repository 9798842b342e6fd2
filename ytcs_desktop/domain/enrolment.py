"""What a station's first sync with its centre took across: one readable summary (the window shows it
once, `ytcs sync` prints it), instead of a table of rows."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

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

# (model, Vietnamese, English) in the order the summary names them.
KINDS: tuple[tuple[type[SyncMixin], str, str], ...] = (
    (StockTransaction, "dòng sổ kho (nhập, xuất, điều chỉnh)", "stock ledger entries (receipts, issues, adjustments)"),
    (Lot, "lô thuốc, vật tư", "lots"),
    (StockCount, "lần kiểm kê", "stock counts"),
    (TemperatureReading, "lần đo nhiệt độ tủ lạnh", "fridge readings"),
    (SupportRequest, "yêu cầu hỗ trợ", "support requests"),
    (TrainingSession, "buổi tập huấn", "training sessions"),
    (Staff, "nhân viên", "staff"),
)


def _count(n: int, en: bool) -> str:
    """1,234 in English, 1.234 in Vietnamese."""
    text = f"{n:,}"
    return text if en else text.replace(",", ".")


@dataclass(frozen=True)
class EnrolmentSummary:
    sent: list[tuple[str, str, int]]  # (vi, en, count) of what this PC had recorded and the centre now holds
    own_items: list[tuple[str, str]]  # (code, name) offered to the centre's catalogue
    refused: int

    def lines(self, lang: str) -> list[str]:
        en = lang.startswith("en")
        out = [("The centre now holds what this computer recorded before:" if en else
                "Trung tâm đã nhận những gì máy này ghi trước đó:")]
        out += [f"  {_count(n, en)} {e if en else v}" for v, e, n in self.sent if n]
        if self.own_items:
            names = ", ".join(f"{code} ({name})" for code, name in self.own_items[:10])
            more = len(self.own_items) - 10
            tail = (f" and {more} more" if en else f" và {more} mặt hàng khác") if more > 0 else ""
            out.append(f"{len(self.own_items)} items not in the centre's catalogue were offered to it: {names}{tail}. "
                       "Their stock stays here; the centre decides whether to add them." if en else
                       f"{len(self.own_items)} mặt hàng chưa có trong danh mục của Trung tâm đã được đề nghị thêm: "
                       f"{names}{tail}. Tồn kho của chúng vẫn giữ nguyên; Trung tâm sẽ quyết định.")
        if self.refused:
            out.append(f"{self.refused} changes were refused: see the Sync page." if en else
                       f"{self.refused} thay đổi bị từ chối: xem trang Đồng bộ.")
        else:
            out.append("Nothing was refused." if en else "Không có thay đổi nào bị từ chối.")
        return out


def enrolment_summary(s: Session, station_id: str, replica_id: str, refused: int) -> EnrolmentSummary:
    """Counts of the records this PC (replica) wrote that are now synced and the station's own items;
    `refused` is what the first sync's answer refused."""
    sent = []
    for model, vi, en in KINDS:
        n = s.scalar(select(func.count()).select_from(model).where(
            model.origin == replica_id, model.sync_state == "synced", model.deleted.is_(False)))
        sent.append((vi, en, int(n or 0)))
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
    return summary if any(n for _v, _e, n in summary.sent) or summary.own_items else None
