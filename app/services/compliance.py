"""Co-responsibilities: attendance records, the copy-back grid, household status, follow-up.

**Who a condition concerns.** A condition belongs to a programme; it concerns the alive
members of households with a live enrolment (ACTIVE or SUSPENDED) in that programme whose age
on the first day of the period matches ``applies_to`` (``AGE_RULES``). On a sheet (one service
point, one condition, one period) they are, by condition kind:

- SCHOOL_ATTENDANCE: the children whose school is the service point (``Individual.school_id``);
- HEALTH_VISIT: the members whose health facility is the service point;
- WORK_DAYS: one worker per household living in the works site's ward: the primary recipient if
  concerned, else the head, else the oldest concerned member. Any concerned member of such a
  household may be recorded (substitutes work too), and the household meets the condition when
  one of its members does (``HOUSEHOLD_LEVEL_KINDS``).

**Outcome.** Given, or derived from attended/expected: for SCHOOL_ATTENDANCE the threshold is a
percentage of the expected days (``PERCENT_KINDS``); for the other kinds it is a count (visits,
days). EXEMPT is always given explicitly and counts as met.

**One record per member, condition and period.** ``ComplianceRecord`` is append-only (it never
conflicts in sync), so recording the same key again is refused with ALREADY_RECORDED. There is
no correction path yet: correcting a recorded outcome (Prospera's step, printing.md §2.3) needs
a model change (a superseding record with a reason, e.g. ``supersedes_id`` and ``reason``
columns and the uniqueness moved to live records).

**Household status.** Per condition and period a cell is MET, NOT_MET, MISSING (someone
concerned has no record) or NOT_APPLICABLE (nobody concerned). A condition's status is that of
its most recent period with a MET or NOT_MET cell (COMPLIANT / NON_COMPLIANT; NO_DATA if none);
the household is NON_COMPLIANT if any condition is, COMPLIANT if any condition is and none is
not, else NO_DATA.

**Follow-up.** ``check_non_compliance`` plans a case-worker visit (an ``AccompanyingMeasure``)
for each household whose cell was NOT_MET in each of the ``periods_before_measure`` periods
ending at the given period, unless an open measure for that condition already exists.

**Activities** (labour programmes): a member works through the programme's activities in
``position`` order; an activity opens only when the previous one is COMPLETED, and completes
when its ``working_days`` are done (the next one then opens).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session

from app.domain.vocab import (
    ActivityStatus,
    ComplianceOutcome,
    ConditionKind,
    EnrolmentStatus,
    LocationLevel,
    MeasureStatus,
    MemberStatus,
    Role,
    ServicePointKind,
)
from app.errors import FieldError, InvalidTransition, NotFound, ValidationFailed
from app.models.base import new_id
from app.models.compliance import (
    AccompanyingMeasure,
    Activity,
    ActivityProgress,
    ComplianceRecord,
    ProgrammeCondition,
)
from app.models.db import Database
from app.models.location import Location, ServicePoint
from app.models.programme import Enrolment, Programme
from app.models.registry import Household, Individual
from app.models.user import User
from app.services.context import Actor, ServiceContext, unit_of_work
from app.services.lookups import age_on, ancestors, check_scope, household_by_ref, individual_by_id
from app.services.validation import Errors, parse_date


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


@dataclass(frozen=True)
class RosterMember:
    """One person on an attendance sheet, in the sheet's order."""

    individual_id: str
    household_id: str
    household_code: str
    village_code: str
    village_name: str
    first_name: str
    last_name: str
    sex: str
    date_of_birth: date
    age: int
    caregiver_name: str | None


def _sort_key(m: RosterMember) -> tuple[str, str, str, str, date, str]:
    return (
        m.village_name,
        m.household_code,
        m.last_name,
        m.first_name,
        m.date_of_birth,
        m.individual_id,
    )


