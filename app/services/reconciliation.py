"""Reconciliation: record what happened at the pay point, by screen or by openIMIS CSV file.

Payment outcomes (payments of an APPROVED_FOR_PAYMENT payroll only):

* ``mark_paid``: APPROVED_FOR_PAYMENT (or UNPAID, a correction) -> PAID, with the receipt
  number and the date paid (not in the future, not before the cycle's start or the approval);
* ``mark_unpaid``: APPROVED_FOR_PAYMENT (or PAID, a correction) -> UNPAID, with a reason.

Every outcome also appends a ``Reconciliation`` row (source SCREEN or FILE), so the history of
corrections survives even though the payment keeps only the latest outcome.

Closing (``close_payroll``, supervisor or HQ admin): allowed once *every* payment of the payroll
has an outcome (none still APPROVED_FOR_PAYMENT). PAID payments become RECONCILED; UNPAID ones
stay UNPAID, the final record that the cash went back (paying them later is an arrears matter,
not this payroll's); the payroll becomes RECONCILED and takes no more outcomes.

Files in openIMIS's CSV format: ``services.reconciliation_csv``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from app.domain.transitions import check_transition
from app.domain.vocab import PaymentStatus, PayrollStatus, Role
from app.errors import AppError, FieldError, NotFound, ValidationFailed
from app.models.payment import Payment, PaymentCycle, Payroll, Reconciliation
from app.models.programme import Enrolment
from app.services.batch_ops import use_batch_writer
from app.services.context import Actor, ServiceContext, unit_of_work
from app.services.lookups import check_scope
from app.services.payment_dto import CloseResult
from app.services.payroll_queries import payroll_by_ref
from app.services.validation import Errors

SOURCE_SCREEN, SOURCE_FILE = "SCREEN", "FILE"
RECEIPT_MAX, REASON_MAX = 40, 200
CLOSERS = (Role.SUPERVISOR, Role.HQ_ADMIN)


class PayrollNotPayable(AppError):
    code = "PAYROLL_NOT_PAYABLE"


# --- screen -------------------------------------------------------------------------------


def payment_by_ref(session: Session, ref: str, actor: Actor) -> Payment:
    """A payment by id or by code, in the actor's scope."""
    text = ref.strip()
    payment = session.get(Payment, text.lower()) if len(text) == 36 else None
    if payment is None:
        payment = session.scalar(select(Payment).where(Payment.code == text.upper()))
    if payment is None or payment.deleted:
        raise NotFound(f"no payment {ref}", code="PAYMENT_NOT_FOUND")
    check_scope(actor, payment.district_id)
    return payment


def payable_payroll(session: Session, payroll_id: str) -> Payroll:
    payroll = session.get(Payroll, payroll_id)
    assert payroll is not None
    if payroll.status != PayrollStatus.APPROVED_FOR_PAYMENT:
        raise PayrollNotPayable(
            f"payroll {payroll.name} is {payroll.status}; outcomes are recorded only for "
            "payrolls approved for payment"
        )
    return payroll


def set_paid(payment: Payment, receipt: str, paid_on: date) -> None:
    check_transition(PaymentStatus, payment.status, PaymentStatus.PAID)
    payment.status = PaymentStatus.PAID
    payment.receipt = receipt
    payment.paid_on = paid_on
    payment.unpaid_reason = None
    if payment.recovery_amount:
        # Withheld money counts as recovered once the reduced payment was really made.
        session = object_session(payment)
        enrolment = session.get(Enrolment, payment.enrolment_id) if session else None
        if enrolment is not None:
            enrolment.recovery_balance = max(
                0, enrolment.recovery_balance - payment.recovery_amount
            )


def set_unpaid(payment: Payment, reason: str) -> None:
    check_transition(PaymentStatus, payment.status, PaymentStatus.UNPAID)
    payment.status = PaymentStatus.UNPAID
    payment.receipt = None
    payment.paid_on = None
    payment.unpaid_reason = reason


