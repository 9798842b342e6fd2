"""Dialogs of the support programme: a plan, an activity with its targets and costs, an indicator, a
consultation session, a case and its conclusion, a station's rating, a training plan item (Phụ lục II)
and a document rolled out (Phụ lục I). Each reads its widgets on the GUI thread and hands the domain
call to the writer; a refusal keeps everything typed (OperationDialog)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from ytcs_desktop.domain.labels import choices, label
from ytcs_desktop.domain.programme import calendar, plan, ratings, training_plan
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.stock_moves import Op
from ytcs_desktop.ui.models import lookups
from ytcs_desktop.ui.models.programme import (
    department_choices,
    open_request_choices,
    plan_choices,
    training_session_choices,
)
from ytcs_desktop.ui.operations import REQUESTS, TRAINING
from ytcs_desktop.ui.widgets.dialog import OperationDialog
from ytcs_desktop.ui.widgets.form import combo, date_edit, date_of
from ytcs_desktop.ui.widgets.pickers import ChoicePicker


def _year_box(year: int | None = None) -> QSpinBox:
    box = QSpinBox()
    box.setRange(2000, 2100)
    box.setValue(year or dt.date.today().year)
    return box


def _lines(height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
    edit.setFixedHeight(height)
    return edit


class PlanDialog(OperationDialog):
    """A station's annual support plan: the station, the year and the objectives."""

    def __init__(self, ctx: AppContext, year: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("New support plan"), parent)
        self.station = ChoicePicker(self.tr("Station"))
        self.form.add("station_id", self.tr("Station"), self.station)
        self.year = _year_box(year)
        self.form.add("year", self.tr("Year"), self.year)
        self.objectives = _lines(90)
        self.objectives.setPlaceholderText(self.tr("One objective a line"))
        self.form.add("objectives", self.tr("Objectives"), self.objectives)
        self.station.load(ctx.ops, lambda s: lookups.stations(s))

    def operation(self) -> Op:
        values: dict[str, Any] = {"station_id": self.station.current_id() or "", "year": self.year.value(),
                                  "objectives": self.objectives.toPlainText()}
        return "create_plan", lambda s, a: plan.create_plan(s, a, **values).id, frozenset({REQUESTS})


class ActivityDialog(OperationDialog):
    """An activity of a plan: its kind and content, a target per quarter and the cost estimate (VND).
    Given `activity` (a row of the activities list), it changes that activity instead of adding one."""

    def __init__(self, ctx: AppContext, year: int | None = None, plan_id: str | None = None,
                 parent: QWidget | None = None, activity: dict[str, Any] | None = None) -> None:
        super().__init__(ctx, self.tr("Change an activity of the plan") if activity else
                         self.tr("Add an activity to the plan"), parent)
        self.activity_id = activity["id"] if activity else None
        self.plan = ChoicePicker(self.tr("Station's plan"))
        self.form.add("plan_id", self.tr("Plan"), self.plan)
        self.kind = combo(choices("activity_kind", ctx.lang))
        self.form.add("kind", self.tr("Kind of activity"), self.kind)
        self.content = QLineEdit()
        self.form.add("content", self.tr("Content"), self.content)
        # Typed, not spun: a wrong entry is refused with its field named instead of silently clamped.
        self.targets: dict[str, QLineEdit] = {}
        for q in range(1, 5):
            edit = QLineEdit("0")
            self.targets[f"target_q{q}"] = edit
            self.form.add(f"target_q{q}", self.tr("Target, quarter %1").replace("%1", str(q)), edit)
        self.costs: dict[str, QLineEdit] = {}
        for name, text in (("cost_travel", self.tr("Travel (VND)")), ("cost_per_diem", self.tr("Per diem (VND)")),
                           ("cost_materials", self.tr("Materials (VND)"))):
            edit = QLineEdit("0")
            self.costs[name] = edit
            self.form.add(name, text, edit)
        if activity:
            plan_id = activity["plan_id"]
            self.plan.setEnabled(False)  # an activity stays in its station's plan
            self.kind.setCurrentIndex(max(0, self.kind.findData(activity["kind"])))
            self.content.setText(activity["content"])
            for q in range(1, 5):
                self.targets[f"target_q{q}"].setText(str(activity[f"q{q}"]))
            for name, edit in self.costs.items():
                edit.setText(str(activity[name]))
        if plan_id:
            self.plan.select_id(plan_id)
        self.plan.load(ctx.ops, lambda s: plan_choices(s, year))

    def operation(self) -> Op:
        plan_id = self.plan.current_id() or ""
        values: dict[str, Any] = {"kind": self.kind.currentData(), "content": self.content.text(),
                                  **{k: e.text() for k, e in self.targets.items()},
                                  **{k: e.text() for k, e in self.costs.items()}}
        if self.activity_id is not None:
            activity_id = self.activity_id
            return ("update_activity", lambda s, a: plan.update_activity(s, a, activity_id, **values).id,
                    frozenset({REQUESTS}))
        return "add_activity", lambda s, a: plan.add_activity(s, a, plan_id, **values).id, frozenset({REQUESTS})


