"""Who is on an attendance sheet, in the order the printed sheet and the grid share."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.domain.vocab import (
    ConditionKind,
    MemberStatus,
)
from app.errors import FieldError, ValidationFailed
from app.models.compliance import (
    ProgrammeCondition,
)
from app.models.db import Database
from app.models.location import Location, ServicePoint
from app.models.programme import Programme
from app.models.registry import Household, Individual
from app.services.compliance_rules import (
    AGE_RULES,
    HOUSEHOLD_LEVEL_KINDS,
    PERCENT_KINDS,
    SERVICE_POINT_KINDS,
    _enrolled,
    _site_villages,
    _years_before,
    condition_by_code,
    parse_period,
)
from app.services.context import Actor
from app.services.lookups import age_on


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
