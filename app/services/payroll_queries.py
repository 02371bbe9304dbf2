"""Read side of programmes, cycles, payrolls and payments (DTOs, scoped to the actor)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.domain.vocab import EnrolmentStatus, LocationLevel, PaymentStatus, PayrollStatus, Role
from app.errors import FieldError, NotFound, ValidationFailed
from app.models.compliance import ProgrammeCondition
from app.models.location import Location, ServicePoint
from app.models.payment import Payment, PaymentCycle, Payroll
from app.models.programme import BenefitTopUp, Enrolment, Programme
from app.models.registry import Household, Individual
from app.models.user import User
from app.services.context import Actor, ServiceContext
from app.services.lookups import check_scope
from app.services.ordering import text_key
from app.services.payment_dto import (
    ConditionOut,
    CycleOut,
    OverCapPayment,
    PaymentRow,
    PayPointTotal,
    PayrollOut,
    PayrollRow,
    ProgrammeOut,
    TopUpOut,
)

#: Shortest id prefix accepted for a payroll (UUIDv7: the first 8 hex digits are the time).
MIN_PREFIX = 8
PAID_LIKE = (PaymentStatus.PAID, PaymentStatus.RECONCILED)


# --- look-ups shared with the write side -------------------------------------------------------


def programme_by_code(session: Session, code: str) -> Programme:
    programme = session.scalar(select(Programme).where(Programme.code == code.strip().upper()))
    if programme is None or programme.deleted:
        raise NotFound(f"no programme {code}", code="PROGRAMME_NOT_FOUND")
    return programme


def cycle_by_code(session: Session, code: str, programme: Programme | None = None) -> PaymentCycle:
    cycle = session.scalar(select(PaymentCycle).where(PaymentCycle.code == code.strip().upper()))
    if cycle is None or cycle.deleted:
        raise NotFound(f"no payment cycle {code}", code="CYCLE_NOT_FOUND")
    if programme is not None and cycle.programme_id != programme.id:
        raise ValidationFailed(
            [
                FieldError(
                    "cycle", "CYCLE_NOT_OF_PROGRAMME", {"cycle": code, "programme": programme.code}
                )
            ]
        )
    return cycle


def district_for(session: Session, actor: Actor, district_code: str | None) -> Location:
    """The district to act on: the actor's own, or ``district_code`` (required for HQ)."""
    if district_code:
        district = session.scalar(
            select(Location).where(Location.code == district_code.strip().upper())
        )
        if district is None or district.deleted or district.level != LocationLevel.DISTRICT:
            raise ValidationFailed(
                [FieldError("district", "UNKNOWN_DISTRICT", {"value": district_code})]
            )
        check_scope(actor, district.id)
        return district
    if actor.district_id is None:
        raise ValidationFailed([FieldError("district", "DISTRICT_REQUIRED")])
    district = session.get(Location, actor.district_id)
    if district is None:
        raise NotFound("the signed-in user's district is not on this database", code="NO_DISTRICT")
    return district


def payroll_by_ref(session: Session, ref: str, actor: Actor | None) -> Payroll:
    """A payroll by id or by a unique id prefix of at least 8 characters, in scope."""
    text = ref.strip().lower()
    payroll = session.get(Payroll, text) if len(text) == 36 else None
    if payroll is None:
        if len(text) < MIN_PREFIX:
            raise ValidationFailed([FieldError("payroll", "REF_TOO_SHORT", {"min": MIN_PREFIX})])
        found = list(session.scalars(select(Payroll).where(Payroll.id.startswith(text)).limit(2)))
        if len(found) > 1:
            raise ValidationFailed([FieldError("payroll", "AMBIGUOUS_REF", {"value": ref})])
        payroll = found[0] if found else None
    if payroll is None or payroll.deleted:
        raise NotFound(f"no payroll {ref}", code="PAYROLL_NOT_FOUND")
    if actor is not None:
        check_scope(actor, payroll.district_id)
    return payroll


def short_ids(ids: list[str]) -> dict[str, str]:
    """For each id, its shortest prefix (at least 8 characters) unique among ``ids``."""
    result: dict[str, str] = {}
    for one in ids:
        size = MIN_PREFIX
        while size < len(one) and any(o != one and o.startswith(one[:size]) for o in ids):
            size += 1
        result[one] = one[:size].rstrip("-")
    return result


# --- programmes and cycles ---------------------------------------------------------------------


