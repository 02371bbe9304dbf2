"""The payroll page's action widgets and what they do: approve, reject, mark paid or not, close."""

# Split from payroll_detail (one purpose a module): build_actions and build_reconcile_row create
# the widgets as attributes of the page, and the on_* functions call the services through
# PayrollDetail.run. A refused field's message shows under that field (the rejection reason,
# the receipt, the paid-on date, the reason not paid).

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
)

from app.domain.vocab import PayrollStatus, Role
from app.services.payroll import approve_payroll, reject_payroll
from app.services.reconciliation import close_payroll, mark_paid, mark_unpaid
from app.ui import formatting
from app.ui.dialogs.form_dialog import date_edit, iso
from app.ui.widgets.field_errors import FieldErrors, error_label, with_error

if TYPE_CHECKING:
    from app.ui.views.payroll_detail import PayrollDetail

#: The longest rejection reason the service keeps (``Payroll.rejection_reason``).
REASON_MAX = 200
APPROVERS = (Role.SUPERVISOR, Role.HQ_ADMIN)
TOP = Qt.AlignmentFlag.AlignTop
PRINTABLE = (
    PayrollStatus.PENDING_APPROVAL,
    PayrollStatus.APPROVED_FOR_PAYMENT,
    PayrollStatus.RECONCILED,
)


def _button(text: str) -> QPushButton:
    """A push button that keeps its full text (never squeezed below its size hint)."""
    button = QPushButton(text)
    button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
    return button


def _message_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.hide()
    return label


def _caption(text: str, height: int) -> QLabel:
    """A label as tall as the fields beside it (their errors open underneath)."""
    label = QLabel(text)
    label.setFixedHeight(height)
    return label


def build_actions(page: PayrollDetail) -> QGroupBox:
    """Three rows: approve / reject with its reason; print; export, import and close."""
    box = QGroupBox(page.tr("Actions"))
    page.approve_button = _button(page.tr("Approve"))
    page.reject_reason_edit = QLineEdit()
    page.reject_reason_edit.setObjectName("reject_reason")
    page.reject_reason_edit.setPlaceholderText(page.tr("Reason for rejecting"))
    page.reject_reason_edit.setMaxLength(REASON_MAX)
    page.reject_reason_edit.setMinimumWidth(220)
    page.reject_reason_edit.setMaximumWidth(420)
    page.reject_error = error_label()
    page.reject_button = _button(page.tr("Reject"))
    page.approval_label = _message_label("approval_error")
    page.approval_errors = FieldErrors(page.approval_label, {"reason": page.reject_error})
    approval = QHBoxLayout()
    approval.addWidget(page.approve_button, 0, TOP)
    approval.addSpacing(12)
    approval.addWidget(with_error(page.reject_reason_edit, page.reject_error), 0, TOP)
    approval.addWidget(page.reject_button, 0, TOP)
    approval.addSpacing(12)
    approval.addWidget(page.approval_label, 1, TOP)
    approval.addStretch(1)

    page.pay_point_combo = QComboBox()
    page.pay_point_combo.setMinimumContentsLength(18)
    page.pay_point_combo.setSizeAdjustPolicy(
        QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
    )
    page.print_button = _button(page.tr("Print payment list…"))
    page.progress_bar = QProgressBar()
    page.progress_bar.setMaximumWidth(180)
    page.progress_bar.hide()
    page.cancel_button = _button(page.tr("Cancel"))
    page.cancel_button.hide()
    printing = QHBoxLayout()
    printing.addWidget(QLabel(page.tr("Pay point")))
    printing.addWidget(page.pay_point_combo)
    printing.addWidget(page.print_button)
    printing.addWidget(page.progress_bar)
    printing.addWidget(page.cancel_button)
    printing.addStretch(1)

    page.export_button = _button(page.tr("Export CSV…"))
    page.import_button = _button(page.tr("Import reconciliation CSV…"))
    page.close_button = _button(page.tr("Close payroll"))
    files = QHBoxLayout()
    files.addWidget(page.export_button)
    files.addWidget(page.import_button)
    files.addStretch(1)
    files.addWidget(page.close_button)
    page.action_label = _message_label("action_message")

    column = QVBoxLayout(box)
    column.addLayout(approval)
    column.addLayout(printing)
    column.addLayout(files)
    column.addWidget(page.action_label)

    page.approve_button.clicked.connect(lambda: on_approve(page))
    page.reject_button.clicked.connect(lambda: on_reject(page))
    page.reject_reason_edit.returnPressed.connect(lambda: on_reject(page))
    page.print_button.clicked.connect(page.print_clicked)
    page.cancel_button.clicked.connect(page.cancel_print)
    page.export_button.clicked.connect(page.export_clicked)
    page.import_button.clicked.connect(page.import_clicked)
    page.close_button.clicked.connect(lambda: on_close(page))
    return box


