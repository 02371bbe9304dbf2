"""The typed changes a request can carry: parameters, target record and applying service."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.domain.vocab import ChangeRequestType
from app.errors import FieldError, ValidationFailed
from app.models.registry import Household
from app.services import entitlements, households, members
from app.services.context import Actor, ServiceContext
from app.services.lookups import household_by_ref, individual_by_id

Params = Mapping[str, Any]


@dataclass(frozen=True)
class ChangeKind:
    """How one type of change is validated, located and applied."""

    type: ChangeRequestType
    target_table: str
    required: frozenset[str]
    optional: frozenset[str]
    apply: Callable[[ServiceContext, str, Params], object]

    def household(self, session: Session, target_id: str, actor: Actor) -> Household:
        """The household the target record belongs to (scope and policy are per household)."""
        if self.target_table == "households":
            return household_by_ref(session, target_id, actor)
        if self.target_table == "individuals":
            person = individual_by_id(session, target_id, actor)
            return household_by_ref(session, person.household_id, actor)
        enrolment = entitlements.enrolment_by_id(session, target_id, actor)
        return household_by_ref(session, enrolment.household_id, actor)

    def clean(self, params: Params) -> dict[str, Any]:
        """Only known parameters, every required one present and non-empty."""
        errors = [
            FieldError(name, "REQUIRED")
            for name in sorted(self.required)
            if params.get(name) in (None, "")
        ]
        errors += [
            FieldError(name, "UNKNOWN_FIELD")
            for name in sorted(set(params) - self.required - self.optional)
        ]
        if errors:
            raise ValidationFailed(errors)
        return {k: v for k, v in params.items() if v is not None}


def _account(ctx: ServiceContext, target: str, p: Params) -> object:
    return households.set_payment_account(
        ctx,
        household_ref=target,
        method=str(p["method"]),
        provider=str(p.get("provider", "")),
        account_number=str(p.get("account_number", "")),
        account_name=str(p.get("account_name", "")),
        holder_id=p.get("holder_id"),
    )


def _move(ctx: ServiceContext, target: str, p: Params) -> object:
    return households.move_household(
        ctx,
        household_ref=target,
        village_code=str(p["village_code"]),
        address=str(p.get("address", "")),
    )


def _role(ctx: ServiceContext, target: str, p: Params) -> object:
    role = str(p["role"]).upper()
    person = p.get("individual_id")
    if role == "HEAD":
        members.set_head(ctx, household_ref=target, individual_id=str(person or ""))
        return None
    if role in ("PRIMARY", "SECONDARY"):
        members.set_recipient(
            ctx, household_ref=target, individual_id=person, secondary=role == "SECONDARY"
        )
        return None
    raise ValidationFailed([FieldError("role", "INVALID_CHOICE", {"value": role})])


def _removal(ctx: ServiceContext, target: str, p: Params) -> object:
    kind = str(p["kind"]).upper()
    replacements = {
        "new_head_id": p.get("new_head_id"),
        "new_primary_recipient_id": p.get("new_primary_recipient_id"),
    }
    if kind == "DEATH":
        return members.record_death(
            ctx,
            individual_id=target,
            date_of_death=str(p["date"]),
            cause=p.get("reason"),
            **replacements,
        )
    if kind == "LEFT":
        return members.record_member_left(
            ctx,
            individual_id=target,
            date_left=str(p["date"]),
            reason=str(p.get("reason", "")),
            **replacements,
        )
    raise ValidationFailed([FieldError("kind", "INVALID_CHOICE", {"value": kind})])


def _status(ctx: ServiceContext, target: str, p: Params) -> object:
    return entitlements.set_enrolment_status(
        ctx, enrolment_id=target, status=str(p["status"]), reason=p.get("reason")
    )


def _adjust(ctx: ServiceContext, target: str, p: Params) -> object:
    return entitlements.set_benefit_adjustment(ctx, enrolment_id=target, amount=p["amount"])


def _recover(ctx: ServiceContext, target: str, p: Params) -> object:
    return entitlements.add_overpayment_recovery(ctx, enrolment_id=target, amount=p["amount"])


def _pay_point(ctx: ServiceContext, target: str, p: Params) -> object:
    return entitlements.set_pay_point(
        ctx, household_ref=target, pay_point_code=str(p["pay_point_code"])
    )


def _kind(
    type_: ChangeRequestType,
    table: str,
    required: set[str],
    optional: set[str],
    apply: Callable[[ServiceContext, str, Params], object],
) -> ChangeKind:
    return ChangeKind(type_, table, frozenset(required), frozenset(optional), apply)


T = ChangeRequestType
KINDS: dict[str, ChangeKind] = {
    k.type.value: k
    for k in (
        _kind(
            T.PAYMENT_ACCOUNT,
            "households",
            {"method"},
            {"provider", "account_number", "account_name", "holder_id"},
            _account,
        ),
        _kind(T.MOVE, "households", {"village_code"}, {"address"}, _move),
        _kind(T.HEAD_OR_RECIPIENT, "households", {"role"}, {"individual_id"}, _role),
        _kind(
            T.MEMBER_REMOVAL,
            "individuals",
            {"kind", "date"},
            {"reason", "new_head_id", "new_primary_recipient_id"},
            _removal,
        ),
        _kind(T.ENROLMENT_STATUS, "enrolments", {"status"}, {"reason"}, _status),
        _kind(T.BENEFIT_ADJUSTMENT, "enrolments", {"amount"}, set(), _adjust),
        _kind(T.OVERPAYMENT_RECOVERY, "enrolments", {"amount"}, set(), _recover),
        _kind(T.PAY_POINT, "households", {"pay_point_code"}, set(), _pay_point),
    )
}
