"""Report data -> workbook sheets (see excel.py); the same figures as the printed forms."""

from __future__ import annotations

from typing import Any

from ytcs_desktop.domain.reportdata.coldchain import FridgeSheet
from ytcs_desktop.domain.reportdata.common import label
from ytcs_desktop.domain.reportdata.documents import CountMinutes, DisposalMinutes, RequisitionForm
from ytcs_desktop.domain.reportdata.registers import RotationSchedule, SupportRegister, TrainingRegister
from ytcs_desktop.domain.reportdata.stock import NUMERIC, MovementReport, StockCard
from ytcs_desktop.domain.reportdata.vaccines import FIELDS, VaccineUseReport
from ytcs_desktop.reports.excel import Sheet, XColumn

T, N, F, D = "text", "int", "float", "date"


def cols(*spec: tuple[str, str]) -> list[XColumn]:
    return [XColumn(title, kind) for title, kind in spec]  # type: ignore[arg-type]


def movement_sheets(r: MovementReport) -> list[Sheet]:
    columns = cols(("Mã", T), ("Tên thuốc, vật tư", T), ("ĐVT", T), ("Số lô", T), ("Hạn dùng", D),
                   ("Tồn đầu kỳ", N), ("Nhập từ TTYT", N), ("Nhập khác", N), ("Xuất sử dụng", N),
                   ("Xuất điều chuyển", N), ("Xuất hủy", N), ("Điều chỉnh (±)", N), ("Tồn cuối kỳ", N), ("Ghi chú", T))
    rows = [(x.code, x.name, x.unit, x.lot_no, x.expiry, *(getattr(x, c) for c in NUMERIC), x.note) for x in r.rows]
    totals = ("Tổng cộng", None, None, None, None, *(r.totals[c] for c in NUMERIC), None)
    return [Sheet("Xuất nhập tồn", columns, rows, totals)]


def stock_card_sheets(cards: list[StockCard]) -> list[Sheet]:
    columns = cols(("Mã", T), ("Tên thuốc, vật tư", T), ("Ngày", D), ("Chứng từ nhập", T), ("Chứng từ xuất", T),
                   ("Số lô", T), ("Hạn dùng", D), ("Diễn giải", T), ("Nhập", N), ("Xuất", N), ("Tồn", N),
                   ("Ghi chú", T))
    rows: list[Any] = []
    for c in cards:
        rows.append((c.code, c.name, c.period.date_from, None, None, None, None, "Tồn đầu kỳ", None, None, c.opening,
                     None))
        rows += [(c.code, c.name, e.date, e.doc_in, e.doc_out, e.lot_no, e.expiry, e.description, e.quantity_in,
                  e.quantity_out, e.balance, e.note) for e in c.entries]
    totals = ("Tổng cộng", None, None, None, None, None, None, None, sum(c.total_in for c in cards),
              sum(c.total_out for c in cards), sum(c.closing for c in cards), None)
    return [Sheet("Thẻ kho", columns, rows, totals)]


def count_sheets(counts: list[CountMinutes]) -> list[Sheet]:
    columns = cols(("Đợt kiểm kê", T), ("Ngày", D), ("Tên thuốc, vật tư", T), ("ĐVT", T), ("Số lô", T),
                   ("Hạn dùng", D), ("Sổ sách", N), ("Thực tế", N), ("Chênh lệch", N), ("Lý do", T))
    rows = [(c.number, c.count_date, r.name, r.unit, r.lot_no, r.expiry, r.book, r.physical, r.variance, r.reason)
            for c in counts for r in c.rows]
    totals = ("Tổng cộng", None, None, None, None, None, sum(c.total_book for c in counts),
              sum(c.total_physical for c in counts), sum(c.total_plus - c.total_minus for c in counts), None)
    return [Sheet("Kiểm kê", columns, rows, totals)]


def requisition_sheets(forms: list[RequisitionForm]) -> list[Sheet]:
    columns = cols(("Số phiếu", T), ("Mã", T), ("Tên thuốc, vật tư", T), ("ĐVT", T), ("Tồn kho", N),
                   ("Sử dụng bình quân tháng", F), ("Dự trù", N), ("Duyệt", N), ("Ghi chú", T))
    rows = [(f.number, r.code, r.name, r.unit, r.on_hand, r.avg_monthly_use, r.requested, r.approved, r.note)
            for f in forms for r in f.rows]
    totals = ("Tổng cộng", None, None, None, None, None, sum(f.total_requested for f in forms),
              sum(f.total_approved for f in forms), None)
    return [Sheet("Dự trù", columns, rows, totals)]


def disposal_sheets(d: DisposalMinutes) -> list[Sheet]:
    columns = cols(("Ngày", D), ("Chứng từ", T), ("Mã", T), ("Tên thuốc, vật tư", T), ("Số lô", T), ("Hạn dùng", D),
                   ("ĐVT", T), ("Số lượng", N), ("Lý do hủy", T))
    rows = [(r.date, r.doc_no, r.code, r.name, r.lot_no, r.expiry, r.unit, r.quantity, r.reason) for r in d.rows]
    return [Sheet("Hủy", columns, rows, ("Tổng cộng", None, None, None, None, None, None, d.total, None))]


