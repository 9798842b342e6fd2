"""Sending a report to the centre (a station), and the centre's return or acknowledgement of one.

The station's dialog shows the period and its figures counted from the records before sending; what is
typed is kept as a draft on this computer (its local settings) until the report is sent, so a closed
dialog loses nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ytcs_desktop.domain.reportdata.remembered import remember_input, remembered_input
from ytcs_desktop.domain.reporting.schedule import ReportPeriod, latest_ended, list_kinds
from ytcs_desktop.domain.reporting.submissions import FIGURES, SubmissionRow, prepare, review, submit
from ytcs_desktop.store.session import Session
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.stock_moves import Op
from ytcs_desktop.ui.models.base import fmt_date, fmt_number
from ytcs_desktop.ui.operations import REPORTING, run_sync_query
from ytcs_desktop.ui.widgets.dialog import OperationDialog
from ytcs_desktop.ui.widgets.form import date_edit, date_of

DRAFT = "submission"  # the draft's key among this computer's remembered inputs


def figures_lines(figures: dict[str, Any], lang: str) -> list[str]:
    """The counts a report carries, one per line, in the window's language."""
    return [f"{name.text(lang)}: {fmt_number(figures.get(key, 0))}" for key, name in FIGURES.items()]


def _text_box(height: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


class SubmissionDialog(OperationDialog):
    """A station's report of one period: the kind, a day in the period, the figures (counted, not
    typed), the difficulties and proposals, and whether it corrects the report already sent."""

    asks_before_discarding = False  # closing keeps the draft on this computer instead

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, kind: str | None = None,
                 day: dt.date | None = None) -> None:
        super().__init__(ctx, self.tr("Submit a report to the centre"), parent)
        self.setMinimumWidth(640)
        self.save_button.setText(self.tr("Submit"))
        self.station_id = ctx.actor.station_id or ""
        today = dt.date.today()
        kinds, draft = run_sync_query(ctx.db, lambda s: (  # tiny reads, at opening
            [(k.code, k.name, latest_ended(k, today).date_to) for k in list_kinds(s)], remembered_input(s, DRAFT)))
        self.last_ended = {code: end for code, _name, end in kinds}  # the period a report can be sent for now
        self.kind = QComboBox()
        for code, name, _end in kinds:
            self.kind.addItem(name, code)
        self.form.add("kind", self.tr("Report"), self.kind)
        self.day = date_edit(day or today)
        self.form.add("period", self.tr("A day in the period"), self.day)
        self.period_label = QLabel()
        self.period_label.setObjectName("period_label")
        self.period_label.setWordWrap(True)
        self.form.add_row(self.period_label)
        self.figures_label = QLabel()
        self.figures_label.setObjectName("figures_label")
        self.figures_label.setWordWrap(True)
        self.figures_label.setStyleSheet("color: #333;")
        self.form.add_row(self.figures_label)
        self.difficulties = _text_box(90)
        self.difficulties.setPlaceholderText(self.tr("one per line"))
        self.form.add("difficulties", self.tr("Difficulties"), self.difficulties)
        self.proposals = _text_box(90)
        self.proposals.setPlaceholderText(self.tr("one per line"))
        self.form.add("proposals", self.tr("Proposals"), self.proposals)
        self.corrects = QCheckBox(self.tr("This corrects the report already sent for this period"))
        self.form.add("corrects", "", self.corrects)
        self.correction_note = QLineEdit()
        self.correction_note.setPlaceholderText(self.tr("what was corrected"))
        self.form.add("correction_note", self.tr("Correction"), self.correction_note)
        if not kinds:
            self.period_label.setText(self.tr("The centre has not sent its reporting schedule yet: sync first."))
        self._restore(draft, kind, day)
        self.correction_note.setEnabled(self.corrects.isChecked())
        self.corrects.toggled.connect(self.correction_note.setEnabled)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.day.dateChanged.connect(lambda _d: self.preview())
        self.preview()

    # ----- the draft ---------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {"kind": self.kind.currentData(), "day": date_of(self.day).isoformat(),
                "difficulties": self.difficulties.toPlainText(), "proposals": self.proposals.toPlainText(),
                "corrects": self.corrects.isChecked(), "correction_note": self.correction_note.text()}

    def _restore(self, draft: dict[str, Any], kind: str | None, day: dt.date | None) -> None:
        wanted = kind or draft.get("kind") or "weekly"
        index = self.kind.findData(wanted)
        if index >= 0:
            self.kind.setCurrentIndex(index)
        chosen = day
        if chosen is None and isinstance(draft.get("day"), str):
            try:
                chosen = dt.date.fromisoformat(draft["day"])
            except ValueError:
                chosen = None
        chosen = chosen or self.last_ended.get(str(self.kind.currentData()))
        if chosen is not None:
            self.day.setDate(QDate(chosen.year, chosen.month, chosen.day))
        self.difficulties.setPlainText(str(draft.get("difficulties") or ""))
        self.proposals.setPlainText(str(draft.get("proposals") or ""))
        self.corrects.setChecked(bool(draft.get("corrects")))
        self.correction_note.setText(str(draft.get("correction_note") or ""))

    def reject(self) -> None:
        """Closed without sending: what was typed stays as this computer's draft for next time."""
        if self.is_changed():
            values = self.values()
            self.ctx.ops.write("remember_report_input", lambda s, _a: remember_input(s, DRAFT, values), frozenset())
        super().reject()

    # ----- the period and its figures ------------------------------------------------------------------
    def _kind_changed(self) -> None:
        """Another kind: its last ended period, the one a report can be sent for now."""
        end = self.last_ended.get(str(self.kind.currentData()))
        if end is not None:
            self.day.setDate(QDate(end.year, end.month, end.day))  # the preview follows the date
        self.preview()

    def preview(self) -> None:
        kind = self.kind.currentData()
        if not kind:
            return
        station, day = self.station_id, date_of(self.day)
        self.ctx.ops.query(lambda s: prepare(s, station, str(kind), day), self._show_preview,
                           lambda _e: self.figures_label.clear())

    def _show_preview(self, found: tuple[ReportPeriod, dict[str, Any]]) -> None:
        period, figures = found
        self.period_label.setText(self.tr("Period %1 – %2, due %3").replace("%1", fmt_date(period.date_from))
                                  .replace("%2", fmt_date(period.date_to)).replace("%3", fmt_date(period.deadline)))
        lines = figures_lines(figures, self.ctx.lang)
        self.figures_label.setText(self.tr("Counted from this station's records:") + "\n" + "\n".join(lines))

    def operation(self) -> Op:
        values = self.values()
        kind, day = str(values["kind"] or ""), date_of(self.day)

        def send(s: Session, actor: Any) -> str:
            row = submit(s, actor, kind=kind, day=day, difficulties=values["difficulties"],
                         proposals=values["proposals"], corrects=values["corrects"],
                         correction_note=values["correction_note"] or None)
            remember_input(s, DRAFT, {})  # sent: the draft is done with
            return row.id

        return "submit_report", send, frozenset({REPORTING})