def record(
    payment: Payment,
    actor: Actor,
    *,
    paid: bool,
    receipt: str | None = None,
    reason: str | None = None,
    source: str = SOURCE_SCREEN,
    source_file: str | None = None,
) -> Reconciliation:
    return Reconciliation(
        payment_id=payment.id,
        district_id=payment.district_id,
        paid=paid,
        receipt=receipt,
        reason=reason,
        source=source,
        source_file=source_file,
        recorded_by=actor.user_id,
    )


def mark_paid(ctx: ServiceContext, *, payment_id: str, receipt: str, paid_on: date | str) -> str:
    """Record a payment as paid on ``paid_on`` (receipt number required); returns its id.

    ``paid_on`` may not be in the future (DATE_IN_FUTURE), before the start of the payment's
    cycle (BEFORE_CYCLE_START) or before the payroll's approval (BEFORE_APPROVAL).
    """
    actor = ctx.require_actor()
    errors = Errors()
    clean_receipt = errors.required_text("receipt", receipt, max_len=RECEIPT_MAX)
    day = errors.past_date("paid_on", paid_on, today=ctx.today())
    errors.raise_if_any()
    assert day is not None
    with unit_of_work(ctx) as session:
        payment = payment_by_ref(session, payment_id, actor)
        payroll = payable_payroll(session, payment.payroll_id)
        cycle = session.get(PaymentCycle, payment.cycle_id)
        if cycle is not None and day < cycle.start_date:
            raise ValidationFailed(
                [
                    FieldError(
                        "paid_on", "BEFORE_CYCLE_START", {"start": cycle.start_date.isoformat()}
                    )
                ]
            )
        if payroll.approved_at is not None and day < payroll.approved_at.date():
            raise ValidationFailed([FieldError("paid_on", "BEFORE_APPROVAL")])
        set_paid(payment, clean_receipt, day)
        session.add(record(payment, actor, paid=True, receipt=clean_receipt))
        return payment.id


def mark_unpaid(ctx: ServiceContext, *, payment_id: str, reason: str) -> str:
    """Record a payment as not paid (reason required); returns the payment id."""
    actor = ctx.require_actor()
    errors = Errors()
    clean_reason = errors.required_text("reason", reason, max_len=REASON_MAX)
    errors.raise_if_any()
    with unit_of_work(ctx) as session:
        payment = payment_by_ref(session, payment_id, actor)
        payable_payroll(session, payment.payroll_id)
        set_unpaid(payment, clean_reason)
        session.add(record(payment, actor, paid=False, reason=clean_reason))
        return payment.id


def close_payroll(ctx: ServiceContext, *, payroll_id: str) -> CloseResult:
    """Close a payroll whose payments all have an outcome: PAID -> RECONCILED, payroll
    RECONCILED (supervisor or HQ admin)."""
    actor = ctx.require_actor()
    actor.require(*CLOSERS)
    with unit_of_work(ctx) as session:
        use_batch_writer(session)
        payroll = payroll_by_ref(session, payroll_id, actor)
        check_transition(PayrollStatus, payroll.status, PayrollStatus.RECONCILED)
        payments = list(
            session.scalars(
                select(Payment).where(Payment.payroll_id == payroll.id, ~Payment.deleted)
            )
        )
        still_open = [p for p in payments if p.status == PaymentStatus.APPROVED_FOR_PAYMENT]
        if still_open:
            raise ValidationFailed(
                [FieldError("payroll", "PAYMENTS_WITHOUT_OUTCOME", {"count": len(still_open)})]
            )
        reconciled = unpaid = paid_amount = unpaid_amount = 0
        for payment in payments:
            if payment.status == PaymentStatus.PAID:
                check_transition(PaymentStatus, payment.status, PaymentStatus.RECONCILED)
                payment.status = PaymentStatus.RECONCILED
                reconciled += 1
                paid_amount += payment.amount
            elif payment.status == PaymentStatus.UNPAID:
                unpaid += 1
                unpaid_amount += payment.amount
        payroll.status = PayrollStatus.RECONCILED
        return CloseResult(payroll.id, reconciled, unpaid, paid_amount, unpaid_amount)
