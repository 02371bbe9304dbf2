"""One payroll: its header, totals per pay point, its payments and the actions that move it on.

Approve / Reject wait for a second user (supervisor or HQ admin); the service's refusal (the
maker cannot approve) shows beside the buttons. "Print payment list" renders the PDF of every
pay point (or one) in a worker with progress and Cancel. Reconciliation: mark the selected
payment paid (receipt number) or not paid (reason), or import an openIMIS reconciliation CSV
(all rows or none: a refused file's per-row errors show in a table). "Export CSV" writes the
payroll in the same format; "Close payroll" reconciles a payroll whose payments all have an
outcome.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import PayrollStatus, Role
from app.errors import AppError
from app.services.context import ServiceContext
from app.services.payment_dto import ImportReport, PaymentRow, PayrollOut
from app.services.payroll import approve_payroll, reject_payroll
from app.services.payroll_queries import get_payroll, list_payments
from app.services.reconciliation import close_payroll, mark_paid, mark_unpaid
from app.sync.progress import CancelToken, Progress
from app.ui import error_presenter, formatting, tasks
from app.ui.itemmodels.record_table_model import RecordTableModel
from app.ui.messages import app_error_text
from app.ui.sync_controller import ProgressRelay
from app.ui.views import payroll_files, payroll_render
from app.ui.views.payroll_files import (
    ChooseOpenPath,
    ChooseSavePath,
    _message,
    ask_open_path,
    ask_save_path,
)
from app.ui.widgets.field_errors import ERROR_STYLE

CAPTION_COLOUR = "#5f6368"
OK_STYLE = "color: #1e7e34;"
APPROVERS = (Role.SUPERVISOR, Role.HQ_ADMIN)
PRINTABLE = (
    PayrollStatus.PENDING_APPROVAL,
    PayrollStatus.APPROVED_FOR_PAYMENT,
    PayrollStatus.RECONCILED,
)


def make_table(model: RecordTableModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
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
    header.setMinimumSectionSize(60)
    return table


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(f"color: {CAPTION_COLOUR}; font-weight: bold; margin-top: 4px;")
    return label


class PayrollDetail(QWidget):
    back_requested = Signal()
    # The payroll changed (an action succeeded); argument: its id.
    changed = Signal(str)
    loaded = Signal(str)
    # A payment list PDF was written; argument: its path.
    printed = Signal(str)
    # An import finished (accepted or refused); argument: the ImportReport.
    imported = Signal(object)

    def __init__(
        self,
        ctx: ServiceContext,
        *,
        choose_save_path: ChooseSavePath = ask_save_path,
        choose_open_path: ChooseOpenPath = ask_open_path,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._choose_save_path = choose_save_path
        self._choose_open_path = choose_open_path
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
        points_column.addWidget(_caption(self.tr("Totals by pay point")))
        points_column.addWidget(self.points_table, 1)
        payments_box = QWidget()
        payments_column = QVBoxLayout(payments_box)
        payments_column.setContentsMargins(0, 0, 0, 0)
        payments_column.addWidget(_caption(self.tr("Payments (printed list order)")))
        payments_column.addWidget(self.payments_table, 1)
        payments_column.addLayout(self._build_reconcile_row())
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
        layout.addWidget(self.load_error_label)
        layout.addWidget(self._build_actions())
        layout.addWidget(splitter, 1)

        self.payments_table.selectionModel().currentRowChanged.connect(
            lambda _new, _old: self._update_actions()
        )

    # --- building ----------------------------------------------------------------------------

    def _build_actions(self) -> QWidget:
        box = QGroupBox(self.tr("Actions"))
        self.approve_button = QPushButton(self.tr("Approve"))
        self.reject_reason_edit = QLineEdit()
        self.reject_reason_edit.setPlaceholderText(self.tr("Reason for rejecting"))
        self.reject_reason_edit.setMinimumWidth(180)
        self.reject_reason_edit.setMaximumWidth(360)
        self.reject_button = QPushButton(self.tr("Reject"))
        self.approval_label = QLabel()
        self.approval_label.setObjectName("approval_error")
        self.approval_label.setWordWrap(True)
        self.approval_label.hide()
        approval = QHBoxLayout()
        approval.addWidget(self.approve_button)
        approval.addSpacing(12)
        approval.addWidget(self.reject_reason_edit)
        approval.addWidget(self.reject_button)
        approval.addSpacing(12)
        approval.addWidget(self.approval_label, 1)
        approval.addStretch(1)

        self.pay_point_combo = QComboBox()
        self.pay_point_combo.setMinimumContentsLength(18)
        self.print_button = QPushButton(self.tr("Print payment list…"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(180)
        self.progress_bar.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.import_button = QPushButton(self.tr("Import reconciliation CSV…"))
        self.close_button = QPushButton(self.tr("Close payroll"))
        files = QHBoxLayout()
        files.addWidget(QLabel(self.tr("Pay point")))
        files.addWidget(self.pay_point_combo)
        files.addWidget(self.print_button)
        files.addWidget(self.progress_bar)
        files.addWidget(self.cancel_button)
        files.addSpacing(12)
        files.addWidget(self.export_button)
        files.addWidget(self.import_button)
        files.addStretch(1)
        files.addWidget(self.close_button)
        self.action_label = QLabel()
        self.action_label.setObjectName("action_message")
        self.action_label.setWordWrap(True)
        self.action_label.hide()

        column = QVBoxLayout(box)
        column.addLayout(approval)
        column.addLayout(files)
        column.addWidget(self.action_label)

        self.approve_button.clicked.connect(self._on_approve_clicked)
        self.reject_button.clicked.connect(self._on_reject_clicked)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.cancel_button.clicked.connect(self.cancel_print)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.close_button.clicked.connect(self._on_close_clicked)
        return box

    def _build_reconcile_row(self) -> QHBoxLayout:
        self.receipt_edit = QLineEdit()
        self.receipt_edit.setPlaceholderText(self.tr("Receipt number"))
        self.mark_paid_button = QPushButton(self.tr("Mark paid"))
        self.unpaid_reason_edit = QLineEdit()
        self.unpaid_reason_edit.setPlaceholderText(self.tr("Reason not paid"))
        self.mark_unpaid_button = QPushButton(self.tr("Mark unpaid"))
        self.reconcile_label = QLabel()
        self.reconcile_label.setObjectName("reconcile_error")
        self.reconcile_label.setWordWrap(True)
        self.reconcile_label.hide()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Selected payment:")))
        row.addWidget(self.receipt_edit)
        row.addWidget(self.mark_paid_button)
        row.addSpacing(12)
        row.addWidget(self.unpaid_reason_edit)
        row.addWidget(self.mark_unpaid_button)
        row.addWidget(self.reconcile_label, 1)
        self.mark_paid_button.clicked.connect(self._on_mark_paid_clicked)
        self.mark_unpaid_button.clicked.connect(self._on_mark_unpaid_clicked)
        self.receipt_edit.returnPressed.connect(self._on_mark_paid_clicked)
        self.unpaid_reason_edit.returnPressed.connect(self._on_mark_unpaid_clicked)
        return row

    # --- loading -----------------------------------------------------------------------------

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
        self._payroll, self._payments = page, payments
        self.load_error_label.hide()
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
        page = self._payroll
        actor = self._ctx.actor
        writable = actor is not None and actor.role != Role.VIEWER
        approver = actor is not None and actor.role in APPROVERS
        status = page.row.status if page else ""
        payable = status == PayrollStatus.APPROVED_FOR_PAYMENT
        free = not self._busy
        enabled = {
            self.approve_button: approver and status == PayrollStatus.PENDING_APPROVAL,
            self.reject_button: writable and status == PayrollStatus.PENDING_APPROVAL,
            self.reject_reason_edit: writable and status == PayrollStatus.PENDING_APPROVAL,
            self.print_button: writable and status in PRINTABLE,
            self.pay_point_combo: status in PRINTABLE,
            self.export_button: page is not None,
            self.import_button: writable and payable,
            self.close_button: approver and payable,
            self.mark_paid_button: writable and payable and self.selected_payment() is not None,
            self.mark_unpaid_button: writable and payable and self.selected_payment() is not None,
            self.receipt_edit: writable and payable,
            self.unpaid_reason_edit: writable and payable,
        }
        for widget, on in enabled.items():
            widget.setEnabled(on and free)
        if page is not None and status == PayrollStatus.PENDING_APPROVAL and not approver:
            self.approve_button.setToolTip(
                self.tr("A supervisor or an HQ admin approves payrolls.")
            )
        else:
            self.approve_button.setToolTip("")

    def _clear_messages(self) -> None:
        for label in (self.approval_label, self.action_label, self.reconcile_label):
            _message(label, "")

    # --- running actions ---------------------------------------------------------------------

    def _run(
        self,
        fn: Callable[[], Any],
        *,
        name: str,
        label: QLabel,
        done: Callable[[Any], str] | None = None,
    ) -> None:
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
            if isinstance(exc, AppError):
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

    def _on_approve_clicked(self) -> None:
        if self._payroll is None:
            return
        ctx, pid, currency = self._ctx, self._payroll.id, self._payroll.row.currency

        def done(result: Any) -> str:
            text = self.tr("Approved for payment: {n} payments, {amount}.").format(
                n=formatting.number(result.approved),
                amount=formatting.money(result.total_amount, currency),
            )
            if result.dropped:
                text += " " + self.tr(
                    "{n} payments were rejected: their enrolment is no longer active."
                ).format(n=formatting.number(len(result.dropped)))
            return text

        self._run(
            lambda: approve_payroll(ctx, payroll_id=pid),
            name="approve",
            label=self.approval_label,
            done=done,
        )

    def _on_reject_clicked(self) -> None:
        if self._payroll is None:
            return
        ctx, pid = self._ctx, self._payroll.id
        reason = self.reject_reason_edit.text().strip()
        self._run(
            lambda: reject_payroll(ctx, payroll_id=pid, reason=reason),
            name="reject",
            label=self.approval_label,
            done=lambda _r: self.tr("Payroll rejected."),
        )

    def _on_mark_paid_clicked(self) -> None:
        payment = self.selected_payment()
        if payment is None or not self.mark_paid_button.isEnabled():
            return
        ctx, pid = self._ctx, payment.id
        receipt = self.receipt_edit.text().strip()
        paid_on = ctx.today().isoformat()

        def done(_r: Any) -> str:
            self.receipt_edit.clear()
            return self.tr("{code} recorded as paid.").format(code=payment.code)

        self._run(
            lambda: mark_paid(ctx, payment_id=pid, receipt=receipt, paid_on=paid_on),
            name="mark paid",
            label=self.reconcile_label,
            done=done,
        )

    def _on_mark_unpaid_clicked(self) -> None:
        payment = self.selected_payment()
        if payment is None or not self.mark_unpaid_button.isEnabled():
            return
        ctx, pid = self._ctx, payment.id
        reason = self.unpaid_reason_edit.text().strip()

        def done(_r: Any) -> str:
            self.unpaid_reason_edit.clear()
            return self.tr("{code} recorded as not paid.").format(code=payment.code)

        self._run(
            lambda: mark_unpaid(ctx, payment_id=pid, reason=reason),
            name="mark unpaid",
            label=self.reconcile_label,
            done=done,
        )

    def _on_close_clicked(self) -> None:
        if self._payroll is None:
            return
        ctx, pid, currency = self._ctx, self._payroll.id, self._payroll.row.currency
        self._run(
            lambda: close_payroll(ctx, payroll_id=pid),
            name="close",
            label=self.action_label,
            done=lambda r: self.tr(
                "Payroll reconciled: {paid} paid ({amount}), {unpaid} not paid."
            ).format(
                paid=formatting.number(r.reconciled),
                amount=formatting.money(r.paid_amount, currency),
                unpaid=formatting.number(r.unpaid),
            ),
        )

    # --- files (actions in app/ui/views/payroll_files.py) ---------------------------------

    def _suggested(self, suffix: str) -> str:
        return payroll_files.suggested(self, suffix)

    def _on_export_clicked(self) -> None:
        payroll_files.on_export_clicked(self)

    def _on_import_clicked(self) -> None:
        payroll_files.on_import_clicked(self)

    def _on_imported(self, payroll_id: str, report: ImportReport) -> None:
        payroll_files.on_imported(self, payroll_id, report)

    def _on_import_failed(self, exc: BaseException) -> None:
        payroll_files.on_import_failed(self, exc)

    @property
    def printing(self) -> bool:
        return self._print_token is not None

    def _on_print_clicked(self) -> None:
        payroll_files.on_print_clicked(self)

    def cancel_print(self) -> None:
        payroll_files.cancel_print(self)

    def _on_print_progress(self, p: Progress) -> None:
        payroll_files.on_print_progress(self, p)

    def _print_finished(self) -> None:
        payroll_files.print_finished(self)

    def _on_printed(self, result: Any) -> None:
        payroll_files.on_printed(self, result)

    def _on_print_failed(self, exc: BaseException) -> None:
        payroll_files.on_print_failed(self, exc)
