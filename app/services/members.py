"""Member-level changes: births and arrivals, edits, deaths, departures, head and recipients."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.transitions import check_transition
from app.domain.vocab import (
    AccountStatus,
    ArrivalReason,
    ChangeRequestType,
    EnrolmentStatus,
    ExitReason,
    HouseholdStatus,
    LeaveReason,
    MemberStatus,
    PaymentMethod,
    Relationship,
    ServicePointKind,
    Sex,
)
from app.errors import FieldError, ValidationFailed
from app.models.payment import PaymentAccount
from app.models.programme import Enrolment
from app.models.registry import Household, Individual
from app.services.approval_policy import require_no_approval
from app.services.context import ServiceContext, unit_of_work
from app.services.dto import MemberIn
from app.services.lookups import (
    household_by_ref,
    individual_by_id,
    live_members,
    member_of,
    member_service_point,
)
from app.services.validation import Errors

MEMBER_FIELDS = (
    "first_name",
    "last_name",
    "sex",
    "date_of_birth",
    "national_id",
    "phone",
    "relationship",
    "disability",
    "school_code",
    "health_facility_code",
)


@dataclass(frozen=True)
class DepartureResult:
    """What a death or departure changed in the household."""

    individual_id: str
    new_head_id: str | None
    new_primary_recipient_id: str | None
    household_dissolved: bool
    exited_programmes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _check_national_id_free(
    session: Session,
    errors: Errors,
    field_name: str,
    national_id: str | None,
    own_id: str | None = None,
) -> None:
    if not national_id:
        return
    clash = session.scalar(
        select(Individual.id).where(Individual.national_id == national_id, ~Individual.deleted)
    )
    if clash is not None and clash != own_id:
        errors.add(field_name, "NATIONAL_ID_IN_USE")


def build_member(
    session: Session,
    household: Household,
    data: MemberIn,
    *,
    today: date,
    field_prefix: str = "",
    arrival: str = ArrivalReason.REGISTRATION,
) -> Individual:
    """Validate ``data`` and return a new (unsaved) member of ``household``."""
    errors = Errors()
    p = field_prefix
    first = errors.required_text(f"{p}first_name", data.first_name, max_len=80)
    last = errors.required_text(f"{p}last_name", data.last_name, max_len=80)
    sex = errors.enum(f"{p}sex", data.sex, Sex)
    born = errors.past_date(f"{p}date_of_birth", data.date_of_birth, today=today)
    relationship = errors.enum(f"{p}relationship", data.relationship, Relationship)
    national_id = errors.national_id(f"{p}national_id", data.national_id)
    phone = errors.phone(f"{p}phone", data.phone)
    _check_national_id_free(session, errors, f"{p}national_id", national_id)
    points = {}
    for name, code, kind in (
        ("school_code", data.school_code, ServicePointKind.SCHOOL),
        ("health_facility_code", data.health_facility_code, ServicePointKind.HEALTH_FACILITY),
    ):
        try:
            points[name] = member_service_point(
                session, code, kind, district_id=household.district_id, field=f"{p}{name}"
            )
        except ValidationFailed as exc:
            errors.items.extend(exc.errors)
    errors.raise_if_any()
    school, health = points["school_code"], points["health_facility_code"]
    assert born is not None
    return Individual(
        household_id=household.id,
        district_id=household.district_id,
        first_name=first,
        last_name=last,
        sex=sex,
        date_of_birth=born,
        relationship=relationship,
        national_id=national_id,
        phone=phone,
        disability=bool(data.disability),
        school_id=school.id if school else None,
        health_facility_id=health.id if health else None,
        status=MemberStatus.ALIVE,
        arrival_reason=arrival,
        status_date=today,
    )


def add_member(
    ctx: ServiceContext, *, household_ref: str, member: MemberIn, reason: str = ArrivalReason.BIRTH
) -> str:
    """Add a member born into or arriving in the household; returns the new member's id."""
    actor = ctx.require_actor()
    today = ctx.today()
    with unit_of_work(ctx) as session:
        household = household_by_ref(session, household_ref, actor)
        errors = Errors()
        clean_reason = errors.enum("reason", reason, ArrivalReason)
        if household.status != HouseholdStatus.ACTIVE:
            errors.add("household", "HOUSEHOLD_NOT_ACTIVE")
        errors.raise_if_any()
        person = build_member(session, household, member, today=today, arrival=clean_reason)
        if clean_reason == ArrivalReason.BIRTH and (today - person.date_of_birth).days > 366:
            raise ValidationFailed([FieldError("date_of_birth", "BIRTH_TOO_OLD")])
        session.add(person)
        session.flush()
        return person.id