def build_reconcile_row(page: PayrollDetail) -> QHBoxLayout:
    """Under the payments: receipt, paid-on date and "Mark paid"; reason and "Mark unpaid"."""
    today = page.ctx.today()
    page.receipt_edit = QLineEdit()
    page.receipt_edit.setObjectName("receipt")
    page.receipt_edit.setPlaceholderText(page.tr("Receipt number"))
    page.receipt_error = error_label()
    page.paid_on_edit = date_edit(today, latest=today)
    page.paid_on_edit.setObjectName("paid_on")
    page.paid_on_edit.setToolTip(page.tr("Date paid: from the cycle's start to today"))
    page.paid_on_error = error_label()
    page.mark_paid_button = _button(page.tr("Mark paid"))
    page.unpaid_reason_edit = QLineEdit()
    page.unpaid_reason_edit.setObjectName("unpaid_reason")
    page.unpaid_reason_edit.setPlaceholderText(page.tr("Reason not paid"))
    page.unpaid_reason_error = error_label()
    page.mark_unpaid_button = _button(page.tr("Mark unpaid"))
    page.reconcile_label = _message_label("reconcile_error")
    page.reconcile_errors = FieldErrors(
        page.reconcile_label,
        {
            "receipt": page.receipt_error,
            "paid_on": page.paid_on_error,
            "reason": page.unpaid_reason_error,
        },
    )
    # Field errors open under their fields: the rest of the row stays on the fields' line.
    line = page.receipt_edit.sizeHint().height()
    row = QHBoxLayout()
    row.addWidget(_caption(page.tr("Selected payment:"), line), 0, TOP)
    row.addWidget(with_error(page.receipt_edit, page.receipt_error), 2, TOP)
    row.addWidget(_caption(page.tr("paid on"), line), 0, TOP)
    row.addWidget(with_error(page.paid_on_edit, page.paid_on_error), 0, TOP)
    row.addWidget(page.mark_paid_button, 0, TOP)
    row.addSpacing(12)
    row.addWidget(with_error(page.unpaid_reason_edit, page.unpaid_reason_error), 2, TOP)
    row.addWidget(page.mark_unpaid_button, 0, TOP)
    row.addWidget(page.reconcile_label, 1, TOP)
    page.mark_paid_button.clicked.connect(lambda: on_mark_paid(page))
    page.mark_unpaid_button.clicked.connect(lambda: on_mark_unpaid(page))
    page.receipt_edit.returnPressed.connect(lambda: on_mark_paid(page))
    page.unpaid_reason_edit.returnPressed.connect(lambda: on_mark_unpaid(page))
    return row


def set_paid_on_range(page: PayrollDetail, cycle_start: date, *, reset: bool) -> None:
    """Limit the paid-on date to the cycle's start .. today; back to today for a new payroll."""
    today = page.ctx.today()
    edit = page.paid_on_edit
    earliest = min(cycle_start, today)
    edit.setDateRange(
        QDate(earliest.year, earliest.month, earliest.day),
        QDate(today.year, today.month, today.day),
    )
    if reset:
        edit.setDate(edit.maximumDate())


def paid_on(page: PayrollDetail) -> str:
    """The chosen paid-on date as ISO text (what the service takes)."""
    return iso(page.paid_on_edit)


