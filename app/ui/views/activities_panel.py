"""The Activities tab of the Follow-up area: a member's labour-programme activity sequence.

Choose a household (the household picker), then one of its present members (and the programme,
when the household is in more than one with activities). The table shows the sequence: each
activity opens only when the previous one is completed. "Record days…" adds worked days to the
open activity; the service's checks come back beside the days field.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import ActivityStatus
from app.errors import AppError
from app.services.activities import (
    ActivityChoices,
    ActivityProgressOut,
    activity_choices,
    activity_progress,
    record_activity_progress,
)
from app.services.context import ServiceContext
from app.ui import error_presenter, formatting, tasks
from app.ui.dialogs.followup_dialogs import RecordDaysDialog
from app.ui.itemmodels.record_table_model import RecordTableModel
from app.ui.labels import vocab_label
from app.ui.messages import app_error_text
from app.ui.widgets.field_errors import ERROR_STYLE
from app.ui.widgets.household_picker import HouseholdPicker

COLUMN_WIDTHS = [40, 260, 110, 90, 110, 130]


class ActivitiesPanel(QWidget):
    # A member's sequence was shown (tests and screenshots wait on it).
    progress_loaded = Signal()
    # Worked days were recorded (the pending-changes count moves).
    changed = Signal()

    def __init__(self, ctx: ServiceContext, *, writable: bool, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._writable = writable
        self._steps: list[ActivityProgressOut] = []
        self._generation = 0
        self.dialog: RecordDaysDialog | None = None

        district = ctx.actor.district_id if ctx.actor else None
        self.household_picker = HouseholdPicker(ctx.db, district_id=district)
        self.member_combo = QComboBox()
        self.member_combo.setMinimumContentsLength(24)
        self.member_combo.setEnabled(False)
        self.programme_combo = QComboBox()
        self.programme_label = QLabel(self.tr("Programme"))
        for widget in (self.programme_combo, self.programme_label):
            widget.hide()
        self.model = RecordTableModel(
            [
                self.tr("No."),
                self.tr("Activity"),
                self.tr("Days required"),
                self.tr("Days done"),
                self.tr("Status"),
                self.tr("Completed on"),
            ],
            right_aligned=(0, 2, 3),
            parent=self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self._set_up_table()
        self.summary_label = QLabel(self.tr("Choose a household, then one of its members."))
        self.summary_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        self.record_button = QPushButton(self.tr("Record days…"))
        self.record_button.setEnabled(False)
        self.record_button.setVisible(writable)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Household"), self.household_picker)
        form.addRow(self.tr("Member"), self.member_combo)
        form.addRow(self.programme_label, self.programme_combo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary_label, 1)
        buttons.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.household_picker.household_changed.connect(self._on_household)
        self.member_combo.currentIndexChanged.connect(lambda _i: self.load_progress())
        self.programme_combo.currentIndexChanged.connect(lambda _i: self.load_progress())
        self.record_button.clicked.connect(self.record_days_dialog)

    def _set_up_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate(COLUMN_WIDTHS):
            table.setColumnWidth(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    # --- state -------------------------------------------------------------------------------

    @property
    def steps(self) -> list[ActivityProgressOut]:
        return self._steps

    def member_id(self) -> str | None:
        value = self.member_combo.currentData()
        return str(value) if value else None

    def programme_code(self) -> str | None:
        value = self.programme_combo.currentData()
        return str(value) if value else None

    def open_step(self) -> ActivityProgressOut | None:
        return next((s for s in self._steps if s.status == ActivityStatus.OPEN), None)

    # --- loading -----------------------------------------------------------------------------

    def _on_household(self, household_id: str) -> None:
        self._generation += 1
        self._show_steps([])
        self._fill_combos(None)
        self.error_label.hide()
        if not household_id:
            self.summary_label.setText(self.tr("Choose a household, then one of its members."))
            return
        actor, db, gen = self._ctx.require_actor(), self._ctx.db, self._generation
        tasks.submit(
            lambda: activity_choices(db, household_ref=household_id, actor=actor),
            on_success=lambda choices: self._on_choices(gen, choices),
            on_failure=self._on_failed,
            pool_name=tasks.READS,
            name="activity choices",
            owner=self,
        )

    def _fill_combos(self, choices: ActivityChoices | None) -> None:
        for combo in (self.member_combo, self.programme_combo):
            combo.blockSignals(True)
            combo.clear()
        if choices is not None:
            for member in choices.members:
                relation = vocab_label(member.group)
                text = self.tr("{name} ({relationship})").format(
                    name=member.name, relationship=relation
                )
                self.member_combo.addItem(text if relation else member.name, member.code)
            for code in choices.programme_codes:
                self.programme_combo.addItem(code, code)
        several = choices is not None and len(choices.programme_codes) > 1
        self.programme_combo.setVisible(several)
        self.programme_label.setVisible(several)
        self.member_combo.setEnabled(self.member_combo.count() > 0)
        for combo in (self.member_combo, self.programme_combo):
            combo.blockSignals(False)

    def _on_choices(self, generation: int, choices: ActivityChoices) -> None:
        if generation != self._generation:
            return
        if not choices.programme_codes:
            self._fill_combos(None)
            self.summary_label.setText(
                self.tr("Household {code} is not enrolled in a programme with activities.").format(
                    code=choices.household_code
                )
            )
            return
        self._fill_combos(choices)
        self.load_progress()

    def load_progress(self) -> None:
        """Read the chosen member's sequence in a worker."""
        self._generation += 1
        member = self.member_id()
        if member is None:
            self._show_steps([])
            return
        actor, db, gen = self._ctx.require_actor(), self._ctx.db, self._generation
        programme = self.programme_code()
        tasks.submit(
            lambda: activity_progress(
                db, individual_id=member, actor=actor, programme_code=programme
            ),
            on_success=lambda steps: self._on_progress(gen, steps),
            on_failure=self._on_failed,
            pool_name=tasks.READS,
            name="activity progress",
            owner=self,
        )

    def _on_progress(self, generation: int, steps: list[ActivityProgressOut]) -> None:
        if generation != self._generation:
            return
        self.error_label.hide()
        self._show_steps(steps)
        self.progress_loaded.emit()

    def _show_steps(self, steps: list[ActivityProgressOut]) -> None:
        self._steps = steps
        self.model.set_rows(
            [
                [
                    str(s.position),
                    s.name,
                    formatting.number(s.working_days),
                    formatting.number(s.days_done),
                    vocab_label(s.status),
                    formatting.short_date(s.completed_on),
                ]
                for s in steps
            ]
        )
        current = self.open_step()
        self.record_button.setEnabled(self._writable and current is not None)
        if not steps:
            self.summary_label.setText("")
        elif current is None:
            self.summary_label.setText(self.tr("Every activity is completed."))
        else:
            self.summary_label.setText(
                self.tr("{programme}: now on activity {position}, {name}.").format(
                    programme=steps[0].programme_code, position=current.position, name=current.name
                )
            )

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, AppError):
            self.error_label.setText(app_error_text(exc))
            self.error_label.show()
        else:
            error_presenter.present(exc, self)

    # --- recording ---------------------------------------------------------------------------

    def record_days_dialog(self) -> RecordDaysDialog | None:
        """Open the dialog for the open activity (window-modal, non-blocking); returns it."""
        step, member = self.open_step(), self.member_id()
        if step is None or member is None or not self._writable:
            return None
        ctx, position, programme = self._ctx, step.position, step.programme_code

        def save(days: int) -> ActivityProgressOut:
            return record_activity_progress(
                ctx,
                individual_id=member,
                activity_position=position,
                days_done=days,
                programme_code=programme,
            )

        dialog = RecordDaysDialog(self.member_combo.currentText(), step, save, parent=self)
        dialog.finished.connect(lambda result: self._on_dialog_finished(dialog, result))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_dialog_finished(self, dialog: RecordDaysDialog, result: int) -> None:
        self.dialog = None
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted.value:
            self.changed.emit()
            self.load_progress()
