"""One payroll: its header, totals per pay point, its payments and the actions that move it on.

Approve / Reject wait for a second user (supervisor or HQ admin); rejecting needs a reason,
which the page then shows. The service's refusals show beside the field or the buttons.
"Print payment list" asks for the paper size and original or office copy
(``PrintOptionsDialog``), then renders the PDF of every pay point (or one) in a worker with
progress and Cancel. Reconciliation: mark the selected payment paid (receipt number, date paid)
or not paid (reason), or import an openIMIS reconciliation CSV (all rows or none: a refused
file's per-row errors show in a table). "Export CSV" writes the payroll in the same format;
"Close payroll" reconciles a payroll whose payments all have an outcome. The widgets and
handlers of the actions live in ``payroll_actions``, the file actions in ``payroll_files``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.services.context import ServiceContext
from app.services.payment_dto import PaymentRow, PayrollOut
from app.services.payroll_queries import get_payroll, list_payments
from app.sync.progress import CancelToken, Progress
from app.ui import error_presenter, tasks
from app.ui.dialogs.print_options_dialog import (
    ChoosePrintOptions,
    PrintOptions,
    ask_print_options,
)
from app.ui.itemmodels.record_table_model import RecordTableModel
from app.ui.messages import app_error_text
from app.ui.sync_controller import ProgressRelay
from app.ui.views import payroll_actions, payroll_files, payroll_render
from app.ui.views.payroll_files import (
    ChooseOpenPath,
    ChooseSavePath,
    _message,
    ask_open_path,
    ask_save_path,
)
from app.ui.views.payroll_render import caption, make_table
from app.ui.widgets.field_errors import ERROR_STYLE, FieldErrors


class PayrollDetail(QWidget):
    back_requested = Signal()
    # The payroll changed (an action succeeded); argument: its id.
    changed = Signal(str)
    loaded = Signal(str)
    # A payment list PDF was written; argument: its path.
    printed = Signal(str)
    # An import finished (accepted or refused); argument: the ImportReport.
    imported = Signal(object)

    # Built by payroll_actions.build_actions and build_reconcile_row.
    approve_button: QPushButton
    reject_reason_edit: QLineEdit
    reject_error: QLabel
    reject_button: QPushButton
    approval_label: QLabel
    approval_errors: FieldErrors
    pay_point_combo: QComboBox
    print_button: QPushButton
    progress_bar: QProgressBar
    cancel_button: QPushButton
    export_button: QPushButton
    import_button: QPushButton
    close_button: QPushButton
    action_label: QLabel
    receipt_edit: QLineEdit
    receipt_error: QLabel
    paid_on_edit: QDateEdit
    paid_on_error: QLabel
    mark_paid_button: QPushButton
    unpaid_reason_edit: QLineEdit
    unpaid_reason_error: QLabel
    mark_unpaid_button: QPushButton
    reconcile_label: QLabel
    reconcile_errors: FieldErrors

    def __init__(
        self,
        ctx: ServiceContext,
        *,
        choose_save_path: ChooseSavePath = ask_save_path,
        choose_open_path: ChooseOpenPath = ask_open_path,
        choose_print_options: ChoosePrintOptions = ask_print_options,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._choose_save_path = choose_save_path
        self._choose_open_path = choose_open_path
        self._choose_print_options = choose_print_options
        # The last print's choices, offered again next time.
        self.print_options = PrintOptions()
        self._payroll: PayrollOut | None = None
        self._payments: list[PaymentRow] = []
        self._requested: str | None = None
        self._busy = False
        self._print_token: CancelToken | None = None
        self._relay = ProgressRelay(self)
        self._relay.progress.connect(self._on_print_progress)

        self.back_button = QPushButton(self.tr("← Back to payrolls"))
        self.back_button.setShortcut(Qt.Key.Key_Escape)
        self.back_button.clicked.connect(self.back_requested)
        self.title_label = QLabel()
        self.title_label.setObjectName("title")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setStyleSheet(
            "font-weight: bold; padding: 2px 6px; border: 1px solid palette(mid);"
            " border-radius: 3px;"
        )
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.status_label)

        self.facts_label = QLabel()
        self.facts_label.setObjectName("facts")
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rejection_label = QLabel()
        self.rejection_label.setObjectName("rejection")
        self.rejection_label.setWordWrap(True)
        self.rejection_label.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.rejection_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rejection_label.hide()
        self.load_error_label = QLabel()
        self.load_error_label.setStyleSheet(ERROR_STYLE)
        self.load_error_label.hide()

        self.points_model = RecordTableModel(
            [
                self.tr("Pay point"),
                self.tr("Payments"),
                self.tr("Amount"),
                self.tr("Paid"),
                self.tr("Paid amount"),
                self.tr("Not paid"),
                self.tr("Open"),
            ],
            right_aligned=(1, 2, 3, 4, 5, 6),
            parent=self,
        )
        self.points_table = make_table(self.points_model)
        self.points_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.payments_model = RecordTableModel(
            [
                self.tr("Payment"),
                self.tr("Household"),
                self.tr("Recipient"),
                self.tr("Village"),
                self.tr("Pay point"),
                self.tr("Amount"),
                self.tr("Status"),
                self.tr("Receipt or reason"),
            ],
            right_aligned=(5,),
            parent=self,
        )
        self.payments_table = make_table(self.payments_model)
        for col, width in enumerate((255, 95, 175, 125, 75, 100, 120)):
            self.payments_table.setColumnWidth(col, width)
        self.payments_table.horizontalHeader().setSectionResizeMode(
            7, QHeaderView.ResizeMode.Stretch
        )
        self.errors_model = RecordTableModel(
            [self.tr("Row"), self.tr("Payment"), self.tr("Problem")],
            right_aligned=(0,),
            parent=self,
        )
        self.errors_table = make_table(self.errors_model)
        self.errors_table.setColumnWidth(0, 60)
        self.errors_table.setColumnWidth(1, 200)
        self.errors_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.errors_box = QWidget()
        errors_column = QVBoxLayout(self.errors_box)
        errors_column.setContentsMargins(0, 0, 0, 0)
        self.errors_caption = QLabel()
        self.errors_caption.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.errors_caption.setWordWrap(True)
        errors_column.addWidget(self.errors_caption)
        errors_column.addWidget(self.errors_table, 1)
        self.errors_box.hide()

        points_box = QWidget()
        points_column = QVBoxLayout(points_box)
        points_column.setContentsMargins(0, 0, 0, 0)
        points_column.addWidget(caption(self.tr("Totals by pay point")))
        points_column.addWidget(self.points_table, 1)
        payments_box = QWidget()
        payments_column = QVBoxLayout(payments_box)
        payments_column.setContentsMargins(0, 0, 0, 0)
        payments_column.addWidget(caption(self.tr("Payments (printed list order)")))
        payments_column.addWidget(self.payments_table, 1)
        payments_column.addLayout(payroll_actions.build_reconcile_row(self))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(points_box)
        splitter.addWidget(payments_box)
        splitter.addWidget(self.errors_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 2)
        splitter.setChildrenCollapsible(False)
        row_h = self.points_table.verticalHeader().defaultSectionSize()
        self.points_table.setMinimumHeight(row_h * 4 + 8)
        splitter.setSizes([row_h * 6, row_h * 16, row_h * 6])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(top)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.rejection_label)
        layout.addWidget(self.load_error_label)
        layout.addWidget(payroll_actions.build_actions(self))
        layout.addWidget(splitter, 1)

        self.payments_table.selectionModel().currentRowChanged.connect(
            lambda _new, _old: self._update_actions()
        )

    # --- loading -----------------------------------------------------------------------------

    @property
    def ctx(self) -> ServiceContext:
        return self._ctx

    @property
    def payroll(self) -> PayrollOut | None:
        return self._payroll

    @property
    def payments(self) -> list[PaymentRow]:
        return list(self._payments)

    def load(self, payroll_id: str) -> None:
        """Fetch and show ``payroll_id`` with its payments (in a worker)."""
        if payroll_id != self._requested:
            self._clear_messages()
            self.errors_box.hide()
        self._requested = payroll_id
        ctx = self._ctx

        def work() -> tuple[PayrollOut, list[PaymentRow]]:
            page = get_payroll(ctx, payroll_id=payroll_id)
            return page, list_payments(ctx, payroll_id=page.row.id)

        tasks.submit(
            work,
            on_success=lambda result: self._on_loaded(payroll_id, result),
            on_failure=self._on_load_failed,
            pool_name=tasks.READS,
            name="payroll page",
            owner=self,
        )

    def reload(self) -> None:
        if self._requested:
            self.load(self._requested)

    def _on_loaded(self, payroll_id: str, result: tuple[PayrollOut, list[PaymentRow]]) -> None:
        if payroll_id != self._requested:
            return
        page, payments = result
        other = self._payroll is None or self._payroll.id != page.id
        self._payroll, self._payments = page, payments
        self.load_error_label.hide()
        payroll_actions.set_paid_on_range(self, page.cycle_start, reset=other)
        self._render(page, payments)
        self.loaded.emit(page.id)

    def _on_load_failed(self, exc: BaseException) -> None:
        if isinstance(exc, AppError):
            _message(self.load_error_label, app_error_text(exc))
        else:
            error_presenter.present(exc, self)

    # --- rendering ---------------------------------------------------------------------------

    def _render(self, page: PayrollOut, payments: list[PaymentRow]) -> None:
        payroll_render.render(self, page, payments)

    def selected_payment(self) -> PaymentRow | None:
        index = self.payments_table.selectionModel().currentIndex()
        if not index.isValid() or index.row() >= len(self._payments):
            return None
        return self._payments[index.row()]

    def select_payment(self, row: int) -> None:
        self.payments_table.selectRow(row)
        self.payments_table.setCurrentIndex(self.payments_model.index(row, 0, QModelIndex()))

    def _update_actions(self) -> None:
        payroll_actions.update_actions(self)

    def _clear_messages(self) -> None:
        for label in (self.approval_label, self.action_label, self.reconcile_label):
            _message(label, "")
        self.approval_errors.clear()
        self.reconcile_errors.clear()

    # --- running actions ---------------------------------------------------------------------

    def run(
        self,
        fn: Callable[[], Any],
        *,
        name: str,
        label: QLabel,
        done: Callable[[Any], str] | None = None,
        errors: FieldErrors | None = None,
    ) -> None:
        """Run the service call ``fn`` in the write pool; its outcome shows in ``label`` (field
        errors beside their fields, with ``errors``), then the page reloads."""
        if self._payroll is None or self._busy:
            return
        payroll_id = self._payroll.id
        self._clear_messages()
        self._busy = True
        self._update_actions()

        def succeeded(result: Any) -> None:
            self._busy = False
            if done is not None:
                _message(label, done(result), ok=True)
            self.changed.emit(payroll_id)
            self.load(payroll_id)

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._update_actions()
            if isinstance(exc, AppError) and errors is not None:
                label.setStyleSheet(ERROR_STYLE)
                errors.show(exc)
            elif isinstance(exc, AppError):
                _message(label, app_error_text(exc))
            else:
                error_presenter.present(exc, self)

        tasks.submit(
            fn,
            on_success=succeeded,
            on_failure=failed,
            pool_name=tasks.WRITES,
            name=f"payroll {name}",
            owner=self,
        )

    # --- files (actions in app/ui/views/payroll_files.py) ---------------------------------

    def export_clicked(self) -> None:
        payroll_files.on_export_clicked(self)

    def import_clicked(self) -> None:
        payroll_files.on_import_clicked(self)

    @property
    def printing(self) -> bool:
        return self._print_token is not None

    def print_clicked(self) -> None:
        payroll_files.on_print_clicked(self)

    def cancel_print(self) -> None:
        payroll_files.cancel_print(self)

    def _on_print_progress(self, p: Progress) -> None:
        payroll_files.on_print_progress(self, p)
