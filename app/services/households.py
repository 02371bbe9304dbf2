"""Household-level changes: register, edit plain fields, move, change the payment account."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.transitions import check_transition
from app.domain.vocab import (
    AccountStatus,
    AccountVerification,
    ChangeRequestType,
    EnrolmentStatus,
    ExitReason,
    PaymentMethod,
)
from app.errors import FieldError, ValidationFailed
from app.models.base import new_id
from app.models.payment import PaymentAccount
from app.models.programme import Enrolment, Programme
from app.models.registry import Household
from app.services.approval_policy import require_no_approval
from app.services.context import ServiceContext, get_state, set_state, unit_of_work
from app.services.dto import HouseholdIn, MoveResult
from app.services.lookups import (
    check_scope,
    district_of,
    household_by_ref,
    member_of,
    pay_point_for,
    programme_covers,
    village_by_code,
)
from app.services.members import build_member
from app.services.validation import Errors, parse_gps

#: Fields ``update_household`` may set directly; everything else has its own service.
PLAIN_FIELDS = ("address", "landmark", "phone", "gps", "gps_lat", "gps_lon", "pmt_score")
LIVE_ENROLMENT = (EnrolmentStatus.POTENTIAL, EnrolmentStatus.ACTIVE, EnrolmentStatus.SUSPENDED)


def next_household_code(session: Session, district_code: str, device_id: str) -> str:
    """The next household code of this device (caller owns the transaction)."""
    # Codes born offline must not collide across laptops: prefix with this device's tag.
    seq = int(get_state(session, "household_code_seq") or "0") + 1
    set_state(session, "household_code_seq", str(seq))
    return f"{district_code}-{device_id[-4:].upper()}{seq:05d}"


def register_household(ctx: ServiceContext, *, data: HouseholdIn) -> str:
    """Register a household with its members in one transaction; returns the household id."""
    actor = ctx.require_actor()
    today = ctx.today()
    with unit_of_work(ctx) as session:
        village = village_by_code(session, data.village_code)
        district = district_of(session, village)
        check_scope(actor, district.id)
        errors = Errors()
        address = errors.optional_text("address", data.address, max_len=200)
        landmark = errors.optional_text("landmark", data.landmark, max_len=200)
        phone = errors.phone("phone", data.phone)
        errors.gps(data.gps_lat, data.gps_lon)
        if not data.members:
            errors.add("members", "AT_LEAST_ONE_MEMBER")
        for name, index in (
            ("head", data.head_index),
            ("primary_recipient", data.primary_recipient_index),
            ("secondary_recipient", data.secondary_recipient_index),
        ):
            if index is not None and not 0 <= index < len(data.members):
                errors.add(name, "NOT_A_MEMBER")
        household = Household(
            id=new_id(),
            code=next_household_code(session, district.code, ctx.device_id),
            district_id=district.id,
            village_id=village.id,
            address=address,
            landmark=landmark,
            phone=phone,
            gps_lat=data.gps_lat,
            gps_lon=data.gps_lon,
            pmt_score=data.pmt_score,
            registered_on=today,
        )
        point = pay_point_for(session, village)
        household.pay_point_id = point.id if point else None
        people = []
        for i, member in enumerate(data.members):
            try:
                people.append(
                    build_member(
                        session, household, member, today=today, field_prefix=f"members[{i}]."
                    )
                )
            except ValidationFailed as exc:  # report every member's problems at once
                errors.items.extend(exc.errors)
        errors.raise_if_any()
        for person in people:
            person.id = new_id()
        household.head_id = people[data.head_index].id
        recipient = data.primary_recipient_index
        household.primary_recipient_id = people[
            data.head_index if recipient is None else recipient
        ].id
        if data.secondary_recipient_index is not None:
            household.secondary_recipient_id = people[data.secondary_recipient_index].id
        session.add(household)
        session.add_all(people)
        return household.id


def update_household(ctx: ServiceContext, *, household_ref: str, changes: dict[str, Any]) -> int:
    """Change plain fields (address, landmark, phone, GPS, PMT score); returns the new version."""
    actor = ctx.require_actor()
    with unit_of_work(ctx) as session:
        household = household_by_ref(session, household_ref, actor)
        errors = Errors()
        values: dict[str, Any] = {}
        for key, raw in changes.items():
            if key not in PLAIN_FIELDS:
                errors.add(key, "NOT_A_PLAIN_FIELD", allowed=", ".join(PLAIN_FIELDS))
            elif key in ("address", "landmark"):
                values[key] = errors.optional_text(key, raw, max_len=200)
            elif key == "phone":
                values[key] = errors.phone(key, raw)
            elif key == "gps":
                if raw in (None, ""):
                    values["gps_lat"] = values["gps_lon"] = None
                else:
                    try:
                        values["gps_lat"], values["gps_lon"] = parse_gps(str(raw))
                    except ValidationFailed as exc:
                        errors.items.extend(exc.errors)
            else:
                values[key] = _float_or_error(errors, key, raw)
        if "gps_lat" in values or "gps_lon" in values:
            errors.gps(
                values.get("gps_lat", household.gps_lat), values.get("gps_lon", household.gps_lon)
            )
        errors.raise_if_any()
        for key, value in values.items():
            setattr(household, key, value)
        session.flush()
        return household.version


def _float_or_error(errors: Errors, key: str, raw: Any) -> float | None:
    if raw in (None, ""):
        return None
    try:
        return float(raw)
    except (TypeError, ValueError):
        errors.add(key, "NOT_A_NUMBER")
        return None


def move_household(
    ctx: ServiceContext, *, household_ref: str, village_code: str, address: str
) -> MoveResult:
    """Move a household to another village of its district.

    Each live enrolment whose programme does not operate in the new village is EXITED with
    reason MOVED_OUT_OF_AREA; the household's pay point becomes the one serving the new village.
    Moving to another district is a transfer handled at HQ, not a local edit.
    """
    actor = ctx.require_actor()
    today = ctx.today()
    with unit_of_work(ctx) as session:
        household = household_by_ref(session, household_ref, actor)
        village = village_by_code(session, village_code)
        errors = Errors()
        clean_address = errors.optional_text("address", address, max_len=200)
        if district_of(session, village).id != household.district_id:
            errors.add("village", "OTHER_DISTRICT_NEEDS_TRANSFER")
        if village.id == household.village_id and clean_address == household.address:
            errors.add("village", "SAME_PLACE")
        errors.raise_if_any()
        household.village_id = village.id
        household.address = clean_address
        exited: list[str] = []
        rows = session.execute(
            select(Enrolment, Programme.code)
            .join(Programme, Programme.id == Enrolment.programme_id)
            .where(
                Enrolment.household_id == household.id,
                ~Enrolment.deleted,
                Enrolment.status.in_(LIVE_ENROLMENT),
            )
        ).all()
        leaving = [e.id for e, _ in rows if not programme_covers(session, e.programme_id, village)]
        require_no_approval(ctx, session, change_type=ChangeRequestType.MOVE, enrolment_ids=leaving)
        for enrolment, programme_code in rows:
            if enrolment.id in leaving:
                check_transition(EnrolmentStatus, enrolment.status, EnrolmentStatus.EXITED)
                enrolment.status = EnrolmentStatus.EXITED
                enrolment.status_reason = ExitReason.MOVED_OUT_OF_AREA
                enrolment.status_date = today
                exited.append(programme_code)
        point = pay_point_for(session, village)
        if point is not None:
            household.pay_point_id = point.id
        return MoveResult(household.id, sorted(exited), point.code if point else None)


def set_payment_account(
    ctx: ServiceContext,
    *,
    household_ref: str,
    method: str,
    provider: str = "",
    account_number: str = "",
    account_name: str = "",
    holder_id: str | None = None,
) -> str:
    """Give the household a new active payment account; the previous one becomes INACTIVE.

    Returns the new account's id. Accounts are never edited in place, so payment history keeps
    pointing at the account that was really used.
    """
    actor = ctx.require_actor()
    with unit_of_work(ctx) as session:
        household = household_by_ref(session, household_ref, actor)
        errors = Errors()
        clean_method = errors.enum("method", method, PaymentMethod)
        clean_provider = errors.optional_text("provider", provider, max_len=60)
        number = errors.optional_text("account_number", account_number, max_len=40)
        name = errors.optional_text("account_name", account_name, max_len=120)
        if clean_method in (PaymentMethod.MOBILE_MONEY, PaymentMethod.BANK):
            if not clean_provider:
                errors.add("provider", "REQUIRED")
            if not number:
                errors.add("account_number", "REQUIRED")
        if clean_method == PaymentMethod.MOBILE_MONEY and number:
            errors.phone("account_number", number)
        errors.raise_if_any()
        holder = member_of(
            session, household, holder_id or household.primary_recipient_id or "", field="holder_id"
        )
        require_no_approval(
            ctx, session, change_type=ChangeRequestType.PAYMENT_ACCOUNT, household_id=household.id
        )
        current = list(
            session.scalars(
                select(PaymentAccount).where(
                    PaymentAccount.household_id == household.id,
                    ~PaymentAccount.deleted,
                    PaymentAccount.status == AccountStatus.ACTIVE,
                )
            )
        )
        for account in current:
            if (account.method, account.provider, account.account_number, account.holder_id) == (
                clean_method,
                clean_provider,
                number,
                holder.id,
            ):
                raise ValidationFailed([FieldError("account_number", "SAME_AS_CURRENT")])
            account.status = AccountStatus.INACTIVE
        account = PaymentAccount(
            household_id=household.id,
            district_id=household.district_id,
            holder_id=holder.id,
            method=clean_method,
            provider=clean_provider,
            account_number=number,
            account_name=name or f"{holder.first_name} {holder.last_name}",
            verification=AccountVerification.PENDING,
            status=AccountStatus.ACTIVE,
        )
        session.add(account)
        session.flush()
        return account.id
