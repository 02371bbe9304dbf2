"""The Cases area: error and fraud cases listed on the left, the chosen case on the right."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import CaseStatus, CaseType, Role
from app.errors import AppError
from app.services.case_queries import CaseOut, CaseRow, get_case, list_cases
from app.services.case_queries import pay_point_options as load_pay_points
from app.services.cases import (
    ActionOutcome,
    add_findings,
    close_case,
    decide_case,
    open_case,
    propose_action,
)
from app.services.context import ServiceContext
from app.services.options import Option
from app.ui import error_presenter, formatting, tasks
from app.ui.dialogs.case_dialogs import (
    ActionDialog,
    CloseCaseDialog,
    DecideDialog,
    FindingsDialog,
    OpenCaseDialog,
)
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.itemmodels.record_table_model import RecordTableModel
from app.ui.labels import vocab_label
from app.ui.messages import app_error_text
from app.ui.views.case_detail import CaseDetail, make_table, status_label


class CasesView(QWidget):
    # The list or a case changed (a dialog saved); argument: the case's id.
    changed = Signal(str)

    def __init__(self, ctx: ServiceContext, *, load_now: bool = True, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._writable = ctx.actor is not None and ctx.actor.role != Role.VIEWER
        self._rows: list[CaseRow] = []
        self._selected: str | None = None
        self.pay_points: list[Option] = []
        self.dialog: FormDialog | None = None
        self.loads = 0  # finished list and page loads (tests wait on them)

        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Any status"), None)
        for status in CaseStatus:
            self.status_combo.addItem(status_label(status), status.value)
        self.type_combo = QComboBox()
        self.type_combo.addItem(self.tr("All types"), None)
        for kind in CaseType:
            self.type_combo.addItem(vocab_label(kind), kind.value)
        self.open_button = QPushButton(self.tr("Open case…"))
        self.open_button.setEnabled(self._writable)
        self.model = RecordTableModel(
            [self.tr("Case"), self.tr("Type"), self.tr("Status"), self.tr("Household")],
            parent=self,
        )
        self.table = make_table(self.model)
        self.count_label = QLabel()

        filters = QHBoxLayout()
        filters.addWidget(self.status_combo)
        filters.addWidget(self.type_combo)
        filters.addStretch(1)
        filters.addWidget(self.open_button)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 6, 0)
        left_column.addLayout(filters)
        left_column.addWidget(self.table, 1)
        left_column.addWidget(self.count_label)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        self.detail = CaseDetail(ctx)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([460, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addWidget(splitter)

        for combo in (self.status_combo, self.type_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.open_button.clicked.connect(self.open_case_dialog)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.detail.findings_button.clicked.connect(self.findings_dialog)
        self.detail.decide_button.clicked.connect(self.decide_dialog)
        self.detail.action_button.clicked.connect(self.action_dialog)
        self.detail.close_button.clicked.connect(self.close_dialog)
        if load_now:  # the main window loads it when first shown, not during start-up
            self.refresh()

    @property
    def page(self) -> CaseOut | None:
        """The case shown on the right, if any."""
        return self.detail.page

    # --- loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the list (in a worker), then the selected case."""
        ctx = self._ctx
        status, kind = self.status_combo.currentData(), self.type_combo.currentData()
        tasks.submit(
            lambda: list_cases(ctx.db, actor=ctx.actor, status=status, type=kind),
            on_success=self._on_list,
            on_failure=self._on_failed,
            pool_name=tasks.READS,
            name="cases",
            owner=self,
        )

    def _on_list(self, rows: list[CaseRow]) -> None:
        self._rows = rows
        self.model.set_rows(
            [
                (r.code, vocab_label(r.type), status_label(r.status), r.household_code or "")
                for r in rows
            ],
            keys=[r.id for r in rows],
            tooltips=[f"{r.head_name or ''} · {formatting.date_time(r.opened_at)}" for r in rows],
        )
        self.count_label.setText(
            self.tr("%n case(s)", "", len(rows)) if rows else self.tr("No case")
        )
        ids = [r.id for r in rows]
        if self._selected in ids:
            self.table.selectRow(ids.index(self._selected))
        self.loads += 1

    def select_case(self, case_id: str) -> None:
        """Show ``case_id`` (in a worker); the list row follows once it is listed."""
        self._selected = case_id
        ctx = self._ctx

        def work() -> tuple[CaseOut, list[Option]]:
            page = get_case(ctx.db, ref=case_id, actor=ctx.actor)
            return page, load_pay_points(ctx.db, district_id=page.district_id)

        tasks.submit(
            work,
            on_success=self._on_page,
            on_failure=self._on_failed,
            pool_name=tasks.READS,
            name="case page",
            owner=self,
        )

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        case_id = self.model.data(indexes[0], RecordTableModel.RowIdRole)
        if case_id and (self.detail.page is None or case_id != self.detail.page.id):
            self.select_case(case_id)

    def _on_page(self, result: tuple[CaseOut, list[Option]]) -> None:
        page, self.pay_points = result
        if page.id != self._selected:
            return
        self.detail.error_label.hide()
        self.detail.show_case(page)
        ids = [r.id for r in self._rows]
        if page.id in ids and self.table.currentIndex().row() != ids.index(page.id):
            self.table.selectRow(ids.index(page.id))
        self.loads += 1

    def _on_failed(self, exc: BaseException) -> None:
        self.loads += 1
        if isinstance(exc, AppError):
            self.detail.error_label.setText(app_error_text(exc))
            self.detail.error_label.show()
        else:
            error_presenter.present(exc, self)

    # --- dialogs -----------------------------------------------------------------------------

    def _show(self, dialog: FormDialog, after: Callable[[Any], str | None]) -> FormDialog:
        """Open ``dialog`` window-modal; once saved, reload and show the case ``after`` names."""

        def finished(result: int) -> None:
            self.dialog = None
            if result == QDialog.DialogCode.Accepted.value:
                case_id = after(dialog.outcome()) or self._selected
                if case_id:
                    self.changed.emit(case_id)
                    self.select_case(case_id)
                self.refresh()
            dialog.deleteLater()

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_case_dialog(self) -> FormDialog:
        ctx = self._ctx
        district = ctx.actor.district_id if ctx.actor else None
        dialog = OpenCaseDialog(ctx.db, district, lambda v: open_case(ctx, **v), parent=self)
        return self._show(dialog, lambda case_id: str(case_id))

    def findings_dialog(self) -> FormDialog | None:
        if self.detail.page is None:
            return None
        ctx, ref = self._ctx, self.detail.page.id

        def save(text: str) -> int:
            return add_findings(ctx, case_ref=ref, text=text)

        return self._show(FindingsDialog(self.detail.page.code, save, parent=self), lambda _v: ref)

    def decide_dialog(self) -> FormDialog | None:
        if self.detail.page is None:
            return None
        ctx, ref = self._ctx, self.detail.page.id

        def save(value: tuple[str, str]) -> int:
            return decide_case(ctx, case_ref=ref, decision=value[0], note=value[1])

        return self._show(DecideDialog(self.detail.page.code, save, parent=self), lambda _v: ref)

    def action_dialog(self) -> FormDialog | None:
        if self.detail.page is None:
            return None
        ctx, ref = self._ctx, self.detail.page.id

        def save(values: dict[str, Any]) -> ActionOutcome:
            return propose_action(ctx, case_ref=ref, **values)

        dialog = ActionDialog(self.detail.page, self.pay_points, save, parent=self)
        return self._show(dialog, lambda _v: ref)

    def close_dialog(self) -> FormDialog | None:
        if self.detail.page is None:
            return None
        ctx, ref = self._ctx, self.detail.page.id

        def save(note: str) -> int:
            return close_case(ctx, case_ref=ref, note=note)

        return self._show(CloseCaseDialog(self.detail.page.code, save, parent=self), lambda _v: ref)
