"""Báo cáo kết quả hỗ trợ chuyên môn cho các trạm y tế, to the Sở Y tế (NĐ 30, headed as the centre):
PDF and Excel, the same figures."""

from __future__ import annotations

from typing import Any

from ytcs_desktop.domain.reportdata.common import label, short_station_name
from ytcs_desktop.domain.reportdata.support_programme import (
    REQUEST_KINDS,
    TECHNIQUE_STAGES,
    ProgrammeReport,
    StationFigures,
)
from ytcs_desktop.reports.document import Block, Column, Document, Row, Table, Text
from ytcs_desktop.reports.excel import Sheet, XColumn
from ytcs_desktop.reports.forms.common import num, station_signatures

STAGE_WORDS = {"planned": "Kế hoạch", "trained": "Đã đào tạo", "supervised": "Thực hành có giám sát",
               "independent": "Thực hiện độc lập"}


def percent(share: float | None) -> str:
    return "" if share is None else f"{share * 100:.0f}%".replace(".", ",")


def average(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}".replace(".", ",")


def _rows(r: ProgrammeReport, cells: Any) -> list[Row]:
    rows = [Row([str(i), x.name, *cells(x)]) for i, x in enumerate(r.stations, start=1)]
    return [*rows, Row(["", "Tổng cộng", *cells(r.total)], bold=True)]


def _requests_table(r: ProgrammeReport) -> Table:
    columns = [*HEAD, *grouped("Yêu cầu hỗ trợ theo loại", *((label("request_kind", k), 7) for k in REQUEST_KINDS)),
               Column("Tổng", 5, "right")]
    return Table(columns, _rows(r, lambda x: [*(num(x.requests.get(k, 0)) for k in REQUEST_KINDS),
                                               num(x.requests_total)]), size=9.5)


def grouped(group: str | None, *spec: tuple[str, float]) -> list[Column]:
    """Number columns under one header (None: each on its own)."""
    return [Column(title, width, "right", group=group) for title, width in spec]


HEAD = [Column("STT", 3.6, "center"), Column("Trạm y tế", 14)]


def _activity_table(r: ProgrammeReport) -> Table:
    columns = [*HEAD, *grouped("Luân phiên về trạm", ("Lượt", 5), ("Ngày", 5)),
               *grouped("Trạm đến Trung tâm", ("Lượt", 5), ("Ngày", 5)),
               *grouped("Hội chẩn", ("Buổi", 5), ("Ca", 5)),
               *grouped("Đào tạo, tập huấn", ("Lớp", 5), ("Lượt người", 6), ("Số tiết CME", 6))]
    return Table(columns, _rows(r, lambda x: [num(v) for v in (
        x.rotations_to_station, x.rotation_days_to_station, x.rotations_to_centre, x.rotation_days_to_centre,
        x.consultations, x.consultation_cases, x.trainings, x.participants, x.cme_periods)]), size=9.5)


def _quality_table(r: ProgrammeReport) -> Table:
    columns = [*HEAD, *grouped("Đánh giá của trạm", ("Lượt", 4), ("Điểm TB", 5)),
               *grouped("Chuyển tuyến", ("Ca", 4), ("Không cần thiết", 6), ("Tỷ lệ", 5)),
               *grouped("Giám sát", ("Phát hiện", 5), ("Đã khắc phục", 6)),
               *grouped(None, ("Hết thuốc cuối kỳ", 6), ("Sự cố dây chuyền lạnh", 6)),
               *grouped("Báo cáo của trạm", ("Đúng hạn", 5), ("Trễ", 4), ("Chưa gửi", 5))]
    return Table(columns, _rows(r, lambda x: [
        num(x.ratings), average(x.rating_average), num(x.referrals), num(x.referrals_unnecessary),
        percent(x.unnecessary_share), num(x.findings_opened), num(x.findings_closed), num(x.stock_outs),
        num(x.breaches), num(x.reports_on_time), num(x.reports_late), num(x.reports_missing)]), size=9.5)


def _technique_table(r: ProgrammeReport) -> Table:
    columns = [*HEAD, *grouped("Kỹ thuật theo giai đoạn chuyển giao",
                                *((STAGE_WORDS.get(k, k), 7) for k in TECHNIQUE_STAGES))]
    return Table(columns, _rows(r, lambda x: [num(x.techniques.get(k, 0)) for k in TECHNIQUE_STAGES]), size=9.5)


def _progress_table(r: ProgrammeReport) -> Table:
    columns = [Column("STT", 3.6, "center"), Column("Trạm y tế", 14), Column("Hoạt động", 14),
               Column("Chỉ tiêu", 6, "right"), Column("Thực hiện", 6, "right"), Column("Tỷ lệ", 6, "right")]
    rows = [Row([str(i), short_station_name(p.station), label("activity_kind", p.kind), num(p.target),
                 "chưa ghi nhận" if p.done is None else num(p.done), percent(p.share)])
            for i, p in enumerate(r.progress, start=1)]
    return Table(columns, rows, size=9.5, empty_text="Chưa có kế hoạch hỗ trợ chuyên môn cho kỳ này.")


