"""The Recertification area: rounds, the selected round's progress by village and its visits.

Supervisors open a round (programme, area, due date) and close it once every household has a
decision; its exits are then applied. Officers record each visit and Continue or Exit… the
household (``round_tasks``). "Cross-check…" matches another registry's list against the district
and reviews the matches (``crosscheck_dialog``). Every service call runs off the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import Role
from app.errors import AppError
from app.services import recertification as rc
from app.services.context import ServiceContext
from app.services.options import programme_options
from app.services.recertification_queries import (
    RoundRow,
    RoundStatus,
    VillageProgress,
    area_options,
    list_rounds,
    progress_totals,
    round_progress,
)
from app.ui import error_presenter, formatting, tasks
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.itemmodels.record_table_model import RecordTableModel
from app.ui.labels import vocab_label
from app.ui.messages import app_error_text
from app.ui.views.crosscheck_dialog import ChooseOpenPath, CrossCheckDialog, ask_csv_path
from app.ui.views.recertification_dialogs import OpenRoundDialog
from app.ui.views.round_tasks import RoundTasks, make_table
from app.ui.widgets.field_errors import ERROR_STYLE

OK_STYLE = "color: #1e7e34;"
MANAGERS = (Role.SUPERVISOR, Role.HQ_ADMIN)

# Asks a yes/no question (parent, text); True: go ahead.
Confirm = Callable[[QWidget, str], bool]


def ask_confirm(parent: QWidget, text: str) -> bool:
    answer = QMessageBox.question(parent, parent.windowTitle() or "Roster", text)
    return answer == QMessageBox.StandardButton.Yes


class RecertificationView(QWidget):
    # Open this household's page (a task double-clicked); argument: its id.
    household_activated = Signal(str)

    def __init__(
        self,
        ctx: ServiceContext,
        *,
        choose_csv_path: ChooseOpenPath = ask_csv_path,
        confirm: Confirm = ask_confirm,
        load_now: bool = True,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._choose_csv_path = choose_csv_path
        self._confirm = confirm
        self._rounds: list[RoundRow] = []
        self._round: RoundRow | None = None
        self._generation = 0
        self.busy = False
        self.dialog: FormDialog | CrossCheckDialog | None = None
        role = ctx.actor.role if ctx.actor else None
        self._manager = role in MANAGERS

        self.open_button = QPushButton(self.tr("Open round…"))
        self.close_button = QPushButton(self.tr("Close round"))
        self.crosscheck_button = QPushButton(self.tr("Cross-check…"))
        self.open_button.setVisible(self._manager)
        self.close_button.setVisible(self._manager)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Recertification rounds")), 1)
        for button in (self.open_button, self.close_button, self.crosscheck_button):
            top.addWidget(button)

        self.rounds_model = RecordTableModel(
            [
                self.tr("Round"), self.tr("Programme"), self.tr("Area"), self.tr("Status"),
                self.tr("Opened"), self.tr("Due"), self.tr("Households"), self.tr("Visited"),
                self.tr("Decided"), self.tr("Exits"),
            ],
            right_aligned=(6, 7, 8, 9),
            parent=self,
        )  # fmt: skip
        self.rounds_table = make_table(self.rounds_model, 2)
        self.progress_model = RecordTableModel(
            [
                self.tr("Village"), self.tr("Households"), self.tr("Not visited"),
                self.tr("Visited"), self.tr("Decided"), self.tr("Exits"),
            ],
            right_aligned=(1, 2, 3, 4, 5),
            parent=self,
        )  # fmt: skip
        self.progress_table = make_table(self.progress_model, 0)
        self.totals_label = QLabel()
        self.totals_label.setWordWrap(True)
        self.task_panel = RoundTasks(ctx, can_write=role is not None and role != Role.VIEWER)
        self.action_label = QLabel()
        self.action_label.setWordWrap(True)

        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.progress_table, 1)
        left_column.addWidget(self.totals_label)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(left)
        lower.addWidget(self.task_panel)
        lower.setStretchFactor(1, 2)
        lower.setSizes([460, 840])
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(self.rounds_table)
        body.addWidget(lower)
        body.setStretchFactor(1, 3)
        body.setSizes([180, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(top)
        layout.addWidget(body, 1)
        layout.addWidget(self.action_label)

        self.open_button.clicked.connect(self.open_round_dialog)
        self.close_button.clicked.connect(self.close_selected_round)
        self.crosscheck_button.clicked.connect(self.open_crosscheck)
        self.rounds_table.selectionModel().selectionChanged.connect(lambda *_a: self._on_round())
        self.task_panel.changed.connect(self._on_written)
        self.task_panel.failed.connect(self._failed)
        self.task_panel.household_activated.connect(self.household_activated)
        self._update()
        if load_now:  # the main window loads it when first shown, not during start-up
            self.refresh()

    # --- state -------------------------------------------------------------------------------

    def selected_round(self) -> RoundRow | None:
        return self._round

    def _update(self) -> None:
        live = self._round is not None and self._round.status == RoundStatus.OPEN
        self.close_button.setEnabled(self._manager and live and not self.busy)
        self.open_button.setEnabled(self._manager and not self.busy)

    def _message(self, text: str, *, ok: bool = False) -> None:
        self.action_label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.action_label.setText(text)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, AppError):
            self._message(app_error_text(exc))
        else:
            error_presenter.present(exc, self)

    # --- loading -----------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        """Reload the rounds, keeping the selected one (or selecting ``select``, a code or id)."""
        keep = select or (self._round.id if self._round else None)
        db, actor = self._ctx.db, self._ctx.actor
        tasks.submit(
            lambda: list_rounds(db, actor=actor),
            on_success=lambda rows: self._on_rounds(rows, keep),
            on_failure=self._failed,
            name="recertification rounds",
            owner=self,
        )

    def _on_rounds(self, rows: list[RoundRow], keep: str | None) -> None:
        self._rounds = rows
        self.rounds_model.set_rows(
            [
                [
                    r.code, r.programme_name, f"{r.area_name} ({r.area_code})",
                    vocab_label(r.status), formatting.short_date(r.opened_on),
                    formatting.short_date(r.due_date), formatting.number(r.total),
                    formatting.number(r.visited + r.decided), formatting.number(r.decided),
                    formatting.number(r.exits),
                ]
                for r in rows
            ],
            keys=[r.id for r in rows],
        )  # fmt: skip
        self.rounds_table.resizeColumnsToContents()
        where = [i for i, r in enumerate(rows) if keep in (r.code, r.id)] or [0]
        if rows:
            self.rounds_table.selectRow(where[0])
        else:
            self._on_round()

    def _on_round(self) -> None:
        rows = self.rounds_table.selectionModel().selectedRows()
        self._round = self._rounds[rows[0].row()] if rows else None
        self._generation += 1
        self.progress_model.set_rows([])
        self.totals_label.clear()
        self._update()
        if self._round is None:
            self.task_panel.set_round(None, [])
            return
        db, actor, generation = self._ctx.db, self._ctx.actor, self._generation
        round_id = self._round.id
        tasks.submit(
            lambda: round_progress(db, round_code=round_id, actor=actor),
            on_success=lambda villages: self._on_progress(villages, generation),
            on_failure=self._failed,
            name="round progress",
            owner=self,
        )

    def _on_progress(self, villages: list[VillageProgress], generation: int) -> None:
        if generation != self._generation:
            return
        number = formatting.number
        self.progress_model.set_rows(
            [
                [v.village_name, number(v.total), number(v.pending), number(v.visited),
                 number(v.decided), number(v.exits)]
                for v in villages
            ],
            keys=[v.village_code for v in villages],
        )  # fmt: skip
        self.progress_table.resizeColumnsToContents()
        t = progress_totals(villages)
        self.totals_label.setText(
            self.tr(
                "All villages: {total} households, {pending} not visited, {visited} visited, "
                "{decided} decided, {exits} exits."
            ).format(
                total=number(t.total), pending=number(t.pending), visited=number(t.visited),
                decided=number(t.decided), exits=number(t.exits),
            )
        )  # fmt: skip
        self.task_panel.set_round(self._round, villages)

    # --- actions -----------------------------------------------------------------------------

    def _on_written(self, text: str) -> None:
        self.busy = False
        self._message(text, ok=True)
        self.refresh()

    def open_round_dialog(self) -> FormDialog:
        """Ask programme, area and due date, then open the round (window-modal, non-blocking)."""
        ctx = self._ctx
        district = ctx.actor.district_id if ctx.actor else None
        dialog = OpenRoundDialog(
            programme_options(ctx.db),
            area_options(ctx.db, district_id=district),
            lambda values: rc.open_round(ctx, **values),
            today=ctx.today(),
            parent=self,
        )
        self.dialog = dialog
        dialog.saved.connect(self._on_round_opened)
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()
        return dialog

    def _on_round_opened(self, round_id: str) -> None:
        self._message(self.tr("Round opened."), ok=True)
        self.refresh(select=round_id)

    def _dialog_closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def close_selected_round(self) -> None:
        rnd = self._round
        if rnd is None or self.busy:
            return
        question = self.tr("Close round {code}? Its exits will be applied.")
        if not self._confirm(self, question.format(code=rnd.code)):
            return
        ctx = self._ctx
        self.busy = True
        self._update()
        tasks.submit(
            lambda: rc.close_round(ctx, round_code=rnd.id),
            on_success=lambda exits: self._on_written(
                self.tr("Round {code} closed; exits applied: {n}.").format(
                    code=rnd.code, n=formatting.number(exits)
                )
            ),
            on_failure=self._on_close_failed,
            pool_name=tasks.WRITES,
            name="close round",
            owner=self,
        )

    def _on_close_failed(self, exc: BaseException) -> None:
        self.busy = False
        self._update()
        self._failed(exc)

    def open_crosscheck(self) -> CrossCheckDialog:
        """The cross-check dialog, linked to the selected round while it is open."""
        live = self._round if self._round and self._round.status == RoundStatus.OPEN else None
        dialog = CrossCheckDialog(
            self._ctx,
            round_code=live.code if live else None,
            choose_path=self._choose_csv_path,
            parent=self,
        )
        self.dialog = dialog
        dialog.changed.connect(self.refresh)
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()
        return dialog