def update_member(ctx: ServiceContext, *, individual_id: str, changes: dict[str, Any]) -> int:
    """Correct a member's details (names, sex, birth date, IDs, phone, school...); new version."""
    actor = ctx.require_actor()
    today = ctx.today()
    with unit_of_work(ctx) as session:
        person = individual_by_id(session, individual_id, actor)
        errors = Errors()
        values: dict[str, Any] = {}
        for key, raw in changes.items():
            if key not in MEMBER_FIELDS:
                errors.add(key, "NOT_A_MEMBER_FIELD", allowed=", ".join(MEMBER_FIELDS))
            elif key in ("first_name", "last_name"):
                values[key] = errors.required_text(key, raw, max_len=80)
            elif key == "sex":
                values[key] = errors.enum(key, raw, Sex)
            elif key == "relationship":
                values[key] = errors.enum(key, raw, Relationship)
            elif key == "date_of_birth":
                values[key] = errors.past_date(key, raw, today=today)
            elif key == "national_id":
                values[key] = errors.national_id(key, raw)
                _check_national_id_free(session, errors, key, values[key], person.id)
            elif key == "phone":
                values[key] = errors.phone(key, raw)
            elif key == "disability":
                values[key] = str(raw).lower() in ("1", "true", "yes", "y")
            else:
                kind = (
                    ServicePointKind.SCHOOL
                    if key == "school_code"
                    else (ServicePointKind.HEALTH_FACILITY)
                )
                try:
                    point = member_service_point(
                        session, raw, kind, district_id=person.district_id, field=key
                    )
                    column = "school_id" if key == "school_code" else "health_facility_id"
                    values[column] = point.id if point else None
                except ValidationFailed as exc:
                    errors.items.extend(exc.errors)
        errors.raise_if_any()
        for key, value in values.items():
            setattr(person, key, value)
        session.flush()
        return person.version


def _depart(
    ctx: ServiceContext,
    *,
    individual_id: str,
    status: MemberStatus,
    when: date | str,
    reason: str | None,
    new_head_id: str | None,
    new_primary_recipient_id: str | None,
) -> DepartureResult:
    actor = ctx.require_actor()
    today = ctx.today()
    with unit_of_work(ctx) as session:
        person = individual_by_id(session, individual_id, actor)
        household = household_by_ref(session, person.household_id, actor)
        errors = Errors()
        day = errors.past_date("date", when, today=today)
        if day is not None and day < person.date_of_birth:
            errors.add("date", "BEFORE_BIRTH")
        errors.raise_if_any()
        check_transition(MemberStatus, person.status, status)
        require_no_approval(
            ctx, session, change_type=ChangeRequestType.MEMBER_REMOVAL, household_id=household.id
        )
        others = [m for m in live_members(session, household.id) if m.id != person.id]
        result = _reassign_roles(
            session, household, person, others, new_head_id, new_primary_recipient_id
        )
        person.status, person.status_date, person.status_reason = status, day, reason
        if status == MemberStatus.DECEASED:
            person.date_of_death = day
        exited: list[str] = []
        if not others:
            household.status = HouseholdStatus.DISSOLVED
            exited = _exit_all(session, household, today)
        return DepartureResult(person.id, result[0], result[1], not others, exited, result[2])


def _reassign_roles(
    session: Session,
    household: Household,
    person: Individual,
    others: list[Individual],
    new_head_id: str | None,
    new_recipient_id: str | None,
) -> tuple[str | None, str | None, list[str]]:
    warnings: list[str] = []
    errors = Errors()
    head = old_head = household.head_id
    recipient = old_recipient = household.primary_recipient_id
    if household.head_id == person.id and others:
        if not new_head_id:
            errors.add("new_head_id", "HEAD_REPLACEMENT_REQUIRED")
        else:
            head = member_of(session, household, new_head_id, field="new_head_id").id
    if household.primary_recipient_id == person.id and others:
        secondary = household.secondary_recipient_id
        if new_recipient_id:
            recipient = member_of(
                session, household, new_recipient_id, field="new_primary_recipient_id"
            ).id
        elif secondary and secondary != person.id and any(m.id == secondary for m in others):
            recipient = secondary
        elif head != person.id:
            recipient = head
        else:
            errors.add("new_primary_recipient_id", "RECIPIENT_REPLACEMENT_REQUIRED")
    errors.raise_if_any()
    household.head_id = head
    household.primary_recipient_id = recipient
    if household.secondary_recipient_id in (person.id, recipient):
        household.secondary_recipient_id = None
    for account in session.scalars(
        select(PaymentAccount).where(
            PaymentAccount.household_id == household.id,
            PaymentAccount.holder_id == person.id,
            PaymentAccount.status == AccountStatus.ACTIVE,
        )
    ):
        if account.method == PaymentMethod.CASH and recipient and recipient != person.id:
            account.holder_id = recipient  # cash is collected by whoever is the recipient
        else:
            warnings.append("PAYMENT_ACCOUNT_HOLDER_GONE")
    # Report only what actually changed (the departing person aside).
    new_head = head if head not in (person.id, old_head) else None
    new_recipient = recipient if recipient not in (person.id, old_recipient) else None
    return new_head, new_recipient, warnings


