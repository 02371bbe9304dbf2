"""What a beneficiary gets and where: enrolment status, benefit adjustment, recovery, pay point.

These are the changes decisions make (case corrective actions, recertification exits); each is
guarded by the programme's approval rules like any other sensitive change.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.domain.transitions import check_transition
from app.domain.vocab import ChangeRequestType, EnrolmentStatus, ExitReason, ServicePointKind
from app.errors import FieldError, NotFound, ValidationFailed
from app.models.programme import Enrolment
from app.services.approval_policy import require_no_approval
from app.services.context import Actor, ServiceContext, unit_of_work
from app.services.lookups import check_scope, household_by_ref, service_point_by_code
from app.services.validation import Errors

#: Largest adjustment or recovery one decision may record (minor units): a typo guard.
MAX_AMOUNT = 100_000_000


def enrolment_by_id(session: Session, enrolment_id: str, actor: Actor) -> Enrolment:
    """A live enrolment in the actor's scope, or NotFound."""
    enrolment = session.get(Enrolment, enrolment_id)
    if enrolment is None or enrolment.deleted:
        raise NotFound(f"no enrolment {enrolment_id}", code="ENROLMENT_NOT_FOUND")
    household = household_by_ref(session, enrolment.household_id, actor)
    check_scope(actor, household.district_id)
    return enrolment


def set_enrolment_status(
    ctx: ServiceContext, *, enrolment_id: str, status: str, reason: str | None = None
) -> int:
    """Suspend, reactivate or exit an enrolment; suspensions and exits need a reason."""
    actor = ctx.require_actor()
    with unit_of_work(ctx) as session:
        enrolment = enrolment_by_id(session, enrolment_id, actor)
        errors = Errors()
        clean = errors.enum("status", status, EnrolmentStatus)
        clean_reason: str | None = None
        if clean in (EnrolmentStatus.EXITED, EnrolmentStatus.SUSPENDED):
            if not reason:
                errors.add("reason", "REQUIRED")
            elif clean == EnrolmentStatus.EXITED:
                clean_reason = errors.enum("reason", reason, ExitReason)
            else:
                clean_reason = errors.optional_text("reason", reason, max_len=40)
        errors.raise_if_any()
        if clean == enrolment.status:
            raise ValidationFailed([FieldError("status", "SAME_STATUS")])
        check_transition(EnrolmentStatus, enrolment.status, clean)
        require_no_approval(
            ctx,
            session,
            change_type=ChangeRequestType.ENROLMENT_STATUS,
            enrolment_ids=[enrolment.id],
        )
        enrolment.status = clean
        enrolment.status_reason = clean_reason
        enrolment.status_date = ctx.today()
        session.flush()
        return enrolment.version


def _amount(errors: Errors, key: str, raw: object, *, signed: bool) -> int | None:
    try:
        value = int(str(raw).strip())
    except (TypeError, ValueError):
        errors.add(key, "NOT_A_NUMBER")
        return None
    if abs(value) > MAX_AMOUNT or (not signed and value <= 0):
        errors.add(key, "OUT_OF_RANGE")
        return None
    return value


def set_benefit_adjustment(ctx: ServiceContext, *, enrolment_id: str, amount: int | str) -> int:
    """Add ``amount`` (minor units, negative to reduce) to every future payment of the enrolment."""
    actor = ctx.require_actor()
    with unit_of_work(ctx) as session:
        enrolment = enrolment_by_id(session, enrolment_id, actor)
        errors = Errors()
        value = _amount(errors, "amount", amount, signed=True)
        errors.raise_if_any()
        assert value is not None
        if value == enrolment.benefit_adjustment:
            raise ValidationFailed([FieldError("amount", "SAME_AS_CURRENT")])
        require_no_approval(
            ctx,
            session,
            change_type=ChangeRequestType.BENEFIT_ADJUSTMENT,
            enrolment_ids=[enrolment.id],
        )
        enrolment.benefit_adjustment = value
        session.flush()
        return enrolment.version


def add_overpayment_recovery(ctx: ServiceContext, *, enrolment_id: str, amount: int | str) -> int:
    """Record ``amount`` (minor units) overpaid; coming payrolls deduct it until recovered."""
    actor = ctx.require_actor()
    with unit_of_work(ctx) as session:
        enrolment = enrolment_by_id(session, enrolment_id, actor)
        errors = Errors()
        value = _amount(errors, "amount", amount, signed=False)
        errors.raise_if_any()
        assert value is not None
        require_no_approval(
            ctx,
            session,
            change_type=ChangeRequestType.OVERPAYMENT_RECOVERY,
            enrolment_ids=[enrolment.id],
        )
        enrolment.recovery_balance += value
        session.flush()
        return enrolment.recovery_balance


def set_pay_point(ctx: ServiceContext, *, household_ref: str, pay_point_code: str) -> str:
    """Send the household to another pay point of its district; returns the pay point's id."""
    actor = ctx.require_actor()
    with unit_of_work(ctx) as session:
        household = household_by_ref(session, household_ref, actor)
        if not pay_point_code.strip():
            raise ValidationFailed([FieldError("pay_point", "REQUIRED")])
        point = service_point_by_code(
            session, pay_point_code, ServicePointKind.PAY_POINT, field="pay_point"
        )
        assert point is not None
        if point.district_id != household.district_id:
            raise ValidationFailed([FieldError("pay_point", "OTHER_DISTRICT")])
        if point.id == household.pay_point_id:
            raise ValidationFailed([FieldError("pay_point", "SAME_AS_CURRENT")])
        require_no_approval(
            ctx, session, change_type=ChangeRequestType.PAY_POINT, household_id=household.id
        )
        household.pay_point_id = point.id
        return point.id
