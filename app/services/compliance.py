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

from app.services.activities import (
    ActivityProgressOut,
    activity_progress,
    record_activity_progress,
)
from app.services.compliance_followup import (
    MeasureOut,
    check_non_compliance,
    list_measures,
    update_measure,
)
from app.services.compliance_grid import (
    ComplianceGrid,
    GridRow,
    compliance_grid,
)
from app.services.compliance_record import (
    AttendanceEntry,
    RecordResult,
    record_attendance,
)
from app.services.compliance_roster import (
    ConditionOption,
    RosterMember,
    attendance_roster,
    condition_options,
    sheet_service_points,
)
from app.services.compliance_rules import (
    AGE_RULES,
    HOUSEHOLD_LEVEL_KINDS,
    LIVE_ENROLMENT,
    MEASURE_DUE_DAYS,
    MEASURE_TRANSITIONS,
    OPEN_MEASURE,
    PERCENT_KINDS,
    PERIOD_RE,
    SERVICE_POINT_KINDS,
    TEXT_MAX,
    CellStatus,
    ComplianceStatus,
    MeasureKind,
    concerns,
    condition_by_code,
    derive_outcome,
    parse_period,
    period_of,
    periods_ending,
    shift_period,
)
from app.services.compliance_status import (
    ComplianceCell,
    ConditionCompliance,
    HouseholdCompliance,
    household_compliance,
)

__all__ = [
    "AGE_RULES",
    "ActivityProgressOut",
    "AttendanceEntry",
    "CellStatus",
    "ComplianceCell",
    "ComplianceGrid",
    "ComplianceStatus",
    "ConditionCompliance",
    "ConditionOption",
    "GridRow",
    "HOUSEHOLD_LEVEL_KINDS",
    "HouseholdCompliance",
    "LIVE_ENROLMENT",
    "MEASURE_DUE_DAYS",
    "MEASURE_TRANSITIONS",
    "MeasureKind",
    "MeasureOut",
    "OPEN_MEASURE",
    "PERCENT_KINDS",
    "PERIOD_RE",
    "RecordResult",
    "RosterMember",
    "SERVICE_POINT_KINDS",
    "TEXT_MAX",
    "activity_progress",
    "attendance_roster",
    "check_non_compliance",
    "compliance_grid",
    "concerns",
    "condition_by_code",
    "condition_options",
    "derive_outcome",
    "household_compliance",
    "list_measures",
    "parse_period",
    "period_of",
    "periods_ending",
    "record_activity_progress",
    "record_attendance",
    "sheet_service_points",
    "shift_period",
    "update_measure",
]