def _exit_all(session: Session, household: Household, today: date) -> list[str]:
    from app.models.programme import Programme

    exited = []
    for enrolment, code in session.execute(
        select(Enrolment, Programme.code)
        .join(Programme, Programme.id == Enrolment.programme_id)
        .where(
            Enrolment.household_id == household.id,
            ~Enrolment.deleted,
            Enrolment.status.in_(
                (EnrolmentStatus.POTENTIAL, EnrolmentStatus.ACTIVE, EnrolmentStatus.SUSPENDED)
            ),
        )
    ).all():
        enrolment.status = EnrolmentStatus.EXITED
        enrolment.status_reason = ExitReason.HOUSEHOLD_DISSOLVED
        enrolment.status_date = today
        exited.append(code)
    return sorted(exited)


def record_death(
    ctx: ServiceContext,
    *,
    individual_id: str,
    date_of_death: date | str,
    cause: str | None = None,
    new_head_id: str | None = None,
    new_primary_recipient_id: str | None = None,
) -> DepartureResult:
    """Record a member's death; a deceased head or recipient must be replaced if anyone remains."""
    return _depart(
        ctx,
        individual_id=individual_id,
        status=MemberStatus.DECEASED,
        when=date_of_death,
        reason=cause,
        new_head_id=new_head_id,
        new_primary_recipient_id=new_primary_recipient_id,
    )


def record_member_left(
    ctx: ServiceContext,
    *,
    individual_id: str,
    date_left: date | str,
    reason: str,
    new_head_id: str | None = None,
    new_primary_recipient_id: str | None = None,
) -> DepartureResult:
    """Record that a member left the household (marriage, migration...) on ``date_left``."""
    errors = Errors()
    clean = errors.enum("reason", reason, LeaveReason)
    errors.raise_if_any()
    return _depart(
        ctx,
        individual_id=individual_id,
        status=MemberStatus.LEFT,
        when=date_left,
        reason=clean,
        new_head_id=new_head_id,
        new_primary_recipient_id=new_primary_recipient_id,
    )


def set_head(ctx: ServiceContext, *, household_ref: str, individual_id: str) -> None:
    """Make a present member the head.

    Only ``head_id`` changes: relationships stay as recorded (relative to the head at
    registration), so the change is one guarded field that sync can hold as a whole if two
    officers name different heads at once, rather than a head and some stray relationships.
    """
    actor = ctx.require_actor()
    with unit_of_work(ctx) as session:
        household = household_by_ref(session, household_ref, actor)
        person = member_of(session, household, individual_id)
        if household.head_id == person.id:
            raise ValidationFailed([FieldError("individual_id", "ALREADY_HEAD")])
        require_no_approval(
            ctx, session, change_type=ChangeRequestType.HEAD_OR_RECIPIENT, household_id=household.id
        )
        household.head_id = person.id


def set_recipient(
    ctx: ServiceContext, *, household_ref: str, individual_id: str | None, secondary: bool = False
) -> None:
    """Set the primary (or, with ``secondary``, the alternate) recipient of payments."""
    actor = ctx.require_actor()
    with unit_of_work(ctx) as session:
        household = household_by_ref(session, household_ref, actor)
        require_no_approval(
            ctx, session, change_type=ChangeRequestType.HEAD_OR_RECIPIENT, household_id=household.id
        )
        if individual_id is None:
            if not secondary:
                raise ValidationFailed([FieldError("individual_id", "REQUIRED")])
            household.secondary_recipient_id = None
            return
        person = member_of(session, household, individual_id)
        current = (
            household.secondary_recipient_id if secondary else (household.primary_recipient_id)
        )
        if current == person.id:
            raise ValidationFailed([FieldError("individual_id", "ALREADY_RECIPIENT")])
        if secondary:
            if person.id == household.primary_recipient_id:
                raise ValidationFailed([FieldError("individual_id", "IS_PRIMARY_RECIPIENT")])
            household.secondary_recipient_id = person.id
        else:
            if household.secondary_recipient_id == person.id:
                household.secondary_recipient_id = None
            household.primary_recipient_id = person.id
