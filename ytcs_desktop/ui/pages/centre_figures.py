"""Số liệu chương trình: the support programme report's figures per station and in total, for a quarter or
the year, as the report to the Sở Y tế carries them. A figure (double-click or Enter) lists the records it
counts: the list comes with the report's own figures, from the same reading."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QObject
from PySide6.QtWidgets import QLabel, QWidget

from ytcs_desktop.domain.figures import FigureRecord, Records, records_of
from ytcs_desktop.domain.figures.programme import figure_keys, figure_title, plan_keys
from ytcs_desktop.domain.programme.common import quarter_days
from ytcs_desktop.domain.programme.progress import KindProgress
from ytcs_desktop.domain.reportdata.support_programme import (
    StationFigures,
    figure_value,
    programme_report,
)
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.figure_records import FigureRecordsDialog, open_figure_records
from ytcs_desktop.ui.models.base import ROW_ROLE, Column, RecordTableModel
from ytcs_desktop.ui.operations import ALL_AREAS, Operations
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, toolbar_row
from ytcs_desktop.ui.pages.centre_programme import period_pickers


@dataclass(frozen=True)
class FigureLine:
    """A station's line of figures, or the total's (station_id None), with the records of its report."""

    station_id: str | None
    code: str
    name: str
    figures: StationFigures
    records: Records  # the whole report's: (station, figure key) -> records
    names: dict[str, str]  # station id -> short name
    plan: dict[str, tuple[int, int | None]]  # activity kind -> (target, done; None: not recorded)

    def records_of(self, key: str) -> list[FigureRecord]:
        """What the figure counts (every station's for the total)."""
        return records_of(self.records, key, None if self.station_id is None else [self.station_id])


def _value_of(key: str) -> Callable[[FigureLine], int]:
    return lambda line: figure_value(line.figures, key)


def _plan_of(key: str) -> Callable[[FigureLine], str]:
    """"done/target" of a kind in the plan ("–" done: not recorded yet); blank when not planned."""
    kind = key.split(":", 1)[1]

    def cell(line: FigureLine) -> str:
        if kind not in line.plan:
            return ""
        target, done = line.plan[kind]
        return f"{'–' if done is None else done}/{target}"

    return cell


def _plan(progress: list[KindProgress], station_id: str | None) -> dict[str, tuple[int, int | None]]:
    """Per kind: the station's target and done, or (station None) every station's summed."""
    out: dict[str, tuple[int, int | None]] = {}
    for p in progress:
        if station_id is not None and p.station_id != station_id:
            continue
        target, done = out.get(p.kind, (0, None))
        out[p.kind] = (target + p.target, done if p.done is None else (done or 0) + p.done)
    return out


class ProgrammeFiguresModel(RecordTableModel):
    """Per station and the total: every figure of the programme report for the period asked."""

    areas = ALL_AREAS

    def __init__(self, ops: Operations | None, lang: str = "vi", parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.lang = lang
        self.period = quarter_days(dt.date.today().year, None)
        self.columns = (
            Column("code", QT_TRANSLATE_NOOP("Columns", "Code")),
            Column("name", QT_TRANSLATE_NOOP("Columns", "Station")),
            *(Column(key, figure_title(key, lang), numeric=True, fmt=str, getter=_plan_of(key)) for key in plan_keys()),
            *(Column(key, figure_title(key, lang), numeric=True, getter=_value_of(key)) for key in figure_keys()),
        )

    def set_period(self, date_from: dt.date, date_to: dt.date) -> None:
        self.period = (date_from, date_to)
        self.refresh()

    def fetch(self, session: Any) -> list[Any]:  # the read pool's session (the window names no SQL type)
        r = programme_report(session, None, *self.period, lang=self.lang)
        names = {x.station_id: x.name for x in r.stations}
        lines = [FigureLine(x.station_id, x.code, x.name, x, r.records, names, _plan(r.progress, x.station_id))
                 for x in r.stations]
        return [*lines, FigureLine(None, "", r.total.name, r.total, r.records, names, _plan(r.progress, None))]


class ProgrammeFiguresPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        note = QLabel(self.tr("The figures of the quarterly and annual report on the support programme, per station "
                              "and in total. Double-click a figure (or press Enter on it) to list the records it "
                              "counts."))
        note.setWordWrap(True)
        self.layout_.addWidget(note)
        self.year, self.quarter = period_pickers(self)
        self.layout_.addLayout(toolbar_row(self.year, self.quarter, stretch_at=2))
        self.model = ProgrammeFiguresModel(ctx.ops, ctx.lang, self)
        self.table = make_table(self.model)
        self.layout_.addWidget(self.table, 1)
        self.model.loaded.connect(lambda: fit_columns(self.table, 220))
        self.table.activated.connect(self.open_figure)
        self.year.valueChanged.connect(lambda _v: self.load())
        self.quarter.currentIndexChanged.connect(lambda _i: self.load())
        self.records: FigureRecordsDialog | None = None

    def title(self) -> str:
        return self.tr("Programme figures")

    def load(self) -> None:
        self.model.set_period(*quarter_days(self.year.value(), self.quarter.currentData()))

    def first_load(self) -> None:
        self.load()

    def open_figure(self, index: QModelIndex) -> FigureRecordsDialog | None:
        """The records behind the figure at `index`; nothing for the code and name cells."""
        if not index.isValid():
            return None
        key = self.model.columns[index.column()].key
        line = self.model.data(index, ROW_ROLE)
        if not isinstance(line, FigureLine) or key in ("code", "name"):
            return None
        if key.startswith("plan:") and line.plan.get(key.split(":", 1)[1], (0, None))[1] is None:
            return None  # not planned, or not recorded: no list to show
        title = figure_title(key, self.ctx.lang)
        self.records = open_figure_records(title, line.name, line.records_of(key), line.names, self)
        return self.records
