"""What a printed payment list shows, read from the database in one pass (printing.md §1.4).

Which lists may be printed:

* APPROVED_FOR_PAYMENT: the original (each print takes the next serial; print k > 1 is a
  reprint that replaces k-1), or an office copy;
* PENDING_APPROVAL: a draft for the checker, watermarked "DRAFT — NOT FOR PAYMENT";
* RECONCILED: office copies only; REJECTED (and anything else): refused.

Rows are the payroll's payments that are not REJECTED, one section per pay point (households
without a pay point form a last section), in the payment-list order (``payment_order_key``);
row numbers count from 1 within a pay point and follow from that order alone, so a reprint of an
unchanged payroll numbers its rows the same.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.domain.vocab import PaymentStatus, PayrollStatus
from app.errors import AppError, FieldError, ValidationFailed
from app.models.location import Location, ServicePoint
from app.models.payment import Payment, PaymentAccount, PaymentCycle
from app.models.programme import Programme
from app.models.registry import Household, Individual
from app.models.user import User
from app.services.context import ServiceContext
from app.services.lookups import age_on, ancestors
from app.services.payroll import now_on
from app.services.payroll_queries import payment_order_key, payroll_by_ref
from app.services.print_log import PrintStamp, preview_stamp, stamp_print

#: Days after the cycle's end when a printed list stops being valid ("void after").
VOID_AFTER_DAYS = 30
ORIGINAL, OFFICE_COPY, DRAFT = "ORIGINAL", "OFFICE_COPY", "DRAFT"


class NotPrintable(AppError):
    code = "PAYROLL_NOT_PRINTABLE"


@dataclass(frozen=True)
class PaymentListRow:
    number: int
    payment_id: str
    payment_code: str
    household_code: str
    village_name: str
    first_name: str
    last_name: str
    sex: str
    age: int | None
    national_id: str | None
    proxy_name: str | None
    proxy_national_id: str | None
    amount: int
    method: str | None
    over_cap: bool

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class PaymentListSection:
    """One pay point's list: a document of its own with its serial and page numbering."""

    pay_point_code: str | None
    pay_point_name: str | None
    area: str  # village, ward, district of the pay point
    rows: list[PaymentListRow]
    stamp: PrintStamp

    @property
    def total(self) -> int:
        return sum(r.amount for r in self.rows)

    def by_village(self) -> list[tuple[str, int, int]]:
        """(village, beneficiaries, amount) in list order: the last page's summary (PL-09)."""
        summary: dict[str, list[int]] = {}
        for r in self.rows:
            entry = summary.setdefault(r.village_name, [0, 0])
            entry[0] += 1
            entry[1] += r.amount
        return [(name, n, amount) for name, (n, amount) in summary.items()]


@dataclass(frozen=True)
class PaymentListData:
    payroll_id: str
    payroll_name: str
    payroll_status: str
    copy: str  # ORIGINAL, OFFICE_COPY or DRAFT
    programme_code: str
    programme_name: str
    currency: str
    cycle_code: str
    cycle_start: date
    cycle_end: date
    void_after: date
    district_code: str
    district_name: str
    prepared_by: str
    approved_by: str | None
    printed_by: str
    printed_at: datetime
    sections: list[PaymentListSection] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(len(s.rows) for s in self.sections)

    @property
    def total(self) -> int:
        return sum(s.total for s in self.sections)


def _user_name(session: Session, user_id: str | None) -> str | None:
    if not user_id:
        return None
    user = session.get(User, user_id)
    if user is None:
        return None
    return str(user.full_name or user.username)


