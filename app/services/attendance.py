"""Attendance sheets: who a school, clinic or works site lists for a period, in the grid's order.

The members and their order come from ``services.compliance.attendance_roster``, the function
the desktop compliance grid (``compliance_grid``) uses, so the printed sheet and the grid that
copies it back list the same people in the same order (village, household code, name); see that
module for who a condition concerns. This module adds what the paper needs around them: the
conditions a service point carries (every live condition whose kind belongs to that kind of
service point: SCHOOL_ATTENDANCE at schools, HEALTH_VISIT at health facilities, WORK_DAYS at
works sites), the header facts, and the print serial.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import FieldError, ValidationFailed
from app.models.compliance import ProgrammeCondition
from app.models.db import Database
from app.models.location import Location, ServicePoint
from app.models.programme import Programme
from app.models.user import User
from app.services.compliance import (
    PERCENT_KINDS,
    SERVICE_POINT_KINDS,
    RosterMember,
    parse_period,
)
from app.services.compliance import attendance_roster as compliance_roster
from app.services.context import ServiceContext
from app.services.lookups import ancestors, check_scope
from app.services.payroll import now_on
from app.services.print_log import PrintStamp, stamp_print

#: Days after the period's end by which the filled sheet should be back at the office.
RETURN_DAYS = 7


@dataclass(frozen=True)
class AttendanceSheet:
    """One sheet: one service point, one condition, one period, its members in order."""

    programme_code: str
    programme_name: str
    condition_code: str
    condition_name: str
    condition_kind: str
    applies_to: str
    threshold: int
    threshold_is_percent: bool
    service_point_code: str
    service_point_name: str
    service_point_kind: str
    area: str  # village, ward, district
    district_code: str
    district_name: str
    period: str
    period_start: date
    period_end: date
    return_by: date
    members: list[RosterMember]
    stamp: PrintStamp | None = None


def _point(session: Session, code: str) -> ServicePoint:
    point = session.scalar(select(ServicePoint).where(ServicePoint.code == code.strip().upper()))
    if point is None or point.deleted:
        raise ValidationFailed(
            [FieldError("service_point", "UNKNOWN_SERVICE_POINT", {"value": code})]
        )
    return point


def _sheets(
    session: Session, point: ServicePoint, period: str, condition_code: str | None
) -> list[AttendanceSheet]:
    start = parse_period(period)
    if start is None:
        raise ValidationFailed([FieldError("period", "INVALID_PERIOD", {"format": "YYYY-MM"})])
    kinds = [kind for kind, point_kind in SERVICE_POINT_KINDS.items() if point_kind == point.kind]
    query = (
        select(ProgrammeCondition, Programme)
        .join(Programme, Programme.id == ProgrammeCondition.programme_id)
        .where(ProgrammeCondition.kind.in_(kinds), ~ProgrammeCondition.deleted)
        .order_by(Programme.code, ProgrammeCondition.code)
    )
    if condition_code:
        query = query.where(ProgrammeCondition.code == condition_code.strip().upper())
    found = session.execute(query).tuples().all()
    if not found and condition_code:
        raise ValidationFailed(
            [FieldError("condition", "UNKNOWN_CONDITION", {"value": condition_code})]
        )
    if not found:
        carried = session.scalars(
            select(ProgrammeCondition.kind).where(~ProgrammeCondition.deleted).distinct()
        )
        expected = sorted({SERVICE_POINT_KINDS[k] for k in carried if k in SERVICE_POINT_KINDS})
        raise ValidationFailed(
            [
                FieldError(
                    "service_point",
                    "WRONG_SERVICE_POINT_KIND",
                    {"expected": ", ".join(expected) or "-"},
                )
            ]
        )
    location = session.get(Location, point.location_id)
    chain = ancestors(session, location) if location is not None else []
    district = session.get(Location, point.district_id)
    end = start.replace(day=monthrange(start.year, start.month)[1])
    clean = f"{start.year:04d}-{start.month:02d}"
    return [
        AttendanceSheet(
            programme_code=programme.code,
            programme_name=programme.name,
            condition_code=condition.code,
            condition_name=condition.name,
            condition_kind=condition.kind,
            applies_to=condition.applies_to,
            threshold=condition.threshold,
            threshold_is_percent=condition.kind in PERCENT_KINDS,
            service_point_code=point.code,
            service_point_name=point.name,
            service_point_kind=point.kind,
            area=", ".join(loc.name for loc in chain[:3]),
            district_code=district.code if district else "",
            district_name=district.name if district else "",
            period=clean,
            period_start=start,
            period_end=end,
            return_by=end + timedelta(days=RETURN_DAYS),
            members=compliance_roster(
                session, service_point=point, condition=condition, period=clean
            ),
        )
        for condition, programme in found
    ]


def attendance_roster(
    ctx_or_db: ServiceContext | Database,
    *,
    service_point_code: str,
    period: str,
    condition_code: str | None = None,
) -> list[AttendanceSheet]:
    """The sheets of a service point for ``period`` (``YYYY-MM``): one per condition it
    carries (or only ``condition_code``'s), members in the compliance grid's order.

    With a ``ServiceContext`` the service point must be in the actor's district.
    """
    db = ctx_or_db.db if isinstance(ctx_or_db, ServiceContext) else ctx_or_db
    with db.read_session() as session:
        point = _point(session, service_point_code)
        if isinstance(ctx_or_db, ServiceContext):
            check_scope(ctx_or_db.require_actor(), point.district_id)
        return _sheets(session, point, period, condition_code)


def attendance_sheet_data(
    ctx: ServiceContext,
    *,
    service_point_code: str,
    period: str,
    condition_code: str | None = None,
) -> list[AttendanceSheet]:
    """``attendance_roster`` with a print serial on each sheet (this is a print: counted)."""
    actor = ctx.require_actor()
    sheets = attendance_roster(
        ctx, service_point_code=service_point_code, period=period, condition_code=condition_code
    )
    with ctx.db.read_session() as session:
        user = session.get(User, actor.user_id)
        printed_by = (user.full_name or user.username) if user else actor.username
    now = now_on(ctx)
    return [
        replace(
            sheet,
            stamp=stamp_print(
                ctx.db,
                kind="AT",
                base=f"{sheet.district_code}-{sheet.condition_code}-{sheet.service_point_code}"
                f"-{sheet.period}",
                printed_at=now,
                printed_by=printed_by,
            ),
        )
        for sheet in sheets
    ]
