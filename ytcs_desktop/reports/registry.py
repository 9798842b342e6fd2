"""The printable reports by name: what `ytcs report list` shows and what the app's print menu offers.

Each entry turns a request (period, station, options) into a Document for PDF/printing and, where the
form is a register or a table, into workbook sheets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy.orm import Session

from ytcs_desktop.domain.errors import NotFoundError, ValidationError
from ytcs_desktop.domain.reportdata import (
    coldchain,
    documents,
    handover,
    outreach,
    registers,
    stock,
    vaccines,
    weekly,
)
from ytcs_desktop.domain.reportdata import programme as programme_data
from ytcs_desktop.domain.reportdata import referrals as referral_data
from ytcs_desktop.domain.reportdata.common import Stations, station_ids
from ytcs_desktop.domain.reportdata.consolidated import consolidated_weekly
from ytcs_desktop.domain.reportdata.support_programme import programme_report
from ytcs_desktop.domain.reporting.submissions import sent_words
from ytcs_desktop.reports import sheets
from ytcs_desktop.reports.document import Document
from ytcs_desktop.reports.excel import Sheet
from ytcs_desktop.reports.forms import coldchain as f_cold
from ytcs_desktop.reports.forms import consolidated as f_cons
from ytcs_desktop.reports.forms import documents as f_docs
from ytcs_desktop.reports.forms import handover as f_hand
from ytcs_desktop.reports.forms import outreach as f_out
from ytcs_desktop.reports.forms import programme as f_prog
from ytcs_desktop.reports.forms import referrals as f_refer
from ytcs_desktop.reports.forms import registers as f_reg
from ytcs_desktop.reports.forms import stock as f_stock
from ytcs_desktop.reports.forms import support_programme as f_sp
from ytcs_desktop.reports.forms import vaccines as f_vax
from ytcs_desktop.reports.forms import weekly as f_week
from ytcs_desktop.reports.forms.common import issued


@dataclass
class ReportRequest:
    """`station_id`: one station's id, several (at the centre: the registers list their rows, each with
    its station), or None for every station the database holds."""

    station_id: Stations
    date_from: dt.date
    date_to: dt.date
    item: str | None = None
    fridge: str | None = None
    parties: dict[str, Any] = field(default_factory=dict)  # handover parties and free-text sections


@dataclass(frozen=True)
class ReportSpec:
    name: str
    title_vi: str
    title_en: str
    data: Callable[[Session, ReportRequest], Any]
    document: Callable[[Any], Document]
    sheets: Callable[[Any], list[Sheet]] | None = None
    options: tuple[str, ...] = ()
    by_station: bool = False  # a register of many stations' rows (a station filter applies at the centre)


def _nothing(what_vi: str, what_en: str) -> NotFoundError:
    return NotFoundError("report_empty", f"Không có {what_vi} trong kỳ đã chọn: không có gì để in.",
                         f"No {what_en} in the chosen period: nothing to print.")


def one(r: ReportRequest) -> str | None:
    """The single station a station's document is printed for (None: as the database holds them)."""
    ids = station_ids(r.station_id)
    if ids is None:
        return None
    if len(ids) != 1:
        raise ValidationError("one_station", "Biểu mẫu này in cho từng trạm: hãy chọn một trạm.",
                              "This form is printed for one station at a time: choose one station.", "station")
    return ids[0]


def _cards(s: Session, r: ReportRequest) -> list[stock.StockCard]:
    codes = [r.item] if r.item else stock.items_with_activity(s, one(r), r.date_from, r.date_to)
    if not codes:
        raise _nothing("mặt hàng nào có tồn kho hoặc phát sinh", "item with stock or movement")
    return [stock.stock_card(s, one(r), code, r.date_from, r.date_to) for code in codes]


def _counts(s: Session, r: ReportRequest) -> list[documents.CountMinutes]:
    found = documents.count_minutes(s, one(r), r.date_from, r.date_to)
    if not found:
        raise _nothing("đợt kiểm kê nào", "stock count")
    return found


def _requisitions(s: Session, r: ReportRequest) -> list[documents.RequisitionForm]:
    found = documents.requisitions(s, one(r), r.date_from, r.date_to)
    if not found:
        raise _nothing("phiếu dự trù nào", "requisition")
    return found


