"""Non-compliance follow-up: accompanying measures (case-worker visits)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import aliased

from app.domain.vocab import (
    ComplianceOutcome,
    MeasureStatus,
    Role,
)
from app.errors import FieldError, InvalidTransition, NotFound, ValidationFailed
from app.models.base import new_id
from app.models.compliance import (
    AccompanyingMeasure,
    ComplianceRecord,
    ProgrammeCondition,
)
from app.models.db import Database
from app.models.programme import Enrolment
from app.models.registry import Household, Individual
from app.models.user import User
from app.services.compliance_rules import (
    HOUSEHOLD_LEVEL_KINDS,
    MEASURE_DUE_DAYS,
    MEASURE_TRANSITIONS,
    OPEN_MEASURE,
    TEXT_MAX,
    MeasureKind,
    _check_period,
    _enrolled,
    periods_ending,
)
from app.services.context import Actor, ServiceContext, unit_of_work
from app.services.lookups import check_scope, household_by_ref
from app.services.validation import Errors, parse_date


@dataclass(frozen=True)
class MeasureOut:
    id: str
    household_id: str
    household_code: str
    condition_code: str | None
    kind: str
    reason: str
    status: str
    due_date: date | None
    overdue: bool
    assignee: str | None
    outcome: str
    version: int
    head_name: str | None = None


def _failed(kind: str, outcomes: Iterable[str]) -> bool:
    """Whether a household's outcomes for one condition and period make the cell NOT_MET."""
    seen = set(outcomes)
    if kind in HOUSEHOLD_LEVEL_KINDS and seen & {ComplianceOutcome.MET, ComplianceOutcome.EXEMPT}:
        return False
    return ComplianceOutcome.NOT_MET in seen


def check_non_compliance(ctx: ServiceContext, *, period: str) -> list[MeasureOut]:
    """Plan a case-worker visit for each household failing a condition long enough.

    A household gets a CASE_WORKER_VISIT measure (PLANNED, due in ``MEASURE_DUE_DAYS``) for a
    condition when its cell was NOT_MET in each of the condition's ``periods_before_measure``
    periods ending with ``period``, it is still enrolled, and it has no open (PLANNED or
    IN_PROGRESS) measure for that condition. Runs over the actor's district (all districts on
    this database for HQ); running it again creates nothing new. Returns the measures created.
    """
    actor = ctx.require_actor()
    today = ctx.today()
    errors = Errors()
    clean_period = _check_period(errors, period, today)
    errors.raise_if_any()
    created: list[MeasureOut] = []
    with unit_of_work(ctx) as session:
        conditions = list(
            session.scalars(
                select(ProgrammeCondition)
                .where(~ProgrammeCondition.deleted)
                .order_by(ProgrammeCondition.code)
            )
        )
        for condition in conditions:
            window = periods_ending(clean_period, max(condition.periods_before_measure, 1))
            query = select(
                ComplianceRecord.household_id, ComplianceRecord.period, ComplianceRecord.outcome
            ).where(
                ComplianceRecord.condition_id == condition.id,
                ComplianceRecord.period.in_(window),
                ~ComplianceRecord.deleted,
            )
            if actor.district_id is not None:
                query = query.where(ComplianceRecord.district_id == actor.district_id)
            outcomes: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
            for household_id, record_period, outcome in session.execute(query).all():
                outcomes[household_id][record_period].append(outcome)
            failing = sorted(
                household_id
                for household_id, by_period in outcomes.items()
                if all(_failed(condition.kind, by_period.get(p, ())) for p in window)
            )
            if not failing:
                continue
            enrolled = set(
                session.scalars(
                    _enrolled(condition.programme_id).where(Enrolment.household_id.in_(failing))
                )
            )
            followed = set(
                session.scalars(
                    select(AccompanyingMeasure.household_id).where(
                        AccompanyingMeasure.condition_id == condition.id,
                        AccompanyingMeasure.household_id.in_(failing),
                        AccompanyingMeasure.status.in_(OPEN_MEASURE),
                        ~AccompanyingMeasure.deleted,
                    )
                )
            )
            for household_id in failing:
                household = session.get(Household, household_id)
                if household is None or household.deleted or household_id not in enrolled:
                    continue
                if household_id in followed:
                    continue
                measure = AccompanyingMeasure(
                    id=new_id(),
                    household_id=household.id,
                    district_id=household.district_id,
                    condition_id=condition.id,
                    kind=MeasureKind.CASE_WORKER_VISIT,
                    reason=f"{condition.code} {ComplianceOutcome.NOT_MET}: {', '.join(window)}",
                    due_date=today + timedelta(days=MEASURE_DUE_DAYS),
                    status=MeasureStatus.PLANNED,
                    outcome="",
                )
                session.add(measure)
                head = session.get(Individual, household.head_id) if household.head_id else None
                created.append(
                    _measure_out(
                        measure,
                        household.code,
                        condition.code,
                        None,
                        today,
                        f"{head.first_name} {head.last_name}" if head else None,
                    )
                )
    return created