def _members(
    session: Session, clauses: Sequence[ColumnElement[bool]], period_start: date
) -> list[tuple[Individual, Household, RosterMember]]:
    rows = session.execute(
        select(Individual, Household, Location)
        .join(Household, Household.id == Individual.household_id)
        .join(Location, Location.id == Household.village_id)
        .where(~Individual.deleted, ~Household.deleted, *clauses)
    ).all()
    carer_ids = {pid for _, h, _ in rows for pid in (h.primary_recipient_id, h.head_id) if pid}
    names = {
        pid: f"{first} {last}"
        for pid, first, last in session.execute(
            select(Individual.id, Individual.first_name, Individual.last_name).where(
                Individual.id.in_(carer_ids)
            )
        ).all()
    }
    out = []
    for person, household, village in rows:
        carer = household.primary_recipient_id or household.head_id
        if carer == person.id:
            carer = household.head_id if household.head_id != person.id else None
        out.append(
            (
                person,
                household,
                RosterMember(
                    individual_id=person.id,
                    household_id=household.id,
                    household_code=household.code,
                    village_code=village.code,
                    village_name=village.name,
                    first_name=person.first_name,
                    last_name=person.last_name,
                    sex=person.sex,
                    date_of_birth=person.date_of_birth,
                    age=age_on(person.date_of_birth, period_start),
                    caregiver_name=names.get(carer) if carer else None,
                ),
            )
        )
    return out


def attendance_roster(
    session: Session, *, service_point: ServicePoint, condition: ProgrammeCondition, period: str
) -> list[RosterMember]:
    """The members a sheet lists (see the module docstring), ordered village, household, name.

    The printed sheet and the copy-back grid both use this, so their rows line up.
    """
    start = parse_period(period)
    if start is None:
        raise ValidationFailed([FieldError("period", "INVALID_PERIOD", {"format": "YYYY-MM"})])
    low, high = AGE_RULES[condition.applies_to]
    clauses: list[ColumnElement[bool]] = [
        Individual.status == MemberStatus.ALIVE,
        Individual.district_id == service_point.district_id,
        Household.id.in_(_enrolled(condition.programme_id)),
        Individual.date_of_birth <= _years_before(start, low),
    ]
    if high is not None:
        clauses.append(Individual.date_of_birth > _years_before(start, high + 1))
    if condition.kind == ConditionKind.SCHOOL_ATTENDANCE:
        clauses.append(Individual.school_id == service_point.id)
    elif condition.kind == ConditionKind.HEALTH_VISIT:
        clauses.append(Individual.health_facility_id == service_point.id)
    else:
        clauses.append(Household.village_id.in_(_site_villages(session, service_point)))
    found = _members(session, clauses, start)
    if condition.kind in HOUSEHOLD_LEVEL_KINDS:
        by_household: dict[str, list[tuple[Individual, Household, RosterMember]]] = defaultdict(
            list
        )
        for item in found:
            by_household[item[1].id].append(item)
        found = [_worker(items) for items in by_household.values()]
    return sorted((member for _, _, member in found), key=_sort_key)


def _worker(
    items: list[tuple[Individual, Household, RosterMember]],
) -> tuple[Individual, Household, RosterMember]:
    household = items[0][1]
    for wanted in (household.primary_recipient_id, household.head_id):
        for item in items:
            if item[0].id == wanted:
                return item
    return min(items, key=lambda item: (item[0].date_of_birth, item[0].id))


@dataclass(frozen=True)
class ConditionOption:
    """A condition for the sheet pickers, with the kind of service point its sheets belong to."""

    code: str
    name: str
    programme_code: str
    kind: str
    applies_to: str
    threshold: int
    threshold_is_percent: bool
    service_point_kind: str | None


def condition_options(db: Database) -> list[ConditionOption]:
    """Every live condition, by programme and code."""
    with db.read_session() as session:
        return [
            ConditionOption(
                code=c.code,
                name=c.name,
                programme_code=programme_code,
                kind=c.kind,
                applies_to=c.applies_to,
                threshold=c.threshold,
                threshold_is_percent=c.kind in PERCENT_KINDS,
                service_point_kind=SERVICE_POINT_KINDS.get(c.kind),
            )
            for c, programme_code in session.execute(
                select(ProgrammeCondition, Programme.code)
                .join(Programme, Programme.id == ProgrammeCondition.programme_id)
                .where(~ProgrammeCondition.deleted)
                .order_by(Programme.code, ProgrammeCondition.code)
            ).all()
        ]


