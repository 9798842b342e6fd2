"""Kiểm kê in three steps: start (what to count; book quantities frozen), enter what was counted (searched
and filtered, the line being typed named above the table), review and approve."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.domain.inventory.count_scope import CountChoices, count_choices
from ytcs_desktop.domain.inventory.counts import SheetLine, approve_count, enter_physical, start_count
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.count_scope import ScopePicker
from ytcs_desktop.ui.models.base import SearchProxy, fmt_date, fmt_number
from ytcs_desktop.ui.models.documents import CountLinesModel
from ytcs_desktop.ui.operations import STOCK
from ytcs_desktop.ui.pages.base import fit_columns, make_table, search_box, toolbar_row
from ytcs_desktop.ui.widgets.dialog import DiscardGuard
from ytcs_desktop.ui.widgets.form import ErrorLabel, Form, date_edit, date_of


class CountWizard(QWizard):
    """Signals: `finished(int)` as any dialog. `count_id` is the count being worked on."""

    def __init__(self, ctx: AppContext, count_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.count_id = count_id
        self.setWindowTitle(self.tr("Stock count"))
        self.setMinimumSize(900, 500)  # 125 % of a 1366×768 screen leaves 550 px under the title bar
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
        self._discard = DiscardGuard(self, lambda: QWizard.reject(self))
        self._opened: tuple[object, ...] | None = None  # what the start page held when the wizard opened

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._opened is None:
            self._opened = self.start_page.entered()

    def reject(self) -> None:
        """Esc, Close or the window's close button before the count starts: a changed start page asks first,
        as every form does (once started, the count and its team are saved)."""
        self._discard.reject(self.count_id is None and self._opened is not None
                             and self.start_page.entered() != self._opened)

    @property
    def discard_question(self) -> QMessageBox | None:
        return self._discard.question

    def busy(self, on: bool) -> None:
        """The wait cursor while a step is written (a count of hundreds of lots takes a moment)."""
        if on:
            self.setCursor(Qt.CursorShape.WaitCursor)
        else:
            self.unsetCursor()

    def accept(self) -> None:
        """Finish: approve, posting a count correction for every difference."""
        count_id, proposals = self.count_id, self.review_page.proposals.toPlainText().strip() or None
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.busy(True)
        self.ctx.ops.write(
            "approve_count", lambda s, a: approve_count(s, a, count_id=count_id or "", proposals=proposals),
            {STOCK}, on_done=self._approved, on_error=self._refused, parent=self, on_failed=self.failed)

    def failed(self) -> None:
        """A write that failed for another reason than a rule (the operation said why): try again."""
        self.busy(False)
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.start_page.start_button.setEnabled(True)
        self.lines_page.save_button.setEnabled(True)

    def _approved(self, _rows: object) -> None:
        self.busy(False)
        super().accept()

    def _refused(self, err: DomainError) -> None:
        self.busy(False)
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.review_page.error.setText(err.message(self.ctx.lang))


class StartPage(QWizardPage):
    SCOPE_FIELDS = ("category", "location", "item_ids")  # refusals about the scope show under it

    def __init__(self, wizard: CountWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("1. Start the count"))
        self.setSubTitle(self.tr("Count the whole stock or part of it. The book quantity of each lot counted is "
                                 "frozen when the count starts; a part is approved on its own."))
        layout = QVBoxLayout(self)
        self.form = Form()
        self.count_date = date_edit()
        self.form.add("count_date", self.tr("Count date"), self.count_date)
        self.team = QLineEdit()
        self.team.setPlaceholderText(self.tr("Names of the count team"))
        self.form.add("team", self.tr("Count team"), self.team)
        self.scope = ScopePicker(wizard.ctx.lang)
        self.form.add("scope", self.tr("What to count"), self.scope)
        layout.addWidget(self.form, 1)
        self.start_button = QPushButton(self.tr("Start the count"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        layout.addWidget(self.start_button)
        self.count_date.dateChanged.connect(lambda _d: self.load_choices())
        self.load_choices()

    def entered(self) -> tuple[object, ...]:
        """What a person has set on this page: the day, the team, what to count."""
        return (self.count_date.text(), self.team.text(), self.scope.scope())

    def load_choices(self) -> None:
        """The places and the items in stock on the count day, read off the window's thread."""
        day, station_id = date_of(self.count_date), self.wiz.ctx.actor.station_id or ""
        self.wiz.ctx.ops.query(lambda s: count_choices(s, station_id, day), self._choices_loaded)

    def _choices_loaded(self, choices: CountChoices) -> None:
        self.scope.set_choices(choices)

    def start(self) -> None:
        self.form.clear_errors()
        day, team, scope = date_of(self.count_date), self.team.text().strip() or None, self.scope.scope()
        self.start_button.setEnabled(False)
        self.wiz.busy(True)
        self.wiz.ctx.ops.write(
            "start_count", lambda s, a: start_count(s, a, count_date=day, team=team, scope=scope).id,
            {STOCK}, on_done=self._started, on_error=self._refused, parent=self, on_failed=self.wiz.failed)

    def _started(self, count_id: str) -> None:
        self.wiz.busy(False)
        self.wiz.count_id = count_id
        self.wiz.lines_page.model.show_count(count_id)
        self.completeChanged.emit()
        self.wiz.next()

    def _refused(self, err: DomainError) -> None:
        self.wiz.busy(False)
        self.start_button.setEnabled(True)
        if err.field in self.SCOPE_FIELDS:
            err = DomainError(err.code, err.text, field="scope")
        self.form.show_error(err, self.wiz.ctx.lang)

    def isComplete(self) -> bool:
        return self.wiz.count_id is not None