def _measure_out(
    m: AccompanyingMeasure,
    household_code: str,
    condition_code: str | None,
    assignee: str | None,
    today: date,
    head_name: str | None = None,
) -> MeasureOut:
    return MeasureOut(
        id=m.id,
        household_id=m.household_id,
        household_code=household_code,
        condition_code=condition_code,
        kind=m.kind,
        reason=m.reason,
        status=m.status,
        due_date=m.due_date,
        overdue=m.status in OPEN_MEASURE and m.due_date is not None and m.due_date < today,
        assignee=assignee,
        outcome=m.outcome,
        version=m.version or 1,
        head_name=head_name,
    )


def list_measures(
    db: Database,
    *,
    today: date,
    actor: Actor | None = None,
    household_ref: str | None = None,
    open_only: bool = False,
    status: str | None = None,
) -> list[MeasureOut]:
    """Accompanying measures in the actor's district, open ones first, earliest due first;
    only those in ``status`` when given."""
    head = aliased(Individual)
    with db.read_session() as session:
        query = (
            select(
                AccompanyingMeasure,
                Household.code,
                ProgrammeCondition.code,
                User.username,
                head.first_name,
                head.last_name,
            )
            .join(Household, Household.id == AccompanyingMeasure.household_id)
            .outerjoin(head, head.id == Household.head_id)
            .outerjoin(
                ProgrammeCondition, ProgrammeCondition.id == AccompanyingMeasure.condition_id
            )
            .outerjoin(User, User.id == AccompanyingMeasure.assignee_id)
            .where(~AccompanyingMeasure.deleted)
        )
        if actor is not None and actor.district_id is not None:
            query = query.where(AccompanyingMeasure.district_id == actor.district_id)
        if household_ref:
            household = household_by_ref(session, household_ref, actor)
            query = query.where(AccompanyingMeasure.household_id == household.id)
        if open_only:
            query = query.where(AccompanyingMeasure.status.in_(OPEN_MEASURE))
        if status:
            query = query.where(AccompanyingMeasure.status == status)
        query = query.order_by(
            AccompanyingMeasure.status.not_in(OPEN_MEASURE),
            AccompanyingMeasure.due_date,
            Household.code,
        )
        return [
            _measure_out(
                m,
                code,
                condition_code,
                username,
                today,
                f"{first} {last}" if first is not None else None,
            )
            for m, code, condition_code, username, first, last in session.execute(query).all()
        ]


def update_measure(
    ctx: ServiceContext,
    *,
    measure_id: str,
    status: str | None = None,
    outcome: str | None = None,
    assignee_username: str | None = None,
    due_date: date | str | None = None,
) -> int:
    """Work a measure: status (PLANNED → IN_PROGRESS → DONE, or CANCELLED), outcome, assignee,
    due date. DONE and CANCELLED need an outcome. Returns the measure's new version."""
    actor = ctx.require_actor()
    with unit_of_work(ctx) as session:
        measure = session.get(AccompanyingMeasure, measure_id.strip())
        if measure is None or measure.deleted:
            raise NotFound(f"no measure {measure_id}", code="MEASURE_NOT_FOUND")
        check_scope(actor, measure.district_id)
        errors = Errors()
        target = errors.enum("status", status, MeasureStatus) if status else None
        text = errors.optional_text("outcome", outcome, max_len=TEXT_MAX) if outcome else None
        due = parse_date(due_date) if due_date not in (None, "") else None
        if due_date not in (None, "") and due is None:
            errors.add("due_date", "INVALID_DATE")
        user = None
        if assignee_username:
            user = session.scalar(select(User).where(User.username == assignee_username.strip()))
            if user is None or user.deleted or not user.active:
                errors.add("assignee", "UNKNOWN_USER", value=assignee_username)
            elif user.role == Role.VIEWER:
                errors.add("assignee", "USER_CANNOT_HANDLE_MEASURES")
            elif user.district_id not in (None, measure.district_id):
                errors.add("assignee", "USER_OF_ANOTHER_DISTRICT")
        if target is None and text is None and user is None and due is None:
            errors.add("measure", "NOTHING_TO_CHANGE")
        errors.raise_if_any()
        if measure.status not in OPEN_MEASURE:
            raise InvalidTransition(f"measure is {measure.status}", code="MEASURE_FINISHED")
        if target is not None:
            if target == measure.status:
                raise InvalidTransition(f"measure is already {target}", code="ALREADY_IN_STATUS")
            if target not in MEASURE_TRANSITIONS.get(measure.status, frozenset()):
                raise InvalidTransition(f"measure cannot go from {measure.status} to {target}")
            if target in (MeasureStatus.DONE, MeasureStatus.CANCELLED) and not (
                text or measure.outcome
            ):
                raise ValidationFailed([FieldError("outcome", "REQUIRED")])
            measure.status = target
        if text is not None:
            measure.outcome = text
        if user is not None:
            measure.assignee_id = user.id
        if due is not None:
            measure.due_date = due
        session.flush()
        return measure.version


# --- activity sequences (labour programmes) ------------------------------------------------------
