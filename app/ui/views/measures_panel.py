"""The "Follow-up measures" tab: accompanying measures for households failing a condition.

Lists the district's measures (case-worker visits planned for households that kept failing a
condition), open ones first, overdue ones marked as grievances are. "Check non-compliance…"
plans the visits for a month; the selected measure can be assigned, started, marked done or
cancelled (both with an outcome). Every service call runs in a worker; viewers get no actions.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import MeasureStatus
from app.errors import AppError
from app.services.compliance import (
    MeasureOut,
    check_non_compliance,
    list_measures,
    period_of,
    shift_period,
    update_measure,
)
from app.services.context import ServiceContext
from app.services.grievance_options import assignee_options
from app.services.options import Option
from app.ui import error_presenter, tasks
from app.ui.dialogs.followup_dialogs import (
    AssignMeasureDialog,
    CheckNonComplianceDialog,
    FinishMeasureDialog,
)
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.itemmodels.measure_table_model import MeasureTableModel, reason_text
from app.ui.labels import vocab_label
from app.ui.messages import app_error_text
from app.ui.widgets.field_errors import ERROR_STYLE

M = MeasureTableModel
COLUMN_WIDTHS = {
    M.COL_HOUSEHOLD: 110,
    M.COL_HEAD: 150,
    M.COL_CONDITION: 130,
    M.COL_ASSIGNEE: 100,
    M.COL_DUE: 250,
    M.COL_STATUS: 90,
}
OPEN_FILTER = "open"


class MeasuresPanel(QWidget):
    # Open this household's page; argument: its id.
    household_requested = Signal(str)
    # A measure changed or was planned (status bar's pending changes).
    changed = Signal()
    # The list was (re)loaded; argument: how many rows it shows.
    measures_loaded = Signal(int)

    def __init__(self, ctx: ServiceContext, *, writable: bool, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._writable = writable
        self._selected: str | None = None
        self.dialog: FormDialog | None = None

        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Open (planned or in progress)"), OPEN_FILTER)
        self.status_combo.addItem(self.tr("Any status"), "")
        for status in MeasureStatus:
            self.status_combo.addItem(vocab_label(status), status.value)
        self.check_button = QPushButton(self.tr("Check non-compliance…"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.model = MeasureTableModel(parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self._set_up_table()
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.assign_button = QPushButton(self.tr("Assign…"))
        self.start_button = QPushButton(self.tr("Start"))
        self.done_button = QPushButton(self.tr("Done…"))
        self.cancel_button = QPushButton(self.tr("Cancel…"))
        self.open_household_button = QPushButton(self.tr("Open household"))
        self.action_buttons = [
            self.check_button,
            self.assign_button,
            self.start_button,
            self.done_button,
            self.cancel_button,
        ]
        for button in self.action_buttons:
            button.setVisible(self._writable)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.result_label = QLabel()
        self.result_label.setObjectName("result")
        self.result_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.status_combo)
        top.addStretch(1)
        top.addWidget(self.check_button)
        top.addWidget(self.refresh_button)
        actions = QHBoxLayout()
        for button in self.action_buttons[1:]:
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.open_household_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 12, 12, 6)
        column.addLayout(top)
        column.addWidget(self.table, 1)
        column.addWidget(self.detail_label)
        column.addLayout(actions)
        column.addWidget(self.error_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addSpacing(12)
        bottom.addWidget(self.result_label, 1)
        column.addLayout(bottom)

        self.status_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.check_button.clicked.connect(self.check_dialog)
        self.assign_button.clicked.connect(self.assign_dialog)
        self.start_button.clicked.connect(self.start_measure)
        self.done_button.clicked.connect(lambda: self.finish_dialog(MeasureStatus.DONE))
        self.cancel_button.clicked.connect(lambda: self.finish_dialog(MeasureStatus.CANCELLED))
        self.open_household_button.clicked.connect(self._on_open_household)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.activated.connect(lambda _index: self._on_open_household())
        self._show_selected()

    def _set_up_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)
        rows = table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for col, width in COLUMN_WIDTHS.items():
            table.setColumnWidth(col, width)
        header.setSectionResizeMode(M.COL_REASON, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)

    # --- state -------------------------------------------------------------------------------

    def selected(self) -> MeasureOut | None:
        picked = self.table.selectionModel().selectedRows()
        return self.model.row_at(picked[0].row()) if picked else None

    def select_measure(self, measure_id: str) -> None:
        row = self.model.row_of(measure_id)
        if row >= 0:
            self.table.selectRow(row)

    # --- loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the measures (in a worker) with the chosen status filter."""
        ctx, choice, today = self._ctx, self.status_combo.currentData(), self._ctx.today()
        open_only = choice == OPEN_FILTER
        status = None if open_only or not choice else str(choice)
        tasks.submit(
            lambda: list_measures(
                ctx.db, today=today, actor=ctx.actor, open_only=open_only, status=status
            ),
            on_success=lambda rows: self._on_loaded(rows, today),
            on_failure=self._on_failed,
            pool_name=tasks.READS,
            name="measures",
            owner=self,
        )

    def _on_loaded(self, rows: list[MeasureOut], today: date) -> None:
        keep = self._selected
        self.model.set_rows(rows, today=today)
        if keep is not None and self.model.row_of(keep) >= 0:
            self.select_measure(keep)
        self._show_selected()
        self.count_label.setText(
            self.tr("%n measure(s)", "", len(rows)) if rows else self.tr("No measure")
        )
        self.measures_loaded.emit(len(rows))

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        measure = self.selected()
        self._selected = measure.id if measure is not None else None
        self._show_selected()

    def _show_selected(self) -> None:
        measure = self.selected()
        open_ = measure is not None and measure.status in (
            MeasureStatus.PLANNED,
            MeasureStatus.IN_PROGRESS,
        )
        self.assign_button.setEnabled(open_)
        self.start_button.setEnabled(
            measure is not None and measure.status == MeasureStatus.PLANNED
        )
        self.done_button.setEnabled(open_)
        self.cancel_button.setEnabled(open_)
        self.open_household_button.setEnabled(measure is not None)
        if measure is None:
            self.detail_label.setText(self.tr("Select a measure to work on it."))
            return
        lines = [
            self.tr("{kind} for household {code}: {reason}.").format(
                kind=vocab_label(measure.kind),
                code=measure.household_code,
                reason=reason_text(measure),
            )
        ]
        if measure.outcome:
            lines.append(self.tr("Outcome: {outcome}").format(outcome=measure.outcome))
        self.detail_label.setText("\n".join(lines))

    def _on_failed(self, exc: BaseException) -> None:
        self._show_selected()
        if isinstance(exc, AppError):
            self.error_label.setText(app_error_text(exc))
            self.error_label.show()
        else:
            error_presenter.present(exc, self)

    # --- actions -----------------------------------------------------------------------------

    def _show(self, dialog: FormDialog, after: Callable[[Any], None]) -> FormDialog:
        """Open ``dialog`` window-modal; once saved, run ``after`` and reload the list."""

        def finished(result: int) -> None:
            self.dialog = None
            if result == QDialog.DialogCode.Accepted.value:
                after(dialog.outcome())
                self.changed.emit()
                self.refresh()
            dialog.deleteLater()

        self.error_label.hide()
        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def check_dialog(self) -> FormDialog | None:
        if not self._writable:
            return None
        ctx = self._ctx
        default = shift_period(period_of(ctx.today()), -1)

        def save(period: str) -> tuple[str, list[MeasureOut]]:
            return period, check_non_compliance(ctx, period=period)

        def after(result: tuple[str, list[MeasureOut]]) -> None:
            period, created = result
            if created:
                self._selected = created[0].id
                self.result_label.setText(
                    self.tr(
                        "%n follow-up measure(s) planned for {period}.", "", len(created)
                    ).format(period=period)
                )
            else:
                self.result_label.setText(
                    self.tr("No new follow-up needed for {period}.").format(period=period)
                )

        return self._show(CheckNonComplianceDialog(default, save, parent=self), after)

    def assign_dialog(self) -> None:
        """Load the district's users (in a worker), then open the assign dialog."""
        measure = self.selected()
        if measure is None or not self._writable:
            return
        ctx = self._ctx
        tasks.submit(
            lambda: assignee_options(ctx.db, actor=ctx.actor),
            on_success=lambda users: self._open_assign(measure, users),
            on_failure=self._on_failed,
            pool_name=tasks.READS,
            name="measure assignees",
            owner=self,
        )

    def _open_assign(self, measure: MeasureOut, users: list[Option]) -> None:
        ctx, measure_id = self._ctx, measure.id

        def save(values: dict[str, Any]) -> int:
            return update_measure(ctx, measure_id=measure_id, **values)

        dialog = AssignMeasureDialog(measure, users, save, today=ctx.today(), parent=self)
        self._show(dialog, lambda _version: None)

    def finish_dialog(self, status: str) -> FormDialog | None:
        measure = self.selected()
        if measure is None or not self._writable:
            return None
        ctx, measure_id = self._ctx, measure.id

        def save(outcome: str) -> int:
            return update_measure(ctx, measure_id=measure_id, status=status, outcome=outcome)

        return self._show(FinishMeasureDialog(measure, status, save, parent=self), lambda _v: None)

    def start_measure(self) -> None:
        """Mark the selected measure IN_PROGRESS (in the write pool)."""
        measure = self.selected()
        if measure is None or not self._writable:
            return
        ctx, measure_id = self._ctx, measure.id
        self.start_button.setEnabled(False)
        self.error_label.hide()
        tasks.submit(
            lambda: update_measure(ctx, measure_id=measure_id, status=MeasureStatus.IN_PROGRESS),
            on_success=lambda _version: self._on_written(),
            on_failure=self._on_failed,
            pool_name=tasks.WRITES,
            name="start measure",
            owner=self,
        )

    def _on_written(self) -> None:
        self.changed.emit()
        self.refresh()

    def _on_open_household(self) -> None:
        measure = self.selected()
        if measure is not None:
            self.household_requested.emit(measure.household_id)
