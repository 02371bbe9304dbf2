"""Compliance vocabulary and rules: who a condition concerns, periods, outcomes."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.domain.vocab import (
    ComplianceOutcome,
    ConditionKind,
    EnrolmentStatus,
    LocationLevel,
    MeasureStatus,
    ServicePointKind,
)
from app.errors import FieldError, ValidationFailed
from app.models.compliance import (
    ProgrammeCondition,
)
from app.models.location import Location, ServicePoint
from app.models.programme import Enrolment
from app.services.lookups import age_on, ancestors
from app.services.validation import Errors


class CellStatus(StrEnum):
    MET = "MET"
    NOT_MET = "NOT_MET"
    MISSING = "MISSING"
    NOT_APPLICABLE = "NOT_APPLICABLE"


class ComplianceStatus(StrEnum):
    COMPLIANT = "COMPLIANT"
    NON_COMPLIANT = "NON_COMPLIANT"
    NO_DATA = "NO_DATA"


class MeasureKind(StrEnum):
    """Accompanying measures (to move to ``app.domain.vocab``)."""

    CASE_WORKER_VISIT = "CASE_WORKER_VISIT"
    AWARENESS_SESSION = "AWARENESS_SESSION"
    REFERRAL = "REFERRAL"


#: ``applies_to`` → (minimum age, maximum age or None), in whole years on the period's first day.
AGE_RULES: dict[str, tuple[int, int | None]] = {
    "CHILD_UNDER_5": (0, 4),
    "CHILD_6_15": (6, 15),
    "ADULT": (18, None),
}
#: The kind of service point whose sheet carries each kind of condition.
SERVICE_POINT_KINDS: dict[str, str] = {
    ConditionKind.SCHOOL_ATTENDANCE: ServicePointKind.SCHOOL,
    ConditionKind.HEALTH_VISIT: ServicePointKind.HEALTH_FACILITY,
    ConditionKind.WORK_DAYS: ServicePointKind.WORKS_SITE,
}
#: Conditions whose threshold is a percentage of the expected count (else a plain count).
PERCENT_KINDS = frozenset({ConditionKind.SCHOOL_ATTENDANCE})
#: Conditions met by the household when one member meets them (one worker per household).
HOUSEHOLD_LEVEL_KINDS = frozenset({ConditionKind.WORK_DAYS})
LIVE_ENROLMENT = (EnrolmentStatus.ACTIVE, EnrolmentStatus.SUSPENDED)
#: Days from planning a follow-up measure to its due date.
MEASURE_DUE_DAYS = 14
OPEN_MEASURE = (MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS)
#: Measure state machine (to move to ``app.domain.transitions``).
MEASURE_TRANSITIONS: dict[str, frozenset[str]] = {
    MeasureStatus.PLANNED: frozenset(
        {MeasureStatus.IN_PROGRESS, MeasureStatus.DONE, MeasureStatus.CANCELLED}
    ),
    MeasureStatus.IN_PROGRESS: frozenset({MeasureStatus.DONE, MeasureStatus.CANCELLED}),
    MeasureStatus.DONE: frozenset(),
    MeasureStatus.CANCELLED: frozenset(),
}
PERIOD_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
TEXT_MAX = 2000


# --- periods and rules ---------------------------------------------------------------------------


def parse_period(text: str | None) -> date | None:
    """The first day of a ``YYYY-MM`` period; None if malformed."""
    match = PERIOD_RE.match((text or "").strip())
    if match is None:
        return None
    return date(int(match[1]), int(match[2]), 1)


def period_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def shift_period(period: str, months: int) -> str:
    """``period`` moved by ``months`` (negative: earlier)."""
    start = parse_period(period)
    if start is None:
        raise ValueError(f"not a period: {period!r}")
    index = start.year * 12 + start.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def periods_ending(period: str, count: int) -> list[str]:
    """``count`` consecutive periods ending with ``period``, oldest first."""
    return [shift_period(period, -n) for n in range(count - 1, -1, -1)]


def _check_period(errors: Errors, period: str, today: date, *, field: str = "period") -> str:
    text = (period or "").strip()
    start = parse_period(text)
    if start is None:
        errors.add(field, "INVALID_PERIOD", format="YYYY-MM")
    elif start > today.replace(day=1):
        errors.add(field, "PERIOD_IN_FUTURE")
    return text


def concerns(applies_to: str, born: date, period_start: date) -> bool:
    """True if someone born on ``born`` falls under ``applies_to`` in the period."""
    rule = AGE_RULES.get(applies_to)
    if rule is None or born > period_start:
        return False
    age = age_on(born, period_start)
    low, high = rule
    return age >= low and (high is None or age <= high)


def derive_outcome(
    condition: ProgrammeCondition, attended: int | None, expected: int | None
) -> str | None:
    """MET / NOT_MET from the counts, or None when they do not say (no count, no expected)."""
    if attended is None:
        return None
    if condition.kind in PERCENT_KINDS:
        if not expected:
            return None
        met = attended * 100 >= condition.threshold * expected
    else:
        met = attended >= condition.threshold
    return ComplianceOutcome.MET if met else ComplianceOutcome.NOT_MET


def condition_by_code(
    session: Session, code: str, *, field: str = "condition"
) -> ProgrammeCondition:
    condition = session.scalar(
        select(ProgrammeCondition).where(ProgrammeCondition.code == code.strip().upper())
    )
    if condition is None or condition.deleted:
        raise ValidationFailed([FieldError(field, "UNKNOWN_CONDITION", {"value": code})])
    if condition.applies_to not in AGE_RULES:
        raise ValidationFailed(
            [FieldError(field, "UNKNOWN_AGE_RULE", {"value": condition.applies_to})]
        )
    return condition


def _service_point(
    session: Session, code: str, condition: ProgrammeCondition, *, field: str = "service_point"
) -> ServicePoint:
    point = session.scalar(select(ServicePoint).where(ServicePoint.code == code.strip().upper()))
    if point is None or point.deleted:
        raise ValidationFailed([FieldError(field, "UNKNOWN_SERVICE_POINT", {"value": code})])
    expected = SERVICE_POINT_KINDS.get(condition.kind)
    if expected is None or point.kind != expected:
        raise ValidationFailed(
            [FieldError(field, "WRONG_SERVICE_POINT_KIND", {"expected": expected or "-"})]
        )
    return point


def _site_villages(session: Session, point: ServicePoint) -> set[str]:
    """Villages served by a works site: those of the ward (or larger area) it lies in."""
    location = session.get(Location, point.location_id)
    if location is None:
        return set()
    area = next(
        (loc for loc in ancestors(session, location) if loc.level != LocationLevel.VILLAGE),
        location,
    )
    villages: set[str] = set()
    frontier = [area.id]
    while frontier:
        children = list(
            session.execute(
                select(Location.id, Location.level).where(
                    Location.parent_id.in_(frontier), ~Location.deleted
                )
            ).all()
        )
        villages.update(cid for cid, level in children if level == LocationLevel.VILLAGE)
        frontier = [cid for cid, level in children if level != LocationLevel.VILLAGE]
    if area.level == LocationLevel.VILLAGE:
        villages.add(area.id)
    return villages


def _enrolled(programme_id: str) -> Select[tuple[str]]:
    return select(Enrolment.household_id).where(
        Enrolment.programme_id == programme_id,
        ~Enrolment.deleted,
        Enrolment.status.in_(LIVE_ENROLMENT),
    )


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


# --- the sheet's members -------------------------------------------------------------------------
