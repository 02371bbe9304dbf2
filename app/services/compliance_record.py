"""Recording attendance: one append-only record per member, condition and period."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.domain.vocab import (
    ComplianceOutcome,
    ConditionKind,
    MemberStatus,
)
from app.models.base import new_id
from app.models.compliance import (
    ComplianceRecord,
    ProgrammeCondition,
)
from app.models.location import ServicePoint
from app.models.programme import Enrolment
from app.models.registry import Household, Individual
from app.services.compliance_rules import (
    HOUSEHOLD_LEVEL_KINDS,
    _check_period,
    _enrolled,
    _service_point,
    _site_villages,
    concerns,
    condition_by_code,
    derive_outcome,
    parse_period,
)
from app.services.context import ServiceContext, unit_of_work
from app.services.lookups import check_scope
from app.services.validation import Errors


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
