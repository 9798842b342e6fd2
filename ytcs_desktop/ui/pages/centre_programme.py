"""Chương trình hỗ trợ: the centre's support plan with its progress, the consultation calendar, the
training plan (Phụ lục II), the documents rolled out (Phụ lục I) and the stations' ratings."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ytcs_desktop.domain.labels import label
from ytcs_desktop.domain.programme import plan
from ytcs_desktop.domain.programme.calendar import SessionLine, mark_held
from ytcs_desktop.domain.programme.progress import KindProgress
from ytcs_desktop.domain.programme.training_plan import PlanItemProgress
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.figure_records import FigureRecordsDialog, open_figure_records
from ytcs_desktop.ui.dialogs.programme import (
    ActivityDialog,
    CaseDialog,
    ConclusionDialog,
    ConsultationDialog,
    DocumentDialog,
    IndicatorDialog,
    PlanDialog,
    TrainingLinkDialog,
    TrainingPlanItemDialog,
)
from ytcs_desktop.ui.models.base import ROW_ROLE, RecordTableModel
from ytcs_desktop.ui.models.programme import (
    ActivitiesModel,
    CalendarModel,
    DocumentsModel,
    IndicatorsModel,
    ProgressModel,
    RatingsModel,
    TrainingPlanModel,
)
from ytcs_desktop.ui.operations import REQUESTS
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, toolbar_row
from ytcs_desktop.ui.widgets.confirm import ask_first
from ytcs_desktop.ui.widgets.dialog import OperationDialog

D = TypeVar("D", bound=OperationDialog)


def tab(*parts: QWidget | QTableView | object) -> QWidget:
    """A tab of widgets and layouts stacked top to bottom; tables take the room."""
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 6, 0, 0)
    for part in parts:
        if isinstance(part, QTableView):
            layout.addWidget(part, 1)
        elif isinstance(part, QWidget):
            layout.addWidget(part)
        else:
            layout.addLayout(part)  # type: ignore[arg-type]
    return widget


def table(model: RecordTableModel) -> QTableView:
    view = make_table(model)
    model.loaded.connect(lambda: fit_columns(view, 320))
    return view


def period_pickers(owner: QWidget) -> tuple[QSpinBox, QComboBox]:
    """The year and quarter (or the whole year) a page shows; the centre's and the station's pages share them."""
    year = QSpinBox(owner)
    year.setRange(2000, 2100)
    year.setValue(dt.date.today().year)
    year.setPrefix(QCoreApplication.translate("ProgrammePage", "Year "))
    quarter = QComboBox(owner)
    quarter.addItem(QCoreApplication.translate("ProgrammePage", "Whole year"), None)
    for q in range(1, 5):
        quarter.addItem(QCoreApplication.translate("ProgrammePage", "Quarter %1").replace("%1", str(q)), q)
    return year, quarter


class ProgrammePage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        self.year, self.quarter = period_pickers(self)
        self.layout_.addLayout(toolbar_row(QLabel(self.tr("Period")), self.year, self.quarter, stretch_at=3))
        self.tabs = QTabWidget()
        self.layout_.addWidget(self.tabs, 1)

        self.progress = ProgressModel(ctx.ops, ctx.lang, None, self)
        self.activities = ActivitiesModel(ctx.ops, ctx.lang, None, self)
        self.indicators = IndicatorsModel(ctx.ops, ctx.lang, None, self)
        self.plan_button = QPushButton(self.tr("New &plan…"))
        self.activity_button = QPushButton(self.tr("Add an &activity…"))
        self.indicator_button = QPushButton(self.tr("Add an &indicator…"))
        self.change_button = QPushButton(self.tr("C&hange the activity…"))
        self.remove_button = QPushButton(self.tr("Remo&ve the activity…"))
        self.progress_table, self.activities_table = table(self.progress), table(self.activities)
        self.tabs.addTab(tab(toolbar_row(self.plan_button, self.activity_button, self.change_button,
                                         self.remove_button, self.indicator_button),
                             QLabel(self.tr("Progress: target against what was recorded")), self.progress_table,
                             QLabel(self.tr("Activities, targets and cost estimates")), self.activities_table,
                             QLabel(self.tr("Indicators")), table(self.indicators)),
                         self.tr("Plan and progress"))

        self.calendar = CalendarModel(ctx.ops, ctx.lang, parent=self)
        self.schedule_button = QPushButton(self.tr("&Schedule a consultation…"))
        self.case_button = QPushButton(self.tr("Add a &case…"))
        self.conclusion_button = QPushButton(self.tr("Concl&usion…"))
        self.held_button = QPushButton(self.tr("Mark &held"))
        self.calendar_table = table(self.calendar)
        self.tabs.addTab(tab(toolbar_row(self.schedule_button, self.case_button, self.conclusion_button,
                                         self.held_button), self.calendar_table), self.tr("Consultation calendar"))

        self.training = TrainingPlanModel(ctx.ops, ctx.lang, None, self)
        self.item_button = QPushButton(self.tr("Add to the &training plan…"))
        self.link_button = QPushButton(self.tr("Session &held for it…"))
        self.training_table = table(self.training)
        self.tabs.addTab(tab(toolbar_row(self.item_button, self.link_button), self.training_table),
                         self.tr("Training plan (Annex II)"))

        self.documents = DocumentsModel(ctx.ops, self)
        self.document_button = QPushButton(self.tr("Record a &document…"))
        self.tabs.addTab(tab(toolbar_row(self.document_button), table(self.documents)),
                         self.tr("Documents rolled out (Annex I)"))

        self.ratings = RatingsModel(ctx.ops, ctx.lang, None, self)
        self.tabs.addTab(tab(table(self.ratings)), self.tr("Stations' ratings"))

        self.plan_button.clicked.connect(self.new_plan)
        self.activity_button.clicked.connect(self.add_activity)
        self.indicator_button.clicked.connect(self.add_indicator)
        self.change_button.clicked.connect(self.change_activity)
        self.remove_button.clicked.connect(self.remove_activity)
        self.activities_table.doubleClicked.connect(lambda _index: self.change_activity())
        self.progress_table.activated.connect(lambda _index: self.show_done())  # double-click or Enter
        self.schedule_button.clicked.connect(self.schedule)
        self.case_button.clicked.connect(self.add_case)
        self.conclusion_button.clicked.connect(self.conclude)
        self.held_button.clicked.connect(self.mark_held)
        self.item_button.clicked.connect(self.add_item)
        self.link_button.clicked.connect(self.link_session)
        self.document_button.clicked.connect(self.add_document)
        self.year.valueChanged.connect(self._period_changed)
        self.quarter.currentIndexChanged.connect(self._period_changed)

    def title(self) -> str:
        return self.tr("Support programme")

    def _period_models(self) -> list[ProgressModel | ActivitiesModel | IndicatorsModel | TrainingPlanModel
                                     | RatingsModel]:
        return [self.progress, self.activities, self.indicators, self.training, self.ratings]

    def first_load(self) -> None:
        self._period_changed()
        self.calendar.refresh()
        self.documents.refresh()

    def _period_changed(self) -> None:
        for model in self._period_models():
            model.set_period(self.year.value(), self.quarter.currentData())

    def _open(self, dialog: D) -> D:
        dialog.open()
        return dialog

    def new_plan(self) -> PlanDialog:
        return self._open(PlanDialog(self.ctx, self.year.value(), self))

    def add_activity(self) -> ActivityDialog:
        index = self.activities_table.currentIndex()
        row = self.activities.data(index, ROW_ROLE) if index.isValid() else None
        return self._open(ActivityDialog(self.ctx, self.year.value(), row["plan_id"] if row else None, self))

    def show_done(self) -> FigureRecordsDialog | None:
        """The records a progress row counts as done (plan_progress lists them)."""
        index = self.progress_table.currentIndex()
        row = self.progress.data(index, ROW_ROLE) if index.isValid() else None
        if not isinstance(row, KindProgress) or row.done is None:
            return None
        title = self.tr("%1 done").replace("%1", label("activity_kind", row.kind, self.ctx.lang))
        return open_figure_records(title, row.station, row.records, {row.station_id: row.station}, self)

    def current_activity(self) -> dict[str, Any] | None:
        index = self.activities_table.currentIndex()
        row = self.activities.data(index, ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, dict) else None

    def change_activity(self) -> ActivityDialog | None:
        row = self.current_activity()
        return self._open(ActivityDialog(self.ctx, self.year.value(), parent=self, activity=row)) if row else None

    def remove_activity(self) -> QMessageBox | None:
        row = self.current_activity()
        if row is None:
            return None
        activity_id = row["id"]
        text = self.tr("Remove “%1” from the plan of %2? Its targets no longer count in the progress.").replace(
            "%1", row["content"]).replace("%2", row["station"])
        return ask_first(self, self.tr("Remove the activity"), text, self.tr("&Remove"), lambda: self.ctx.ops.write(
            "remove_activity", lambda s, a: plan.remove_activity(s, a, activity_id).id, frozenset({REQUESTS}),
            parent=self))

    def add_indicator(self) -> IndicatorDialog:
        return self._open(IndicatorDialog(self.ctx, self.year.value(), self))

    def schedule(self) -> ConsultationDialog:
        return self._open(ConsultationDialog(self.ctx, self))

    def current_session(self) -> SessionLine | None:
        index = self.calendar_table.currentIndex()
        row = self.calendar.data(index, ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, SessionLine) else None

    def add_case(self) -> CaseDialog | None:
        session = self.current_session()
        return self._open(CaseDialog(self.ctx, session, self)) if session else None

    def conclude(self) -> ConclusionDialog | None:
        session = self.current_session()
        if session is None or not session.cases:
            return None
        # The first case still without a conclusion, else the first.
        case = next((c for c in session.cases if not c.conclusion), session.cases[0])
        return self._open(ConclusionDialog(self.ctx, case, self))

    def mark_held(self) -> None:
        session = self.current_session()
        if session is None:
            return
        session_id = session.id
        self.ctx.ops.write("mark_consultation_held", lambda s, a: mark_held(s, a, session_id).id,
                           frozenset({REQUESTS}), parent=self)

    def add_item(self) -> TrainingPlanItemDialog:
        return self._open(TrainingPlanItemDialog(self.ctx, self.year.value(), self))

    def link_session(self) -> TrainingLinkDialog | None:
        index = self.training_table.currentIndex()
        row = self.training.data(index, ROW_ROLE) if index.isValid() else None
        return self._open(TrainingLinkDialog(self.ctx, row, self)) if isinstance(row, PlanItemProgress) else None

    def add_document(self) -> DocumentDialog:
        return self._open(DocumentDialog(self.ctx, self))
