"""The copy-back grid: a sheet's members with what is already recorded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.domain.vocab import (
    ComplianceOutcome,
)
from app.models.compliance import (
    ComplianceRecord,
)
from app.models.db import Database
from app.models.registry import Individual
from app.services.compliance_record import (
    _count,
)
from app.services.compliance_roster import (
    _members,
    _sort_key,
    attendance_roster,
)
from app.services.compliance_rules import (
    PERCENT_KINDS,
    _service_point,
    condition_by_code,
    parse_period,
)
from app.services.context import Actor
from app.services.lookups import check_scope
from app.services.validation import Errors


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
