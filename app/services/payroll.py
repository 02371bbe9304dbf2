"""Payrolls: generate one for a cycle and a district, approve it (maker-checker), reject it.

Statuses (``app.domain.transitions``): a payroll is born GENERATING and leaves this module
PENDING_APPROVAL; approval makes it and its payments APPROVED_FOR_PAYMENT; rejection makes it
REJECTED. Reconciliation (``services.reconciliation``) takes it to RECONCILED.

Guards:

* only ACTIVE enrolments of the programme in the district are paid (suspended, exited,
  graduated and potential never); approval re-checks and drops payments whose enrolment left
  ACTIVE since generation;
* never two payments for one enrolment in one cycle: the database's unique (enrolment, cycle)
  key is the last line; before it, a second payroll for the same programme, cycle and district
  is refused (PAYROLL_EXISTS) unless the earlier one was REJECTED;
* the maker never approves (MAKER_CANNOT_APPROVE); only a supervisor or an HQ admin approves,
  and that approval covers the payments above the programme's cap (listed in the result).

Re-issuing after a rejection: a payment row is *the* entitlement of an enrolment for a cycle
(unique key), so a payroll rejected before approval leaves its payments ACCEPTED and the next
payroll of that cycle adopts them (new payroll, recomputed amounts, same row and code). Rejecting
an *approved* payroll voids its payments (REJECTED, terminal): lists may have been printed, so
those enrolments are not paid again in that cycle; the next payroll skips them.

Speed: amounts come from three set-based reads for the whole district (enrolled households,
their present members, unmet conditions) and ``benefits.calculate_benefit`` in memory; payments
are added with ``add_all`` in one unit of work, so the recorder writes one outbox op per payment.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.transitions import check_transition
from app.domain.vocab import (
    AccountStatus,
    CycleStatus,
    EnrolmentStatus,
    HouseholdStatus,
    PaymentStatus,
    PayrollStatus,
    Role,
)
from app.errors import AppError, FieldError, PermissionDenied, ValidationFailed
from app.models.base import new_id, utcnow
from app.models.payment import Payment, PaymentAccount, Payroll
from app.models.programme import Enrolment, Programme
from app.models.recorded_insert import insert_rows
from app.models.registry import Household
from app.services.batch_ops import use_batch_writer
from app.services.benefits import (
    MemberFacts,
    calculate_benefit,
    enrolled_member_facts,
    load_rules,
    previous_period,
    unmet_counts,
)
from app.services.context import ServiceContext, unit_of_work
from app.services.payment_dto import ApprovalResult, DroppedPayment, OverCapPayment
from app.services.payroll_queries import (
    cycle_by_code,
    district_for,
    payroll_by_ref,
    programme_by_code,
)
from app.services.validation import Errors

log = logging.getLogger(__name__)

#: Cycles a payroll may be generated for.
OPEN_CYCLES = (CycleStatus.ACTIVE, CycleStatus.PENDING)
APPROVERS = (Role.SUPERVISOR, Role.HQ_ADMIN)
CODE_MAX = 32  # Payment.code column width


class PayrollExists(AppError):
    code = "PAYROLL_EXISTS"


def payment_code(cycle_code: str, household_code: str) -> str:
    """``PAY-<cycle>-<household>``: the same on every laptop for the same entitlement (HQ then
    sees one payment twice, never two payments). Shortened deterministically when too long."""
    for code in (f"PAY-{cycle_code}-{household_code}", f"{cycle_code}-{household_code}"):
        if len(code) <= CODE_MAX:
            return code
    digest = hashlib.blake2b(f"{cycle_code}|{household_code}".encode(), digest_size=10)
    return f"PAY-{digest.hexdigest().upper()}"


@dataclass(frozen=True, slots=True)
class _Enrolled:
    enrolment_id: str
    household_id: str
    household_code: str
    household_status: str
    recipients: tuple[str | None, str | None, str | None]  # primary, secondary, head
    pay_point_id: str | None
    adjustment: int  # decided on a case, added to every payment
    recovery_balance: int  # overpayment still to withhold


def _enrolled(session: Session, programme_id: str, district_id: str) -> list[_Enrolled]:
    rows = session.execute(
        select(
            Enrolment.id,
            Household.id,
            Household.code,
            Household.status,
            Household.primary_recipient_id,
            Household.secondary_recipient_id,
            Household.head_id,
            Household.pay_point_id,
            Enrolment.benefit_adjustment,
            Enrolment.recovery_balance,
        )
        .join(Household, Household.id == Enrolment.household_id)
        .where(
            Enrolment.programme_id == programme_id,
            Enrolment.district_id == district_id,
            Enrolment.status == EnrolmentStatus.ACTIVE,
            ~Enrolment.deleted,
            ~Household.deleted,
        )
        .order_by(Household.code)
    ).tuples()
    return [
        _Enrolled(e, h, code, st, (p, s, hd), pp, adj or 0, rec or 0)
        for e, h, code, st, p, s, hd, pp, adj, rec in rows
    ]


def _active_accounts(session: Session, district_id: str) -> dict[str, str]:
    accounts: dict[str, str] = {}
    for household_id, account_id in session.execute(
        select(PaymentAccount.household_id, PaymentAccount.id)
        .where(
            PaymentAccount.district_id == district_id,
            PaymentAccount.status == AccountStatus.ACTIVE,
            ~PaymentAccount.deleted,
        )
        .order_by(PaymentAccount.created_at, PaymentAccount.id)
    ).tuples():
        accounts[household_id] = account_id  # the newest active account wins
    return accounts


def _recipient(candidates: tuple[str | None, ...], present: set[str]) -> str | None:
    """The primary recipient if present, else the secondary, else the head."""
    return next((c for c in candidates if c and c in present), candidates[0])


def generate_payroll(
    ctx: ServiceContext, *, programme_code: str, cycle_code: str, district_code: str | None = None
) -> str:
    """Create the payroll of ``cycle_code`` for the actor's district; returns its id.

    HQ (no district of its own) passes ``district_code``. Refused when the cycle is not ACTIVE
    or PENDING, or when a payroll of the cycle already exists there and is not REJECTED.
    """
    actor = ctx.require_actor()
    with unit_of_work(ctx) as session:
        use_batch_writer(session)
        programme = programme_by_code(session, programme_code)
        cycle = cycle_by_code(session, cycle_code, programme)
        district = district_for(session, actor, district_code)
        if cycle.status not in OPEN_CYCLES:
            raise ValidationFailed(
                [FieldError("cycle", "CYCLE_NOT_OPEN", {"status": cycle.status})]
            )
        existing = session.scalar(
            select(Payroll).where(
                Payroll.cycle_id == cycle.id,
                Payroll.district_id == district.id,
                Payroll.status != PayrollStatus.REJECTED,
                ~Payroll.deleted,
            )
        )
        if existing is not None:
            raise PayrollExists(
                f"{cycle.code} already has a payroll in {district.code} ({existing.id}, "
                f"{existing.status}); reject it first to generate a new one"
            )
        rules = load_rules(session, programme)
        enrolled = _enrolled(session, programme.id, district.id)
        members: dict[str, list[MemberFacts]] = enrolled_member_facts(
            session, programme_id=programme.id, district_id=district.id
        )
        present = {m.id for people in members.values() for m in people}
        unmet = (
            unmet_counts(
                session,
                programme_id=programme.id,
                period=previous_period(cycle.start_date),
                district_id=district.id,
            )
            if rules.conditional
            else {}
        )
        accounts = _active_accounts(session, district.id)
        earlier = _earlier_payments(session, cycle.id)
        payroll = Payroll(
            id=new_id(),
            name=f"{cycle.code} {district.code}",
            district_id=district.id,
            programme_id=programme.id,
            cycle_id=cycle.id,
            status=PayrollStatus.GENERATING,
            created_by=actor.user_id,
        )
        session.add(payroll)
        session.flush()  # no ORM relationships: the parent row must be written first
        new: list[dict[str, object]] = []
        total = count = skipped = 0
        for e in enrolled:
            if e.household_status != HouseholdStatus.ACTIVE:
                skipped += 1
                continue
            benefit = calculate_benefit(
                rules, members.get(e.household_id, ()), on=cycle.start_date,
                unmet=unmet.get(e.household_id, 0),
            )  # fmt: skip
            # A case's adjustment comes after the rules (and the cap); a recovery withholds
            # from what is left, never taking the payment below zero.
            adjusted = max(0, benefit.amount + e.adjustment)
            recovery = min(e.recovery_balance, adjusted)
            amount = adjusted - recovery
            values = {
                "payroll_id": payroll.id,
                "recipient_id": _recipient(e.recipients, present),
                "pay_point_id": e.pay_point_id,
                "payment_account_id": accounts.get(e.household_id),
                "amount": amount,
                "base_amount": benefit.base,
                "top_up_amount": benefit.top_up,
                "deduction_amount": benefit.deduction,
                "adjustment_amount": adjusted - benefit.amount,
                "recovery_amount": recovery,
                "over_cap": benefit.over_cap,
            }
            before = earlier.get(e.enrolment_id)
            if before is None:
                new.append(
                    {
                        "code": payment_code(cycle.code, e.household_code),
                        "cycle_id": cycle.id,
                        "enrolment_id": e.enrolment_id,
                        "household_id": e.household_id,
                        "district_id": district.id,
                        "status": PaymentStatus.ACCEPTED.value,
                        **values,
                    }
                )
            elif before[1] == PaymentStatus.ACCEPTED and before[2] == PayrollStatus.REJECTED:
                adopted = session.get(Payment, before[0])
                assert adopted is not None
                for key, value in values.items():
                    setattr(adopted, key, value)
            else:  # paid, voided or in another live payroll (e.g. before a transfer)
                skipped += 1
                continue
            total += amount
            count += 1
        insert_rows(session, Payment, new)
        check_transition(PayrollStatus, payroll.status, PayrollStatus.PENDING_APPROVAL)
        payroll.status = PayrollStatus.PENDING_APPROVAL
        payroll.total_amount = total
        payroll.payment_count = count
        if skipped:
            log.info("payroll %s: %d enrolments skipped", payroll.id, skipped)
        return payroll.id


def _earlier_payments(session: Session, cycle_id: str) -> dict[str, tuple[str, str, str]]:
    """Payments already made for this cycle: enrolment -> (payment, status, payroll status)."""
    return {
        enrolment_id: (payment_id, status, payroll_status)
        for enrolment_id, payment_id, status, payroll_status in session.execute(
            select(Payment.enrolment_id, Payment.id, Payment.status, Payroll.status)
            .join(Payroll, Payroll.id == Payment.payroll_id)
            .where(Payment.cycle_id == cycle_id)
        ).tuples()
    }


def approve_payroll(ctx: ServiceContext, *, payroll_id: str) -> ApprovalResult:
    """Approve for payment (supervisor or HQ admin, never the maker).

    Payments whose enrolment is no longer ACTIVE are REJECTED (listed as ``dropped``) and the
    payroll's total is recomputed; the others, over-cap ones included, become
    APPROVED_FOR_PAYMENT.
    """
    actor = ctx.require_actor()
    actor.require(*APPROVERS)
    with unit_of_work(ctx) as session:
        use_batch_writer(session)
        payroll = payroll_by_ref(session, payroll_id, actor)
        if payroll.created_by == actor.user_id:
            raise PermissionDenied(
                "the user who generated a payroll cannot approve it", code="MAKER_CANNOT_APPROVE"
            )
        check_transition(PayrollStatus, payroll.status, PayrollStatus.APPROVED_FOR_PAYMENT)
        programme = session.get(Programme, payroll.programme_id)
        assert programme is not None
        rows = session.execute(
            select(Payment, Enrolment.status, Household.code)
            .join(Enrolment, Enrolment.id == Payment.enrolment_id)
            .join(Household, Household.id == Payment.household_id)
            .where(Payment.payroll_id == payroll.id, ~Payment.deleted)
            .order_by(Payment.code)
        ).tuples()
        approved = total = 0
        over_cap: list[OverCapPayment] = []
        dropped: list[DroppedPayment] = []
        for payment, enrolment_status, household_code in rows:
            if payment.status != PaymentStatus.ACCEPTED:
                continue  # rejected earlier: stays out
            if enrolment_status != EnrolmentStatus.ACTIVE:
                check_transition(PaymentStatus, payment.status, PaymentStatus.REJECTED)
                payment.status = PaymentStatus.REJECTED
                dropped.append(
                    DroppedPayment(payment.id, payment.code, household_code, enrolment_status)
                )
                continue
            check_transition(PaymentStatus, payment.status, PaymentStatus.APPROVED_FOR_PAYMENT)
            payment.status = PaymentStatus.APPROVED_FOR_PAYMENT
            approved += 1
            total += payment.amount
            if payment.over_cap:
                over_cap.append(
                    OverCapPayment(
                        payment.id, payment.code, household_code, payment.amount,
                        programme.cap_amount or 0,
                    )
                )  # fmt: skip
        payroll.status = PayrollStatus.APPROVED_FOR_PAYMENT
        payroll.approved_by = actor.user_id
        payroll.approved_at = now_on(ctx)
        payroll.total_amount = total
        payroll.payment_count = approved
        return ApprovalResult(payroll.id, approved, total, over_cap, dropped)


def reject_payroll(ctx: ServiceContext, *, payroll_id: str, reason: str) -> str:
    """Reject a payroll (supervisor or HQ admin, or its maker withdrawing it before approval).

    Before approval its payments stay ACCEPTED for the next payroll of the cycle to adopt.
    After approval (nothing paid yet) they are voided: REJECTED. The reason (required, at most
    200 characters) is kept on the payroll. Returns the payroll id.
    """
    actor = ctx.require_actor()
    errors = Errors()
    clean_reason = errors.required_text("reason", reason, max_len=200)
    errors.raise_if_any()
    with unit_of_work(ctx) as session:
        payroll = payroll_by_ref(session, payroll_id, actor)
        maker_withdraws = (
            payroll.created_by == actor.user_id and payroll.status == PayrollStatus.PENDING_APPROVAL
        )
        if actor.role not in APPROVERS and not maker_withdraws:
            raise PermissionDenied(
                "only a supervisor or an HQ admin rejects a payroll", code="ROLE_NOT_ALLOWED"
            )
        check_transition(PayrollStatus, payroll.status, PayrollStatus.REJECTED)
        if payroll.status == PayrollStatus.APPROVED_FOR_PAYMENT:
            payments = list(
                session.scalars(
                    select(Payment).where(Payment.payroll_id == payroll.id, ~Payment.deleted)
                )
            )
            settled = [p.code for p in payments if p.status not in _VOIDABLE]
            if settled:
                raise ValidationFailed(
                    [FieldError("payroll", "PAYMENTS_ALREADY_SETTLED", {"count": len(settled)})]
                )
            for payment in payments:
                if payment.status != PaymentStatus.REJECTED:
                    check_transition(PaymentStatus, payment.status, PaymentStatus.REJECTED)
                    payment.status = PaymentStatus.REJECTED
        payroll.status = PayrollStatus.REJECTED
        payroll.rejection_reason = clean_reason
        log.info("payroll %s rejected by %s: %s", payroll.id, actor.username, clean_reason)
        return payroll.id


_VOIDABLE = (PaymentStatus.APPROVED_FOR_PAYMENT, PaymentStatus.REJECTED)


def now_on(ctx: ServiceContext) -> datetime:
    """The current UTC time on the context's clock (tests inject one)."""
    if ctx.clock_ms is None:
        return utcnow()
    return datetime.fromtimestamp(ctx.clock_ms() / 1000, UTC)
