"""The Compliance area: key a returned attendance sheet back in, row by row, from the keyboard.

Choose the condition (school attendance, health visits, days of work), the service point that
carries its sheets (school, clinic, works site) and the month. The grid lists the sheet's people
in the printed sheet's order with the same numbers. Keys: digits type a count; Enter or Tab
moves down to the next row still to key; in the Outcome column Space cycles Met → Not met →
Exempt → blank and Y/1, N/0, E set it directly; Delete clears a cell. "Save" records every keyed
row in one call; rows the service refuses show why on the row, and nothing is written until all
pass. The panel on the right shows the selected row's household compliance.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QIntValidator, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import ComplianceOutcome
from app.errors import AppError, ValidationFailed
from app.services.compliance import (
    ComplianceGrid,
    ConditionOption,
    RecordResult,
    compliance_grid,
    condition_options,
    period_of,
    record_attendance,
    sheet_service_points,
    shift_period,
)
from app.services.context import ServiceContext
from app.ui import error_presenter, formatting, tasks
from app.ui.itemmodels.compliance_grid_model import (
    OUTCOME_KEYS,
    ComplianceGridModel,
)
from app.ui.messages import app_error_text, error_text, field_error_text
from app.ui.views.household_compliance_panel import HouseholdCompliancePanel
from app.ui.widgets.field_errors import ERROR_STYLE

G = ComplianceGridModel
PERIODS_BACK = 12
COLUMN_WIDTHS = {
    G.COL_NO: 38,
    G.COL_HOUSEHOLD: 100,
    G.COL_NAME: 150,
    G.COL_SEX_AGE: 85,
    G.COL_CAREGIVER: 125,
    G.COL_ATTENDED: 88,
    G.COL_EXPECTED: 82,
    G.COL_OUTCOME: 100,
}
Index = QModelIndex | QPersistentModelIndex


class _CountDelegate(QStyledItemDelegate):
    """Counts are typed as digits only; the outcome cell takes words or the legend's letters."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        if index.column() != G.COL_OUTCOME:
            editor.setValidator(QIntValidator(0, 999, editor))
            editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        del option
        return editor


