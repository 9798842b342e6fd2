"""Báo cáo tiến độ công việc tuần."""

from __future__ import annotations

from ytcs_desktop.domain.reportdata.weekly import StockAlert, WeeklyReport
from ytcs_desktop.reports.document import Block, Column, Document, Row, Table, Text
from ytcs_desktop.reports.forms.common import num, station_signatures

ALERT_COLUMNS = [
    Column("STT", 4, "center"),
    Column("Mã", 9),
    Column("Tên thuốc, vật tư", 30),
    Column("ĐVT", 6, "center"),
    Column("Tồn kho", 9, "right"),
    Column("Tình trạng", 24),
]


def _alerts(items: list[StockAlert], empty: str) -> Table:
    return Table(ALERT_COLUMNS, [Row([str(i), a.code, a.name, a.unit, num(a.quantity), a.detail])
                                 for i, a in enumerate(items, start=1)], empty_text=empty)


def weekly_document(w: WeeklyReport) -> Document:
    blocks: list[Block] = [
        Text("I. KẾT QUẢ THỰC HIỆN TRONG TUẦN", bold=True, before=2, keep_with_next=True),
        Text(f"1. Yêu cầu hỗ trợ chuyên môn: gửi mới {w.requests_opened}; đã kết thúc {w.requests_closed}; "
             f"còn đang xử lý {w.requests_open_at_end}.", indent=12),
        Text(f"2. Lượt luân phiên cán bộ đã thực hiện: {w.visits_done}.", indent=12),
        Text(f"3. Lớp đào tạo, tập huấn đã tổ chức: {w.trainings_held} ({w.trainings_periods} tiết).", indent=12),
        Text(f"4. Thuốc, vật tư hết hoặc dưới mức tối thiểu: {len(w.stock_outs)} mặt hàng.", indent=12,
             keep_with_next=True),
        _alerts(w.stock_outs, "Không có mặt hàng nào hết hoặc dưới mức tối thiểu."),
        Text(f"5. Lô thuốc, vật tư cận hạn hoặc đã hết hạn còn tồn: {len(w.near_expiry)} lô.", indent=12,
             keep_with_next=True),
        _alerts(w.near_expiry, "Không có lô nào cận hạn."),
        Text("II. KHÓ KHĂN, VƯỚNG MẮC", bold=True, before=4, keep_with_next=True),
    ]
    blocks += [Text(f"- {x}", indent=12, align="justify") for x in w.difficulties] or [Text("Không.", indent=12)]
    blocks.append(Text("III. ĐỀ XUẤT, KIẾN NGHỊ", bold=True, before=4, keep_with_next=True))
    blocks += [Text(f"- {x}", indent=12, align="justify") for x in w.proposals] or [Text("Không.", indent=12)]
    blocks.append(station_signatures(maker="NGƯỜI BÁO CÁO", recipients=["Phòng Kế hoạch – Nghiệp vụ TTYT khu vực",
                                                                        "Lưu: TYT"]))
    return Document(w.header, blocks)