class IndicatorDialog(OperationDialog):
    def __init__(self, ctx: AppContext, year: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Add an indicator to follow"), parent)
        self.plan = ChoicePicker(self.tr("Station's plan"))
        self.form.add("plan_id", self.tr("Plan"), self.plan)
        self.name = QLineEdit()
        self.form.add("name", self.tr("Indicator"), self.name)
        self.measure = _lines()
        self.form.add("measure", self.tr("How it is measured"), self.measure)
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("e.g. ≥ 90%"))
        self.form.add("target", self.tr("Target"), self.target)
        self.plan.load(ctx.ops, lambda s: plan_choices(s, year))

    def operation(self) -> Op:
        plan_id = self.plan.current_id() or ""
        name, measure, target = self.name.text(), self.measure.toPlainText(), self.target.text() or None
        return ("add_indicator", lambda s, a: plan.add_indicator(s, a, plan_id, name=name, measure=measure,
                                                                 target=target).id, frozenset({REQUESTS}))


class ConsultationDialog(OperationDialog):
    """A session on the consultation calendar: in person at a place, or online with a meeting link."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Schedule a consultation"), parent)
        self.day = date_edit(dt.date.today() + dt.timedelta(days=7))
        self.form.add("day", self.tr("Date"), self.day)
        self.start_time = QLineEdit("08:00")
        self.form.add("start_time", self.tr("Time"), self.start_time)
        self.mode = combo(choices("support_format", ctx.lang))
        self.form.add("mode", self.tr("Format"), self.mode)
        self.place = QLineEdit()
        self.form.add("place", self.tr("Place"), self.place)
        self.link = QLineEdit()
        self.link.setPlaceholderText("https://…")
        self.form.add("link", self.tr("Meeting link"), self.link)
        self.topic = QLineEdit()
        self.form.add("topic", self.tr("Topic"), self.topic)
        self.expert = ChoicePicker(self.tr("Choose from the centre's staff…"), allow_empty=True)
        self.form.add("expert", self.tr("Add an expert"), self.expert)
        self.expert.activated.connect(lambda _index: self.add_expert())
        completer = self.expert.completer()
        if completer is not None:  # typed and chosen from the list the typing showed
            completer.activated.connect(lambda _text: self.add_expert())
        self.experts = _lines()
        self.experts.setPlaceholderText(self.tr("The centre's experts, one a line"))
        self.form.add("experts", self.tr("Experts"), self.experts)
        self.expert.load(ctx.ops, lambda s: lookups.staff(s, None))
        self.station = ChoicePicker(self.tr("Every station"), allow_empty=True)
        self.form.add("station_id", self.tr("For the station"), self.station)
        self.station.load(ctx.ops, lambda s: lookups.stations(s))

    def add_expert(self) -> None:
        """The chosen staff member's name on a line of its own (once), with the job title beside."""
        choice = self.expert.current_choice()
        if choice is None:
            return
        lines = [x for x in self.experts.toPlainText().splitlines() if x.strip()]
        if not any(x.startswith(choice.label) for x in lines):
            title = label("staff_title", choice.extra, self.ctx.lang) if choice.extra else ""
            lines.append(f"{choice.label} ({title})" if title else choice.label)
            self.experts.setPlainText("\n".join(lines))
        self.expert.setCurrentIndex(0)

    def operation(self) -> Op:
        values: dict[str, Any] = {
            "day": date_of(self.day), "start_time": self.start_time.text(), "mode": self.mode.currentData(),
            "place": self.place.text(), "link": self.link.text(), "topic": self.topic.text(),
            "experts": self.experts.toPlainText(), "station_id": self.station.current_id()}
        return "schedule_consultation", lambda s, a: calendar.schedule_session(s, a, **values).id, frozenset({REQUESTS})


