"""HQ's programme settings that laptops follow: approval rules, benefit rules, payment cycles."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.transitions import check_transition
from app.domain.vocab import ChangeRequestType, CycleStatus, PaymentFrequency
from app.errors import AppError, FieldError, NotFound, ValidationFailed
from app.models import BenefitTopUp, PaymentCycle, Programme
from app.server.db import ServerDatabase
from app.server.hq_writes import hq_unit_of_work
from app.services.benefits import check_criterion
from app.services.validation import Errors, parse_date

#: Largest amount a rule may carry (minor units): a typo guard.
MAX_AMOUNT = 100_000_000


def approval_rules(db: ServerDatabase) -> dict[str, list[str]]:
    """``{programme code: [change types needing approval]}`` for every programme."""
    with db.read_session() as s:
        return {
            code: sorted(required or [])
            for code, required in s.execute(
                select(Programme.code, Programme.approval_required).order_by(Programme.code)
            )
        }


def set_approval_rules(
    db: ServerDatabase, *, programme_code: str, change_types: list[str], user_id: str | None = None
) -> list[str]:
    """Replace the programme's list; it reaches every laptop at its next sync."""
    allowed = {t.value for t in ChangeRequestType}
    clean = sorted({t.strip().upper() for t in change_types if t.strip()})
    unknown = [t for t in clean if t not in allowed]
    if unknown:
        raise ValidationFailed(
            [FieldError("require", "INVALID_CHOICE", {"value": ", ".join(unknown)})]
        )
    with hq_unit_of_work(db, user_id=user_id) as s:
        programme = s.scalar(select(Programme).where(Programme.code == programme_code))
        if programme is None:
            raise NotFound(f"no programme {programme_code}", code="PROGRAMME_NOT_FOUND")
        programme.approval_required = clean
    return clean


def add_cycle(
    db: ServerDatabase,
    *,
    programme_code: str,
    code: str,
    start: str,
    end: str,
    user_id: str | None = None,
) -> str:
    """A new PENDING payment cycle of a programme (open it to generate payrolls); its id."""
    errors = Errors()
    clean_code = errors.required_text("code", code, max_len=24).upper()
    first, last = parse_date(start), parse_date(end)
    for name, raw, parsed in (("start", start, first), ("end", end, last)):
        if parsed is None:
            errors.add(name, "INVALID_DATE" if raw else "REQUIRED")
    if first is not None and last is not None and last < first:
        errors.add("end", "BEFORE_START")
    errors.raise_if_any()
    with hq_unit_of_work(db, user_id=user_id) as s:
        programme = _programme(s, programme_code)
        if s.scalar(select(PaymentCycle.id).where(PaymentCycle.code == clean_code)) is not None:
            raise ValidationFailed([FieldError("code", "CODE_TAKEN", {"value": clean_code})])
        cycle = PaymentCycle(
            programme_id=programme.id,
            code=clean_code,
            start_date=first,
            end_date=last,
            status=CycleStatus.PENDING,
        )
        s.add(cycle)
        s.flush()
        return cycle.id


def set_cycle_status(
    db: ServerDatabase, *, code: str, status: str, user_id: str | None = None
) -> str:
    """Open (ACTIVE), suspend or close a cycle, following the cycle state machine."""
    errors = Errors()
    clean = errors.enum("status", status, CycleStatus)
    errors.raise_if_any()
    with hq_unit_of_work(db, user_id=user_id) as s:
        cycle = s.scalar(select(PaymentCycle).where(PaymentCycle.code == code.upper()))
        if cycle is None:
            raise NotFound(f"no cycle {code}", code="CYCLE_NOT_FOUND")
        check_transition(CycleStatus, cycle.status, clean)
        cycle.status = clean
        return cycle.id


def set_benefit_rules(
    db: ServerDatabase,
    *,
    programme_code: str,
    base_amount: int | None = None,
    cap_amount: int | None = None,
    remove_cap: bool = False,
    deduction_per_unmet: int | None = None,
    frequency: str | None = None,
    user_id: str | None = None,
) -> None:
    """Change a programme's money rules (minor units); laptops follow at their next sync."""
    errors = Errors()
    for name, value in (
        ("base_amount", base_amount),
        ("cap_amount", cap_amount),
        ("deduction_per_unmet", deduction_per_unmet),
    ):
        if value is not None and not 0 <= value <= MAX_AMOUNT:
            errors.add(name, "OUT_OF_RANGE")
    clean_frequency = errors.enum("frequency", frequency, PaymentFrequency) if frequency else None
    errors.raise_if_any()
    with hq_unit_of_work(db, user_id=user_id) as s:
        programme = _programme(s, programme_code)
        if base_amount is not None:
            programme.base_amount = base_amount
        if remove_cap:
            programme.cap_amount = None
        elif cap_amount is not None:
            programme.cap_amount = cap_amount
        if deduction_per_unmet is not None:
            programme.deduction_per_unmet = deduction_per_unmet
        if clean_frequency:
            programme.frequency = clean_frequency


def set_top_up(
    db: ServerDatabase,
    *,
    programme_code: str,
    criterion: str,
    amount: int,
    max_members: int | None = None,
    user_id: str | None = None,
) -> None:
    """Add or change the per-member top-up for ``criterion``; amount 0 removes it."""
    try:
        clean = check_criterion(criterion.strip().upper())
    except AppError as exc:
        raise ValidationFailed([FieldError("criterion", exc.code, {"value": criterion})]) from exc
    if not 0 <= amount <= MAX_AMOUNT or (max_members is not None and max_members < 1):
        raise ValidationFailed([FieldError("amount", "OUT_OF_RANGE")])
    with hq_unit_of_work(db, user_id=user_id) as s:
        programme = _programme(s, programme_code)
        top_up = s.scalar(
            select(BenefitTopUp).where(
                BenefitTopUp.programme_id == programme.id,
                BenefitTopUp.criterion == clean,
                ~BenefitTopUp.deleted,
            )
        )
        if amount == 0:
            if top_up is not None:
                top_up.deleted = True
            return
        if top_up is None:
            s.add(
                BenefitTopUp(
                    programme_id=programme.id,
                    criterion=clean,
                    amount=amount,
                    max_members=max_members,
                )
            )
        else:
            top_up.amount, top_up.max_members = amount, max_members


def _programme(session: Session, code: str) -> Programme:
    programme = session.scalar(select(Programme).where(Programme.code == code.upper()))
    if programme is None:
        raise NotFound(f"no programme {code}", code="PROGRAMME_NOT_FOUND")
    return programme