def list_programmes(ctx: ServiceContext) -> list[ProgrammeOut]:
    """Live programmes with their rules and the number of ACTIVE enrolments in scope."""
    actor = ctx.require_actor()
    with ctx.db.read_session() as session:
        top_ups: dict[str, list[TopUpOut]] = defaultdict(list)
        for t in session.scalars(
            select(BenefitTopUp).where(~BenefitTopUp.deleted).order_by(BenefitTopUp.criterion)
        ):
            top_ups[t.programme_id].append(TopUpOut(t.criterion, t.amount, t.max_members))
        conditions: dict[str, list[ConditionOut]] = defaultdict(list)
        for c in session.scalars(
            select(ProgrammeCondition)
            .where(~ProgrammeCondition.deleted)
            .order_by(ProgrammeCondition.code)
        ):
            conditions[c.programme_id].append(
                ConditionOut(c.code, c.name, c.kind, c.applies_to, c.threshold)
            )
        counted = select(Enrolment.programme_id, func.count()).where(
            Enrolment.status == EnrolmentStatus.ACTIVE, ~Enrolment.deleted
        )
        if actor.role != Role.HQ_ADMIN and actor.district_id is not None:
            counted = counted.where(Enrolment.district_id == actor.district_id)
        active = dict(session.execute(counted.group_by(Enrolment.programme_id)).tuples().all())
        return [
            ProgrammeOut(
                id=p.id,
                code=p.code,
                name=p.name,
                type=p.type,
                description=p.description,
                currency=p.currency,
                frequency=p.frequency,
                base_amount=p.base_amount,
                cap_amount=p.cap_amount,
                deduction_per_unmet=p.deduction_per_unmet,
                top_ups=top_ups.get(p.id, []),
                conditions=conditions.get(p.id, []),
                active_enrolments=int(active.get(p.id, 0)),
            )
            for p in session.scalars(
                select(Programme).where(~Programme.deleted).order_by(Programme.code)
            )
        ]


def list_cycles(ctx: ServiceContext, *, programme_code: str | None = None) -> list[CycleOut]:
    """Payment cycles (of one programme, or all), by programme then start date, each with the
    live payroll of the actor's district when there is one."""
    actor = ctx.require_actor()
    with ctx.db.read_session() as session:
        query = (
            select(PaymentCycle, Programme.code)
            .join(Programme, Programme.id == PaymentCycle.programme_id)
            .where(~PaymentCycle.deleted)
            .order_by(Programme.code, PaymentCycle.start_date)
        )
        if programme_code:
            query = query.where(Programme.id == programme_by_code(session, programme_code).id)
        live: dict[str, tuple[str, str]] = {}
        if actor.district_id is not None:
            for payroll in session.scalars(
                select(Payroll)
                .where(
                    Payroll.district_id == actor.district_id,
                    Payroll.status != PayrollStatus.REJECTED,
                    ~Payroll.deleted,
                )
                .order_by(Payroll.created_at)
            ):
                live[payroll.cycle_id] = (payroll.id, payroll.status)
        return [
            CycleOut(
                id=c.id,
                code=c.code,
                programme_code=code,
                start_date=c.start_date,
                end_date=c.end_date,
                status=c.status,
                payroll_id=live.get(c.id, (None, None))[0],
                payroll_status=live.get(c.id, (None, None))[1],
            )
            for c, code in session.execute(query).tuples()
        ]


# --- payrolls ------------------------------------------------------------------------------


def _payroll_query() -> Any:
    maker, checker = aliased(User), aliased(User)
    district = aliased(Location)
    return (
        select(
            Payroll,
            Programme.code,
            Programme.currency,
            PaymentCycle.code,
            district.code,
            maker.username,
            checker.username,
        )
        .join(Programme, Programme.id == Payroll.programme_id)
        .join(PaymentCycle, PaymentCycle.id == Payroll.cycle_id)
        .join(district, district.id == Payroll.district_id)
        .outerjoin(maker, maker.id == Payroll.created_by)
        .outerjoin(checker, checker.id == Payroll.approved_by)
        .where(~Payroll.deleted)
    )


def _row(found: Any) -> PayrollRow:
    payroll, programme_code, currency, cycle_code, district_code, maker, checker = found
    return PayrollRow(
        id=payroll.id,
        name=payroll.name,
        programme_code=programme_code,
        cycle_code=cycle_code,
        district_code=district_code,
        status=payroll.status,
        payment_count=payroll.payment_count,
        total_amount=payroll.total_amount,
        currency=currency,
        created_by=maker,
        approved_by=checker,
        created_at=payroll.created_at,
        approved_at=payroll.approved_at,
        rejection_reason=payroll.rejection_reason,
    )


def list_payrolls(
    ctx: ServiceContext,
    *,
    programme_code: str | None = None,
    status: str | None = None,
    district_code: str | None = None,
) -> list[PayrollRow]:
    """Payrolls in the actor's district (HQ: all, or ``district_code``'s), newest first."""
    actor = ctx.require_actor()
    with ctx.db.read_session() as session:
        query = _payroll_query().order_by(Payroll.created_at.desc(), Payroll.id.desc())
        if district_code or actor.district_id is not None:
            query = query.where(
                Payroll.district_id == district_for(session, actor, district_code).id
            )
        if programme_code:
            query = query.where(
                Payroll.programme_id == programme_by_code(session, programme_code).id
            )
        if status:
            query = query.where(Payroll.status == status.strip().upper())
        return [_row(found) for found in session.execute(query).tuples()]