def payment_list_data(
    ctx: ServiceContext,
    *,
    payroll_id: str,
    pay_point_code: str | None = None,
    office_copy: bool = False,
) -> PaymentListData:
    """The lists of a payroll (or of one pay point), stamped with their serials."""
    actor = ctx.require_actor()
    now = now_on(ctx)
    db = ctx.db
    with db.read_session() as session:
        payroll = payroll_by_ref(session, payroll_id, actor)
        if payroll.status == PayrollStatus.APPROVED_FOR_PAYMENT:
            copy = OFFICE_COPY if office_copy else ORIGINAL
        elif payroll.status == PayrollStatus.PENDING_APPROVAL:
            copy = DRAFT
        elif payroll.status == PayrollStatus.RECONCILED:
            copy = OFFICE_COPY
        else:
            raise NotPrintable(f"payroll {payroll.name} is {payroll.status}; it is not printed")
        programme = session.get(Programme, payroll.programme_id)
        cycle = session.get(PaymentCycle, payroll.cycle_id)
        district = session.get(Location, payroll.district_id)
        assert programme is not None and cycle is not None and district is not None
        printed_by = _user_name(session, actor.user_id) or actor.username
        recipient, proxy, village = aliased(Individual), aliased(Individual), aliased(Location)
        query = (
            select(
                Payment.id,
                Payment.code,
                Payment.amount,
                Payment.over_cap,
                Payment.pay_point_id,
                Household.code,
                village.name,
                recipient.first_name,
                recipient.last_name,
                recipient.sex,
                recipient.date_of_birth,
                recipient.national_id,
                proxy.id,
                proxy.first_name,
                proxy.last_name,
                proxy.national_id,
                PaymentAccount.method,
            )
            .join(Household, Household.id == Payment.household_id)
            .join(village, village.id == Household.village_id)
            .outerjoin(recipient, recipient.id == Payment.recipient_id)
            .outerjoin(proxy, proxy.id == Household.secondary_recipient_id)
            .outerjoin(PaymentAccount, PaymentAccount.id == Payment.payment_account_id)
            .where(
                Payment.payroll_id == payroll.id,
                ~Payment.deleted,
                Payment.status != PaymentStatus.REJECTED,
            )
        )
        points = {
            sp.id: sp
            for sp in session.scalars(
                select(ServicePoint).where(
                    ServicePoint.id.in_(
                        select(Payment.pay_point_id).where(Payment.payroll_id == payroll.id)
                    )
                )
            )
        }
        if pay_point_code:
            wanted = pay_point_code.strip().upper()
            chosen = [sp.id for sp in points.values() if sp.code == wanted]
            if not chosen:
                raise ValidationFailed(
                    [FieldError("pay_point", "NOT_IN_PAYROLL", {"value": pay_point_code})]
                )
            query = query.where(Payment.pay_point_id == chosen[0])
        grouped: dict[str | None, list[tuple[tuple[object, ...], PaymentListRow]]] = defaultdict(
            list
        )
        for (
            pid, code, amount, over_cap, point_id, hh_code, village_name, first, last, sex,
            born, national_id, proxy_id, proxy_first, proxy_last, proxy_nid, method,
        ) in session.execute(query).tuples():  # fmt: skip
            point = points.get(point_id) if point_id else None
            same = proxy_id is None or (first, last) == (proxy_first, proxy_last)
            row = PaymentListRow(
                number=0,
                payment_id=pid,
                payment_code=code,
                household_code=hh_code,
                village_name=village_name,
                first_name=first or "",
                last_name=last or "",
                sex=sex or "",
                age=age_on(born, cycle.start_date) if born else None,
                national_id=national_id,
                proxy_name=None if same else f"{proxy_first} {proxy_last}",
                proxy_national_id=None if same else proxy_nid,
                amount=amount,
                method=method,
                over_cap=over_cap,
            )
            key = payment_order_key(
                point.code if point else None, village_name, row.last_name, row.first_name, hh_code
            )
            grouped[point_id].append((key, row))
        sections = []
        order = sorted(grouped, key=lambda p: (p is None, points[p].code if p else ""))
        for point_id in order:
            point = points.get(point_id) if point_id else None
            ordered = [r for _, r in sorted(grouped[point_id], key=lambda item: item[0])]
            rows = [replace(r, number=n) for n, r in enumerate(ordered, 1)]
            area = ""
            if point is not None:
                location = session.get(Location, point.location_id)
                if location is not None:
                    area = ", ".join(loc.name for loc in ancestors(session, location)[:3])
            base = f"{district.code}-{cycle.code}-{point.code if point else 'NONE'}"
            if copy == DRAFT:
                stamp = preview_stamp(base=base, printed_at=now, printed_by=printed_by)
            else:
                stamp = stamp_print(
                    db, kind="PL", base=base, printed_at=now, printed_by=printed_by,
                    count=copy == ORIGINAL,
                )  # fmt: skip
            sections.append(
                PaymentListSection(
                    pay_point_code=point.code if point else None,
                    pay_point_name=point.name if point else None,
                    area=area,
                    rows=rows,
                    stamp=stamp,
                )
            )
        return PaymentListData(
            payroll_id=payroll.id,
            payroll_name=payroll.name,
            payroll_status=payroll.status,
            copy=copy,
            programme_code=programme.code,
            programme_name=programme.name,
            currency=programme.currency,
            cycle_code=cycle.code,
            cycle_start=cycle.start_date,
            cycle_end=cycle.end_date,
            void_after=cycle.end_date + timedelta(days=VOID_AFTER_DAYS),
            district_code=district.code,
            district_name=district.name,
            prepared_by=_user_name(session, payroll.created_by) or "",
            approved_by=_user_name(session, payroll.approved_by),
            printed_by=printed_by,
            printed_at=now,
            sections=sections,
        )
