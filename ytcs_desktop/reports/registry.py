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
from ytcs_desktop.messages import PerLanguage, msg
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
    title: PerLanguage
    data: Callable[[Session, ReportRequest], Any]
    document: Callable[[Any], Document]
    sheets: Callable[[Any], list[Sheet]] | None = None
    options: tuple[str, ...] = ()
    by_station: bool = False  # a register of many stations' rows (a station filter applies at the centre)


def _nothing(what: PerLanguage) -> NotFoundError:
    return NotFoundError("report_empty", msg("report_empty", what=what))


def one(r: ReportRequest) -> str | None:
    """The single station a station's document is printed for (None: as the database holds them)."""
    ids = station_ids(r.station_id)
    if ids is None:
        return None
    if len(ids) != 1:
        raise ValidationError("one_station", msg("one_station"), field="station")
    return ids[0]


def _cards(s: Session, r: ReportRequest) -> list[stock.StockCard]:
    codes = [r.item] if r.item else stock.items_with_activity(s, one(r), r.date_from, r.date_to)
    if not codes:
        raise _nothing(msg("reports.registry"))
    return [stock.stock_card(s, one(r), code, r.date_from, r.date_to) for code in codes]


def _counts(s: Session, r: ReportRequest) -> list[documents.CountMinutes]:
    found = documents.count_minutes(s, one(r), r.date_from, r.date_to)
    if not found:
        raise _nothing(msg("word.stock_count"))
    return found


def _requisitions(s: Session, r: ReportRequest) -> list[documents.RequisitionForm]:
    found = documents.requisitions(s, one(r), r.date_from, r.date_to)
    if not found:
        raise _nothing(msg("word.requisition"))
    return found


def _handover(s: Session, r: ReportRequest) -> handover.HandoverMinutes:
    if not r.parties:
        raise ValidationError("handover_parties",
                              msg("handover_parties"),
                              field="parties")
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
        ReportSpec("handover", msg("word.handover_minutes"), _handover, f_hand.handover_document,
                   options=("parties",)),
        ReportSpec("stock-movement", msg("word.stock_movement_report"),
                   lambda s, r: stock.movement_report(s, one(r), r.date_from, r.date_to),
                   f_stock.movement_document, sheets.movement_sheets),
        ReportSpec("stock-card", msg("word.stock_card"), _cards, f_stock.stock_card_document,
                   sheets.stock_card_sheets, ("item",)),
        ReportSpec("stock-count", msg("word.stock_count_minutes"), _counts, f_docs.count_document,
                   sheets.count_sheets),
        ReportSpec("requisition", msg("word.requisition.module"), _requisitions, f_docs.requisition_document,
                   sheets.requisition_sheets),
        ReportSpec("disposal", msg("word.disposal_minutes"),
                   lambda s, r: documents.disposal_minutes(s, one(r), r.date_from, r.date_to),
                   f_docs.disposal_document, sheets.disposal_sheets),
        ReportSpec("vaccine-use", msg("word.vaccine_use_report"),
                   lambda s, r: vaccines.vaccine_use(s, one(r), r.date_from, r.date_to),
                   f_vax.vaccine_document, sheets.vaccine_sheets),
        ReportSpec("fridge-temperature", msg("word.fridge_temperature_sheet"),
                   lambda s, r: coldchain.fridge_sheets(s, one(r), r.date_from, r.fridge),
                   f_cold.fridge_document, sheets.fridge_sheets, ("fridge",)),
        ReportSpec("support-register", msg("word.support_register"),
                   lambda s, r: registers.support_register(s, r.station_id, r.date_from, r.date_to),
                   f_reg.support_document, sheets.support_sheets, by_station=True),
        ReportSpec("rotation-schedule", msg("word.rotation_schedule_annex_iii"),
                   lambda s, r: registers.rotation_schedule(s, r.station_id, r.date_from, r.date_to),
                   f_reg.rotation_document, sheets.rotation_sheets, by_station=True),
        ReportSpec("training-register", msg("reports.registry.module"),
                   lambda s, r: registers.training_register(s, r.station_id, r.date_from, r.date_to),
                   f_reg.training_document, sheets.training_sheets, by_station=True),
        ReportSpec("weekly", msg("word.weekly_progress_report"), _weekly, f_week.weekly_document,
                   options=("parties",), by_station=True),
        ReportSpec("weekly-consolidated", msg("reports.registry.module.2"),
                   lambda s, r: consolidated_weekly(s, r.station_id, r.date_from, r.date_to),
                   f_cons.consolidated_document, f_cons.consolidated_sheets, by_station=True),
        ReportSpec("support-programme", msg("reports.registry.module.3"),
                   lambda s, r: programme_report(s, r.station_id, r.date_from, r.date_to,
                                                 str((r.parties or {}).get("assessment") or "")),
                   f_sp.programme_document, f_sp.programme_sheets, options=("parties",), by_station=True),
        ReportSpec("support-plan", msg("word.support_plan_and_progress"),
                   _programme(programme_data.support_plan), f_prog.support_plan_document,
                   f_prog.support_plan_sheets, by_station=True),
        ReportSpec("consultation-calendar", msg("word.consultation_calendar"),
                   _programme(programme_data.consultation_calendar), f_prog.calendar_document,
                   f_prog.calendar_sheets, by_station=True),
        ReportSpec("training-plan", msg("word.training_plan_annex_ii"),
                   _programme(programme_data.training_plan_annex), f_prog.training_plan_document,
                   f_prog.training_plan_sheets),
        ReportSpec("documents-rolled-out", msg("reports.registry.module.4"),
                   _programme(programme_data.documents_annex),
                   f_prog.documents_document, f_prog.documents_sheets),
        ReportSpec("support-ratings", msg("word.stations_ratings_of_support"),
                   _programme(programme_data.ratings_report), f_prog.ratings_document, f_prog.ratings_sheets,
                   by_station=True),
        ReportSpec("referral-register", msg("word.referral_register"),
                   lambda s, r: referral_data.referral_register(s, r.station_id, r.date_from, r.date_to),
                   f_refer.referral_document, f_refer.referral_sheets, by_station=True),
        ReportSpec("supervision-visit", msg("word.supervision_visit_report"),
                   lambda s, r: referral_data.supervision_report(s, r.station_id, r.date_from, r.date_to),
                   f_refer.supervision_document, f_refer.supervision_sheets, by_station=True),
        ReportSpec("visit-cases", msg("reports.registry.module.5"),
                   lambda s, r: outreach.case_list(s, r.station_id, r.date_from, r.date_to),
                   f_out.case_list_document, f_out.case_list_sheets, by_station=True),
        ReportSpec("technique-register", msg("word.techniques_and_transfer_stages"),
                   lambda s, r: outreach.technique_register(s, r.station_id, r.date_from, r.date_to),
                   f_out.technique_document, f_out.technique_sheets, by_station=True),
        ReportSpec("village-health-workers", msg("word.village_health_worker_register"),
                   lambda s, r: outreach.worker_register(s, r.station_id, r.date_from, r.date_to),
                   f_out.worker_document, f_out.worker_sheets, by_station=True),
    )
}


def get(name: str) -> ReportSpec:
    spec = REPORTS.get(name)
    if spec is None:
        names = ", ".join(REPORTS)
        raise NotFoundError("unknown_report", msg("unknown_report", name=name, names=names), field="name")
    return spec