class SheetTableView(QTableView):
    """A table that moves down on Enter and Tab and sets outcomes with single keys."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setItemDelegate(_CountDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(True)

    def grid_model(self) -> ComplianceGridModel:
        model = self.model()
        assert isinstance(model, ComplianceGridModel)
        return model

    def move_down(self) -> None:
        """To the next row still to key, same column (or stay on the last row)."""
        current = self.currentIndex()
        if not current.isValid():
            return
        model = self.grid_model()
        for row in range(current.row() + 1, model.rowCount()):
            if model.is_editable_row(row):
                self.setCurrentIndex(model.index(row, current.column()))
                return

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        model = self.grid_model()
        key = event.key()
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if index.isValid() and plain:
            row, column = index.row(), index.column()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
                self.move_down()
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                model.clear_cell(row, column)
                return
            if column == G.COL_OUTCOME and model.is_editable_row(row):
                if key == Qt.Key.Key_Space:
                    model.cycle_outcome(row)
                    return
                letter = event.text().upper()
                if letter in OUTCOME_KEYS:
                    model.set_outcome(row, OUTCOME_KEYS[letter])
                    self.move_down()
                    return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        moves = hint in (
            QAbstractItemDelegate.EndEditHint.EditNextItem,
            QAbstractItemDelegate.EndEditHint.SubmitModelCache,
        )
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if moves:
            self.move_down()


class ComplianceView(QWidget):
    # A sheet was saved; argument: how many rows were recorded.
    saved = Signal(int)
    grid_loaded = Signal()

    def __init__(self, ctx: ServiceContext, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._conditions: dict[str, ConditionOption] = {}
        self._grid_generation = 0
        self._saving = False
        self._saved_message = ""

        self.condition_combo = QComboBox()
        self.condition_combo.setMinimumContentsLength(30)
        self.condition_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.point_combo = QComboBox()
        self.point_combo.setMinimumContentsLength(30)
        self.point_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.point_combo.setMaxVisibleItems(20)
        self.period_combo = QComboBox()
        this_month = period_of(ctx.today())
        for back in range(PERIODS_BACK):
            period = shift_period(this_month, -back)
            self.period_combo.addItem(period, period)
        self.period_combo.setCurrentIndex(1)  # the last complete month
        self.expected_edit = QLineEdit()
        self.expected_edit.setValidator(QIntValidator(0, 999, self.expected_edit))
        self.expected_edit.setMaximumWidth(60)
        self.expected_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.expected_label = QLabel(self.tr("Expected on every row"))

        self.header_label = QLabel()
        self.header_label.setObjectName("sheet")
        self.header_label.setWordWrap(True)
        self.model = ComplianceGridModel(self)
        self.table = SheetTableView()
        self.table.setModel(self.model)
        self._set_up_table()
        self.panel = HouseholdCompliancePanel(ctx)
        self.panel.setMinimumWidth(200)

        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        self.all_met_button = QPushButton(self.tr("Rows not keyed: Met"))
        self.all_met_button.setToolTip(
            self.tr("Mark every row still blank as met, then key only the exceptions.")
        )
        self.save_button = QPushButton(self.tr("Save sheet"))
        self.save_button.setDefault(True)
        writable = ctx.actor is not None and ctx.actor.role != "viewer"
        self.save_button.setEnabled(writable)
        self.all_met_button.setEnabled(writable)

        pickers = QHBoxLayout()
        for caption, widget in (
            (self.tr("Condition"), self.condition_combo),
            (self.tr("Service point"), self.point_combo),
            (self.tr("Month"), self.period_combo),
        ):
            pickers.addWidget(QLabel(caption))
            pickers.addWidget(widget)
            pickers.addSpacing(8)
        pickers.addStretch(1)
        pickers.addWidget(self.expected_label)
        pickers.addWidget(self.expected_edit)

        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([830, 230])
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.all_met_button)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(pickers)
        layout.addWidget(self.header_label)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self.condition_combo.currentIndexChanged.connect(lambda _i: self._load_points())
        self.point_combo.currentIndexChanged.connect(lambda _i: self.load_grid())
        self.period_combo.currentIndexChanged.connect(lambda _i: self.load_grid())
        self.expected_edit.editingFinished.connect(self._on_expected_changed)
        self.save_button.clicked.connect(self.save)
        self.all_met_button.clicked.connect(self._on_all_met_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.model.dataChanged.connect(lambda *_a: self._update_status())
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        # Read when first shown: at start-up the household list has the workers to itself.
        self._conditions_requested = False

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._conditions_requested:
            self._conditions_requested = True
            self._load_conditions()

    def _set_up_table(self) -> None:
        table = self.table
        table.setWordWrap(False)
        rows = table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in COLUMN_WIDTHS.items():
            table.setColumnWidth(column, width)
        header.setStretchLastSection(True)

    # --- pickers -----------------------------------------------------------------------------

    def _load_conditions(self) -> None:
        db = self._ctx.db
        tasks.submit(
            lambda: condition_options(db),
            on_success=self._on_conditions,
            on_failure=lambda exc: error_presenter.present(exc, self),
            pool_name=tasks.READS,
            name="conditions",
            owner=self,
        )

    def _on_conditions(self, options: list[ConditionOption]) -> None:
        self._conditions = {o.code: o for o in options if o.service_point_kind}
        self.condition_combo.blockSignals(True)
        self.condition_combo.clear()
        for option in self._conditions.values():
            self.condition_combo.addItem(f"{option.name} ({option.programme_code})", option.code)
        self.condition_combo.blockSignals(False)
        if not self._conditions:
            self.header_label.setText(self.tr("No programme of this district has conditions."))
            return
        self._load_points()

    def _load_points(self) -> None:
        code = self.condition_combo.currentData()
        if not code:
            return
        ctx = self._ctx
        tasks.submit(
            lambda: sheet_service_points(ctx.db, condition_code=code, actor=ctx.actor),
            on_success=lambda points: self._on_points(code, points),
            on_failure=lambda exc: error_presenter.present(exc, self),
            pool_name=tasks.READS,
            name="sheet service points",
            owner=self,
        )

    def _on_points(self, condition_code: str, points: list[tuple[str, str]]) -> None:
        if condition_code != self.condition_combo.currentData():
            return
        self.point_combo.blockSignals(True)
        self.point_combo.clear()
        for code, name in points:
            self.point_combo.addItem(f"{name} ({code})", code)
        self.point_combo.blockSignals(False)
        option = self._conditions.get(condition_code)
        percent = option is not None and option.threshold_is_percent
        self.expected_label.setVisible(percent)
        self.expected_edit.setVisible(percent)
        self.load_grid()

    def choose(self, *, condition: str, service_point: str, period: str) -> None:
        """Select a sheet programmatically (tests, screenshots); loads it."""
        self._grid_generation += 1  # drop any grid still loading for the previous choice
        self.period_combo.blockSignals(True)
        index = self.period_combo.findData(period)
        if index < 0:
            self.period_combo.addItem(period, period)
            index = self.period_combo.count() - 1
        self.period_combo.setCurrentIndex(index)
        self.period_combo.blockSignals(False)
        self.condition_combo.blockSignals(True)
        self.condition_combo.setCurrentIndex(self.condition_combo.findData(condition))
        self.condition_combo.blockSignals(False)
        ctx = self._ctx

        def done(points: list[tuple[str, str]]) -> None:
            self.point_combo.blockSignals(True)
            self._on_points(condition, points)
            self.point_combo.setCurrentIndex(self.point_combo.findData(service_point))
            self.point_combo.blockSignals(False)
            self.load_grid()

        tasks.submit(
            lambda: sheet_service_points(ctx.db, condition_code=condition, actor=ctx.actor),
            on_success=done,
            pool_name=tasks.READS,
            name="sheet service points",
            owner=self,
        )

    # --- the grid ----------------------------------------------------------------------------

    def load_grid(self, *, keep_message: bool = False) -> None:
        if not keep_message:
            self._saved_message = ""
        condition = self.condition_combo.currentData()
        point = self.point_combo.currentData()
        period = self.period_combo.currentData()
        self._grid_generation += 1
        if not (condition and point and period):
            self.model.set_grid(None)
            self.header_label.setText(
                self.tr("No school, clinic or works site carries this condition's sheets.")
                if condition
                else ""
            )
            return
        ctx, gen = self._ctx, self._grid_generation
        self.header_label.setText(self.tr("Loading the sheet…"))
        tasks.submit(
            lambda: compliance_grid(
                ctx.db,
                service_point_code=point,
                condition_code=condition,
                period=period,
                actor=ctx.actor,
            ),
            on_success=lambda grid: self._on_grid(gen, grid),
            on_failure=self._on_grid_failed,
            pool_name=tasks.READS,
            name="compliance grid",
            owner=self,
        )

    def _on_grid(self, generation: int, grid: ComplianceGrid) -> None:
        if generation != self._grid_generation:
            return
        self.model.set_grid(grid)
        self._on_expected_changed()
        self._render_header(grid)
        self._update_status()
        first = next((r for r in range(self.model.rowCount()) if self.model.is_editable_row(r)), 0)
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(first, G.COL_ATTENDED))
        self.grid_loaded.emit()

    def _on_grid_failed(self, exc: BaseException) -> None:
        self.model.set_grid(None)
        if isinstance(exc, AppError):
            self.header_label.setText(app_error_text(exc))
        else:
            error_presenter.present(exc, self)

    def _render_header(self, grid: ComplianceGrid) -> None:
        if grid.threshold_is_percent:
            rule = self.tr("met at {n} % of the expected days").format(n=grid.threshold)
        else:
            rule = self.tr("met at {n} or more").format(n=formatting.number(grid.threshold))
        self.header_label.setText(
            self.tr(
                "<b>{point}</b> · {condition}, {rule} · {period}<br>"
                "Listed {listed} · met {met} · not met {not_met} · exempt {exempt} · "
                "not reported {missing}"
            ).format(
                point=grid.service_point_name,
                condition=grid.condition_name,
                rule=rule,
                period=grid.period,
                listed=formatting.number(grid.listed),
                met=formatting.number(grid.met),
                not_met=formatting.number(grid.not_met),
                exempt=formatting.number(grid.exempt),
                missing=formatting.number(grid.not_reported),
            )
        )

    def _update_status(self) -> None:
        if self._saving:
            return
        errors = len(self.model.rows_with_errors())
        keyed = self.model.keyed_count()
        if errors:
            self.status_label.setStyleSheet(ERROR_STYLE)
            self.status_label.setText(
                self.tr("%n line(s) need correcting: see the Check column.", "", errors)
            )
        elif keyed or not self._saved_message:
            self.status_label.setStyleSheet("")
            self.status_label.setText(self.tr("%n line(s) keyed, not saved yet.", "", keyed))
        else:
            self.status_label.setStyleSheet("color: #1e7e34;")
            self.status_label.setText(self._saved_message)

    def _on_expected_changed(self) -> None:
        text = self.expected_edit.text().strip()
        self.model.fill_expected(int(text) if text.isdigit() else None)

    def _on_all_met_clicked(self) -> None:
        for row in range(self.model.rowCount()):
            entry = self.model.entry_at(row)
            if self.model.is_editable_row(row) and entry is not None and not entry.keyed:
                self.model.set_outcome(row, ComplianceOutcome.MET)

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row())
        grid = self.model.grid
        if row is not None and grid is not None:
            self.panel.load(row.household_code, until=grid.period)

    # --- saving ------------------------------------------------------------------------------

    def save(self) -> None:
        grid = self.model.grid
        if grid is None or self._saving:
            return
        if self.table.state() == QAbstractItemView.State.EditingState:
            # Commit the cell being typed in before reading the grid.
            self.table.setCurrentIndex(self.table.currentIndex())
            self.table.clearFocus()
            self.table.setFocus()
        keyed = self.model.entries()
        if not keyed:
            self.status_label.setStyleSheet("")
            self.status_label.setText(self.tr("Nothing keyed yet."))
            return
        rows = [row for row, _ in keyed]
        entries = [entry for _, entry in keyed]
        ctx = self._ctx
        condition, point, period = grid.condition_code, grid.service_point_code, grid.period
        self._saving = True
        self.save_button.setEnabled(False)
        self.status_label.setText(self.tr("Saving…"))
        tasks.submit(
            lambda: record_attendance(
                ctx,
                condition_code=condition,
                period=period,
                service_point_code=point,
                entries=entries,
            ),
            on_success=self._on_saved,
            on_failure=lambda exc: self._on_save_failed(rows, exc),
            pool_name=tasks.WRITES,
            name="record attendance",
            owner=self,
        )

    def _on_saved(self, result: RecordResult) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        count = len(result.record_ids)
        self._saved_message = self.tr(
            "Saved {count} lines: {met} met, {not_met} not met, {exempt} exempt."
        ).format(
            count=formatting.number(count),
            met=formatting.number(result.met),
            not_met=formatting.number(result.not_met),
            exempt=formatting.number(result.exempt),
        )
        self.load_grid(keep_message=True)
        self.saved.emit(count)

    def _on_save_failed(self, rows: list[int], exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if not isinstance(exc, AppError):
            error_presenter.present(exc, self)
            return
        if not isinstance(exc, ValidationFailed):
            self.status_label.setStyleSheet(ERROR_STYLE)
            self.status_label.setText(app_error_text(exc))
            return
        by_row: dict[int, list[str]] = {}
        general: list[str] = []
        for error in exc.errors:
            position = _entry_position(error.field)
            if position is not None and 0 <= position < len(rows):
                by_row.setdefault(rows[position], []).append(error_text(error.code, error.params))
            else:
                general.append(field_error_text(error))
        self.model.set_errors(by_row)
        self._update_status()
        if general:
            self.status_label.setStyleSheet(ERROR_STYLE)
            self.status_label.setText("\n".join(general))
        bad = self.model.rows_with_errors()
        if bad:
            self.table.setCurrentIndex(self.model.index(bad[0], G.COL_CHECK))
            self.table.scrollTo(self.model.index(bad[0], 0))


def _entry_position(field: str) -> int | None:
    """``entries[3].attended`` → 3; None for a sheet-level field."""
    if not field.startswith("entries["):
        return None
    inside = field[len("entries[") :].split("]", 1)[0]
    return int(inside) if inside.isdigit() else None