def update_actions(page: PayrollDetail) -> None:
    """Enable what the user's role and the payroll's status allow (nothing while busy)."""
    payroll = page.payroll
    actor = page.ctx.actor
    writable = actor is not None and actor.role != Role.VIEWER
    approver = actor is not None and actor.role in APPROVERS
    status = payroll.row.status if payroll else ""
    pending = status == PayrollStatus.PENDING_APPROVAL
    payable = status == PayrollStatus.APPROVED_FOR_PAYMENT
    chosen = page.selected_payment() is not None
    enabled = {
        page.approve_button: approver and pending,
        page.reject_button: writable and pending,
        page.reject_reason_edit: writable and pending,
        page.print_button: writable and status in PRINTABLE,
        page.pay_point_combo: status in PRINTABLE,
        page.export_button: payroll is not None,
        page.import_button: writable and payable,
        page.close_button: approver and payable,
        page.mark_paid_button: writable and payable and chosen,
        page.mark_unpaid_button: writable and payable and chosen,
        page.receipt_edit: writable and payable,
        page.paid_on_edit: writable and payable,
        page.unpaid_reason_edit: writable and payable,
    }
    for widget, on in enabled.items():
        widget.setEnabled(on and not page._busy)
    if payroll is not None and pending and not approver:
        page.approve_button.setToolTip(page.tr("A supervisor or an HQ admin approves payrolls."))
    else:
        page.approve_button.setToolTip("")


# --- handlers ---------------------------------------------------------------------------------


def on_approve(page: PayrollDetail) -> None:
    payroll = page.payroll
    if payroll is None or not page.approve_button.isEnabled():
        return
    ctx, pid, currency = page.ctx, payroll.id, payroll.row.currency

    def done(result: Any) -> str:
        text = page.tr("Approved for payment: {n} payments, {amount}.").format(
            n=formatting.number(result.approved),
            amount=formatting.money(result.total_amount, currency),
        )
        if result.dropped:
            text += " " + page.tr(
                "{n} payments were rejected: their enrolment is no longer active."
            ).format(n=formatting.number(len(result.dropped)))
        return text

    page.run(
        lambda: approve_payroll(ctx, payroll_id=pid),
        name="approve",
        label=page.approval_label,
        done=done,
        errors=page.approval_errors,
    )


def on_reject(page: PayrollDetail) -> None:
    payroll = page.payroll
    if payroll is None or not page.reject_button.isEnabled():
        return
    ctx, pid = page.ctx, payroll.id
    reason = page.reject_reason_edit.text()

    def done(_result: Any) -> str:
        page.reject_reason_edit.clear()
        return page.tr("Payroll rejected.")

    page.run(
        lambda: reject_payroll(ctx, payroll_id=pid, reason=reason),
        name="reject",
        label=page.approval_label,
        done=done,
        errors=page.approval_errors,
    )


def on_mark_paid(page: PayrollDetail) -> None:
    payment = page.selected_payment()
    if payment is None or not page.mark_paid_button.isEnabled():
        return
    ctx, pid = page.ctx, payment.id
    receipt, day = page.receipt_edit.text().strip(), paid_on(page)

    def done(_result: Any) -> str:
        page.receipt_edit.clear()
        return page.tr("{code} recorded as paid on {day}.").format(
            code=payment.code, day=formatting.short_date(date.fromisoformat(day))
        )

    page.run(
        lambda: mark_paid(ctx, payment_id=pid, receipt=receipt, paid_on=day),
        name="mark paid",
        label=page.reconcile_label,
        done=done,
        errors=page.reconcile_errors,
    )


def on_mark_unpaid(page: PayrollDetail) -> None:
    payment = page.selected_payment()
    if payment is None or not page.mark_unpaid_button.isEnabled():
        return
    ctx, pid = page.ctx, payment.id
    reason = page.unpaid_reason_edit.text().strip()

    def done(_result: Any) -> str:
        page.unpaid_reason_edit.clear()
        return page.tr("{code} recorded as not paid.").format(code=payment.code)

    page.run(
        lambda: mark_unpaid(ctx, payment_id=pid, reason=reason),
        name="mark unpaid",
        label=page.reconcile_label,
        done=done,
        errors=page.reconcile_errors,
    )


def on_close(page: PayrollDetail) -> None:
    payroll = page.payroll
    if payroll is None:
        return
    ctx, pid, currency = page.ctx, payroll.id, payroll.row.currency
    page.run(
        lambda: close_payroll(ctx, payroll_id=pid),
        name="close",
        label=page.action_label,
        done=lambda r: page.tr(
            "Payroll reconciled: {paid} paid ({amount}), {unpaid} not paid."
        ).format(
            paid=formatting.number(r.reconciled),
            amount=formatting.money(r.paid_amount, currency),
            unpaid=formatting.number(r.unpaid),
        ),
    )
