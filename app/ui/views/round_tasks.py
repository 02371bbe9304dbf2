"""A round's households to visit: filtered by village and status, loaded a page at a time as
the list scrolls, with Record visit…, Continue and Exit… on the selected one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import recertification as rc
from app.services.context import ServiceContext
from app.services.recertification_queries import (
    RoundRow,
    RoundStatus,
    TaskRow,
    TaskStatus,
    VillageProgress,
    count_tasks,
    list_tasks,
)
from app.ui import formatting, tasks
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.itemmodels.record_table_model import Index, RecordTableModel
from app.ui.labels import vocab_label
from app.ui.views.recertification_dialogs import ExitDialog, VisitDialog

PAGE = 200


def make_table(model: RecordTableModel, stretch: int) -> QTableView:
    """A read-only, single-row-selection table over ``model``; column ``stretch`` fills."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class TaskPageModel(RecordTableModel):
    """Task rows a page at a time: asks for the next page when the list scrolls to its end."""

    more_wanted = Signal()

    def __init__(self, headers: list[str], parent=None) -> None:
        super().__init__(headers, parent=parent)
        self.total = 0
        self.loading = False

    def append_rows(self, rows: list[list[str]], keys: list[str]) -> None:
        if not rows:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(tuple(r) for r in rows)
        self._keys.extend(keys)
        self._tooltips.extend([None] * len(rows))
        self.endInsertRows()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt signature
        return not parent.isValid() and not self.loading and len(self._rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt signature
        if self.canFetchMore(parent):
            self.more_wanted.emit()


class RoundTasks(QWidget):
    # A task was written: (message for the user).
    changed = Signal(str)
    # A read or write failed: the exception.
    failed = Signal(object)
    # Open this household's page (a row double-clicked): its id.
    household_activated = Signal(str)

    def __init__(self, ctx: ServiceContext, *, can_write: bool, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._can_write = can_write
        self._round: RoundRow | None = None
        self._tasks: list[TaskRow] = []
        self._generation = 0
        self.busy = False
        self.dialog: FormDialog | None = None

        self.village_combo = QComboBox()
        self.village_combo.addItem(self.tr("All villages"), None)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Any status"), None)
        for status in TaskStatus:
            self.status_combo.addItem(vocab_label(status), status.value)
        self.model = TaskPageModel(
            [
                self.tr("Household"), self.tr("Head"), self.tr("Village"), self.tr("Status"),
                self.tr("Visited on"), self.tr("Decision"), self.tr("Note"),
            ],
            parent=self,
        )  # fmt: skip
        self.table = make_table(self.model, 6)
        for position, width in enumerate((110, 180, 150, 80, 90, 170)):
            self.table.setColumnWidth(position, width)
        self.visit_button = QPushButton(self.tr("Record visit…"))
        self.continue_button = QPushButton(self.tr("Continue"))
        self.exit_button = QPushButton(self.tr("Exit…"))
        self.count_label = QLabel()

        filters = QHBoxLayout()
        filters.addWidget(self.village_combo, 1)
        filters.addWidget(self.status_combo)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label, 1)
        for button in (self.visit_button, self.continue_button, self.exit_button):
            actions.addWidget(button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(filters)
        column.addWidget(self.table, 1)
        column.addLayout(actions)

        self.visit_button.clicked.connect(self.record_visit)
        self.continue_button.clicked.connect(self.decide_continue)
        self.exit_button.clicked.connect(self.decide_exit)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.update_actions())
        self.table.doubleClicked.connect(self._on_activated)
        self.village_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.status_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.model.more_wanted.connect(self._load_more)
        self.update_actions()

    # --- state -------------------------------------------------------------------------------

    def selected(self) -> TaskRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self._tasks[rows[0].row()] if rows else None

    def row_count(self) -> int:
        return len(self._tasks)

    def update_actions(self) -> None:
        live = self._round is not None and self._round.status == RoundStatus.OPEN
        task = self.selected()
        writable = self._can_write and live and not self.busy
        status = task.status if task is not None and writable else None
        self.visit_button.setEnabled(status in (TaskStatus.PENDING, TaskStatus.VISITED))
        decidable = status in (TaskStatus.VISITED, TaskStatus.DECIDED)
        self.continue_button.setEnabled(decidable)
        self.exit_button.setEnabled(decidable)

    def set_round(self, rnd: RoundRow | None, villages: list[VillageProgress]) -> None:
        """Show ``rnd``'s tasks; the village filter lists ``villages`` (kept if still there)."""
        self._round = rnd
        current = self.village_combo.currentData()
        self.village_combo.blockSignals(True)
        self.village_combo.clear()
        self.village_combo.addItem(self.tr("All villages"), None)
        for v in villages:
            self.village_combo.addItem(f"{v.village_name} ({v.village_code})", v.village_code)
        self.village_combo.setCurrentIndex(max(self.village_combo.findData(current), 0))
        self.village_combo.blockSignals(False)
        self.reload()

    # --- loading -----------------------------------------------------------------------------

    def _filters(self) -> dict[str, Any]:
        assert self._round is not None
        return {
            "round_code": self._round.id,
            "actor": self._ctx.actor,
            "village_code": self.village_combo.currentData(),
            "status": self.status_combo.currentData(),
        }

    def reload(self) -> None:
        """The first page of the round's tasks under the current filters."""
        self._generation += 1
        self._tasks = []
        self.model.set_rows([])
        self.model.total = 0
        self.model.loading = False
        self.count_label.clear()
        self.update_actions()
        if self._round is None:
            return
        db, filters, generation = self._ctx.db, self._filters(), self._generation
        self.model.loading = True

        def first_page() -> tuple[list[TaskRow], int]:
            return list_tasks(db, **filters, limit=PAGE), count_tasks(db, **filters)

        tasks.submit(
            first_page,
            on_success=lambda result: self._on_page(result[0], result[1], generation),
            on_failure=self._on_load_failed,
            name="round tasks",
            owner=self,
        )

    def _load_more(self) -> None:
        if self._round is None:
            return
        db, filters, generation = self._ctx.db, self._filters(), self._generation
        offset, total = len(self._tasks), self.model.total
        self.model.loading = True
        tasks.submit(
            lambda: list_tasks(db, **filters, limit=PAGE, offset=offset),
            on_success=lambda rows: self._on_page(rows, total, generation),
            on_failure=self._on_load_failed,
            name="round tasks (more)",
            owner=self,
        )

    def _on_page(self, rows: list[TaskRow], total: int, generation: int) -> None:
        if generation != self._generation:
            return
        self.model.loading = False
        self.model.total = total
        self._tasks.extend(rows)
        self.model.append_rows([self._cells(t) for t in rows], [t.id for t in rows])
        self.count_label.setText(
            self.tr("{shown} of {total} households").format(
                shown=formatting.number(len(self._tasks)), total=formatting.number(total)
            )
        )
        self.update_actions()

    def _on_load_failed(self, exc: BaseException) -> None:
        self.model.loading = False
        self.failed.emit(exc)

    def _cells(self, t: TaskRow) -> list[str]:
        decision = vocab_label(t.decision)
        if t.decision == "EXIT" and t.exit_reason:
            decision = f"{decision} ({vocab_label(t.exit_reason)})"
        return [
            t.household_code, t.head_name, t.village_name, vocab_label(t.status),
            formatting.short_date(t.visited_on), decision, t.note,
        ]  # fmt: skip

    def _on_activated(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self._tasks):
            self.household_activated.emit(self._tasks[index.row()].household_id)

    # --- actions -----------------------------------------------------------------------------

    def _done(self, text: str) -> None:
        self.busy = False
        self.changed.emit(text)

    def _open(self, dialog: FormDialog, text: str) -> FormDialog:
        self.dialog = dialog
        dialog.saved.connect(lambda _r: self._done(text))
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()
        return dialog

    def _closed(self, dialog: FormDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def record_visit(self) -> FormDialog | None:
        task = self.selected()
        if task is None:
            return None
        ctx = self._ctx
        dialog = VisitDialog(
            f"{task.household_code} — {task.head_name}",
            lambda v: rc.record_visit(ctx, task_id=task.id, confirmed=v[0], note=v[1]),
            parent=self,
        )
        return self._open(dialog, self.tr("Visit of {household} recorded.").format(
            household=task.household_code
        ))  # fmt: skip

    def decide_exit(self) -> FormDialog | None:
        task = self.selected()
        if task is None:
            return None
        ctx = self._ctx
        dialog = ExitDialog(
            f"{task.household_code} — {task.head_name}",
            lambda v: rc.decide_task(
                ctx, task_id=task.id, decision="EXIT", exit_reason=v[0], note=v[1]
            ),
            parent=self,
        )
        text = self.tr("{household} will exit when the round closes.")
        return self._open(dialog, text.format(household=task.household_code))

    def decide_continue(self) -> None:
        task = self.selected()
        if task is None or self.busy:
            return
        ctx = self._ctx
        self.busy = True
        self.update_actions()
        text = self.tr("{household} continues.").format(household=task.household_code)
        self._submit(lambda: rc.decide_task(ctx, task_id=task.id, decision="CONTINUE"), text)

    def _submit(self, fn: Callable[[], Any], text: str) -> None:
        tasks.submit(
            fn,
            on_success=lambda _r: self._done(text),
            on_failure=self._on_write_failed,
            pool_name=tasks.WRITES,
            name="recertification task",
            owner=self,
        )

    def _on_write_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.update_actions()
        self.failed.emit(exc)