class LinesPage(QWizardPage):
    ALL, NOT_COUNTED, DIFFERENT = range(3)

    def __init__(self, wizard: CountWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("2. Enter what was counted"))
        self.setSubTitle(self.tr("Type the counted quantity of each lot (F2 or double-click). A difference "
                                 "needs a reason."))
        layout = QVBoxLayout(self)
        self.model = CountLinesModel(wizard.ctx.ops, self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = search_box(self.tr("Search by item, code, lot or place (accents not needed)"), self.proxy)
        self.show_only = QComboBox()
        self.show_only.addItems([self.tr("All lines"), self.tr("Not counted yet"), self.tr("With a difference")])
        self.show_only.currentIndexChanged.connect(lambda _i: self._filter())
        self.progress = QLabel()
        layout.addLayout(toolbar_row(self.search, self.show_only, self.progress, stretch_at=2))
        # the line being typed, named above the table: its item stays in sight at any scroll
        self.current = QLabel()
        self.current.setObjectName("count_current_line")
        self.current.setWordWrap(True)
        layout.addWidget(self.current)
        self.table = make_table(self.model, self.proxy)
        self.table.setEditTriggers(self.table.EditTrigger.DoubleClicked | self.table.EditTrigger.EditKeyPressed
                                   | self.table.EditTrigger.AnyKeyPressed)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().currentChanged.connect(lambda cur, _prev: self._show_current(cur))
        self.error = ErrorLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.error)
        self.save_button = QPushButton(self.tr("Save the counted quantities"))
        self.save_button.clicked.connect(self.save)
        layout.addWidget(self.save_button)
        self.model.loaded.connect(self._loaded)
        self.model.dataChanged.connect(lambda *_: self._changed())

    def _counted(self, row: SheetLine) -> int | None:
        value = self.model.edits.get(row.id, {}).get("physical_qty", row.physical_qty)
        try:
            return None if value in (None, "") else int(value)
        except (TypeError, ValueError):
            return None

    def _filter(self) -> None:
        """Lines leave a filter when it is chosen again, not while their count is being typed."""
        mode = self.show_only.currentIndex()
        if mode == self.NOT_COUNTED:
            self.proxy.set_predicate(lambda r: self._counted(r) is None)
        elif mode == self.DIFFERENT:
            self.proxy.set_predicate(lambda r: (n := self._counted(r)) is not None and n != r.book_qty)
        else:
            self.proxy.set_predicate(None)

    def _show_current(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        rows = self.model.rows()
        if not source.isValid() or source.row() >= len(rows):
            self.current.clear()
            return
        row = rows[source.row()]
        place = f" · {row.place}" if row.place else ""
        self.current.setText(
            self.tr("<b>%1</b> · lot %2 · expiry %3 · book %4 %5").replace("%1", html.escape(row.item))
            .replace("%2", html.escape(row.lot_no))
            .replace("%3", fmt_date(row.expiry)).replace("%4", fmt_number(row.book_qty)).replace("%5", row.unit)
            + html.escape(place))

    def _changed(self) -> None:
        self._show_progress()
        self.completeChanged.emit()

    def _show_progress(self) -> None:
        rows = self.model.rows()
        done = sum(1 for r in rows if self._counted(r) is not None)
        self.progress.setText(self.tr("%1 of %2 lots counted").replace("%1", fmt_number(done))
                              .replace("%2", fmt_number(len(rows))))

    def _loaded(self) -> None:
        fit_columns(self.table)
        self._show_progress()
        self.completeChanged.emit()
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            counted = [c.key for c in self.model.columns].index("physical_qty")
            QTimer.singleShot(0, self, lambda: self.table.setCurrentIndex(self.proxy.index(0, counted)))

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
        self.wiz.busy(True)
        self.wiz.ctx.ops.write("enter_counts", write, {STOCK}, on_done=self._saved, on_error=self._refused,
                               parent=self, on_failed=self.wiz.failed)

    def _saved(self, _n: int) -> None:
        self.wiz.busy(False)
        self.model.take_edits()
        self.save_button.setEnabled(True)
        self.completeChanged.emit()

    def _refused(self, err: DomainError) -> None:
        self.wiz.busy(False)
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
