"""Corrective actions of a case: their kinds, statuses, change requests and parameters."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.vocab import CaseType, ChangeRequestType, EnrolmentStatus, ExitReason
from app.models.decision import Case
from app.models.payment import Payment
from app.models.programme import Enrolment
from app.services.households import LIVE_ENROLMENT
from app.services.validation import Errors


class CorrectiveActionKind(StrEnum):
    """What a confirmed case may change (to move to ``app.domain.vocab`` with the others)."""

    SUSPEND = "SUSPEND"
    EXIT = "EXIT"
    ADJUST_BENEFIT = "ADJUST_BENEFIT"
    RECOVER_OVERPAYMENT = "RECOVER_OVERPAYMENT"
    CHANGE_PAY_POINT = "CHANGE_PAY_POINT"
    CHANGE_ACCOUNT = "CHANGE_ACCOUNT"


class ActionStatus(StrEnum):
    """A corrective action's state; it follows its change request."""

    PROPOSED = "PROPOSED"
    PENDING_APPROVAL = "PENDING_APPROVAL"
    APPLIED = "APPLIED"
    REJECTED = "REJECTED"


A = CorrectiveActionKind
#: The change request each action becomes.
REQUEST_TYPES: dict[str, ChangeRequestType] = {
    A.SUSPEND: ChangeRequestType.ENROLMENT_STATUS,
    A.EXIT: ChangeRequestType.ENROLMENT_STATUS,
    A.ADJUST_BENEFIT: ChangeRequestType.BENEFIT_ADJUSTMENT,
    A.RECOVER_OVERPAYMENT: ChangeRequestType.OVERPAYMENT_RECOVERY,
    A.CHANGE_PAY_POINT: ChangeRequestType.PAY_POINT,
    A.CHANGE_ACCOUNT: ChangeRequestType.PAYMENT_ACCOUNT,
}
#: Actions on one enrolment (the others change the household).
ENROLMENT_ACTIONS = frozenset({A.SUSPEND, A.EXIT, A.ADJUST_BENEFIT, A.RECOVER_OVERPAYMENT})
#: Why an enrolment exits, by the kind of case that confirmed it.
EXIT_REASONS: dict[str, ExitReason] = {
    CaseType.DUPLICATE: ExitReason.DUPLICATE,
    CaseType.INELIGIBLE: ExitReason.NOT_ELIGIBLE,
    CaseType.IDENTITY_FRAUD: ExitReason.FRAUD,
    CaseType.PAYMENT_ERROR: ExitReason.OTHER,
}
ACCOUNT_KEYS = ("method", "provider", "account_number", "account_name", "holder_id")


def _amount(errors: Errors, raw: object, default: int | None) -> int | None:
    if raw in (None, ""):
        if default is None:
            errors.add("amount", "REQUIRED")
        return default
    try:
        return int(str(raw).strip())
    except ValueError:
        errors.add("amount", "NOT_A_NUMBER")
        return None


def target_enrolment(session: Session, case: Case, errors: Errors, enrolment_id: str | None) -> str:
    """The enrolment an action targets: the one given, else the payment's, else the only one."""
    assert case.household_id is not None
    if enrolment_id:
        found = session.get(Enrolment, enrolment_id.strip().lower())
        if found is None or found.deleted or found.household_id != case.household_id:
            errors.add("enrolment", "NOT_AN_ENROLMENT_OF_HOUSEHOLD", value=enrolment_id)
            return ""
        return found.id
    if case.payment_id is not None:
        payment = session.get(Payment, case.payment_id)
        assert payment is not None
        return payment.enrolment_id
    live = list(
        session.scalars(
            select(Enrolment.id).where(
                Enrolment.household_id == case.household_id,
                ~Enrolment.deleted,
                Enrolment.status.in_(LIVE_ENROLMENT),
            )
        )
    )
    if not live:
        errors.add("enrolment", "NO_LIVE_ENROLMENT")
    elif len(live) > 1:
        errors.add("enrolment", "SEVERAL_ENROLMENTS", count=len(live))
    return live[0] if len(live) == 1 else ""


def action_params(
    session: Session,
    case: Case,
    kind: str,
    errors: Errors,
    *,
    amount: object,
    pay_point_code: str | None,
    account: Mapping[str, Any] | None,
) -> tuple[dict[str, Any], int | None]:
    """The request's parameters for ``kind`` on ``case``, and the amount the action records."""
    if kind == A.SUSPEND:
        return {"status": EnrolmentStatus.SUSPENDED.value, "reason": case.code}, None
    if kind == A.EXIT:
        return {
            "status": EnrolmentStatus.EXITED.value,
            "reason": EXIT_REASONS[case.type].value,
        }, None
    if kind == A.ADJUST_BENEFIT:
        value = _amount(errors, amount, None)
        return {"amount": value}, value
    if kind == A.RECOVER_OVERPAYMENT:
        default = None
        if case.type == CaseType.PAYMENT_ERROR and case.payment_id is not None:
            payment = session.get(Payment, case.payment_id)
            default = payment.amount if payment is not None else None
        value = _amount(errors, amount, default)
        return {"amount": value}, value
    if kind == A.CHANGE_PAY_POINT:
        code = (pay_point_code or "").strip()
        if not code:
            errors.add("pay_point", "REQUIRED")
        return {"pay_point_code": code}, None
    given = dict(account or {})
    unknown = sorted(set(given) - set(ACCOUNT_KEYS))
    for key in unknown:
        errors.add(key, "UNKNOWN_FIELD")
    return {k: given[k] for k in ACCOUNT_KEYS if given.get(k) not in (None, "")}, None
