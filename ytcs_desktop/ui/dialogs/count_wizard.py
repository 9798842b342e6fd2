"""Kiểm kê in three steps: start (book quantities frozen), enter what was counted, review and approve."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.domain.inventory.counts import approve_count, enter_physical, start_count
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.models.documents import CountLinesModel
from ytcs_desktop.ui.operations import STOCK
from ytcs_desktop.ui.pages.base import fit_columns, make_table
from ytcs_desktop.ui.widgets.form import ErrorLabel, Form, date_edit, date_of


class CountWizard(QWizard):
    """Signals: `finished(int)` as any dialog. `count_id` is the count being worked on."""

    def __init__(self, ctx: AppContext, count_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.count_id = count_id
        self.setWindowTitle(self.tr("Stock count"))
        self.setMinimumSize(900, 560)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        # Qt has no Vietnamese for its own wizard buttons: label them ourselves.
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Approve the count"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Close"))
        self.start_page = StartPage(self)
        self.lines_page = LinesPage(self)
        self.review_page = ReviewPage(self)
        for page in (self.start_page, self.lines_page, self.review_page):
            self.addPage(page)
        if count_id:
            self.setStartId(1)
            self.lines_page.model.show_count(count_id)

    def accept(self) -> None:
        """Finish: approve, posting a count correction for every difference."""
        count_id, proposals = self.count_id, self.review_page.proposals.toPlainText().strip() or None
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.ctx.ops.write(
            "approve_count", lambda s, a: approve_count(s, a, count_id=count_id or "", proposals=proposals),
            {STOCK}, on_done=lambda _r: super(CountWizard, self).accept(), on_error=self._refused, parent=self)

    def _refused(self, err: DomainError) -> None:
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.review_page.error.setText(err.message(self.ctx.lang))


class StartPage(QWizardPage):
    def __init__(self, wizard: CountWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("1. Start the count"))
        self.setSubTitle(self.tr("The book quantity of every lot in stock is frozen when the count starts."))
        layout = QVBoxLayout(self)
        self.form = Form()
        self.count_date = date_edit()
        self.form.add("count_date", self.tr("Count date"), self.count_date)
        self.team = QLineEdit()
        self.team.setPlaceholderText(self.tr("Names of the count team"))
        self.form.add("team", self.tr("Count team"), self.team)
        layout.addWidget(self.form)
        self.start_button = QPushButton(self.tr("Start the count"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        layout.addWidget(self.start_button)
        layout.addStretch(1)

    def start(self) -> None:
        self.form.clear_errors()
        day, team = date_of(self.count_date), self.team.text().strip() or None
        self.start_button.setEnabled(False)
        self.wiz.ctx.ops.write("start_count", lambda s, a: start_count(s, a, count_date=day, team=team).id,
                               {STOCK}, on_done=self._started, on_error=self._refused, parent=self)

    def _started(self, count_id: str) -> None:
        self.wiz.count_id = count_id
        self.wiz.lines_page.model.show_count(count_id)
        self.completeChanged.emit()
        self.wiz.next()

    def _refused(self, err: DomainError) -> None:
        self.start_button.setEnabled(True)
        self.form.show_error(err, self.wiz.ctx.lang)

    def isComplete(self) -> bool:
        return self.wiz.count_id is not None


class LinesPage(QWizardPage):
    def __init__(self, wizard: CountWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("2. Enter what was counted"))
        self.setSubTitle(self.tr("Type the counted quantity of each lot (F2 or double-click). A difference "
                                 "needs a reason."))
        layout = QVBoxLayout(self)
        self.model = CountLinesModel(wizard.ctx.ops, self)
        self.table = make_table(self.model)
        self.table.setEditTriggers(self.table.EditTrigger.DoubleClicked | self.table.EditTrigger.EditKeyPressed
                                   | self.table.EditTrigger.AnyKeyPressed)
        layout.addWidget(self.table, 1)
        self.error = ErrorLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.error)
        self.save_button = QPushButton(self.tr("Save the counted quantities"))
        self.save_button.clicked.connect(self.save)
        layout.addWidget(self.save_button)
        self.model.loaded.connect(self._loaded)
        self.model.dataChanged.connect(lambda *_: self.completeChanged.emit())

    def _loaded(self) -> None:
        fit_columns(self.table)
        self.completeChanged.emit()

    def save(self) -> None:
        """Every edited line in one operation: all saved, or none and the edits stay."""
        edits = dict(self.model.edits)
        rows = {r.id: r for r in self.model.rows()}
        plan: list[dict[str, Any]] = []
        for line_id, values in edits.items():
            row = rows.get(line_id)
            if row is None:
                continue
            plan.append({"line_id": line_id,
                         "physical_qty": values.get("physical_qty", row.physical_qty),
                         "reason": values.get("reason", row.reason)})

        def write(s: Any, a: Any) -> int:
            for entry in plan:
                qty = entry["physical_qty"]
                enter_physical(s, a, line_id=entry["line_id"], physical_qty=qty if qty is not None else "",  # type: ignore[arg-type]
                               reason=entry["reason"])
            return len(plan)

        self.error.clear()
        self.save_button.setEnabled(False)
        self.wiz.ctx.ops.write("enter_counts", write, {STOCK}, on_done=self._saved, on_error=self._refused,
                               parent=self)

    def _saved(self, _n: int) -> None:
        self.model.take_edits()
        self.save_button.setEnabled(True)
        self.completeChanged.emit()

    def _refused(self, err: DomainError) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(err.message(self.wiz.ctx.lang))

    def isComplete(self) -> bool:
        rows = self.model.rows()
        return bool(rows) and not self.model.edits and all(r.physical_qty is not None for r in rows)


class ReviewPage(QWizardPage):
    def __init__(self, wizard: CountWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("3. Review and approve"))
        self.setSubTitle(self.tr("Approving posts a count correction for every difference. It cannot be undone "
                                 "except by a new count."))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Proposals (printed on the minutes)")))
        self.proposals = QPlainTextEdit()
        self.proposals.setMaximumHeight(100)
        layout.addWidget(self.proposals)
        self.error = ErrorLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:
        rows = self.wiz.lines_page.model.rows()
        diffs = [r for r in rows if r.physical_qty is not None and r.physical_qty != r.book_qty]
        lines = [self.tr("%1 lots counted, %2 with a difference.").replace("%1", str(len(rows)))
                 .replace("%2", str(len(diffs)))]
        for r in diffs:
            lines.append(f"• {r.item} — {r.lot_no}: {r.book_qty} → {r.physical_qty} "
                         f"({(r.physical_qty or 0) - r.book_qty:+d}) {r.reason or ''}")
        self.summary.setText("\n".join(lines))