def _handover(s: Session, r: ReportRequest) -> handover.HandoverMinutes:
    if not r.parties:
        raise ValidationError("handover_parties",
                              "Biên bản bàn giao cần thông tin bên giao, bên nhận (tệp --parties).",
                              "Handover minutes need the handing-over and receiving parties (--parties file).",
                              "parties")
    return handover.handover_minutes(s, one(r), r.date_to, handover.HandoverInput.from_json(r.parties))


def _weekly(s: Session, r: ReportRequest) -> weekly.WeeklyReport:
    p = r.parties or {}
    as_list: Callable[[Any], list[str]] = lambda v: [v] if isinstance(v, str) else [str(x) for x in v or []]  # noqa: E731
    difficulties, proposals = as_list(p.get("difficulties")), as_list(p.get("proposals"))
    if not (difficulties or proposals):  # nothing typed for this print: what the station sent for the week
        ids = station_ids(r.station_id)
        difficulties, proposals = sent_words(s, ids[0] if ids and len(ids) == 1 else None, r.date_from, r.date_to)
    return weekly.weekly_report(s, r.station_id, r.date_from, r.date_to, difficulties, proposals)


def _programme(make: Callable[[Session, Stations, dt.date, dt.date], Any]) -> Callable[[Session, ReportRequest], Any]:
    """The support programme's forms take the stations and the period as they are."""
    return lambda s, r: make(s, r.station_id, r.date_from, r.date_to)