class CaseDialog(OperationDialog):
    """A support request put on a session's agenda."""

    def __init__(self, ctx: AppContext, session: calendar.SessionLine, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Add a case to the consultation"), parent)
        self.session_id = session.id
        self.form.add_row(QLabel(session.topic))
        self.request = ChoicePicker(self.tr("Support request"))
        self.form.add("request_id", self.tr("Case (support request)"), self.request)
        station_id = session.station_id
        self.request.load(ctx.ops, lambda s: open_request_choices(s, station_id))

    def operation(self) -> Op:
        session_id, request_id = self.session_id, self.request.current_id() or ""
        return "add_case", lambda s, a: calendar.add_case(s, a, session_id, request_id).id, frozenset({REQUESTS})


class ConclusionDialog(OperationDialog):
    def __init__(self, ctx: AppContext, case: calendar.CaseLine, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Conclusion of the consultation"), parent)
        self.case_id = case.case_id
        self.form.add_row(QLabel(f"{case.number} {case.title}".strip()))
        self.conclusion = _lines(100)
        self.conclusion.setPlainText(case.conclusion)
        self.form.add("conclusion", self.tr("Conclusion"), self.conclusion)

    def operation(self) -> Op:
        case_id, text = self.case_id, self.conclusion.toPlainText()
        return ("record_conclusion", lambda s, a: calendar.record_conclusion(s, a, case_id, text).id,
                frozenset({REQUESTS}))


class RatingDialog(OperationDialog):
    """The station's rating, 1 (poor) to 5 (very good), of a visit or a consultation it received."""

    def __init__(self, ctx: AppContext, received: ratings.Received, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Rate the support received"), parent)
        self.kind, self.activity_id = received.kind, received.activity_id
        self.form.add_row(QLabel(received.what))
        self.rating = QLineEdit(str(received.rating or ""))
        self.rating.setPlaceholderText(self.tr("1 (poor) … 5 (very good)"))
        self.form.add("rating", self.tr("Rating"), self.rating)
        self.comment = _lines()
        self.comment.setPlainText(received.comment)
        self.form.add("comment", self.tr("Comment"), self.comment)

    def operation(self) -> Op:
        kind, activity_id, rating, comment = self.kind, self.activity_id, self.rating.text(), self.comment.toPlainText()
        return ("rate_activity", lambda s, a: ratings.rate_activity(s, a, kind=kind, activity_id=activity_id,
                                                                    rating=rating, comment=comment).id,
                frozenset({REQUESTS}))


class TrainingPlanItemDialog(OperationDialog):
    """A row of Phụ lục II: department, proposed content, expected time, format, audience, head count."""

    def __init__(self, ctx: AppContext, year: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Add to the training plan"), parent)
        self.year = _year_box(year)
        self.form.add("year", self.tr("Year"), self.year)
        self.department = ChoicePicker(self.tr("Proposing department"), allow_empty=True)
        self.form.add("department_id", self.tr("Department"), self.department)
        self.content = QLineEdit()
        self.form.add("content", self.tr("Proposed training"), self.content)
        self.quarter = combo([("", "")] + [(str(q), self.tr("Quarter %1").replace("%1", str(q))) for q in range(1, 5)])
        self.form.add("quarter", self.tr("Quarter"), self.quarter)
        self.expected_time = QLineEdit()
        self.form.add("expected_time", self.tr("Expected time"), self.expected_time)
        self.format = combo(choices("plan_training_format", ctx.lang))
        self.form.add("format", self.tr("Format"), self.format)
        self.audience = QLineEdit()
        self.form.add("audience", self.tr("Audience"), self.audience)
        self.head_count = QLineEdit()
        self.form.add("head_count", self.tr("Planned head count"), self.head_count)
        self.department.load(ctx.ops, department_choices)

    def operation(self) -> Op:
        values: dict[str, Any] = {
            "year": self.year.value(), "department_id": self.department.current_id(), "content": self.content.text(),
            "quarter": self.quarter.currentData() or None, "expected_time": self.expected_time.text(),
            "format": self.format.currentData(), "audience": self.audience.text(), "head_count": self.head_count.text()}
        return "add_plan_item", lambda s, a: training_plan.add_plan_item(s, a, **values).id, frozenset({TRAINING})


class TrainingLinkDialog(OperationDialog):
    """A centre session that carried out an item of the training plan (counted as held against it)."""

    def __init__(self, ctx: AppContext, item: training_plan.PlanItemProgress, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Session held for the training plan"), parent)
        self.item_id = item.id
        self.form.add_row(QLabel(item.content))
        self.session = ChoicePicker(self.tr("Training session"))
        self.form.add("session_id", self.tr("Session"), self.session)
        year = item.year
        self.session.load(ctx.ops, lambda s: training_session_choices(s, year))

    def operation(self) -> Op:
        item_id, session_id = self.item_id, self.session.current_id() or ""
        return ("link_training", lambda s, a: training_plan.link_session(s, a, item_id, session_id).id,
                frozenset({TRAINING}))


class DocumentDialog(OperationDialog):
    """A row of Phụ lục I: a document a department rolled out and how many forms it guided."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Record a document rolled out"), parent)
        self.department = ChoicePicker(self.tr("Department"), allow_empty=True)
        self.form.add("department_id", self.tr("Department"), self.department)
        self.doc_number = QLineEdit()
        self.form.add("doc_number", self.tr("Document number"), self.doc_number)
        self.doc_date = date_edit()
        self.form.add("doc_date", self.tr("Document date"), self.doc_date)
        self.summary = _lines()
        self.form.add("summary", self.tr("Summary"), self.summary)
        self.forms_guided = QLineEdit("0")
        self.form.add("forms_guided", self.tr("Forms guided"), self.forms_guided)
        self.department.load(ctx.ops, department_choices)

    def operation(self) -> Op:
        values: dict[str, Any] = {
            "department_id": self.department.current_id(), "doc_number": self.doc_number.text(),
            "doc_date": date_of(self.doc_date), "summary": self.summary.toPlainText(),
            "forms_guided": self.forms_guided.text()}
        return "add_document", lambda s, a: training_plan.add_document(s, a, **values).id, frozenset({TRAINING})