def get_payroll(ctx: ServiceContext, *, payroll_id: str) -> PayrollOut:
    """One payroll with its totals per pay point and status, and its over-cap payments."""
    actor = ctx.require_actor()
    with ctx.db.read_session() as session:
        payroll = payroll_by_ref(session, payroll_id, actor)
        row = _row(session.execute(_payroll_query().where(Payroll.id == payroll.id)).one())
        programme = session.get(Programme, payroll.programme_id)
        cycle = session.get(PaymentCycle, payroll.cycle_id)
        assert programme is not None and cycle is not None
        status_counts: dict[str, int] = {}
        points: dict[str | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for point_id, status, count, amount in session.execute(
            select(Payment.pay_point_id, Payment.status, func.count(), func.sum(Payment.amount))
            .where(Payment.payroll_id == payroll.id, ~Payment.deleted)
            .group_by(Payment.pay_point_id, Payment.status)
        ).tuples():
            status_counts[status] = status_counts.get(status, 0) + int(count)
            if status == PaymentStatus.REJECTED:
                continue
            totals = points[point_id]
            totals["payments"] += int(count)
            totals["amount"] += int(amount or 0)
            if status in PAID_LIKE:
                totals["paid"] += int(count)
                totals["paid_amount"] += int(amount or 0)
            elif status == PaymentStatus.UNPAID:
                totals["unpaid"] += int(count)
                totals["unpaid_amount"] += int(amount or 0)
            else:
                totals["open"] += int(count)
        names = {
            sp.id: (sp.code, sp.name)
            for sp in session.scalars(
                select(ServicePoint).where(ServicePoint.id.in_([p for p in points if p]))
            )
        }
        pay_points = sorted(
            (
                PayPointTotal(
                    pay_point_code=names.get(pid, (None, None))[0] if pid else None,
                    pay_point_name=names.get(pid, (None, None))[1] if pid else None,
                    **{k: t[k] for k in ("payments", "amount", "paid", "paid_amount")},
                    **{k: t[k] for k in ("unpaid", "unpaid_amount", "open")},
                )
                for pid, t in points.items()
            ),
            key=lambda p: (p.pay_point_code is None, p.pay_point_code or ""),
        )
        over_cap = [
            OverCapPayment(pid, code, hh_code, amount, programme.cap_amount or 0)
            for pid, code, hh_code, amount in session.execute(
                select(Payment.id, Payment.code, Household.code, Payment.amount)
                .join(Household, Household.id == Payment.household_id)
                .where(
                    Payment.payroll_id == payroll.id,
                    Payment.over_cap,
                    ~Payment.deleted,
                    Payment.status != PaymentStatus.REJECTED,
                )
                .order_by(Payment.code)
            ).tuples()
        ]
        return PayrollOut(
            row=row,
            programme_name=programme.name,
            cycle_start=cycle.start_date,
            cycle_end=cycle.end_date,
            cap_amount=programme.cap_amount,
            status_counts=status_counts,
            pay_points=pay_points,
            over_cap=over_cap,
        )


def list_payments(
    ctx: ServiceContext,
    *,
    payroll_id: str,
    pay_point_code: str | None = None,
    status: str | None = None,
) -> list[PaymentRow]:
    """A payroll's payments in payment-list order (pay point, village, recipient name).

    The reconciliation screen shows them in this order, the order of the printed list.
    """
    actor = ctx.require_actor()
    with ctx.db.read_session() as session:
        payroll = payroll_by_ref(session, payroll_id, actor)
        village = aliased(Location)
        recipient = aliased(Individual)
        query = (
            select(
                Payment,
                Household.code,
                village.name,
                recipient.first_name,
                recipient.last_name,
                recipient.national_id,
                ServicePoint.code,
            )
            .join(Household, Household.id == Payment.household_id)
            .join(village, village.id == Household.village_id)
            .outerjoin(recipient, recipient.id == Payment.recipient_id)
            .outerjoin(ServicePoint, ServicePoint.id == Payment.pay_point_id)
            .where(Payment.payroll_id == payroll.id, ~Payment.deleted)
        )
        if pay_point_code:
            query = query.where(ServicePoint.code == pay_point_code.strip().upper())
        if status:
            query = query.where(Payment.status == status.strip().upper())
        rows = [
            PaymentRow(
                id=p.id,
                code=p.code,
                household_code=hh_code,
                village_name=village_name,
                recipient_first_name=first or "",
                recipient_last_name=last or "",
                recipient_national_id=national_id,
                pay_point_code=point_code,
                amount=p.amount,
                over_cap=p.over_cap,
                status=p.status,
                receipt=p.receipt,
                paid_on=p.paid_on,
                unpaid_reason=p.unpaid_reason,
            )
            for p, hh_code, village_name, first, last, national_id, point_code in session.execute(
                query
            ).tuples()
        ]
        rows.sort(
            key=lambda r: payment_order_key(
                r.pay_point_code,
                r.village_name,
                r.recipient_last_name,
                r.recipient_first_name,
                r.household_code,
            )
        )
        return rows


def payment_order_key(
    pay_point_code: str | None,
    village_name: str,
    last_name: str,
    first_name: str,
    household_code: str,
) -> tuple[Any, ...]:
    """The payment-list order (printing.md PL-07): pay point, village, family name, given
    name, household code; the printed list and the reconciliation screen both use it."""
    return (
        pay_point_code is None,
        pay_point_code or "",
        text_key(village_name),
        text_key(last_name),
        text_key(first_name),
        household_code,
    )