def sheet_service_points(
    db: Database, *, condition_code: str, actor: Actor | None = None
) -> list[tuple[str, str]]:
    """(code, name) of the service points that carry ``condition_code``'s sheets, in the
    actor's district (every district for HQ), by name."""
    with db.read_session() as session:
        condition = condition_by_code(session, condition_code)
        kind = SERVICE_POINT_KINDS.get(condition.kind)
        query = select(ServicePoint.code, ServicePoint.name).where(
            ServicePoint.kind == kind, ~ServicePoint.deleted
        )
        if actor is not None and actor.district_id is not None:
            query = query.where(ServicePoint.district_id == actor.district_id)
        return [(code, name) for code, name in session.execute(query.order_by(ServicePoint.name))]


# --- recording ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceEntry:
    """One line of a sheet as keyed: counts, an outcome, or both (they must agree)."""

    individual_id: str
    attended: int | None = None
    expected: int | None = None
    outcome: str | None = None


@dataclass(frozen=True)
class RecordResult:
    record_ids: list[str]
    met: int
    not_met: int
    exempt: int


def _on_sheet(
    condition: ProgrammeCondition,
    point: ServicePoint,
    person: Individual,
    household: Household,
    site_villages: set[str] | None,
) -> bool:
    if condition.kind == ConditionKind.SCHOOL_ATTENDANCE:
        return person.school_id == point.id
    if condition.kind == ConditionKind.HEALTH_VISIT:
        return person.health_facility_id == point.id
    return site_villages is not None and household.village_id in site_villages


def _check_entry(
    errors: Errors,
    prefix: str,
    condition: ProgrammeCondition,
    entry: AttendanceEntry,
) -> str | None:
    """The outcome to store for ``entry`` (None when its counts or outcome are unusable)."""
    attended, expected = entry.attended, entry.expected
    bad = False
    for name, value in (("attended", attended), ("expected", expected)):
        if value is not None and value < 0:
            errors.add(f"{prefix}.{name}", "NEGATIVE_NUMBER")
            bad = True
    if not bad and attended is not None and expected is not None and attended > expected:
        errors.add(f"{prefix}.attended", "ATTENDED_OVER_EXPECTED", expected=expected)
        bad = True
    given: str | None = None
    if entry.outcome not in (None, ""):
        given = errors.enum(f"{prefix}.outcome", entry.outcome, ComplianceOutcome)
        if given not in set(ComplianceOutcome):
            return None
    if bad:
        return None
    derived = derive_outcome(condition, attended, expected)
    if given is not None:
        if given != ComplianceOutcome.EXEMPT and derived is not None and derived != given:
            errors.add(f"{prefix}.outcome", "OUTCOME_CONTRADICTS_ATTENDANCE", derived=derived)
            return None
        return given
    if attended is None:
        errors.add(f"{prefix}.outcome", "OUTCOME_OR_ATTENDANCE_REQUIRED")
    elif derived is None:
        errors.add(f"{prefix}.expected", "EXPECTED_REQUIRED")
    return derived