class ReviewDialog(OperationDialog):
    """The centre returns a station's report with what to correct, or acknowledges it."""

    def __init__(self, ctx: AppContext, row: SubmissionRow, to: str, parent: QWidget | None = None) -> None:
        title = self.tr("Return the report to the station") if to == "returned" else self.tr("Acknowledge the report")
        super().__init__(ctx, title, parent)
        self.setMinimumWidth(560)
        self.row, self.to = row, to
        self.save_button.setText(self.tr("Return") if to == "returned" else self.tr("Acknowledge"))
        head = QLabel(f"{row.station_name} — {fmt_date(row.period_from)} – {fmt_date(row.period_to)}")
        head.setStyleSheet("font-weight: 600;")
        self.form.add_row(head)
        sent = self.tr("Sent %1 by %2").replace("%1", fmt_date(row.submitted_at)).replace("%2", row.submitted_by)
        body = [sent, *figures_lines(row.figures, ctx.lang)]
        if row.difficulties:
            body += [self.tr("Difficulties:"), *(f"- {x}" for x in row.difficulties)]
        if row.proposals:
            body += [self.tr("Proposals:"), *(f"- {x}" for x in row.proposals)]
        summary = QLabel("\n".join(body))
        summary.setWordWrap(True)
        self.form.add_row(summary)
        self.comment = _text_box(80)
        self.form.add("review_comment", self.tr("What the station should correct") if to == "returned"
                      else self.tr("Comment"), self.comment)

    def operation(self) -> Op:
        row_id, to, text = self.row.id, self.to, self.comment.toPlainText()
        name = "return_report" if to == "returned" else "acknowledge_report"
        return name, lambda s, a: review(s, a, row_id, to, text).id, frozenset({REPORTING})