def vaccine_sheets(r: VaccineUseReport) -> list[Sheet]:
    columns = cols(("Tên vắc xin", T), ("Số lô", T), ("Hạn dùng", D), ("Liều/lọ", N), ("Tồn đầu (liều)", N),
                   ("Nhập (liều)", N), ("Số liều đã tiêm", N), ("Số lọ đã mở", N), ("Hủy lọ đã mở", N),
                   ("Hủy hết hạn", N), ("Hủy VVM", N), ("Hủy đông băng", N), ("Hủy vỡ, khác", N),
                   ("Tồn cuối (liều)", N), ("Tỷ lệ hao hụt (%)", F))
    rows = [(x.item_name, x.lot_no, x.expiry, x.doses_per_vial, *(getattr(x, f) for f in FIELDS), x.wastage_pct)
            for x in r.rows]
    totals = ("Tổng cộng", None, None, None, *(r.totals[f] for f in FIELDS), r.wastage_pct)
    return [Sheet("Sử dụng vắc xin", columns, rows, totals)]


def fridge_sheets(sheets: list[FridgeSheet]) -> list[Sheet]:
    columns = cols(("Tủ lạnh", T), ("Ngày", D), ("Sáng (°C)", F), ("Sáng: ngoài ngưỡng", T), ("Chiều (°C)", F),
                   ("Chiều: ngoài ngưỡng", T), ("Người ghi", T))
    rows = []
    for f in sheets:
        for d in f.sheet.days:
            m, a = d.morning, d.afternoon
            who = ", ".join(sorted({c.recorded_by for c in (m, a) if c and c.recorded_by}))
            rows.append((f.fridge_name, d.day, m.celsius if m else None, ("Có" if m.breach else "") if m else "",
                         a.celsius if a else None, ("Có" if a.breach else "") if a else "", who))
    return [Sheet("Nhiệt độ tủ lạnh", columns, rows)]


def support_sheets(r: SupportRegister) -> list[Sheet]:
    columns = cols(("Ngày", D), ("Số", T), ("Loại hỗ trợ", T), ("Nội dung", T), ("ICD-10", T), ("Đơn vị hỗ trợ", T),
                   ("Hình thức", T), ("Kết luận", T), ("Trạng thái", T))
    rows: list[tuple[Any, ...]] = [(x.date, x.number, x.kind, x.content, x.icd10, x.supporting_unit, x.format,
                                    x.conclusion, x.status) for x in r.rows]
    total: tuple[Any, ...] = (f"Tổng cộng: {len(r.rows)}",) + (None,) * 8
    if r.by_station:  # at the centre: each row's station
        columns = cols(("Trạm", T)) + columns
        rows = [(x.station, *row) for x, row in zip(r.rows, rows, strict=True)]
        total = (*total, None)
    return [Sheet("Hỗ trợ chuyên môn", columns, rows, total)]


def rotation_sheets(r: RotationSchedule) -> list[Sheet]:
    columns = cols(("Họ và tên", T), ("Chức danh", T), ("Khoa, phòng", T), ("Trạm y tế", T), ("Từ ngày", D),
                   ("Đến ngày", D), ("Số ngày", N), ("Mục đích, nội dung", T), ("Trạng thái", T),
                   ("Chiều luân phiên", T))
    rows = [(x.staff, x.title, x.department, x.station, x.date_from, x.date_to, x.days, x.purpose, x.status,
             x.direction) for x in r.rows]
    return [Sheet("Lịch luân phiên", columns, rows, ("Tổng cộng", None, None, None, None, None, r.total_days, None,
                                                      None, None))]


def training_sheets(r: TrainingRegister) -> list[Sheet]:
    columns = cols(("Nội dung", T), ("Chương trình", T), ("Đơn vị tổ chức", T), ("Từ ngày", D), ("Đến ngày", D),
                   ("Số tiết", N), ("Hình thức", T), ("Đối tượng", T), ("Số học viên", N), ("Trạng thái", T))
    rows = [(x.content, x.programme, x.organiser, x.date_from, x.date_to, x.periods, x.format, x.audience,
             x.trainees, x.status) for x in r.rows]
    cme_cols = cols(("Họ và tên", T), ("Chức danh", T), ("Số tiết đã tích lũy", N), ("Số tiết yêu cầu", N),
                    ("Còn thiếu", N), ("Từ ngày", D), ("Đến ngày", D))
    cme_rows: list[tuple[Any, ...]] = [(p.name, label("staff_title", p.title), p.periods_in_window, p.required,
                                        p.shortfall, p.window_from, p.window_to) for p in r.cme]
    if r.cme_stations is not None:  # at the centre: each person's station
        cme_cols = cols(("Trạm", T)) + cme_cols
        cme_rows = [(station, *row) for station, row in zip(r.cme_stations, cme_rows, strict=True)]
    return [Sheet("Đào tạo", columns, rows, ("Tổng cộng", None, None, None, None, r.total_periods, None, None,
                                              r.total_trainees, None)),
            Sheet("Đào tạo liên tục", cme_cols, cme_rows)]