def record_attendance(
    ctx: ServiceContext,
    *,
    condition_code: str,
    period: str,
    service_point_code: str,
    entries: Sequence[AttendanceEntry],
) -> RecordResult:
    """Record one sheet: a ``ComplianceRecord`` per entry, all in one unit of work.

    Every entry is checked (member exists, is in the actor's district, alive, in an enrolled
    household, concerned by the condition's age rule at the period's start, listed on this
    service point's sheet, counts consistent, not recorded before) and every problem is
    reported at once with ``entries[i].field`` names; nothing is written unless all pass.
    """
    actor = ctx.require_actor()
    today = ctx.today()
    errors = Errors()
    clean_period = _check_period(errors, period, today)
    if not entries:
        errors.add("entries", "AT_LEAST_ONE_ENTRY")
    errors.raise_if_any()
    start = parse_period(clean_period)
    assert start is not None
    with unit_of_work(ctx) as session:
        condition = condition_by_code(session, condition_code)
        point = _service_point(session, service_point_code, condition)
        check_scope(actor, point.district_id)
        site_villages = (
            _site_villages(session, point) if condition.kind in HOUSEHOLD_LEVEL_KINDS else None
        )
        ids = [e.individual_id.strip() for e in entries]
        enrolled = set(
            session.scalars(
                _enrolled(condition.programme_id).where(
                    Enrolment.household_id.in_(
                        select(Individual.household_id).where(Individual.id.in_(ids))
                    )
                )
            )
        )
        already: dict[str, str] = {
            pid: outcome
            for pid, outcome in session.execute(
                select(ComplianceRecord.individual_id, ComplianceRecord.outcome).where(
                    ComplianceRecord.condition_id == condition.id,
                    ComplianceRecord.period == clean_period,
                    ComplianceRecord.individual_id.in_(ids),
                    ~ComplianceRecord.deleted,
                )
            ).all()
        }
        seen: set[str] = set()
        records: list[ComplianceRecord] = []
        for i, (entry, person_id) in enumerate(zip(entries, ids, strict=True)):
            prefix = f"entries[{i}]"
            outcome = _check_entry(errors, prefix, condition, entry)
            if person_id in seen:
                errors.add(f"{prefix}.individual_id", "DUPLICATE_ENTRY")
                continue
            seen.add(person_id)
            person = session.get(Individual, person_id)
            if person is None or person.deleted:
                errors.add(f"{prefix}.individual_id", "UNKNOWN_INDIVIDUAL", value=person_id)
                continue
            if actor.district_id is not None and person.district_id != actor.district_id:
                errors.add(f"{prefix}.individual_id", "OUT_OF_SCOPE")
                continue
            household = session.get(Household, person.household_id)
            assert household is not None
            code = _member_problem(
                condition, point, person, household, site_villages, enrolled, start
            )
            if code is not None:
                params = {"status": person.status} if code == "MEMBER_NOT_PRESENT" else {}
                errors.add(f"{prefix}.individual_id", code, **params)
                continue
            if person_id in already:
                errors.add(
                    f"{prefix}.individual_id", "ALREADY_RECORDED", outcome=already[person_id]
                )
                continue
            if outcome is None:
                continue
            records.append(
                ComplianceRecord(
                    id=new_id(),
                    condition_id=condition.id,
                    individual_id=person.id,
                    household_id=household.id,
                    district_id=person.district_id,
                    service_point_id=point.id,
                    period=clean_period,
                    attended=entry.attended,
                    expected=entry.expected,
                    outcome=outcome,
                    recorded_by=actor.user_id,
                )
            )
        errors.raise_if_any()
        session.add_all(records)
        counts = _count(r.outcome for r in records)
        return RecordResult(
            record_ids=[r.id for r in records],
            met=counts[ComplianceOutcome.MET],
            not_met=counts[ComplianceOutcome.NOT_MET],
            exempt=counts[ComplianceOutcome.EXEMPT],
        )