REPORTS: dict[str, ReportSpec] = {
    spec.name: replace(spec, document=issued(spec.document))
    for spec in (
        ReportSpec("handover", "Biên bản bàn giao", "Handover minutes", _handover, f_hand.handover_document,
                   options=("parties",)),
        ReportSpec("stock-movement", "Báo cáo xuất – nhập – tồn", "Stock movement report",
                   lambda s, r: stock.movement_report(s, one(r), r.date_from, r.date_to),
                   f_stock.movement_document, sheets.movement_sheets),
        ReportSpec("stock-card", "Thẻ kho", "Stock card", _cards, f_stock.stock_card_document,
                   sheets.stock_card_sheets, ("item",)),
        ReportSpec("stock-count", "Biên bản kiểm kê", "Stock count minutes", _counts, f_docs.count_document,
                   sheets.count_sheets),
        ReportSpec("requisition", "Phiếu dự trù", "Requisition", _requisitions, f_docs.requisition_document,
                   sheets.requisition_sheets),
        ReportSpec("disposal", "Biên bản hủy", "Disposal minutes",
                   lambda s, r: documents.disposal_minutes(s, one(r), r.date_from, r.date_to),
                   f_docs.disposal_document, sheets.disposal_sheets),
        ReportSpec("vaccine-use", "Báo cáo sử dụng vắc xin", "Vaccine use report",
                   lambda s, r: vaccines.vaccine_use(s, one(r), r.date_from, r.date_to),
                   f_vax.vaccine_document, sheets.vaccine_sheets),
        ReportSpec("fridge-temperature", "Phiếu theo dõi nhiệt độ tủ lạnh", "Fridge temperature sheet",
                   lambda s, r: coldchain.fridge_sheets(s, one(r), r.date_from, r.fridge),
                   f_cold.fridge_document, sheets.fridge_sheets, ("fridge",)),
        ReportSpec("support-register", "Sổ theo dõi hỗ trợ chuyên môn", "Support register",
                   lambda s, r: registers.support_register(s, r.station_id, r.date_from, r.date_to),
                   f_reg.support_document, sheets.support_sheets, by_station=True),
        ReportSpec("rotation-schedule", "Lịch luân phiên (Phụ lục III)", "Rotation schedule (Annex III)",
                   lambda s, r: registers.rotation_schedule(s, r.station_id, r.date_from, r.date_to),
                   f_reg.rotation_document, sheets.rotation_sheets, by_station=True),
        ReportSpec("training-register", "Sổ đào tạo, tập huấn (Phụ lục II) và tiến độ đào tạo liên tục",
                   "Training register (Annex II) and CME progress",
                   lambda s, r: registers.training_register(s, r.station_id, r.date_from, r.date_to),
                   f_reg.training_document, sheets.training_sheets, by_station=True),
        ReportSpec("weekly", "Báo cáo tiến độ tuần", "Weekly progress report", _weekly, f_week.weekly_document,
                   options=("parties",), by_station=True),
        ReportSpec("weekly-consolidated", "Báo cáo tổng hợp tuần của các trạm", "Consolidated weekly report of "
                   "the stations", lambda s, r: consolidated_weekly(s, r.station_id, r.date_from, r.date_to),
                   f_cons.consolidated_document, f_cons.consolidated_sheets, by_station=True),
        ReportSpec("support-programme", "Báo cáo kết quả hỗ trợ chuyên môn cho trạm y tế (quý, năm)",
                   "Support programme report to the health department (quarter, year)",
                   lambda s, r: programme_report(s, r.station_id, r.date_from, r.date_to,
                                                 str((r.parties or {}).get("assessment") or "")),
                   f_sp.programme_document, f_sp.programme_sheets, options=("parties",), by_station=True),
        ReportSpec("support-plan", "Kế hoạch hỗ trợ chuyên môn và tiến độ", "Support plan and progress",
                   _programme(programme_data.support_plan), f_prog.support_plan_document,
                   f_prog.support_plan_sheets, by_station=True),
        ReportSpec("consultation-calendar", "Lịch hội chẩn", "Consultation calendar",
                   _programme(programme_data.consultation_calendar), f_prog.calendar_document,
                   f_prog.calendar_sheets, by_station=True),
        ReportSpec("training-plan", "Kế hoạch đào tạo, tập huấn (Phụ lục II)", "Training plan (Annex II)",
                   _programme(programme_data.training_plan_annex), f_prog.training_plan_document,
                   f_prog.training_plan_sheets),
        ReportSpec("documents-rolled-out", "Văn bản, biểu mẫu đã triển khai (Phụ lục I)",
                   "Documents rolled out (Annex I)", _programme(programme_data.documents_annex),
                   f_prog.documents_document, f_prog.documents_sheets),
        ReportSpec("support-ratings", "Tổng hợp đánh giá hỗ trợ của trạm", "Stations' ratings of support",
                   _programme(programme_data.ratings_report), f_prog.ratings_document, f_prog.ratings_sheets,
                   by_station=True),
        ReportSpec("referral-register", "Sổ theo dõi chuyển tuyến", "Referral register",
                   lambda s, r: referral_data.referral_register(s, r.station_id, r.date_from, r.date_to),
                   f_refer.referral_document, f_refer.referral_sheets, by_station=True),
        ReportSpec("supervision-visit", "Biên bản giám sát", "Supervision visit report",
                   lambda s, r: referral_data.supervision_report(s, r.station_id, r.date_from, r.date_to),
                   f_refer.supervision_document, f_refer.supervision_sheets, by_station=True),
        ReportSpec("visit-cases", "Danh mục ca bệnh, nhu cầu cần hỗ trợ", "Case list for rotation visits",
                   lambda s, r: outreach.case_list(s, r.station_id, r.date_from, r.date_to),
                   f_out.case_list_document, f_out.case_list_sheets, by_station=True),
        ReportSpec("technique-register", "Danh mục kỹ thuật và tiến độ chuyển giao",
                   "Techniques and transfer stages",
                   lambda s, r: outreach.technique_register(s, r.station_id, r.date_from, r.date_to),
                   f_out.technique_document, f_out.technique_sheets, by_station=True),
        ReportSpec("village-health-workers", "Sổ theo dõi nhân viên y tế thôn, ấp", "Village health worker register",
                   lambda s, r: outreach.worker_register(s, r.station_id, r.date_from, r.date_to),
                   f_out.worker_document, f_out.worker_sheets, by_station=True),
    )
}


def get(name: str) -> ReportSpec:
    spec = REPORTS.get(name)
    if spec is None:
        names = ", ".join(REPORTS)
        raise NotFoundError("unknown_report", f"Không có báo cáo “{name}”. Các báo cáo: {names}.",
                            f"No report named “{name}”. Reports: {names}.", "name")
    return spec
