"""A household's compliance per condition and period, and overall."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from app.domain.vocab import (
    ComplianceOutcome,
    MemberStatus,
)
from app.models.compliance import (
    ComplianceRecord,
    ProgrammeCondition,
)
from app.models.db import Database
from app.models.programme import Enrolment, Programme
from app.models.registry import Individual
from app.services.compliance_record import (
    _count,
)
from app.services.compliance_rules import (
    AGE_RULES,
    HOUSEHOLD_LEVEL_KINDS,
    LIVE_ENROLMENT,
    CellStatus,
    ComplianceStatus,
    concerns,
    parse_period,
    period_of,
    periods_ending,
)
from app.services.context import Actor
from app.services.lookups import household_by_ref
from app.services.validation import Errors


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