def _count(values: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for value in values:
        out[value] += 1
    return out


def _member_problem(
    condition: ProgrammeCondition,
    point: ServicePoint,
    person: Individual,
    household: Household,
    site_villages: set[str] | None,
    enrolled: set[str],
    period_start: date,
) -> str | None:
    if person.status != MemberStatus.ALIVE:
        return "MEMBER_NOT_PRESENT"
    if household.id not in enrolled:
        return "NOT_ENROLLED"
    if not concerns(condition.applies_to, person.date_of_birth, period_start):
        return "NOT_CONCERNED_BY_AGE"
    if not _on_sheet(condition, point, person, household, site_villages):
        return "NOT_AT_SERVICE_POINT"
    return None


# --- the copy-back grid --------------------------------------------------------------------------


@dataclass(frozen=True)
class GridRow:
    """One grid line: the sheet's member and what is recorded for them (None: not yet)."""

    number: int
    individual_id: str
    household_code: str
    village_code: str
    village_name: str
    first_name: str
    last_name: str
    sex: str
    date_of_birth: date
    age: int
    caregiver_name: str | None
    on_sheet: bool  # False: recorded here but no longer listed (moved school, aged out...)
    attended: int | None
    expected: int | None
    outcome: str | None

    @property
    def recorded(self) -> bool:
        return self.outcome is not None


@dataclass(frozen=True)
class ComplianceGrid:
    """A sheet to key in: header facts, rows in the paper's order, and totals (AT-08)."""

    service_point_code: str
    service_point_name: str
    service_point_kind: str
    condition_code: str
    condition_name: str
    condition_kind: str
    applies_to: str
    threshold: int
    threshold_is_percent: bool
    period: str
    rows: list[GridRow]
    listed: int
    met: int
    not_met: int
    exempt: int
    not_reported: int


def compliance_grid(
    db: Database,
    *,
    service_point_code: str,
    condition_code: str,
    period: str,
    actor: Actor | None = None,
) -> ComplianceGrid:
    """The rows of one sheet with any values already recorded for them.

    Rows: the sheet's members (``attendance_roster``) plus anyone already recorded at this
    service point for this condition and period who is no longer listed, all ordered by
    village, household code and name.
    """
    errors = Errors()
    start = parse_period(period)
    if start is None:
        errors.add("period", "INVALID_PERIOD", format="YYYY-MM")
    errors.raise_if_any()
    clean_period = period.strip()
    with db.read_session() as session:
        condition = condition_by_code(session, condition_code)
        point = _service_point(session, service_point_code, condition)
        if actor is not None:
            check_scope(actor, point.district_id)
        roster = attendance_roster(
            session, service_point=point, condition=condition, period=clean_period
        )
        records = {
            r.individual_id: r
            for r in session.scalars(
                select(ComplianceRecord).where(
                    ComplianceRecord.condition_id == condition.id,
                    ComplianceRecord.period == clean_period,
                    ~ComplianceRecord.deleted,
                    (ComplianceRecord.service_point_id == point.id)
                    | ComplianceRecord.individual_id.in_([m.individual_id for m in roster]),
                )
            )
        }
        listed = {m.individual_id for m in roster}
        extra_ids = [pid for pid in records if pid not in listed]
        assert start is not None
        extra = [m for _, _, m in _members(session, [Individual.id.in_(extra_ids)], start)]
        members = sorted([*roster, *extra], key=_sort_key)
        rows = []
        for number, m in enumerate(members, start=1):
            record = records.get(m.individual_id)
            rows.append(
                GridRow(
                    number=number,
                    individual_id=m.individual_id,
                    household_code=m.household_code,
                    village_code=m.village_code,
                    village_name=m.village_name,
                    first_name=m.first_name,
                    last_name=m.last_name,
                    sex=m.sex,
                    date_of_birth=m.date_of_birth,
                    age=m.age,
                    caregiver_name=m.caregiver_name,
                    on_sheet=m.individual_id in listed,
                    attended=record.attended if record else None,
                    expected=record.expected if record else None,
                    outcome=record.outcome if record else None,
                )
            )
        counts = _count(r.outcome for r in rows if r.outcome is not None)
        return ComplianceGrid(
            service_point_code=point.code,
            service_point_name=point.name,
            service_point_kind=point.kind,
            condition_code=condition.code,
            condition_name=condition.name,
            condition_kind=condition.kind,
            applies_to=condition.applies_to,
            threshold=condition.threshold,
            threshold_is_percent=condition.kind in PERCENT_KINDS,
            period=clean_period,
            rows=rows,
            listed=len(rows),
            met=counts[ComplianceOutcome.MET],
            not_met=counts[ComplianceOutcome.NOT_MET],
            exempt=counts[ComplianceOutcome.EXEMPT],
            not_reported=sum(1 for r in rows if r.outcome is None),
        )


# --- a household's status ------------------------------------------------------------------------


@dataclass(frozen=True)
class ComplianceCell:
    """One condition in one period: the cell status and how many members are in each state."""

    period: str
    status: str
    met: int
    not_met: int
    exempt: int
    missing: int


@dataclass(frozen=True)
class ConditionCompliance:
    condition_code: str
    condition_name: str
    condition_kind: str
    programme_code: str
    status: str
    cells: list[ComplianceCell]


@dataclass(frozen=True)
class HouseholdCompliance:
    household_id: str
    household_code: str
    periods: list[str]
    status: str
    conditions: list[ConditionCompliance]


def _cell(
    condition: ProgrammeCondition,
    period: str,
    members: Sequence[Individual],
    outcomes: dict[str, str],
) -> ComplianceCell:
    """``outcomes``: individual id → outcome recorded for this condition and period."""
    start = parse_period(period)
    assert start is not None
    concerned = {
        p.id
        for p in members
        if p.status == MemberStatus.ALIVE and concerns(condition.applies_to, p.date_of_birth, start)
    } | set(outcomes)
    counts = _count(outcomes.values())
    met, not_met, exempt = (
        counts[ComplianceOutcome.MET],
        counts[ComplianceOutcome.NOT_MET],
        counts[ComplianceOutcome.EXEMPT],
    )
    missing = len(concerned - set(outcomes))
    if condition.kind in HOUSEHOLD_LEVEL_KINDS:
        if met or exempt:
            status = CellStatus.MET
        elif not_met:
            status = CellStatus.NOT_MET
        else:
            status = CellStatus.MISSING if concerned else CellStatus.NOT_APPLICABLE
        missing = 0 if outcomes else min(missing, 1)
    elif not_met:
        status = CellStatus.NOT_MET
    elif not concerned:
        status = CellStatus.NOT_APPLICABLE
    elif missing:
        status = CellStatus.MISSING
    else:
        status = CellStatus.MET
    return ComplianceCell(period, status, met, not_met, exempt, missing)


def _condition_status(cells: Sequence[ComplianceCell]) -> str:
    for cell in reversed(cells):
        if cell.status == CellStatus.NOT_MET:
            return ComplianceStatus.NON_COMPLIANT
        if cell.status == CellStatus.MET:
            return ComplianceStatus.COMPLIANT
    return ComplianceStatus.NO_DATA


def household_compliance(
    db: Database,
    *,
    household_ref: str,
    periods: int = 3,
    until: str | None = None,
    today: date | None = None,
    actor: Actor | None = None,
) -> HouseholdCompliance:
    """Each condition of the household's live enrolments over ``periods`` months.

    The window ends with ``until`` (default: the month before ``today``, the last complete one).
    """
    errors = Errors()
    if periods < 1:
        errors.add("periods", "AT_LEAST_ONE")
    last = (
        until.strip()
        if until
        else period_of((today or date.today()).replace(day=1) - timedelta(days=1))
    )
    if parse_period(last) is None:
        errors.add("until", "INVALID_PERIOD", format="YYYY-MM")
    errors.raise_if_any()
    window = periods_ending(last, periods)
    with db.read_session() as session:
        household = household_by_ref(session, household_ref, actor)
        conditions = list(
            session.execute(
                select(ProgrammeCondition, Programme.code)
                .join(Programme, Programme.id == ProgrammeCondition.programme_id)
                .join(Enrolment, Enrolment.programme_id == Programme.id)
                .where(
                    Enrolment.household_id == household.id,
                    ~Enrolment.deleted,
                    Enrolment.status.in_(LIVE_ENROLMENT),
                    ~ProgrammeCondition.deleted,
                )
                .order_by(Programme.code, ProgrammeCondition.code)
            ).all()
        )
        members = list(
            session.scalars(
                select(Individual).where(
                    Individual.household_id == household.id, ~Individual.deleted
                )
            )
        )
        recorded: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
        for condition_id, period, person_id, outcome in session.execute(
            select(
                ComplianceRecord.condition_id,
                ComplianceRecord.period,
                ComplianceRecord.individual_id,
                ComplianceRecord.outcome,
            ).where(
                ComplianceRecord.household_id == household.id,
                ComplianceRecord.period.in_(window),
                ~ComplianceRecord.deleted,
            )
        ).all():
            recorded[(condition_id, period)][person_id] = outcome
        results = []
        for condition, programme_code in conditions:
            if condition.applies_to not in AGE_RULES:
                continue
            cells = [
                _cell(condition, p, members, recorded.get((condition.id, p), {})) for p in window
            ]
            results.append(
                ConditionCompliance(
                    condition_code=condition.code,
                    condition_name=condition.name,
                    condition_kind=condition.kind,
                    programme_code=programme_code,
                    status=_condition_status(cells),
                    cells=cells,
                )
            )
        statuses = {c.status for c in results}
        if ComplianceStatus.NON_COMPLIANT in statuses:
            overall = ComplianceStatus.NON_COMPLIANT
        elif ComplianceStatus.COMPLIANT in statuses:
            overall = ComplianceStatus.COMPLIANT
        else:
            overall = ComplianceStatus.NO_DATA
        return HouseholdCompliance(household.id, household.code, window, overall, results)


# --- non-compliance follow-up --------------------------------------------------------------------


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
                created.append(_measure_out(measure, household.code, condition.code, None, today))
    return created


def _measure_out(
    m: AccompanyingMeasure,
    household_code: str,
    condition_code: str | None,
    assignee: str | None,
    today: date,
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
    )


def list_measures(
    db: Database,
    *,
    today: date,
    actor: Actor | None = None,
    household_ref: str | None = None,
    open_only: bool = False,
) -> list[MeasureOut]:
    """Accompanying measures in the actor's district, open ones first, earliest due first."""
    with db.read_session() as session:
        query = (
            select(AccompanyingMeasure, Household.code, ProgrammeCondition.code, User.username)
            .join(Household, Household.id == AccompanyingMeasure.household_id)
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
        query = query.order_by(
            AccompanyingMeasure.status.not_in(OPEN_MEASURE),
            AccompanyingMeasure.due_date,
            Household.code,
        )
        return [
            _measure_out(m, code, condition_code, username, today)
            for m, code, condition_code, username in session.execute(query).all()
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


@dataclass(frozen=True)
class ActivityProgressOut:
    programme_code: str
    position: int
    name: str
    working_days: int
    days_done: int
    status: str
    completed_on: date | None


def _activity_programme(
    session: Session, person: Individual, programme_code: str | None
) -> Programme:
    with_activities = select(Activity.programme_id).where(~Activity.deleted)
    query = (
        select(Programme)
        .join(Enrolment, Enrolment.programme_id == Programme.id)
        .where(
            Enrolment.household_id == person.household_id,
            ~Enrolment.deleted,
            Enrolment.status.in_(LIVE_ENROLMENT),
            Programme.id.in_(with_activities),
        )
        .order_by(Programme.code)
    )
    if programme_code:
        query = query.where(Programme.code == programme_code.strip().upper())
    found = list(session.scalars(query))
    if not found:
        raise ValidationFailed([FieldError("individual_id", "NOT_ENROLLED_IN_ACTIVITIES")])
    if len(found) > 1:
        raise ValidationFailed(
            [
                FieldError(
                    "programme", "PROGRAMME_REQUIRED", {"choices": ", ".join(p.code for p in found)}
                )
            ]
        )
    return found[0]


def _progress(
    session: Session, person: Individual, programme: Programme
) -> list[tuple[Activity, ActivityProgress | None, str]]:
    """The programme's activities in order, each with the member's row and effective status."""
    activities = list(
        session.scalars(
            select(Activity)
            .where(Activity.programme_id == programme.id, ~Activity.deleted)
            .order_by(Activity.position)
        )
    )
    rows = {
        r.activity_id: r
        for r in session.scalars(
            select(ActivityProgress).where(
                ActivityProgress.individual_id == person.id,
                ActivityProgress.activity_id.in_([a.id for a in activities]),
                ~ActivityProgress.deleted,
            )
        )
    }
    out: list[tuple[Activity, ActivityProgress | None, str]] = []
    previous_done = True
    for activity in activities:
        row = rows.get(activity.id)
        if row is not None and row.status != ActivityStatus.LOCKED:
            status = row.status
        else:
            status = ActivityStatus.OPEN if previous_done else ActivityStatus.LOCKED
        out.append((activity, row, status))
        previous_done = status == ActivityStatus.COMPLETED
    return out


def activity_progress(
    db: Database, *, individual_id: str, actor: Actor, programme_code: str | None = None
) -> list[ActivityProgressOut]:
    """A member's progress through the activity sequence of their labour programme."""
    with db.read_session() as session:
        person = individual_by_id(session, individual_id, actor)
        programme = _activity_programme(session, person, programme_code)
        return [
            ActivityProgressOut(
                programme_code=programme.code,
                position=activity.position,
                name=activity.name,
                working_days=activity.working_days,
                days_done=row.days_done if row else 0,
                status=status,
                completed_on=row.completed_on if row else None,
            )
            for activity, row, status in _progress(session, person, programme)
        ]


def record_activity_progress(
    ctx: ServiceContext,
    *,
    individual_id: str,
    activity_position: int,
    days_done: int,
    programme_code: str | None = None,
) -> ActivityProgressOut:
    """Add ``days_done`` worked days to the member's activity at ``activity_position``.

    Only an OPEN activity takes days (ACTIVITY_LOCKED until the previous one is COMPLETED,
    ACTIVITY_COMPLETED after); the total may not pass the activity's working days. Reaching
    them completes the activity and opens the next one. Returns the activity's new state.
    """
    actor = ctx.require_actor()
    today = ctx.today()
    with unit_of_work(ctx) as session:
        person = individual_by_id(session, individual_id, actor)
        if person.status != MemberStatus.ALIVE:
            raise ValidationFailed(
                [FieldError("individual_id", "MEMBER_NOT_PRESENT", {"status": person.status})]
            )
        programme = _activity_programme(session, person, programme_code)
        steps = _progress(session, person, programme)
        index = next(
            (i for i, (a, _, _) in enumerate(steps) if a.position == activity_position), None
        )
        errors = Errors()
        if days_done < 1:
            errors.add("days_done", "AT_LEAST_ONE")
        if index is None:
            errors.add("activity_position", "UNKNOWN_ACTIVITY", value=activity_position)
        errors.raise_if_any()
        assert index is not None
        activity, row, status = steps[index]
        if status == ActivityStatus.LOCKED:
            raise ValidationFailed(
                [
                    FieldError(
                        "activity_position",
                        "ACTIVITY_LOCKED",
                        {"previous": steps[index - 1][0].position},
                    )
                ]
            )
        if status == ActivityStatus.COMPLETED:
            raise ValidationFailed([FieldError("activity_position", "ACTIVITY_COMPLETED")])
        total = (row.days_done if row else 0) + days_done
        if activity.working_days and total > activity.working_days:
            raise ValidationFailed(
                [
                    FieldError(
                        "days_done",
                        "OVER_REMAINING_DAYS",
                        {"remaining": activity.working_days - total + days_done},
                    )
                ]
            )
        if row is None:
            row = ActivityProgress(
                id=new_id(),
                activity_id=activity.id,
                individual_id=person.id,
                household_id=person.household_id,
                district_id=person.district_id,
                status=ActivityStatus.OPEN,
                days_done=0,
            )
            session.add(row)
        row.status = ActivityStatus.OPEN
        row.days_done = total
        if activity.working_days and total == activity.working_days:
            row.status = ActivityStatus.COMPLETED
            row.completed_on = today
            if index + 1 < len(steps):
                following, next_row, _ = steps[index + 1]
                if next_row is None:
                    session.add(
                        ActivityProgress(
                            id=new_id(),
                            activity_id=following.id,
                            individual_id=person.id,
                            household_id=person.household_id,
                            district_id=person.district_id,
                            status=ActivityStatus.OPEN,
                            days_done=0,
                        )
                    )
                elif next_row.status == ActivityStatus.LOCKED:
                    next_row.status = ActivityStatus.OPEN
        session.flush()
        return ActivityProgressOut(
            programme_code=programme.code,
            position=activity.position,
            name=activity.name,
            working_days=activity.working_days,
            days_done=row.days_done,
            status=row.status,
            completed_on=row.completed_on,
        )