def programme_document(r: ProgrammeReport) -> Document:
    n = len(r.stations)
    blocks: list[Block] = [
        Text("I. KẾT QUẢ HỖ TRỢ CHUYÊN MÔN THEO TRẠM", bold=True, before=2, keep_with_next=True),
        Text(f"Số trạm y tế được hỗ trợ: {n}. Số liệu tổng hợp từ hồ sơ ghi nhận trên phần mềm của Trung tâm "
             "và các trạm.", indent=12, align="justify"),
        Text("1. Yêu cầu hỗ trợ chuyên môn của các trạm", bold=True, before=2, keep_with_next=True),
        _requests_table(r),
        Text("2. Luân phiên hai chiều, hội chẩn, đào tạo và tập huấn", bold=True, before=2, keep_with_next=True),
        _activity_table(r),
        Text("3. Chuyển giao kỹ thuật", bold=True, before=2, keep_with_next=True),
        _technique_table(r),
        Text("4. Đánh giá của trạm, chuyển tuyến, giám sát, thuốc và dây chuyền lạnh, chế độ báo cáo", bold=True,
             before=2, keep_with_next=True),
        _quality_table(r),
        Text("II. KẾT QUẢ THỰC HIỆN SO VỚI KẾ HOẠCH", bold=True, before=4, keep_with_next=True),
        _progress_table(r),
        Text("III. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT CỦA CÁC TRẠM", bold=True, before=4, keep_with_next=True),
    ]
    said = [(x, kind, line) for x in r.said for kind, lines in (("Khó khăn", x.difficulties),
                                                                ("Đề xuất", x.proposals)) for line in lines]
    blocks += [Text(f"- {x.station} ({x.report}) – {kind}: {line}", indent=12, align="justify")
               for x, kind, line in said] or [Text("Không có.", indent=12)]
    title = {"đánh giá giữa năm": "IV. ĐÁNH GIÁ GIỮA NĂM CỦA TRUNG TÂM",
             "tổng kết năm": "IV. ĐÁNH GIÁ TỔNG KẾT NĂM CỦA TRUNG TÂM"}.get(r.evaluation, "IV. NHẬN XÉT CỦA TRUNG TÂM")
    blocks.append(Text(title, bold=True, before=4, keep_with_next=True))
    blocks += [Text(p, indent=12, align="justify") for p in r.assessment.splitlines() if p.strip()] or [
        Text("…", indent=12)]
    blocks.append(station_signatures(maker="NGƯỜI TỔNG HỢP", recipients=[
        "Sở Y tế", "UBND các xã, phường", "Ban Giám đốc TTYT khu vực", "Lưu: VT, KHNV"]))
    return Document(r.header, blocks, landscape=True)


def _flat(x: StationFigures) -> list[Any]:
    return [*(x.requests.get(k, 0) for k in REQUEST_KINDS), x.requests_total, x.rotations_to_station,
            x.rotation_days_to_station, x.rotations_to_centre, x.rotation_days_to_centre, x.consultations,
            x.consultation_cases, *(x.techniques.get(k, 0) for k in TECHNIQUE_STAGES), x.trainings, x.participants,
            x.cme_periods, x.ratings, x.rating_average, x.referrals, x.referrals_judged, x.referrals_unnecessary,
            x.findings_opened, x.findings_closed, x.stock_outs, x.breaches, x.reports_on_time, x.reports_late,
            x.reports_missing]


FLAT_TITLES = [*(f"Yêu cầu: {label('request_kind', k)}" for k in REQUEST_KINDS), "Yêu cầu: tổng",
               "Luân phiên về trạm (lượt)", "Luân phiên về trạm (ngày)", "Trạm đến Trung tâm (lượt)",
               "Trạm đến Trung tâm (ngày)", "Hội chẩn (buổi)", "Hội chẩn (ca)",
               *(f"Kỹ thuật: {STAGE_WORDS.get(k, k)}" for k in TECHNIQUE_STAGES), "Lớp tập huấn", "Lượt người học",
               "Số tiết CME", "Lượt đánh giá", "Điểm đánh giá TB", "Chuyển tuyến", "Chuyển tuyến đã đánh giá",
               "Chuyển tuyến không cần thiết", "Phát hiện giám sát", "Đã khắc phục", "Hết thuốc cuối kỳ",
               "Sự cố dây chuyền lạnh", "Báo cáo đúng hạn", "Báo cáo trễ", "Báo cáo chưa gửi"]


def programme_sheets(r: ProgrammeReport) -> list[Sheet]:
    columns = [XColumn("Mã trạm"), XColumn("Trạm y tế"),
               *(XColumn(t, "float" if "TB" in t else "int") for t in FLAT_TITLES)]
    rows = [(x.code, x.name, *_flat(x)) for x in r.stations]
    stations = Sheet("Theo trạm", columns, rows, ("Tổng cộng", f"{len(r.stations)} trạm", *_flat(r.total)),
                     heading=[r.header.title, r.header.subtitle or ""])
    plan = Sheet("Kế hoạch – thực hiện", [XColumn("Trạm y tế"), XColumn("Hoạt động"), XColumn("Chỉ tiêu", "int"),
                                            XColumn("Thực hiện", "int"), XColumn("Tỷ lệ", "float")],
                 [(short_station_name(p.station), label("activity_kind", p.kind), p.target, p.done,
                   round(p.share, 3) if p.share is not None else None) for p in r.progress])
    said = Sheet("Khó khăn – đề xuất", [XColumn("Trạm y tế"), XColumn("Báo cáo"), XColumn("Khó khăn, vướng mắc"),
                                        XColumn("Đề xuất, kiến nghị")],
                 [(x.station, x.report, "\n".join(x.difficulties), "\n".join(x.proposals)) for x in r.said])
    return [stations, plan, said]
