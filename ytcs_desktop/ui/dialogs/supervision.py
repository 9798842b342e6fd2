"""A supervision visit with its checklist scores, a finding with its corrective action, the station's
progress on an action and the centre's closing of it on evidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ytcs_desktop.domain import supervision
from ytcs_desktop.domain.labels import choices, label
from ytcs_desktop.store.models import SupervisionFinding
from ytcs_desktop.store.session import Session
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.stock_moves import Op
from ytcs_desktop.ui.models import lookups
from ytcs_desktop.ui.operations import REQUESTS
from ytcs_desktop.ui.widgets.dialog import OperationDialog
from ytcs_desktop.ui.widgets.form import combo, date_edit, date_of
from ytcs_desktop.ui.widgets.pickers import ChoicePicker


@dataclass(frozen=True)
class ChecklistLine:
    id: str
    area: str
    text: str
    max_score: int


def checklist_lines(s: Session) -> list[ChecklistLine]:
    return [ChecklistLine(i.id, i.area, i.text, i.max_score) for i in supervision.checklist(s)]


def _text_box(height: int = 80) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMaximumHeight(height)
    return box


class SupervisionVisitDialog(OperationDialog):
    """Biên bản giám sát: the station, the day, the team, the areas checked and a score per item
    (blank: not applicable)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Record a supervision visit"), parent)
        self.resize(980, 640)
        self.station = ChoicePicker(self.tr("Station"))
        self.form.add("station_id", self.tr("Station"), self.station)
        self.visit_date = date_edit(dt.date.today())
        self.form.add("visit_date", self.tr("Visit date"), self.visit_date)
        self.team = QLineEdit()
        self.team.setPlaceholderText(self.tr("Names and departments of the team"))
        self.form.add("team", self.tr("Supervision team"), self.team)
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.area_boxes: dict[str, QCheckBox] = {}
        for n, (code, text) in enumerate(choices("supervision_area", ctx.lang)):
            check = QCheckBox(text)
            check.setObjectName(f"area_{code}")
            check.toggled.connect(self._show_rows)
            self.area_boxes[code] = check
            grid.addWidget(check, n // 3, n % 3)
        self.form.add("areas", self.tr("Areas checked"), box)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Area"), self.tr("Checklist item"), self.tr("Score")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(170)
        self.form.add("scores", self.tr("Scores (2 met, 1 partly, 0 not met)"), self.table)
        self.summary = QLineEdit()
        self.form.add("summary", self.tr("General remarks"), self.summary)
        self.lines: list[ChecklistLine] = []
        self.score_boxes: dict[str, QComboBox] = {}
        self.station.load(ctx.ops, lambda s: lookups.stations(s))
        ctx.ops.query(checklist_lines, self._loaded)

    def _loaded(self, lines: list[ChecklistLine]) -> None:
        self.lines = lines
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            self.table.setItem(row, 0, QTableWidgetItem(label("supervision_area", line.area, self.ctx.lang)))
            self.table.setItem(row, 1, QTableWidgetItem(line.text))
            score = QComboBox()
            score.addItem(self.tr("n/a"), None)
            for value in range(line.max_score, -1, -1):
                score.addItem(str(value), value)
            score.setCurrentIndex(1)  # met, the common case: the supervisor marks what is not
            self.score_boxes[line.id] = score
            self.table.setCellWidget(row, 2, score)
        self.table.resizeRowsToContents()
        self._show_rows()
        if self._opened is not None:  # the checklist arriving is no change the user made
            self._opened.update({id(b): b.currentText() for b in self.score_boxes.values()})

    def _show_rows(self) -> None:
        chosen = self.areas()
        for row, line in enumerate(self.lines):
            self.table.setRowHidden(row, line.area not in chosen)

    def areas(self) -> list[str]:
        return [code for code, check in self.area_boxes.items() if check.isChecked()]

    def set_score(self, item_id: str, value: int | None) -> None:
        box = self.score_boxes[item_id]
        box.setCurrentIndex(box.findData(value))

    def operation(self) -> Op:
        areas = self.areas()
        scores = {line.id: self.score_boxes[line.id].currentData() for line in self.lines if line.area in areas}
        values: dict[str, Any] = {"station_id": self.station.current_id() or "", "visit_date": date_of(self.visit_date),
                                  "areas": areas, "team": self.team.text(), "scores": scores,
                                  "summary": self.summary.text()}
        return ("record_supervision", lambda s, a: supervision.record_visit(s, a, **values).id,
                frozenset({REQUESTS}))


class FindingDialog(OperationDialog):
    """A finding of a visit and the corrective action asked for, with who does it and by when."""

    def __init__(self, ctx: AppContext, visit_id: str, areas: list[str], parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Add a finding and its corrective action"), parent)
        self.setMinimumWidth(600)
        self.visit_id = visit_id
        shown = [(c, t) for c, t in choices("supervision_area", ctx.lang) if c in areas] or \
            choices("supervision_area", ctx.lang)
        self.area = combo(shown)
        self.form.add("area", self.tr("Area"), self.area)
        self.finding = _text_box()
        self.form.add("finding", self.tr("Finding"), self.finding)
        self.action = _text_box()
        self.form.add("action", self.tr("Corrective action"), self.action)
        self.owner = QLineEdit()
        self.form.add("owner", self.tr("Responsible"), self.owner)
        self.due_date = date_edit(dt.date.today() + dt.timedelta(days=30))
        self.form.add("due_date", self.tr("Due date"), self.due_date)

    def operation(self) -> Op:
        visit_id = self.visit_id
        values: dict[str, Any] = {"area": self.area.currentData(), "finding": self.finding.toPlainText(),
                                  "action": self.action.toPlainText(), "owner": self.owner.text(),
                                  "due_date": date_of(self.due_date)}
        return ("add_finding", lambda s, a: supervision.add_finding(s, a, visit_id, **values).id,
                frozenset({REQUESTS}))


def _describe(dialog: OperationDialog, finding: SupervisionFinding) -> None:
    """The finding and its action, above the fields of a dialog about it."""
    dialog.setMinimumWidth(560)
    text = QLabel(f"{label('supervision_area', finding.area, dialog.ctx.lang)}: {finding.finding}\n→ {finding.action}")
    text.setWordWrap(True)
    dialog.form.add_row(text)


class ProgressDialog(OperationDialog):
    """The station says how far it has got on a corrective action."""

    def __init__(self, ctx: AppContext, finding: SupervisionFinding, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Record progress on an action"), parent)
        self.finding_id = finding.id
        _describe(self, finding)
        self.note = _text_box()
        self.note.setPlainText(finding.progress_note or "")
        self.form.add("progress_note", self.tr("Progress (what was done, what remains)"), self.note)

    def operation(self) -> Op:
        fid, note = self.finding_id, self.note.toPlainText()
        return ("record_progress", lambda s, a: supervision.record_progress(s, a, fid, note=note).id,
                frozenset({REQUESTS}))


class CloseActionDialog(OperationDialog):
    """The centre confirms an action is done, on evidence."""

    def __init__(self, ctx: AppContext, finding: SupervisionFinding, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Close a corrective action"), parent)
        self.finding_id = finding.id
        _describe(self, finding)
        if finding.progress_note:
            self.form.add_row(QLabel(self.tr("Station's progress: %1").replace("%1", finding.progress_note)))
        self.evidence = _text_box()
        self.form.add("evidence_note", self.tr("Evidence (what was checked or seen)"), self.evidence)
        self.closed_on = date_edit(dt.date.today())
        self.form.add("closed_on", self.tr("Closed on"), self.closed_on)

    def operation(self) -> Op:
        fid, evidence, day = self.finding_id, self.evidence.toPlainText(), date_of(self.closed_on)
        return ("close_action",
                lambda s, a: supervision.close_action(s, a, fid, evidence_note=evidence, closed_on=day).id,
                frozenset({REQUESTS}))
